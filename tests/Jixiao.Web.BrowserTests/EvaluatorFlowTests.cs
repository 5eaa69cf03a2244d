using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// Third-party evaluation as finance and an agency live it: finance gives the demo evaluator's agency a project from
/// the registry page, the evaluator finds the task on its home, fills the rubric and submits it, finance accepts the
/// report from its home and scores its quality, which the registry then shows as the agency's average.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EvaluatorFlowTests(LiveApp app) : IClassFixture<LiveApp>
{
    private sealed record DemoAgency(string Name, IReadOnlyList<int> AssignedProjects);

    /// <summary>The agency the demo evaluator works for, and the projects it already has, as the demo generated them.</summary>
    private async Task<DemoAgency> Agency()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agencyId = await db.Users.Where(u => u.UserName == "demo-evaluator").Select(u => u.AgencyId).SingleAsync();
        var name = await db.EvaluationAgencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
        return new DemoAgency(name, await db.EvaluationAssignments.Where(a => a.AgencyId == agencyId).Select(a => a.ProjectId).ToListAsync());
    }

    [Fact]
    public async Task An_evaluator_assigned_to_a_project_fills_the_rubric_and_submits_and_finance_accepts_it()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var agency = await Agency();

        // Finance: from its home to the registry, to the agency, and a project of the demo year to evaluate.
        var finance = await app.SignIn("demo-finance");
        await finance.ClickAsync("#agencies-link");
        await finance.WaitForURLAsync(new Regex("/evaluators$"));
        await Expect(finance.Locator("#agencies")).ToContainTextAsync(agency.Name);
        await Screens.Save(finance, "60-evaluator-agencies");
        await finance.Locator("#agencies a", new() { HasText = agency.Name }).ClickAsync();
        await finance.WaitForURLAsync(new Regex(@"/evaluators/\d+$"));
        await finance.FillAsync("#assign-year:not([disabled])", DemoData.Year.ToString(CultureInfo.InvariantCulture));
        await finance.ClickAsync("#find-projects");
        await Expect(finance.Locator("#assign-project option").Nth(1)).ToBeAttachedAsync();
        var options = await finance.Locator("#assign-project option").EvaluateAllAsync<string[][]>("os => os.map(o => [o.value, o.textContent])");
        var chosen = options.Last(o => o[0] != "0" && !agency.AssignedProjects.Contains(int.Parse(o[0], CultureInfo.InvariantCulture)));
        var label = chosen[1].Split(" · ", 2)[1];
        var project = label[..label.LastIndexOf('（')];
        await finance.SelectOptionAsync("#assign-project", chosen[0]);
        await finance.Locator("#assign-experts input[type=checkbox]").First.CheckAsync();
        await finance.FillAsync("#assign-note", "财政重点评价：请按评分表逐项评分，写明扣分原因。");
        await finance.ClickAsync("#assign-task");
        await Expect(finance.Locator("#agency-notice")).ToContainTextAsync(project);
        await Expect(finance.Locator("#tasks tr", new() { HasText = project })).ToContainTextAsync("未开始");
        await Screens.Save(finance, "61-evaluator-task-assigned");

        // The evaluator: the task is on its home; it opens the report, fills the rubric and submits.
        var evaluator = await app.SignIn("demo-evaluator");
        await Expect(evaluator.Locator("#my-evaluation-tasks")).ToContainTextAsync(project);
        await Screens.Save(evaluator, "62-evaluator-home");
        await evaluator.ClickAsync("#my-evaluation-tasks a[href='/evaluation-tasks']");
        await evaluator.WaitForURLAsync(new Regex("/evaluation-tasks$"));
        await evaluator.Locator("tr", new() { HasText = project }).Locator("button[name=open-report]:not([disabled])").ClickAsync();
        await evaluator.WaitForURLAsync(new Regex(@"/forms/\d+$"));
        var reportUrl = evaluator.Url;
        // The rubric starts with the rulebook's rows where the layout has them; otherwise the evaluator adds the first row.
        var add = evaluator.Locator(".add-row button:not([disabled])", new() { HasText = "添加指标" });
        await Expect(add).ToBeVisibleAsync();
        if (await evaluator.Locator("input[aria-label='第1行 三级指标']").CountAsync() == 0) await add.ClickAsync();
        var name = evaluator.Locator("input[aria-label='第1行 三级指标']:not([disabled])");
        var score = evaluator.Locator("input[aria-label='第1行 得分']:not([disabled])");
        // The editor's script may attach a moment after the cell is enabled: an edit it missed is typed again, until
        // the report read back from the server holds it.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Expect(name).ToBeVisibleAsync();
            if (await name.InputValueAsync() == "立项依据充分性") break;
            await name.FillAsync("");
            await name.PressSequentiallyAsync("立项依据充分性");
            if (await score.CountAsync() > 0) await score.FillAsync("4");
            await evaluator.WaitForTimeoutAsync(500);
            if (await evaluator.Locator("#save:not([disabled])").CountAsync() > 0)
            {
                await evaluator.ClickAsync("#save");
                await Expect(evaluator.Locator("#save-state")).ToContainTextAsync("已保存");
            }
            await evaluator.ReloadAsync();
        }
        await Expect(name).ToHaveValueAsync("立项依据充分性");
        await Screens.Save(evaluator, "63-evaluation-report");
        await evaluator.ClickAsync("#submit");
        await Task.WhenAny(evaluator.Locator("#save-error").WaitForAsync(), evaluator.Locator(".page-head .status", new() { HasText = "已提交" }).WaitForAsync());
        if (await evaluator.Locator("#save-error").CountAsync() > 0)
        {
            // The rubric is checked like every form: error findings are submitted only with a reason each.
            var reasons = evaluator.Locator(".submit-panel textarea");
            for (var i = 0; i < await reasons.CountAsync(); i++) await reasons.Nth(i).FillAsync("评价组现场核查后按评分标准评分，详见评价报告。");
            await evaluator.ClickAsync("#submit");
        }
        await Expect(evaluator.Locator(".page-head .status")).ToHaveTextAsync("已提交");

        // Finance: the report waits on its home; it reads it and accepts it.
        await finance.GotoAsync(app.BaseUrl + "/");
        var waiting = finance.Locator("#reports-to-accept tr", new() { HasText = project });
        await Expect(waiting).ToContainTextAsync("已提交");
        await waiting.Locator("a[name=review-report]").ClickAsync();
        await finance.WaitForURLAsync(new Regex(@"/review/\d+$"));
        Assert.EndsWith(reportUrl[reportUrl.LastIndexOf('/')..], finance.Url, StringComparison.Ordinal);
        finance.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await finance.ClickAsync("#approve:not([disabled])");
        await Expect(finance.Locator("body")).ToContainTextAsync("财政已审核");
        await Screens.Save(finance, "64-evaluation-accepted");

        // Finance scores the report's quality; the registry averages it for the agency.
        await finance.GotoAsync(app.BaseUrl + "/evaluators");
        await finance.Locator("#agencies a", new() { HasText = agency.Name }).ClickAsync();
        await finance.Locator("#tasks tr", new() { HasText = project }).Locator("button[name=score]:not([disabled])").ClickAsync();
        var inputs = finance.Locator("#quality-form input[name=quality-score]");
        await Expect(inputs.First).ToBeVisibleAsync();
        var maxima = await finance.Locator("#quality-form tbody tr td:nth-child(2)").AllInnerTextsAsync();
        for (var i = 0; i < maxima.Count; i++)
            await inputs.Nth(i).FillAsync(i == 0 ? (decimal.Parse(maxima[i], CultureInfo.InvariantCulture) - 2).ToString(CultureInfo.InvariantCulture) : maxima[i]);
        await finance.Locator("#quality-form input[name=quality-comment]").First.FillAsync("评价依据引用不够完整");
        await finance.ClickAsync("#save-quality");
        await Expect(finance.Locator("#agency-notice")).ToContainTextAsync("98");
        await Expect(finance.Locator("#agency-average")).ToContainTextAsync("98.0");
        await Screens.Save(finance, "65-evaluator-quality");
    }
}

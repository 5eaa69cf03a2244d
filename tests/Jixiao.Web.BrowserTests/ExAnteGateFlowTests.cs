using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Demo;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The ex-ante gate as a unit lives it (#20's "done when"): in finance's targets round, a new project above the
/// rulebook's threshold shows on the unit's task list as held back, its targets are refused with the reason, and once
/// the unit has submitted an ex-ante assessment concluding 调减后通过 and its department and finance have approved it on
/// their review pages, the task is free and the targets are submitted.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ExAnteGateFlowTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Project = "智慧停车诱导平台建设";
    private const string Unit = "demo-liuyang";

    /// <summary>A new 2020 project of the unit (no earlier year has its code) budgeted at 800 万元.</summary>
    private async Task<int> AddProject()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Users.Where(u => u.UserName == Unit).Select(u => u.OrganisationId).SingleAsync();
        var year = await db.FiscalYears.Where(y => y.Year == DemoData.Year).Select(y => y.Id).SingleAsync();
        var project = new BudgetProject { Code = "EX-ANTE-FLOW-1", Name = Project, OrganisationId = unit, FiscalYearId = year, BudgetYuan = 8_000_000m };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>The unit's ex-ante assessment of the project (concluding 调减后通过, 650 of 800 万元), filed through the app's write path.</summary>
    private async Task<int> FiledAssessment(int projectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.Where(u => u.UserName == Unit).SingleAsync();
        var unit = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId);
        var form = new PerformanceForm { Kind = FormKind.ExAnteAssessment, Year = DemoData.Year, Title = "事前绩效评估表", Project = Project, Unit = unit.Name };
        form.Extra[ExAnteFields.RequestedAmount] = "800";
        form.Extra[ExAnteFields.Conclusion] = "调减后通过";
        form.Extra[ExAnteFields.ReducedAmount] = "650";
        var filler = new CurrentUser(user.Id, user.UserName!, unit.Path, new HashSet<string> { Roles.UnitFiller });
        var created = await scope.ServiceProvider.GetRequiredService<FormService>()
            .Create(filler, new CreateFormRequest(unit.Id, DemoData.Year, projectId, FormV1.From(form)), CancellationToken.None);
        Assert.Null(created.Refusal);
        return created.Value!.Id;
    }

    /// <summary>Submits the form open on <paramref name="page"/>, giving a reason for each error finding the check asks about.</summary>
    private static async Task Submit(IPage page, string reason)
    {
        await page.ClickAsync("#submit:not([disabled])");
        await Task.WhenAny(page.Locator("#save-error").WaitForAsync(), page.Locator(".page-head .status", new() { HasText = "已提交" }).WaitForAsync());
        if (await page.Locator("#save-error").CountAsync() > 0)
        {
            var reasons = page.Locator(".submit-panel textarea");
            for (var i = 0; i < await reasons.CountAsync(); i++) await reasons.Nth(i).FillAsync(reason);
            await page.ClickAsync("#submit");
        }
        await Expect(page.Locator(".page-head .status")).ToHaveTextAsync("已提交");
    }

    /// <summary>The reviewer approves the form on its review page, confirming the question the button asks.</summary>
    private async Task Approve(string reviewer, int formId, string status)
    {
        var page = await app.SignIn(reviewer);
        await page.GotoAsync(app.BaseUrl + "/review/" + formId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.ClickAsync("#approve:not([disabled])");
        await Expect(page.Locator("body")).ToContainTextAsync(status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_project_without_a_passed_ex_ante_assessment_is_refused_in_the_targets_round_and_accepted_after_one()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var projectId = await AddProject();
        var finance = await app.SignIn("demo-finance");
        await finance.GotoAsync(app.BaseUrl + "/rounds");
        await finance.SelectOptionAsync("#round-kind", "Targets");
        await finance.FillAsync("#round-year", DemoData.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await finance.ClickAsync("#open-round-button");
        await finance.WaitForURLAsync(new Regex(@"/rounds/\d+$"));
        // Finance's completion page lists the project as waiting for its ex-ante assessment.
        await Expect(finance.Locator("#ex-ante-held")).ToContainTextAsync(Project);
        var roundUrl = finance.Url;

        var unit = await app.SignIn(Unit);
        await unit.GotoAsync(app.BaseUrl + "/tasks");
        var task = unit.Locator("tr", new() { HasText = Project });
        await Expect(task.Locator(".ex-ante-blocked")).ToContainTextAsync("须先通过事前绩效评估");
        await Expect(task.Locator(".ex-ante-blocked")).ToContainTextAsync("800 万元");
        await Screens.Save(unit, "76-ex-ante-gate-task");
        await task.Locator(".start-task").ClickAsync();
        await unit.WaitForURLAsync(new Regex(@"/forms/\d+$"));
        await Expect(unit.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();
        var targetsUrl = unit.Url;
        await unit.ClickAsync("#submit:not([disabled])");
        await Expect(unit.Locator("#save-error")).ToContainTextAsync("须先通过事前绩效评估");
        await Expect(unit.Locator(".page-head .status")).Not.ToHaveTextAsync("已提交");

        // The unit submits its ex-ante assessment; the department, then finance approve it on their review pages.
        var assessment = await FiledAssessment(projectId);
        await unit.GotoAsync(app.BaseUrl + "/forms/" + assessment.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Submit(unit, "评估报告另附，评分表按专家意见填写。");
        await Approve("demo-department", assessment, "主管部门已审核");
        await Approve("demo-finance", assessment, "财政已审核");

        await unit.GotoAsync(app.BaseUrl + "/tasks");
        await Expect(unit.Locator("tr", new() { HasText = Project })).ToBeVisibleAsync();
        await Expect(unit.Locator("tr", new() { HasText = Project }).Locator(".ex-ante-blocked")).ToHaveCountAsync(0);
        await unit.GotoAsync(targetsUrl);
        await unit.ClickAsync("#submit:not([disabled])");
        var reasons = unit.Locator(".submit-panel textarea");
        await Task.WhenAny(unit.Locator("#save-error").WaitForAsync(), unit.Locator(".page-head .status", new() { HasText = "已提交" }).WaitForAsync());
        if (await unit.Locator("#save-error").CountAsync() > 0)
        {
            await Expect(unit.Locator("#save-error")).Not.ToContainTextAsync("须先通过事前绩效评估");
            for (var i = 0; i < await reasons.CountAsync(); i++) await reasons.Nth(i).FillAsync("指标将按事前评估意见在批复后细化。");
            await unit.ClickAsync("#submit");
        }
        await Expect(unit.Locator(".page-head .status")).ToHaveTextAsync("已提交");
        await Screens.Save(unit, "77-ex-ante-gate-passed");
        await finance.GotoAsync(roundUrl);
        await Expect(finance.Locator("#by-unit")).ToBeVisibleAsync();
        await Expect(finance.Locator("#ex-ante-held tr", new() { HasText = Project })).ToHaveCountAsync(0);
    }
}

using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The year's rounds as finance and a unit live them (#17's "done when"): finance opens a targets round from its home,
/// the unit sees the task with its deadline on its home, fills and submits the targets, the department approves them,
/// finance grades them (差 is refused approval, 良 is approved), finance opens a monitoring round and the unit's
/// monitoring table arrives with the approved indicators filled; the unit asks to adjust a target, finance approves the
/// adjustment, and the self-evaluation round's form starts from the adjusted target.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RoundFlowTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Project = "政务云平台运维服务";
    private const string Indicator = "云平台运维服务器数量";
    private const string Target = "≥120台";
    private const string Adjusted = "≥100台";
    private const int Year = 2020;

    /// <summary>
    /// A new 2020 project of the user's unit, with no form yet: the generated demo data gives every project of the unit
    /// its targets form already.
    /// </summary>
    private async Task AddProject(string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Users.Where(u => u.UserName == user).Select(u => u.OrganisationId).SingleAsync();
        var year = await db.FiscalYears.Where(y => y.Year == Year).Select(y => y.Id).SingleAsync();
        if (await db.Projects.AnyAsync(p => p.OrganisationId == unit && p.FiscalYearId == year && p.Name == Project)) return;
        db.Projects.Add(new BudgetProject { Code = "ROUND-FLOW-1", Name = Project, OrganisationId = unit, FiscalYearId = year });
        await db.SaveChangesAsync();
    }

    private async Task OpenRound(IPage finance, string kind, int? months = null)
    {
        await finance.GotoAsync(app.BaseUrl + "/");
        await finance.ClickAsync("#round-links a[href='/rounds#open-round']");
        await finance.WaitForURLAsync(new Regex("/rounds"));
        await finance.SelectOptionAsync("#round-kind", kind);
        await finance.FillAsync("#round-year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (months is { } m) await finance.FillAsync("#round-months", m.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await finance.ClickAsync("#open-round-button");
        await finance.WaitForURLAsync(new Regex(@"/rounds/\d+$"));
        await Expect(finance.Locator("#by-unit")).ToContainTextAsync(app.OrganisationOf("demo-liuyang"));
    }

    private async Task<IPage> StartTask(IPage unit, string kindName)
    {
        await unit.GotoAsync(app.BaseUrl + "/tasks");
        await unit.Locator("tr", new() { HasText = Project }).Filter(new() { HasText = kindName }).Locator(".start-task").ClickAsync();
        await unit.WaitForURLAsync(new Regex(@"/forms/\d+$"));
        await Expect(unit.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();
        return unit;
    }

    private async Task Approve(string reviewer, string formUrl, string status)
    {
        var page = await app.SignIn(reviewer);
        await page.GotoAsync(formUrl.Replace("/forms/", "/review/", StringComparison.Ordinal));
        // Approving asks for a confirmation first (确定审核通过此表单吗？).
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.ClickAsync("#approve:not([disabled])");
        await Expect(page.Locator("body")).ToContainTextAsync(status);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Finance grades the targets on the review page: 差 first, which the approval refuses with its reason, then 良, which
    /// it approves into the budget.
    /// </summary>
    private async Task GradeAndApprove(string formUrl)
    {
        var page = await app.SignIn("demo-finance");
        await page.GotoAsync(formUrl.Replace("/forms/", "/review/", StringComparison.Ordinal));
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await Expect(page.Locator("#grade-criteria")).ToContainTextAsync("不得进入预算");
        await Grade(page, "差", "满意度目标无调查依据，服务器数量与建设内容不匹配。");
        await page.ClickAsync("#approve:not([disabled])");
        await Expect(page.Locator("#review-error")).ToContainTextAsync("不得进入预算");
        await Grade(page, "良", "单位已说明服务器数量依据，指标基本细化量化。");
        await Screens.Save(page, "23-targets-graded");
        await page.ClickAsync("#approve:not([disabled])");
        await Expect(page.Locator("body")).ToContainTextAsync("财政已审核");
        await page.Context.CloseAsync();
    }

    private static async Task Grade(IPage page, string grade, string reasons)
    {
        await page.SelectOptionAsync("#grade-level:not([disabled])", grade);
        await page.FillAsync("#grade-reasons", reasons);
        await page.ClickAsync("#grade-button:not([disabled])");
        await Expect(page.Locator("#target-grade .grade-value")).ToHaveTextAsync(grade);
    }

    /// <summary>Types into an editor cell until the edit registers (the editor's script may attach a moment after the cell is enabled).</summary>
    private static async Task Type(IPage unit, string label, string text)
    {
        var cell = unit.Locator($"input[aria-label='{label}']");
        for (var attempt = 0; attempt < 5 && await unit.Locator("#save:not([disabled])").CountAsync() == 0; attempt++)
        {
            await cell.FillAsync("");
            await cell.PressSequentiallyAsync(text);
            await unit.WaitForTimeoutAsync(500);
        }
        if (await cell.InputValueAsync() != text) await cell.FillAsync(text);
    }

    [Fact]
    public async Task A_graded_and_adjusted_target_carries_from_the_targets_round_through_monitoring_into_the_self_evaluation()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        await AddProject("demo-liuyang");
        var finance = await app.SignIn("demo-finance");
        await OpenRound(finance, "Targets");
        await Screens.Save(finance, "20-round-completion");

        // The unit's home lists the task with its deadline and the days left, and the reminder.
        var unit = await app.SignIn("demo-liuyang");
        await Expect(unit.Locator("#my-tasks")).ToContainTextAsync("绩效目标申报");
        await Expect(unit.Locator("#my-tasks")).ToContainTextAsync(Project);
        // The unit's other projects may have handed their targets in already; this project's task is still open.
        await Expect(unit.Locator("#my-tasks tr", new() { HasText = Project }).Locator(".deadline").First).ToContainTextAsync("剩 30 天");
        await Expect(unit.Locator("#my-tasks .reminder").First).ToContainTextAsync("新任务");
        await Screens.Save(unit, "21-unit-home-tasks");

        // It fills and submits the targets.
        await StartTask(unit, "绩效目标");
        await Type(unit, "第1行 三级指标", Indicator);
        await unit.FillAsync("input[aria-label='第1行 年度指标值']", Target);
        await unit.ClickAsync("#save");
        await Expect(unit.Locator("#save-state")).ToContainTextAsync("已保存");
        await unit.ClickAsync("#submit");
        var reasons = unit.Locator(".submit-panel textarea");
        await Task.WhenAny(unit.Locator("#save-error").WaitForAsync(), unit.Locator(".page-head .status", new() { HasText = "已提交" }).WaitForAsync());
        if (await unit.Locator("#save-error").CountAsync() > 0)
        {
            for (var i = 0; i < await reasons.CountAsync(); i++) await reasons.Nth(i).FillAsync("目标值待年中监控时按实际情况复核。");
            await unit.ClickAsync("#submit");
        }
        await Expect(unit.Locator(".page-head .status")).ToHaveTextAsync("已提交");
        var targetsUrl = unit.Url;

        await Approve("demo-department", targetsUrl, "主管部门已审核");
        await GradeAndApprove(targetsUrl);

        // Mid-year: the monitoring round; the unit's table starts from the approved targets.
        await OpenRound(finance, "Monitoring", months: 6);
        await StartTask(unit, "监控");
        await Expect(unit.Locator("input[aria-label='第1行 三级指标']")).ToHaveValueAsync(Indicator);
        await Expect(unit.Locator("input[aria-label='第1行 年度指标值']")).ToHaveValueAsync(Target);
        await Screens.Save(unit, "22-monitoring-prefilled");

        // Monitoring shows the target cannot be met: the unit asks to adjust it (纠偏) on its approved targets.
        await unit.GotoAsync(targetsUrl);
        await unit.ClickAsync("#open-adjust:not([disabled])");
        await unit.FillAsync("input[aria-label='第1行 调整后目标值']:not([disabled])", Adjusted);
        await unit.FillAsync("#adjust-reason", "上级资金下达延迟，服务器采购数量按到位资金调减。");
        await unit.ClickAsync("#request-adjustment");
        await Expect(unit.Locator("#target-review-message")).ToContainTextAsync("已提交调整申请");
        await Expect(unit.Locator("#adjustments .adjustment-state")).ToHaveTextAsync("待审核");
        await Screens.Save(unit, "24-adjustment-requested");

        // Finance finds it in its review queue and approves it; the approved targets now hold the adjusted value.
        var reviewer = await app.SignIn("demo-finance");
        await reviewer.GotoAsync(app.BaseUrl + "/review");
        await reviewer.Locator("#pending-adjustments tr", new() { HasText = Project }).Locator("a").ClickAsync();
        await reviewer.WaitForURLAsync(new Regex(@"/review/\d+"));
        await reviewer.ClickAsync(".approve-adjustment:not([disabled])");
        await Expect(reviewer.Locator("#adjustments .adjustment-state")).ToHaveTextAsync("已批准");
        await Expect(reviewer.Locator("table.official.indicators")).ToContainTextAsync(Adjusted);
        await Screens.Save(reviewer, "25-adjustment-approved");
        await reviewer.Context.CloseAsync();

        // After the year: the self-evaluation starts from the adjusted target.
        await OpenRound(finance, "SelfEvaluation");
        await StartTask(unit, "自评");
        await Expect(unit.Locator("input[aria-label='第1行 三级指标']")).ToHaveValueAsync(Indicator);
        await Expect(unit.Locator("input[aria-label='第1行 年度指标值']")).ToHaveValueAsync(Adjusted);
        await Screens.Save(unit, "26-self-evaluation-from-adjusted-targets");

        // Finance previews setting the next year up from this one (reached from its home).
        await finance.GotoAsync(app.BaseUrl + "/");
        await finance.ClickAsync("#next-year-link");
        await finance.FillAsync("#from-year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await finance.ClickAsync("#preview-next-year");
        await Expect(finance.Locator("#next-year-summary")).ToContainTextAsync($"{Year + 1}");
        await Screens.Save(finance, "27-next-year-preview");
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Execution;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
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
/// 双监控 as finance and a unit live it: finance imports the budget system's export from its home page, sees every change
/// and the difference on an approved self-evaluation, applies it; the unit's monitoring table arrives filled from the
/// export, and a figure the unit types differently is flagged at the cell; the approved self-evaluation's reviewer sees its difference.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ExecutionImportBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Unit = "demo-liuyang";

    /// <summary>What the test found and made in the demo city: an approved self-evaluation, a new monitoring draft, the export.</summary>
    private sealed record Setup(int LockedId, int DraftId, int DraftMonths, decimal DraftExecuted, byte[] Export);

    private const string Total = "年度资金总额";

    /// <summary>
    /// A project of the unit whose self-evaluation of the demo year is approved (locked) with a typed 全年预算数, found in the
    /// generated data; a monitoring draft for the project, made through the save path as the unit would, with figures of
    /// its own; and an export of the project's budget (a tenth above the approved table's) and monthly payments.
    /// </summary>
    private async Task<Setup> Prepare()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == Unit);
        var unit = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId);
        var evaluations = await db.Forms.Include(f => f.Project).Where(f => f.OrganisationId == unit.Id && f.Kind == FormKind.ProjectSelfEvaluation
                && f.ProjectId != null && f.SupersededById == null && f.FiscalYear!.Year == DemoData.Year && f.Status != FormStatus.Draft && f.Status != FormStatus.Returned)
            .ToListAsync();
        // One already approved if the generated year has it, else a submitted one its department approves now.
        var (locked, lockedForm) = evaluations.Select(f => (Record: f, Form: FormRows.ToForm(f)))
            .Where(c => ImportedExecutionFigures.Row(c.Form) is { Budget: > 0m })
            .OrderBy(c => c.Record.Status == FormStatus.Submitted ? 1 : 0).ThenBy(c => c.Record.Id).First();
        var forms = scope.ServiceProvider.GetRequiredService<FormService>();
        if (locked.Status == FormStatus.Submitted)
        {
            var reviewer = await db.Users.SingleAsync(u => u.UserName == "demo-department");
            var approved = await forms.Approve(new CurrentUser(reviewer.Id, reviewer.UserName!, unit.Path, new HashSet<string>(StringComparer.Ordinal) { Roles.DepartmentReviewer }), locked.Id, null, CancellationToken.None);
            Assert.True(approved.Refusal is null, approved.Refusal?.Detail);
        }
        var money = lockedForm.MoneyUnit ?? MoneyUnit.Yuan;
        var budget = Math.Round(money.ToYuan(ImportedExecutionFigures.Row(lockedForm)!.Budget!.Value) * 1.1m, 2, MidpointRounding.AwayFromZero);
        var monthly = Math.Round(budget / 12m, 2, MidpointRounding.AwayFromZero);

        // A period no monitoring table of the project has yet.
        var taken = await db.Forms.Where(f => f.ProjectId == locked.ProjectId && f.Kind == FormKind.Monitoring && f.SupersededById == null)
            .Select(f => f.MonitoringMonths).ToListAsync();
        var months = new[] { 6, 7, 9, 8, 10, 5 }.First(m => !taken.Contains(m));
        var draft = new PerformanceForm
        {
            Kind = FormKind.Monitoring, Year = DemoData.Year, Title = "项目支出绩效目标执行监控表", Project = locked.Project!.Name,
            Unit = unit.Name, MoneyUnit = money, MonitoringMonths = months,
        };
        draft.Funds.Add(new FundsRow
        {
            Label = Total, Role = FundsRowRole.Total, InitialBudget = ImportedExecutionFigures.InUnit(budget, money),
            Executed = ImportedExecutionFigures.InUnit(monthly * months * 0.5m, money),
        });
        var filler = new CurrentUser(user.Id, Unit, unit.Path, new HashSet<string>(StringComparer.Ordinal) { Roles.UnitFiller });
        var created = await forms.Create(filler, new CreateFormRequest(unit.Id, DemoData.Year, locked.ProjectId, FormV1.From(draft)), CancellationToken.None);
        Assert.True(created.Refusal is null, created.Refusal?.Detail);

        var export = new StringBuilder("2020年项目预算执行情况\n项目代码,项目名称,调整后预算（元）");
        for (var m = 1; m <= months; m++) export.Append(CultureInfo.InvariantCulture, $",{m}月支付数");
        export.Append(CultureInfo.InvariantCulture, $"\n{locked.Project.Code},\"{locked.Project.Name}\",{budget}");
        for (var m = 1; m <= months; m++) export.Append(CultureInfo.InvariantCulture, $",{monthly}");
        export.Append("\nZZ-NOT-A-PROJECT,别处的项目,100,1\n");
        return new Setup(locked.Id, created.Value!.Id, months, ImportedExecutionFigures.InUnit(monthly * months, money)!.Value, Encoding.UTF8.GetBytes(export.ToString()));
    }

    [Fact]
    public async Task Finance_imports_an_execution_export_the_monitoring_table_is_filled_and_a_differing_typed_figure_is_flagged()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var setup = await Prepare();

        // Finance: from its home page to the import, the preview of every change, then the import.
        var finance = await app.SignIn("demo-finance");
        await finance.ClickAsync("#execution-import-link");
        await finance.WaitForURLAsync(new Regex("/execution-imports$"));
        await finance.FillAsync("#execution-year:not([disabled])", DemoData.Year.ToString(CultureInfo.InvariantCulture));
        await finance.SetInputFilesAsync("#execution-file", new FilePayload { Name = "预算执行导出.csv", MimeType = "text/csv", Buffer = setup.Export });
        await finance.WaitForURLAsync(new Regex(@"/execution-imports/\d+$"));
        await Expect(finance.Locator($"#execution-changes tr[data-form-id='{setup.DraftId}']").Filter(new() { HasText = $"1-{setup.DraftMonths}月执行数" })).ToBeVisibleAsync();
        await Expect(finance.Locator($"#execution-locked tr[data-form-id='{setup.LockedId}']").First).ToBeVisibleAsync();
        await Expect(finance.Locator("#execution-unmatched")).ToContainTextAsync("ZZ-NOT-A-PROJECT");
        await Expect(finance.Locator("#execution-unit-basis")).ToContainTextAsync("调整后预算");
        await Screens.Save(finance, "55-execution-import-preview");
        await finance.ClickAsync("#execution-apply:not([disabled])");
        await Expect(finance.Locator("#execution-applied")).ToContainTextAsync("已导入");
        await Screens.Save(finance, "56-execution-import-applied");

        // The approved self-evaluation keeps its figures; its reviewer sees the difference with the budget system.
        await finance.GotoAsync($"{app.BaseUrl}/review/{setup.LockedId}");
        await Expect(finance.Locator($"li[data-code='{CheckCodes.ExecutionFigureMismatch}']").First).ToContainTextAsync("预算执行系统");
        await Screens.Save(finance, "57-review-execution-difference");

        // The unit: its monitoring table is filled from the export.
        var unit = await app.SignIn(Unit);
        await unit.GotoAsync($"{app.BaseUrl}/forms/{setup.DraftId}");
        var executed = unit.Locator($"input[aria-label='{Total} 1-{setup.DraftMonths}月执行数']:not([disabled])");
        await Expect(executed).ToBeVisibleAsync();
        Assert.Equal(setup.DraftExecuted, decimal.Parse((await executed.InputValueAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        await Expect(unit.Locator($"input[aria-label='{Total} 全年预算数']")).ToBeVisibleAsync();
        await Expect(unit.Locator($".cell-finding[data-code='{CheckCodes.ExecutionFigureMismatch}']")).ToHaveCountAsync(0);
        await Screens.Save(unit, "58-monitoring-filled-from-execution");

        // A figure typed differently from the budget system's is flagged at the cell, and stays flagged once saved.
        var typed = setup.DraftExecuted + 1000m;
        await executed.FillAsync(typed.ToString(CultureInfo.InvariantCulture));
        var flag = unit.Locator($".cell-finding[data-code='{CheckCodes.ExecutionFigureMismatch}']").First;
        await Expect(flag).ToContainTextAsync("预算执行系统");
        await unit.ClickAsync("#save");
        await Expect(unit.Locator("#save-state")).ToContainTextAsync("已保存");
        await Expect(flag).ToContainTextAsync(setup.DraftExecuted.ToString("0.00", CultureInfo.InvariantCulture));
        await Screens.Save(unit, "59-execution-figure-flagged");
    }
}

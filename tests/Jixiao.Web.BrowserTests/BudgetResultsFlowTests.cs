using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Web.Features.BudgetResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// 结果应用 as finance lives it in the demo city: from its home to next year's budget, where a graded project shows the
/// rulebook's suggested action; finance records its decision and exports the year for the budget system; the ledger
/// counts it; then finance previews another rulebook for a department and applies it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BudgetResultsFlowTests(LiveApp app) : IClassFixture<LiveApp>
{
    private sealed record Evaluated(int FormId, int Year, string Project, string Grade, int? DepartmentId);

    /// <summary>A graded, submitted project self-evaluation of the demo city, found in the database (never by name).</summary>
    private async Task<Evaluated> AGradedProject()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.FormFacts.Where(f => f.Kind == FormKind.ProjectSelfEvaluation && f.IsCurrent && f.Scored && f.ComputedGrade != null
                                             && f.ProjectName != null && f.DepartmentId != null && BudgetService.EvaluatedStates.Contains(f.Status))
            .OrderByDescending(f => f.Year).ThenBy(f => f.FormId)
            .Select(f => new Evaluated(f.FormId, f.Year, f.ProjectName!, f.ComputedGrade!, f.DepartmentId)).FirstAsync();
    }

    [Fact]
    public async Task A_graded_project_shows_its_suggested_action_finance_decides_exports_and_changes_the_rulebook()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var project = await AGradedProject();
        var actions = BudgetActions.All.Select(a => a.ChineseName()).ToList();
        var finance = await app.SignIn("demo-finance");

        // From the home page to the year's list: the project's row carries its grade and a suggested action.
        await finance.ClickAsync("#budget-link");
        await finance.WaitForURLAsync(new Regex("/budget$"));
        await finance.GotoAsync($"{app.BaseUrl}/budget?year={project.Year}");
        await Expect(finance.Locator("#budget-suggestions .suggested-action").First).ToContainTextAsync(new Regex(string.Join("|", actions)));
        await Screens.Save(finance, "71-budget-suggestions");

        // The project's own page: grade, action, amount and why.
        await finance.GotoAsync($"{app.BaseUrl}/budget/{project.FormId}");
        await Expect(finance.Locator("h1")).ToHaveTextAsync(project.Project);
        await Expect(finance.Locator("#grade")).ToContainTextAsync(project.Grade);
        var suggested = (await finance.Locator("#suggested-action .badge").InnerTextAsync()).Trim();
        Assert.Contains(suggested, actions);
        await Expect(finance.Locator("#reasons li").First).ToContainTextAsync(project.Grade);

        // Finance decides otherwise than suggested, with a reason; the decision and its history show.
        var other = BudgetActions.All.First(a => a.ChineseName() != suggested);
        await finance.SelectOptionAsync("#decision-action", other.Code());
        await finance.FillAsync("#decision-amount", "123456.78");
        await finance.FillAsync("#decision-reason", "结合下年度财力和项目轻重缓急统筹安排。");
        await finance.ClickAsync("#decide-button");
        await Expect(finance.Locator("#decision-saved")).ToBeVisibleAsync();
        await Expect(finance.Locator("#decision-history")).ToContainTextAsync("123,456.78");
        await Expect(finance.Locator("#decision-history")).ToContainTextAsync("（不同）");
        await Screens.Save(finance, "72-budget-decision");

        // The export for the budget system carries the decision, in CSV and in Excel.
        await finance.GotoAsync($"{app.BaseUrl}/budget?year={project.Year}");
        var csv = await finance.RunAndWaitForDownloadAsync(() => finance.ClickAsync("#export-csv"));
        var csvText = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        var row = Assert.Single(csvText.Split("\r\n"), l => l.StartsWith($"{project.Year},{project.Year + 1},{project.FormId},", StringComparison.Ordinal));
        Assert.Contains($"{other.Code()},{other.ChineseName()},123456.78", row, StringComparison.Ordinal);
        var xlsx = await finance.RunAndWaitForDownloadAsync(() => finance.ClickAsync("#export-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo((await xlsx.PathAsync())!).Length > 0);

        // The ledger counts the decision as applied and differing from the suggestion.
        await finance.ClickAsync("#ledger-link");
        await finance.WaitForURLAsync(new Regex("/budget/ledger"));
        await Expect(finance.Locator("#ledger-summary")).ToContainTextAsync(new Regex(@"已决定 [1-9]\d* 个"));
        await Expect(finance.Locator("#ledger-summary")).ToContainTextAsync(new Regex(@"与建议不同 [1-9]\d* 个"));
        await Screens.Save(finance, "73-budget-ledger");

        // Another rulebook for the project's department and year: previewed first, then applied.
        await finance.GotoAsync(app.BaseUrl + "/");
        await finance.ClickAsync("#rulebooks-link");
        await finance.WaitForURLAsync(new Regex("/rulebooks$"));
        await finance.SelectOptionAsync("#choice-organisation", project.DepartmentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await finance.FillAsync("#choice-year", project.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await finance.SelectOptionAsync("#choice-rulebook", "hunan-2020");
        await finance.SelectOptionAsync("#choice-region", "湖南");
        await finance.ClickAsync("#preview-button");
        await Expect(finance.Locator("#preview-summary")).ToContainTextAsync(new Regex(@"涉及 [1-9]\d* 张计分表单"));
        await Expect(finance.Locator("#preview-rows")).ToBeVisibleAsync();
        await Screens.Save(finance, "74-rulebook-preview");
        await finance.ClickAsync("#apply-button");
        await Expect(finance.Locator("#choice-applied")).ToContainTextAsync("湖南省规则");
        await Expect(finance.Locator("#choice-history")).ToContainTextAsync("湖南省规则");
        await Screens.Save(finance, "75-rulebook-applied");

        // The forms of that department are now scored by the chosen rulebook, except published ones.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rulebooks = await db.FormFacts.Where(f => f.DepartmentId == project.DepartmentId && f.Year == project.Year && f.IsCurrent && f.Scored
                                                      && f.Status != Jixiao.Data.Model.FormStatus.Published)
            .Select(f => f.RulebookId).Distinct().ToListAsync();
        Assert.Equal(["hunan-2020"], rulebooks);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The 自评报告 is written section by section (概况 … 自评等级) with each section's limit shown, takes the generated draft
/// per section, does not pass empty, and is checked against the unit's self-evaluation of the same year.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportEditorTests(LiveApp app) : IClassFixture<LiveApp>
{
    private static string Section(string title) => $"textarea[aria-label='报告 {title}']";

    [Fact]
    public async Task A_report_is_written_by_sections_takes_the_draft_and_its_grade_is_checked_against_the_self_evaluation()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        var year = (await AYearWithoutForms("demo-liuyang")).ToString(CultureInfo.InvariantCulture);

        // The unit's project self-evaluation of that year states 95 points, 优.
        await app.CreateForm(page, "报告核对项目", "ProjectSelfEvaluation", year);
        await Expect(page.Locator("input[aria-label='总分（填报）']:not([disabled])")).ToBeVisibleAsync();
        await page.FillAsync("input[aria-label='总分（填报）']", "95");
        await page.FillAsync("input[aria-label='等级（填报）']", "优");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");
        var table = new Uri(page.Url).AbsolutePath;

        await app.CreateForm(page, null, "Report", year);
        await Expect(page.Locator(Section("概况") + ":not([disabled])")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-report-section] th")).ToHaveTextAsync(
            [new Regex("^一、概况"), new Regex("^二、预算及执行"), new Regex("^三、绩效目标完成情况"), new Regex("^四、存在问题"), new Regex("^五、改进措施"), new Regex("^六、自评等级")]);
        await Expect(page.Locator(Section("存在问题") + " ~ .text-count")).ToHaveTextAsync(new Regex(@"^0 / \d{2},\d{3} 字$"));

        // Empty, it does not pass.
        await Expect(page.Locator(".cell-finding[data-code='report-empty']")).ToContainTextAsync("没有正文");

        // The draft generated from the unit's forms goes into one section, then into every empty one.
        await page.Locator("tr[data-report-section='overview'] .insert-draft").ClickAsync();
        await Expect(page.Locator(Section("概况"))).ToHaveValueAsync(new Regex("部门职能"));
        await Expect(page.Locator(".cell-finding[data-code='report-empty']")).ToHaveCountAsync(0);
        // What the draft leaves for the unit to write is pointed out where it sits.
        await Expect(page.Locator("tr[data-report-section='overview'] .cell-finding[data-code='report-draft-gap']")).ToContainTextAsync("【请填写：");
        await Expect(page.Locator("tr[data-report-section='problems'] .cell-finding[data-code='report-section-missing']")).ToContainTextAsync("缺少“存在问题”部分");

        await page.FillAsync(Section("存在问题"), "部分项目进度偏慢。");
        await Expect(page.Locator("tr[data-report-section='problems'] .cell-finding")).ToHaveCountAsync(0);
        await page.ClickAsync("#insert-whole-draft");
        await Expect(page.Locator(Section("存在问题"))).ToHaveValueAsync("部分项目进度偏慢。");
        await Expect(page.Locator(Section("改进措施"))).Not.ToHaveValueAsync("");

        // A grade the self-evaluation does not have is reported at once.
        await page.FillAsync(Section("自评等级"), "本单位自评等级为中。");
        var mismatch = page.Locator(".cell-finding[data-code='report-table-mismatch']");
        await Expect(mismatch).ToContainTextAsync("“中”");
        await Expect(mismatch).ToContainTextAsync("“优”");
        // The finding names the self-evaluation it compares with, as a link to it.
        await Expect(page.Locator("#findings li[data-code='report-table-mismatch'] .compared a")).ToHaveAttributeAsync("href", table);
        await Screens.Save(page, "18-report-sections");
        await page.FillAsync(Section("自评等级"), "本单位自评等级为优。");
        await Expect(mismatch).ToHaveCountAsync(0);

        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Expect(again.Locator(Section("自评等级") + ":not([disabled])")).ToHaveValueAsync("本单位自评等级为优。");
        await Expect(again.Locator(Section("存在问题"))).ToHaveValueAsync("部分项目进度偏慢。");
        await Expect(again.Locator(Section("概况"))).ToHaveValueAsync(new Regex("部门职能"));
    }

    /// <summary>
    /// An open year in which the generated demo data holds no form of the user's unit: its report is the only one of
    /// the year (one per purpose), and its self-evaluation the only one the report is checked against.
    /// </summary>
    private async Task<int> AYearWithoutForms(string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Users.Where(u => u.UserName == user).Select(u => u.OrganisationId).SingleAsync();
        var taken = await db.Forms.Where(f => f.OrganisationId == unit).Select(f => f.FiscalYear!.Year)
            .Union(db.FiscalYears.Where(y => y.Closed).Select(y => y.Year)).ToListAsync();
        // Years after the demo's own come first: a draft left in a past year would be overdue on the unit's home for
        // the tests that run after this one (DemoModeTests counts the demo's deadlines).
        return new[] { 2021, 2022, 2023, 2019, 2018, 2017 }.First(y => !taken.Contains(y));
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The whole life of a project self-evaluation in the browser: a unit fills it and sees the numbers and findings as it
/// types, the department returns it, the unit fixes it, both reviewers approve, finance publishes, the public finds it,
/// and another unit cannot open it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SelfEvaluationStoryTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Project = "档案数字化加工";

    [Fact]
    public async Task A_form_goes_from_unit_to_public_portal_with_live_scores_findings_and_a_return_on_the_way()
    {
        try { await Story(); }
        catch (Exception)
        {
            foreach (var (p, i) in app.Browser.Contexts.SelectMany(c => c.Pages).Select((p, i) => (p, i)))
                await p.ScreenshotAsync(new() { Path = $"/tmp/fail-{i}.png", FullPage = true });
            throw;
        }
    }

    private async Task Story()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");

        // The unit fills a new project self-evaluation.
        var unit = await app.SignIn("demo-liuyang");
        await Expect(unit.GetByRole(AriaRole.Heading, new() { Name = "待我填报" })).ToBeVisibleAsync();
        await Screens.Save(unit, "01-home-unit");
        await app.CreateForm(unit, Project);
        var formUrl = unit.Url;
        var editable = unit.Locator("input[aria-label='第1行 三级指标']:not([disabled])");
        await Expect(editable).ToBeVisibleAsync();

        await unit.FillAsync("input[aria-label='年度资金总额 全年预算数']", "500000");
        await unit.FillAsync("input[aria-label='年度资金总额 全年执行数']", "450000");
        await Expect(unit.Locator("#execution-rate")).ToHaveTextAsync("90.00%");
        await Expect(unit.Locator("#bar-execution-score")).ToHaveTextAsync("9.00");

        // Keep one indicator per 二级 the project reports on: 数量, 质量, 社会效益, 满意度 (the blank form of a 2021+ year
        // lists the 2021 tree: 产出 3, 成本 3, 效益 3, 满意度 1).
        foreach (var row in new[] { 9, 7, 6, 5, 4, 3 })
            await unit.ClickAsync($"button[aria-label='删除第{row}行']");
        await Expect(unit.Locator("tr[data-indicator-row]")).ToHaveCountAsync(4);

        await FillRow(unit, 1, "加工档案数量", "≥10000卷", "8000卷", "20", "16");
        await Expect(unit.Locator("tr[data-indicator-row='0'] td[data-expected-score] output")).ToHaveTextAsync("16.00");
        var unexplained = unit.Locator(".cell-finding[data-code='deduction-unexplained']");
        await Expect(unexplained).ToHaveCountAsync(1);
        await Screens.Save(unit, "02-editor-finding");

        await unit.FillAsync("textarea[aria-label='第1行 偏差原因分析及改进措施']", "部分档案年底才移交，剩余2000卷次年一季度完成加工。");
        await Expect(unexplained).ToHaveCountAsync(0);

        await FillRow(unit, 2, "加工质量合格率", "≥98%", "99%", "30", "30");
        await FillRow(unit, 3, "档案查阅效率提升", "≥30%", "35%", "30", "30");
        await FillRow(unit, 4, "档案利用者满意度", "≥90%", "95%", "10", "10");
        await unit.FillAsync("textarea[aria-label='预期目标']", "完成10000卷档案数字化加工，提升查阅效率。");
        await unit.FillAsync("textarea[aria-label='实际完成情况']", "完成8000卷加工，合格率99%。");
        await unit.ClickAsync("text=按规则填入得分和总分");

        await Expect(unit.Locator("#bar-rate")).ToHaveTextAsync("90.00%");
        await Expect(unit.Locator("#bar-weights")).ToHaveTextAsync("100");
        await Expect(unit.Locator("#bar-total")).ToHaveTextAsync("95.00");
        await Expect(unit.Locator("#bar-grade")).ToHaveTextAsync("优");
        await Screens.Save(unit, "03-editor-filled");

        await unit.ClickAsync("#save");
        await Expect(unit.Locator("#save-state")).ToContainTextAsync("已保存");
        await unit.ClickAsync("#submit");
        await Expect(unit.Locator(".page-head .status")).ToHaveTextAsync("已提交");
        var formId = formUrl[(formUrl.LastIndexOf('/') + 1)..];

        // The department returns it with a comment.
        var department = await app.SignIn("demo-department");
        await department.GotoAsync(app.BaseUrl + "/review");
        await Expect(department.Locator($"tr[data-form='{formId}']")).ToBeVisibleAsync();
        await Screens.Save(department, "04-review-queue");
        await department.ClickAsync($"tr[data-form='{formId}'] a");
        await department.FillAsync("#comment", "满意度指标请补充调查样本数。");
        await department.ClickAsync("#return");
        await Expect(department.Locator("#review-message")).ToContainTextAsync("已退回");

        // The unit reads the comment, fixes the form and submits again.
        await unit.GotoAsync(formUrl);
        await Expect(unit.Locator("#return-reason")).ToContainTextAsync("满意度指标请补充调查样本数");
        await Expect(editable).ToBeVisibleAsync();
        await unit.FillAsync("input[aria-label='第4行 三级指标']", "档案利用者满意度（抽样调查200人）");
        await unit.ClickAsync("#save");
        await Expect(unit.Locator("#save-state")).ToContainTextAsync("已保存");
        await unit.ClickAsync("#submit");
        await Expect(unit.Locator(".page-head .status")).ToHaveTextAsync("已提交");

        // The department and finance approve; finance publishes.
        await department.GotoAsync(app.BaseUrl + "/review/" + formId);
        // Approving and publishing ask first; the reviewer confirms.
        var confirmations = new List<string>();
        department.Dialog += (_, dialog) => { confirmations.Add(dialog.Message); _ = dialog.AcceptAsync(); };
        await department.ClickAsync("#approve:not([disabled])");
        await Expect(department.Locator("#review-message")).ToContainTextAsync("主管部门已审核");
        await Screens.Save(department, "05-review-form");
        await department.GotoAsync(app.BaseUrl + $"/forms/{formId}/versions");
        await Expect(department.Locator("table.diff")).ToContainTextAsync("抽样调查200人");
        await Screens.Save(department, "06-version-diff");

        var finance = await app.SignIn("demo-finance");
        finance.Dialog += (_, dialog) => { confirmations.Add(dialog.Message); _ = dialog.AcceptAsync(); };
        await finance.GotoAsync(app.BaseUrl + "/review/" + formId);
        await finance.ClickAsync("#approve:not([disabled])");
        await Expect(finance.Locator("#review-message")).ToContainTextAsync("财政已审核");
        await finance.ClickAsync("#publish:not([disabled])");
        await Expect(finance.Locator("#review-message")).ToContainTextAsync("已公开");
        Assert.Equal(["确定审核通过此表单吗？", "确定审核通过此表单吗？", "确定公开此表单吗？公开后所有人都能在公开查询中看到。"], confirmations);
        await finance.GotoAsync(app.BaseUrl + "/overview");
        await Expect(finance.Locator("#ranking")).ToContainTextAsync(app.OrganisationOf("demo-liuyang"));
        await Screens.Save(finance, "07-finance-overview");

        // An anonymous visitor finds it on the portal, prints it and downloads it.
        var visitor = await app.NewPage();
        await visitor.GotoAsync(app.BaseUrl + "/portal?q=" + Uri.EscapeDataString("档案数字化"));
        await Screens.Save(visitor, "08-portal");
        await visitor.ClickAsync($"a:text('{Project}')");
        await Expect(visitor.Locator(".sheet")).ToContainTextAsync(Project);
        await Expect(visitor.Locator("#computed-total")).ToHaveTextAsync("95.00");
        await Screens.Save(visitor, "09-portal-print");
        var json = await visitor.APIRequest.GetAsync(app.BaseUrl + $"/portal/forms/{formId}.json");
        Assert.Equal(200, json.Status);
        Assert.Contains(Project, await json.TextAsync(), StringComparison.Ordinal);

        // Another unit's user cannot open it by URL.
        var other = await app.SignIn("demo-wangcheng");
        await other.GotoAsync(formUrl);
        await Expect(other.Locator("#not-found")).ToBeVisibleAsync();
        Assert.DoesNotContain(Project, await other.ContentAsync(), StringComparison.Ordinal);
        await other.GotoAsync(app.BaseUrl + $"/forms/{formId}/print");
        Assert.DoesNotContain(Project, await other.ContentAsync(), StringComparison.Ordinal);
    }

    private static async Task FillRow(IPage page, int row, string name, string target, string actual, string weight, string score)
    {
        await page.FillAsync($"input[aria-label='第{row}行 三级指标']", name);
        await page.FillAsync($"input[aria-label='第{row}行 年度指标值']", target);
        await page.FillAsync($"input[aria-label='第{row}行 实际完成值']", actual);
        await page.FillAsync($"input[aria-label='第{row}行 分值']", weight);
        await page.FillAsync($"input[aria-label='第{row}行 得分']", score);
    }
}

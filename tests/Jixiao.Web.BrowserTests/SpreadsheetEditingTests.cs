using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The form editor used the way a finance officer uses Excel or WPS: a copied block pastes into the indicator rows,
/// Ctrl+Z takes it back, Enter and the arrows move between cells, Ctrl+S saves, fast typing loses nothing, and numbers
/// read the same before and after a save.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SpreadsheetEditingTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Rows = "tr[data-indicator-row]";

    private static string Cell(int row, string column) => $"[aria-label='第{row}行 {column}']";

    [Fact]
    public async Task A_block_copied_from_a_spreadsheet_pastes_into_the_rows_adds_rows_marks_bad_values_and_undoes_in_one_step()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewForm("粘贴检查");
        var before = await page.Locator(Rows).CountAsync();
        var last = before;

        // Three rows from the last one on, starting at 三级指标: the block carries a quoted cell with a line break
        // (Alt+Enter in Excel) and a score that is not a number.
        const string block = "档案数量\t≥10000卷\t8000卷\t20\t16\t\"部分档案年底移交；\n剩余2000卷次年完成\"\r\n"
            + "加工合格率\t≥98%\t99%\t30\tabc\t\r\n"
            + "利用者满意度\t≥90%\t95%\t10\t10\t\r\n";
        await Paste(page, Cell(last, "三级指标"), block);

        await Expect(page.Locator(Rows)).ToHaveCountAsync(before + 2);
        await Expect(page.Locator(Cell(last, "三级指标"))).ToHaveValueAsync("档案数量");
        await Expect(page.Locator(Cell(last, "偏差原因分析及改进措施"))).ToHaveValueAsync("部分档案年底移交；\n剩余2000卷次年完成");
        await Expect(page.Locator(Cell(last + 2, "三级指标"))).ToHaveValueAsync("利用者满意度");
        await Expect(page.Locator(Cell(last + 2, "分值"))).ToHaveValueAsync("10");
        await Expect(page.Locator(Cell(last + 1, "得分"))).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator($"td:has({Cell(last + 1, "得分")}) .cell-error")).ToContainTextAsync("不是数字");
        await Expect(page.Locator("#invalid-state")).ToContainTextAsync("1 处输入无效");
        await Expect(page.Locator("#paste-note")).ToContainTextAsync("已粘贴 3 行 × 6 列");
        await Screens.Save(page, "19-editor-paste");

        // A category that is not in the year's tree is refused at the cell; one that is, is chosen.
        await Paste(page, Cell(1, "指标类别"), "乱写的指标\t名称一\r\n质量指标\t名称二\r\n");
        await Expect(page.Locator($"td:has({Cell(1, "指标类别")}) .cell-error")).ToContainTextAsync("“乱写的指标”不是本年度指标体系中的二级指标");
        await Expect(page.Locator(Cell(2, "指标类别"))).ToHaveValueAsync(new Regex(@"\|质量指标$"));
        await Expect(page.Locator(Cell(2, "三级指标"))).ToHaveValueAsync("名称二");
        // The cells show a paste's values before the server has them all; its note says it is done. A word typed before
        // that (seconds on a loaded CI machine) joins the paste's step, and Ctrl+Z took both back.
        await Expect(page.Locator("#paste-note")).ToContainTextAsync("已粘贴 2 行 × 2 列");

        // A word typed at once after a paste is a step of its own: Ctrl+Z takes it back and leaves the paste.
        await page.Locator(Cell(3, "三级指标")).FillAsync("刚输入的");
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(Cell(3, "三级指标"))).ToHaveValueAsync("");
        await Expect(page.Locator(Cell(2, "三级指标"))).ToHaveValueAsync("名称二");

        // Ctrl+Z takes the last paste back, then the one before it with its added rows.
        await page.Locator(Cell(2, "三级指标")).FocusAsync();
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(Cell(2, "三级指标"))).ToHaveValueAsync("");
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(Rows)).ToHaveCountAsync(before);
        await Expect(page.Locator(Cell(last, "三级指标"))).ToHaveValueAsync("");
        await Expect(page.Locator("#invalid-state")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Enter_and_the_arrows_move_between_cells_Ctrl_S_saves_and_fast_typing_loses_nothing()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewForm("键盘检查");

        await page.Locator(Cell(1, "三级指标")).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(Cell(2, "三级指标"))).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator(Cell(3, "三级指标"))).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator(Cell(3, "年度指标值"))).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.Locator(Cell(2, "年度指标值"))).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Enter");
        await Expect(page.Locator(Cell(1, "年度指标值"))).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator(Cell(1, "三级指标"))).ToBeFocusedAsync();

        // A key every 5 ms, into a text cell and an amount.
        const string name = "政务服务事项网上可办率达到百分之九十五以上并持续提升群众办事满意度";
        await page.Locator(Cell(1, "三级指标")).PressSequentiallyAsync(name, new() { Delay = 5 });
        var budget = page.Locator("input[aria-label='年度资金总额 全年预算数']");
        await budget.PressSequentiallyAsync("1100000", new() { Delay = 5 });
        await page.Locator(Cell(1, "分值")).PressSequentiallyAsync("15", new() { Delay = 5 });
        await Expect(budget).ToHaveValueAsync("1,100,000");
        await Expect(page.Locator(Cell(1, "三级指标"))).ToHaveValueAsync(name);

        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

        // After a reload the numbers read as typed: no 15.0, no 1,100,000.0.
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Expect(again.Locator(Cell(1, "三级指标") + ":not([disabled])")).ToHaveValueAsync(name);
        await Expect(again.Locator("input[aria-label='年度资金总额 全年预算数']")).ToHaveValueAsync("1,100,000");
        await Expect(again.Locator(Cell(1, "分值"))).ToHaveValueAsync("15");
        // Edited, the amount is the bare number: a digit typed after the last one makes it ten times larger.
        var reloaded = again.Locator("input[aria-label='年度资金总额 全年预算数']");
        await reloaded.FocusAsync();
        await reloaded.PressAsync("End");
        await reloaded.PressSequentiallyAsync("0");
        await Expect(reloaded).ToHaveValueAsync("11000000");
    }

    private static Task Paste(IPage page, string selector, string text) =>
        page.Locator(selector).EvaluateAsync("""
            (element, text) => {
                element.focus();
                const data = new DataTransfer();
                data.setData("text/plain", text);
                element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, text);

    private async Task<IPage> NewForm(string project)
    {
        var page = await app.SignIn("demo-liuyang");
        await app.CreateForm(page, project);
        await Expect(page.Locator(Cell(1, "三级指标") + ":not([disabled])")).ToBeVisibleAsync();
        return page;
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// What is typed in an amount cell is never silently dropped: invalid input is named at the cell and in the bar and
/// blocks the save, units are converted with the conversion shown, impossible values are refused and implausible ones
/// kept with a finding.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NumberCellInputTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Budget = "input[aria-label='年度资金总额 全年预算数']";
    private const string Executed = "input[aria-label='年度资金总额 全年执行数']";

    [Theory]
    [InlineData("abc", "不是数字")]
    [InlineData("1e309", "科学计数法")]
    [InlineData("-5000", "负数")]
    [InlineData("123456789012345678", "位数过多")]
    [InlineData("12%", "百分数")]
    public async Task Invalid_or_impossible_input_is_named_at_the_cell_and_in_the_bar_and_is_not_saved(string typed, string why)
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewForm("数字输入检查" + string.Concat(typed.Select(c => ((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture))));
        await page.FillAsync(Budget, "500000");
        await page.FillAsync(Executed, "450000");
        await Expect(page.Locator("#execution-rate")).ToHaveTextAsync("90.00%");

        await page.FillAsync(Budget, typed);

        await Expect(page.Locator(Budget)).ToHaveValueAsync(typed);
        await Expect(page.Locator(Budget)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator($"td:has({Budget}) .cell-error")).ToContainTextAsync(why);
        await Expect(page.Locator("#invalid-state")).ToContainTextAsync("1 处输入无效");
        await Expect(page.Locator("#invalid-state")).ToContainTextAsync("全年预算数");
        // The rate no longer rests on the value the bad input replaced.
        await Expect(page.Locator("#execution-rate")).ToHaveTextAsync("—");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-error")).ToContainTextAsync("输入无效");
        if (typed == "abc") await Screens.Save(page, "14-editor-invalid-number");

        await page.FillAsync(Budget, "600000");
        await Expect(page.Locator("#invalid-state")).ToHaveCountAsync(0);
        await Expect(page.Locator("#execution-rate")).ToHaveTextAsync("75.00%");
    }

    [Fact]
    public async Task An_amount_written_in_wan_is_converted_to_the_forms_unit_and_the_conversion_shown()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewForm("万元换算检查");
        await page.FillAsync(Budget, "263.93万");
        await page.FillAsync(Executed, "2,375,370元");

        await Expect(page.Locator(Budget)).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(page.Locator($"td:has({Budget}) .cell-conversion")).ToContainTextAsync("263.93万 = 2,639,300 元");
        await Expect(page.Locator("#execution-rate")).ToHaveTextAsync("90.00%");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

        // Amounts read with thousands separators while not being edited.
        await page.ReloadAsync();
        await Expect(page.Locator(Budget + ":not([disabled])")).ToHaveValueAsync("2,639,300");
    }

    [Fact]
    public async Task An_implausible_execution_rate_is_kept_and_flagged_by_a_finding()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewForm("执行率异常检查");
        await page.FillAsync(Budget, "0.01");
        await page.FillAsync(Executed, "99999999999");

        await Expect(page.Locator("#invalid-state")).ToHaveCountAsync(0);
        await Expect(page.Locator(".cell-finding[data-code='over-execution']").First).ToContainTextAsync("不合常理");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");
        await page.ReloadAsync();
        await Expect(page.Locator(Executed + ":not([disabled])")).ToHaveValueAsync("99,999,999,999");
    }

    private async Task<IPage> NewForm(string project)
    {
        var page = await app.SignIn("demo-school");
        await app.CreateForm(page, project);
        await Expect(page.Locator(Budget + ":not([disabled])")).ToBeVisibleAsync();
        return page;
    }
}

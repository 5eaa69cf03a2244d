using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// A reviewer works through many forms: the queue explains its risk figure, filters and approves in bulk after a
/// confirmation; a unit finds its published forms on its home page and searches them.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReviewQueueBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Finance_reads_why_a_form_is_risky_filters_and_approves_a_selection_after_confirming()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var finance = await app.SignIn("demo-finance");
        await finance.GotoAsync(app.BaseUrl + "/review");

        await Expect(finance.Locator("#risk-legend")).ToContainTextAsync("错误级问题数 × 100");
        var row = finance.Locator("tr", new() { HasText = "城市运行管理平台运营" });
        StringAssert(await row.Locator("td.risk").GetAttributeAsync("title"), "错误 ");

        await finance.SelectOptionAsync("#kind", "project-self-evaluation");
        await finance.ClickAsync("#queue-filter button[type=submit]");
        await Expect(row).ToBeVisibleAsync();

        var asked = new List<string>();
        finance.Dialog += (_, dialog) => { asked.Add(dialog.Message); _ = dialog.AcceptAsync(); };
        await row.Locator("input[name=ids]").CheckAsync();
        await finance.ClickAsync("#bulk-approve");

        await Expect(finance.Locator("#bulk-result")).ToContainTextAsync("已审核通过");
        Assert.Single(asked);
        Assert.Contains("审核通过", asked[0], StringComparison.Ordinal);
        await Screens.Save(finance, "17-review-queue-bulk");
    }

    [Fact]
    public async Task A_unit_sees_its_published_forms_on_its_home_and_searches_them()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var unit = await app.SignIn("demo-liuyang");

        await Expect(unit.Locator("#published")).ToContainTextAsync("政务云平台运维服务");
        await unit.FillAsync("#q", "电子证照");
        await unit.ClickAsync("#home-search button[type=submit]");

        await Expect(unit.Locator("#to-fill")).ToContainTextAsync("电子证照系统升级");
        await Expect(unit.Locator("#published")).Not.ToContainTextAsync("政务云平台运维服务");
    }

    private static void StringAssert(string? actual, string start) =>
        Assert.True(actual?.StartsWith(start, StringComparison.Ordinal) == true, $"expected “{start}…”, got “{actual}”");
}

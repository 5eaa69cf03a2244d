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
        // The riskiest project self-evaluation on the first page of the queue (the generated city's names are not fixed).
        var first = finance.Locator("tr[data-form]").Filter(new() { HasText = "项目支出绩效自评表" }).First;
        var id = await first.GetAttributeAsync("data-form");
        Assert.False(string.IsNullOrEmpty(id), "the queue lists no project self-evaluation");
        var row = finance.Locator($"tr[data-form='{id}']");
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

        // Names read from the unit's own lists (the generated city's names are not fixed): a form it has to fill, searched
        // for, and a published form whose name has nothing in common with it.
        var toFill = await Names(unit.Locator("#to-fill"));
        var published = await Names(unit.Locator("#published"));
        Assert.NotEmpty(toFill);
        var sought = toFill[0];
        var other = published.First(n => !n.Contains(sought, StringComparison.Ordinal) && !sought.Contains(n, StringComparison.Ordinal));

        await Expect(unit.Locator("#published")).ToContainTextAsync(other);
        await unit.FillAsync("#q", sought);
        await unit.ClickAsync("#home-search button[type=submit]");

        await Expect(unit.Locator("#to-fill")).ToContainTextAsync(sought);
        await Expect(unit.Locator("#published")).Not.ToContainTextAsync(other);
    }

    /// <summary>The form names a home list shows, in order (the link of each row).</summary>
    private static async Task<List<string>> Names(ILocator list)
    {
        await Expect(list.Locator("tr[data-form]").First).ToBeVisibleAsync();
        return (await list.Locator("tr[data-form] td:first-child > a").AllInnerTextsAsync()).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
    }

    private static void StringAssert(string? actual, string start) =>
        Assert.True(actual?.StartsWith(start, StringComparison.Ordinal) == true, $"expected “{start}…”, got “{actual}”");
}

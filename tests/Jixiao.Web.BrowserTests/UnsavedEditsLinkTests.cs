using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>The header links ask before leaving a form with unsaved edits, as the browser's back button does.</summary>
[Trait("Category", "Browser")]
public sealed class UnsavedEditsLinkTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Theory]
    [InlineData("首页")]
    [InlineData("新建表单")]
    public async Task A_header_link_asks_before_throwing_away_unsaved_edits(string link)
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        await app.CreateForm(page, "离开提示检查" + link);
        var formUrl = page.Url;
        var filler = page.Locator("input[aria-label='填报人']:not([disabled])");
        // The first edit, made as the new form's editor comes alive, must be taken (a text cell sends what was typed
        // before its input listener was attached).
        await filler.FillAsync("赵六");
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");

        var asked = new List<string>();
        void Stay(object? sender, IDialog dialog) { asked.Add(dialog.Message); _ = dialog.DismissAsync(); }
        page.Dialog += Stay;
        await page.ClickAsync($"nav a:text-is('{link}')");
        await page.WaitForTimeoutAsync(500);
        page.Dialog -= Stay;
        Assert.Contains(asked, m => m.Contains("未保存", StringComparison.Ordinal));
        Assert.Equal(formUrl, page.Url);
        await Expect(filler).ToHaveValueAsync("赵六");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.ClickAsync($"nav a:text-is('{link}')");
        await page.WaitForURLAsync(url => url != formUrl);
    }

    [Fact]
    public async Task A_header_link_does_not_ask_when_everything_is_saved()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        await app.CreateForm(page, "已保存离开检查");
        await page.FillAsync("input[aria-label='填报人']:not([disabled])", "钱七");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

        var asked = false;
        page.Dialog += (_, dialog) => { asked = true; _ = dialog.AcceptAsync(); };
        await page.ClickAsync("nav a:text-is('首页')");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.False(asked);
    }
}

using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>A page the user may not see, a URL that does not exist and a server error each say so in Chinese, with a way back.</summary>
[Trait("Category", "Browser")]
public sealed class ErrorPageTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_role_restricted_page_says_the_role_is_missing_with_a_way_back()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        var response = await page.GotoAsync(app.BaseUrl + "/review");

        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await Expect(page.Locator("main")).ToContainTextAsync("单位填报");
        await Expect(page.Locator("main a[href='/']")).ToBeVisibleAsync();
        await Screens.Save(page, "15-access-denied");
        await page.ClickAsync("main a[href='/']");
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }

    [Fact]
    public async Task An_unknown_address_is_a_Chinese_404_page_with_links_back()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.NewPage();
        var response = await page.GotoAsync(app.BaseUrl + "/no/such/page");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
        await Expect(page.Locator("main a[href='/']")).ToBeVisibleAsync();
        await Expect(page.Locator("main a[href='/portal']")).ToBeVisibleAsync();
        await Expect(page.Locator("header.topbar")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_error_page_is_Chinese_with_links_back_and_no_technical_detail()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/Error");

        await Expect(page.Locator("h1")).ToHaveTextAsync("出错了");
        await Expect(page.Locator("main a[href='/']")).ToBeVisibleAsync();
        await Expect(page.Locator("header.topbar")).ToBeVisibleAsync();
        Assert.DoesNotMatch(new Regex("Exception|stack", RegexOptions.IgnoreCase), await page.Locator("main").InnerTextAsync());
    }
}

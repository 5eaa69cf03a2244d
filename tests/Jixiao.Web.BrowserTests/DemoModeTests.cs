using System.Text.RegularExpressions;
using Jixiao.Data.Model;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>The demo explains itself: its accounts with their roles on the login page, deadlines inside its own calendar.</summary>
[Trait("Category", "Browser")]
public sealed class DemoModeTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task The_login_page_lists_each_demo_account_with_its_role_and_person()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/login");

        var liuyang = page.Locator("#demo-accounts tr[data-demo-user='demo-liuyang']");
        await Expect(liuyang).ToContainTextAsync(Roles.UnitFiller);
        await Expect(liuyang).ToContainTextAsync(app.OrganisationOf("demo-liuyang"));
        await Expect(page.Locator("#demo-accounts tr[data-demo-user='demo-finance']")).ToContainTextAsync(Roles.FinanceReviewer);
        await Screens.Save(page, "16-login-demo");
    }

    [Fact]
    public async Task Demo_deadlines_count_from_the_demos_own_year()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        var text = await page.Locator("main").InnerTextAsync();

        Assert.Matches(new Regex(@"剩 \d+ 天|今天截止|已逾期 \d+ 天"), text);
        foreach (Match overdue in Regex.Matches(text, @"已逾期 (\d+) 天"))
            Assert.True(int.Parse(overdue.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 366, overdue.Value);
    }
}

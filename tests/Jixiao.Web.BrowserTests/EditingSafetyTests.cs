using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>What keeps typed work from being lost: conflicts show both versions, bad numbers stay in their box.</summary>
[Trait("Category", "Browser")]
public sealed class EditingSafetyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_second_save_on_a_stale_revision_shows_both_versions_and_can_keep_mine()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var first = await app.SignIn("demo-liuyang");
        // A draft of the unit's own, opened from its list of forms to fill.
        await first.ClickAsync($"a[href='/forms/{await app.DraftOf("demo-liuyang")}']");
        var url = first.Url;
        var second = await app.SignIn("demo-liuyang");
        await second.GotoAsync(url);

        foreach (var page in new[] { first, second })
            await Expect(page.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();

        await first.FillAsync("input[aria-label='填报人']", "张三");
        await first.ClickAsync("#save");
        await Expect(first.Locator("#save-state")).ToContainTextAsync("已保存");

        await second.FillAsync("input[aria-label='填报人']", "李四");
        await second.ClickAsync("#save");
        var conflict = second.Locator("#conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("张三");
        await Expect(conflict).ToContainTextAsync("李四");
        await Expect(second.Locator("input[aria-label='填报人']")).ToHaveValueAsync("李四");
        await Screens.Save(second, "11-editor-conflict");

        await second.ClickAsync("text=保留我的版本并保存");
        await Expect(second.Locator("#save-state")).ToContainTextAsync("已保存");
        await first.ReloadAsync();
        await Expect(first.Locator("input[aria-label='填报人']")).ToHaveValueAsync("李四");
    }

    [Fact]
    public async Task A_number_cell_keeps_text_that_is_not_a_number_and_marks_it()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-school");
        await page.GotoAsync(app.BaseUrl + "/forms/new");
        await page.FillAsync("#projectName", "校园安全改造");
        await page.ClickAsync("#create");
        var budget = page.Locator("input[aria-label='年度资金总额 全年预算数']:not([disabled])");
        await Expect(budget).ToBeVisibleAsync();
        await budget.FillAsync("12万x");
        await Expect(budget).ToHaveValueAsync("12万x");
        await Expect(budget).ToHaveAttributeAsync("aria-invalid", "true");
        await budget.FillAsync("120000");
        await Expect(budget).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");
    }

    [Fact]
    public async Task The_English_switch_changes_the_screens_and_sticks_across_pages()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/portal");
        await page.ClickAsync("a:text('English')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Public portal");
        await page.GotoAsync(app.BaseUrl + "/login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.ClickAsync("a:text('中文')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
    }
}

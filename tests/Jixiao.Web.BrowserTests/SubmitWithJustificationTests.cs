using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>A submit refused for missing justifications goes through once they are written, with no other edit in between.</summary>
[Trait("Category", "Browser")]
public sealed class SubmitWithJustificationTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Writing_the_requested_justification_and_submitting_again_submits()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        await app.CreateForm(page, "提交理由检查");
        await Expect(page.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();

        // A score above its weight is an error-level finding.
        await page.FillAsync("input[aria-label='第1行 分值']", "10");
        await page.FillAsync("input[aria-label='第1行 得分']", "20");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

        await page.ClickAsync("#submit");
        await Expect(page.Locator("#save-error")).ToContainTextAsync("未提交");
        Assert.DoesNotContain("key", await page.Locator("#save-error").InnerTextAsync(), StringComparison.Ordinal);
        var reasons = page.Locator(".submit-panel textarea");
        Assert.True(await reasons.CountAsync() > 0);
        for (var i = 0; i < await reasons.CountAsync(); i++)
            await reasons.Nth(i).FillAsync("按主管部门要求先行提交，得分待复核。");

        await page.ClickAsync("#submit");
        await Expect(page.Locator(".page-head .status")).ToHaveTextAsync("已提交");
        await Expect(page.Locator("#save-error")).ToHaveCountAsync(0);
    }
}

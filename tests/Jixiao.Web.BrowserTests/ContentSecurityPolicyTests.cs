using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>The pages work under their Content-Security-Policy: the editor becomes interactive and the browser reports no violation.</summary>
[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task The_editor_and_the_overview_run_under_the_policy_without_a_violation()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var violations = new List<string>();
        var unit = await app.SignIn("demo-liuyang");
        unit.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
        await unit.ReloadAsync();

        // A draft of the unit's own, opened from its list of forms to fill.
        await unit.ClickAsync($"a[href='/forms/{await app.DraftOf("demo-liuyang")}']");
        // Enabled inputs mean the Blazor circuit is up: its script and websocket passed the policy.
        await Expect(unit.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();
        await unit.FillAsync("input[aria-label='填报人']", "王五");
        await unit.ClickAsync("#save");
        await Expect(unit.Locator("#save-state")).ToContainTextAsync("已保存");

        var finance = await app.SignIn("demo-finance");
        finance.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
        await finance.GotoAsync(app.BaseUrl + "/overview");
        await Expect(finance.Locator("[data-print]")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}

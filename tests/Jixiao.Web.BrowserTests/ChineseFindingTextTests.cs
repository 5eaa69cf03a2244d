using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>Findings on screen are named in Chinese, with the code only in small print and no section keys.</summary>
[Trait("Category", "Browser")]
public sealed class ChineseFindingTextTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task The_finding_list_names_findings_and_places_in_Chinese()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-school");
        await app.CreateForm(page, "问题中文名称检查");
        await Expect(page.Locator("input[aria-label='填报人']:not([disabled])")).ToBeVisibleAsync();

        var list = page.Locator("#findings");
        await Expect(list).ToContainTextAsync("必填项为空");
        await Expect(list).ToContainTextAsync("项目资金“年度资金总额”");
        var text = await list.InnerTextAsync();
        Assert.DoesNotContain("funds（", text, StringComparison.Ordinal);
        Assert.DoesNotContain("total（", text, StringComparison.Ordinal);
        await Expect(page.Locator("#findings .code").First).ToHaveTextAsync("missing-value");
    }
}

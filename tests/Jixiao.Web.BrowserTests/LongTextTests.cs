using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// Long text is saved whatever its length up to the stated limit, and typed text outlives a dropped connection and a
/// reload: it never rides on one oversized live-connection message, and it is kept in the browser until saved.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LongTextTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Actual = "textarea[aria-label='实际完成情况']";

    [Fact]
    public async Task A_fifty_thousand_character_text_saves_and_is_there_after_a_reload()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewProjectForm("demo-liuyang", "长文本保存检查");
        var text = Report(50_000);
        // Chromium itself inserts 50,000 characters slowly: 2.5 s into a bare textarea on an idle machine, 4.6 s into
        // this cell. Under CI's load (the other test project on both cores) it once took over the default 20 s.
        await page.FillAsync(Actual, text, new() { Timeout = 120_000 });
        await Expect(page.Locator(Actual + " ~ .text-count")).ToHaveTextAsync("50,000 / 100,000 字");
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

        // The connection is still alive: a small edit after the long one still saves.
        await page.FillAsync("input[aria-label='填报人']", "王五");
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Expect(again.Locator(Actual + ":not([disabled])")).ToBeVisibleAsync();
        Assert.Equal(text, await again.InputValueAsync(Actual));
        await Expect(again.Locator("#kept-input")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Text_typed_but_not_saved_is_offered_back_after_a_reload_and_then_saves()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewProjectForm("demo-liuyang", "未保存文字恢复检查");
        var text = Report(8_000);
        await page.FillAsync(Actual, text);
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");

        // A second tab stands in for the reload after a crash: the server never saw a save.
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Expect(again.Locator("#kept-input")).ToContainTextAsync("实际完成情况");
        Assert.Equal("", await again.InputValueAsync(Actual));
        await again.ClickAsync("#restore-kept");
        await Expect(again.Locator(Actual)).ToHaveValueAsync(text);
        await Expect(again.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");
        await again.ClickAsync("#save");
        await Expect(again.Locator("#save-state")).ToContainTextAsync("已保存");

        var third = await page.Context.NewPageAsync();
        await third.GotoAsync(page.Url);
        await Expect(third.Locator(Actual + ":not([disabled])")).ToBeVisibleAsync();
        Assert.Equal(text, await third.InputValueAsync(Actual));
        await Expect(third.Locator("#kept-input")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Text_typed_before_the_editor_has_named_its_form_is_still_offered_back()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        // A busy server: the editor tells the browser which form this is a while after the cells turn editable.
        var page = await NewProjectForm("demo-liuyang", "迟到的表单标识检查", initScript: """
            let real;
            Object.defineProperty(window, "jixiao", { configurable: true, get() { return real; }, set(value) {
                const begin = value.form.begin;
                value.form.begin = (...args) => new Promise(done => setTimeout(() => { begin(...args); done(); }, 1500));
                real = value;
            } });
            """);
        var text = Report(3_000);
        await page.FillAsync(Actual, text);
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");
        await page.WaitForTimeoutAsync(2_000);

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Expect(again.Locator("#kept-input")).ToContainTextAsync("实际完成情况", new() { Timeout = 15_000 });
        await again.ClickAsync("#restore-kept");
        await Expect(again.Locator(Actual)).ToHaveValueAsync(text);
    }

    [Fact]
    public async Task A_dropped_connection_says_so_in_Chinese_and_what_was_typed_is_still_there_after_it()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await NewProjectForm("demo-liuyang", "断线检查", watchSockets: true);
        var text = Report(3_000);
        await page.FillAsync(Actual, text);
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");

        // The network drops the live connection (the socket closes under the page).
        await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close(3000, 'dropped'))");
        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("连接已断开");
        Assert.DoesNotMatch(new Regex("[A-Za-z]{4,}"), await dialog.InnerTextAsync());
        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });

        await Expect(page.Locator(Actual)).ToHaveValueAsync(text);
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Expect(again.Locator(Actual + ":not([disabled])")).ToBeVisibleAsync();
        Assert.Equal(text, await again.InputValueAsync(Actual));
    }

    private async Task<IPage> NewProjectForm(string user, string project, bool watchSockets = false, string? initScript = null)
    {
        var page = await app.SignIn(user);
        if (initScript is not null) await page.Context.AddInitScriptAsync(initScript);
        if (watchSockets)
            await page.Context.AddInitScriptAsync("""
                window.__sockets = [];
                const Native = window.WebSocket;
                window.WebSocket = class extends Native { constructor(...args) { super(...args); window.__sockets.push(this); } };
                """);
        await app.CreateForm(page, project);
        await Expect(page.Locator(Actual + ":not([disabled])")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A report-like text of <paramref name="length"/> characters: Chinese sentences, digits and line breaks.</summary>
    private static string Report(int length)
    {
        var sentence = "本年度完成电子证照系统升级改造，累计归集证照 12,345 张，群众满意度达到 96.5%。\n";
        var text = new System.Text.StringBuilder(length + sentence.Length);
        for (var i = 0; text.Length < length; i++) text.Append(i).Append('、').Append(sentence);
        return text.ToString(0, length);
    }
}

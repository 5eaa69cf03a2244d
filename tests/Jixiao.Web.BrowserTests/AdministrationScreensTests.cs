using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The administration screens as people use them: reached from the administrator's home page, a user created and
/// signing in, a project archived and gone from the new-form picker, a token revoked and refused by the API.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AdministrationScreensTests(LiveApp app) : IClassFixture<LiveApp>
{
    private async Task<int> OrganisationOf(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.OrganisationId).SingleAsync();
    }

    [Fact]
    public async Task Every_administration_screen_is_reachable_from_the_administrators_home_page()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-admin");
        await Expect(page.Locator("a[href='/openapi/v1.json']")).ToHaveCountAsync(0);
        await Screens.Save(page, "29-home-admin");

        foreach (var (link, heading, screenshot) in new[]
                 {
                     ("/admin/users", "用户管理", "30-admin-users"),
                     ("/admin/organisations", "组织机构", "32-admin-organisations"),
                     ("/projects", "预算项目", "34-projects"),
                     ("/tokens", "API 令牌", "35-api-tokens"),
                     ("/api-docs", "接口文档", "37-api-docs"),
                 })
        {
            await page.GotoAsync(app.BaseUrl + "/");
            await page.ClickAsync($"#admin-links a[href='{link}']");
            await page.WaitForURLAsync(app.BaseUrl + link);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await Live(page);
            Assert.DoesNotMatch(new Regex("Exception|   at ", RegexOptions.None), await page.Locator("main").InnerTextAsync());
            await Screens.Save(page, screenshot);
        }

        // The API page is for people: Chinese descriptions, the JSON only in small print.
        await Expect(page.Locator("main")).ToContainTextAsync("新建预算项目");
        await Expect(page.Locator("main small a[href='/openapi/v1.json'], main .small a[href='/openapi/v1.json']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_user_created_on_the_users_screen_signs_in_with_the_one_time_password_until_locked()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-admin");
        await page.GotoAsync(app.BaseUrl + "/admin/users");

        // Nothing filled in: each field says what it needs, in Chinese, at the field.
        await page.ClickAsync("#create-user:not([disabled])");
        await Expect(page.Locator(".invalid-feedback[data-field='$.userName']")).ToHaveTextAsync("请填写用户名。");
        await Expect(page.Locator(".invalid-feedback[data-field='$.role']")).ToHaveTextAsync("请选择角色。");

        await page.FillAsync("#new-userName", "demo-admin");
        await page.FillAsync("#new-displayName", "重名检查");
        await page.SelectOptionAsync("#new-role", "单位填报");
        await page.SelectOptionAsync("#new-organisation", (await OrganisationOf("demo-liuyang")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#create-user:not([disabled])");
        await Expect(page.Locator(".invalid-feedback[data-field='$.userName']")).ToContainTextAsync("已被使用");

        await page.FillAsync("#new-userName", "liuyang-clerk");
        await page.FillAsync("#new-displayName", "刘晓红");
        await page.SelectOptionAsync("#new-role", "单位填报");
        await page.SelectOptionAsync("#new-organisation", (await OrganisationOf("demo-liuyang")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#create-user:not([disabled])");
        await Expect(page.Locator("#one-time-password")).ToBeVisibleAsync();
        var password = (await page.Locator("#otp-value").InnerTextAsync()).Trim();
        await Expect(page.Locator("tr[data-user='liuyang-clerk']")).ToContainTextAsync(app.OrganisationOf("demo-liuyang"));
        await Screens.Save(page, "31-admin-users-created");

        var clerk = await SignInAs("liuyang-clerk", password);
        await Expect(clerk.Locator("header .user")).ToHaveTextAsync("刘晓红");
        await Expect(clerk.Locator("header a[href='/forms/new']")).ToBeVisibleAsync();

        // The person replaces the one-time password with their own on 我的账户.
        await clerk.ClickAsync("header a.user");
        await clerk.WaitForURLAsync(app.BaseUrl + "/account");
        await clerk.FillAsync("#current-password", "wrong-one-time");
        await clerk.FillAsync("#new-password", "Lyx-own-pass-2026");
        await clerk.FillAsync("#confirm-password", "Lyx-own-pass-2026");
        await clerk.ClickAsync("#save-password");
        await Expect(clerk.Locator(".invalid-feedback[data-field='$.currentPassword']")).ToHaveTextAsync("当前密码不正确。");
        await clerk.FillAsync("#current-password", password);
        await clerk.FillAsync("#new-password", "Lyx-own-pass-2026");
        await clerk.FillAsync("#confirm-password", "Lyx-own-pass-2026");
        await clerk.ClickAsync("#save-password");
        await Expect(clerk.Locator("#password-changed")).ToBeVisibleAsync();
        await Screens.Save(clerk, "38-account-password");
        password = "Lyx-own-pass-2026";
        await SignInAs("liuyang-clerk", password);

        // Locking asks first, then the account cannot sign in.
        await page.ClickAsync("tr[data-user='liuyang-clerk'] button[name='lock']:not([disabled])");
        await Expect(page.Locator("tr[data-user='liuyang-clerk']")).ToContainTextAsync("确定锁定");
        await Expect(page.Locator("tr[data-user='liuyang-clerk']")).ToContainTextAsync("正常");
        await page.ClickAsync("tr[data-user='liuyang-clerk'] button[name='confirm']");
        await Expect(page.Locator("tr[data-user='liuyang-clerk']")).ToContainTextAsync("已锁定");
        var refused = await app.NewPage();
        await refused.GotoAsync(app.BaseUrl + "/login");
        await refused.FillAsync("#userName", "liuyang-clerk");
        await refused.FillAsync("#password", password);
        await refused.ClickAsync("form[action='/account/login'] button[type=submit]");
        await refused.WaitForURLAsync(new Regex("error=failed"));
    }

    [Fact]
    public async Task The_administrator_cannot_lock_their_own_account()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-admin");
        await page.GotoAsync(app.BaseUrl + "/admin/users");
        await page.FillAsync("#user-search", "demo-admin");
        await page.ClickAsync("#user-search-go:not([disabled])");
        await Expect(page.Locator("#users tbody tr")).ToHaveCountAsync(1);

        await page.ClickAsync("tr[data-user='demo-admin'] button[name='lock']");
        await page.ClickAsync("tr[data-user='demo-admin'] button[name='confirm']");

        await Expect(page.Locator("#user-error")).ToContainTextAsync("不能锁定自己的账户");
        await Expect(page.Locator("tr[data-user='demo-admin']")).ToContainTextAsync("正常");
    }

    [Fact]
    public async Task A_project_archived_on_the_projects_screen_leaves_the_new_form_picker()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        await page.ClickAsync("header a[href='/projects']");
        await page.WaitForURLAsync(app.BaseUrl + "/projects");

        await page.FillAsync("#new-code", "ARCH-2025-01");
        await page.FillAsync("#new-name", "归档检查项目");
        await page.FillAsync("#new-budget", "abc");
        await page.ClickAsync("#create-project:not([disabled])");
        await Expect(page.Locator(".invalid-feedback[data-field='$.budgetYuan']")).ToBeVisibleAsync();
        await page.FillAsync("#new-budget", "12.5万");
        await page.ClickAsync("#create-project:not([disabled])");
        await Expect(page.Locator("#project-notice")).ToContainTextAsync("归档检查项目");
        await Expect(page.Locator("tr[data-code='ARCH-2025-01']")).ToContainTextAsync("125,000.00");

        await page.GotoAsync(app.BaseUrl + "/forms/new");
        await Expect(page.Locator("#project option", new() { HasText = "归档检查项目" })).ToHaveCountAsync(1);

        await page.GotoAsync(app.BaseUrl + "/projects");
        await page.ClickAsync("tr[data-code='ARCH-2025-01'] button[name='archive']:not([disabled])");
        await Expect(page.Locator("tr[data-code='ARCH-2025-01']")).ToContainTextAsync("确定归档");
        await page.ClickAsync("tr[data-code='ARCH-2025-01'] button[name='confirm']");
        await Expect(page.Locator("#project-notice")).ToContainTextAsync("已归档");
        await Expect(page.Locator("tr[data-code='ARCH-2025-01']")).ToHaveCountAsync(0);

        await page.GotoAsync(app.BaseUrl + "/forms/new");
        await Expect(page.Locator("#project option", new() { HasText = "归档检查项目" })).ToHaveCountAsync(0);

        // Still there for the record, with its code, when archived projects are asked for.
        await page.GotoAsync(app.BaseUrl + "/projects");
        await page.CheckAsync("#filter-archived");
        await page.ClickAsync("#filter-go:not([disabled])");
        await Expect(page.Locator("tr[data-code='ARCH-2025-01']")).ToContainTextAsync("已归档");
    }

    [Fact]
    public async Task A_token_created_on_the_tokens_screen_works_on_the_API_until_revoked()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-finance");
        await page.ClickAsync("header a.user");
        await page.ClickAsync("main a[href='/tokens']");
        await page.WaitForURLAsync(app.BaseUrl + "/tokens");

        await page.ClickAsync("#create-token:not([disabled])");
        await Expect(page.Locator(".invalid-feedback[data-field='$.name']")).ToContainTextAsync("请填写令牌名称");
        await page.FillAsync("#token-name", "财务系统对接");
        await page.FillAsync("#token-days", "30");
        await page.ClickAsync("#create-token:not([disabled])");
        var token = (await page.Locator("#token-value").InnerTextAsync()).Trim();
        Assert.StartsWith("jx_", token, StringComparison.Ordinal);
        await Screens.Save(page, "36-api-tokens-created");

        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await page.ClickAsync("tr[data-token='财务系统对接'] button[name='revoke']");
        await Expect(page.Locator("tr[data-token='财务系统对接']")).ToContainTextAsync("确定吊销");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        await page.ClickAsync("tr[data-token='财务系统对接'] button[name='confirm']");
        await Expect(page.Locator("tr[data-token='财务系统对接']")).ToContainTextAsync("已吊销");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_organisation_tree_opens_and_closes_and_takes_a_new_unit_under_a_department()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-admin");
        await page.GotoAsync(app.BaseUrl + "/admin/organisations");
        var tree = page.Locator("#organisation-tree");
        var department = tree.Locator("li.org-node[aria-expanded]").Nth(1);
        var departmentCode = await department.GetAttributeAsync("data-code");
        var node = tree.Locator($"li[data-code='{departmentCode}']");

        await Expect(node).ToHaveAttributeAsync("aria-expanded", "false");
        await node.Locator(":scope > div button.toggle:not([disabled])").ClickAsync();
        await Expect(node).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(node.Locator(":scope > ul > li")).Not.ToHaveCountAsync(0);

        await node.Locator(":scope > div button[name='add-child']").ClickAsync();
        // Under a department only budget units may be added.
        await Expect(page.Locator("#child-kind option")).ToHaveTextAsync(["预算单位"]);
        await page.ClickAsync("#create-child");
        await Expect(page.Locator(".invalid-feedback[data-field='$.code']")).ToHaveTextAsync("请填写组织代码。");
        await page.FillAsync("#child-code", "NEW/UNIT");
        await page.FillAsync("#child-name", "湘江市政务服务中心");
        await page.ClickAsync("#create-child");
        await Expect(page.Locator(".invalid-feedback[data-field='$.code']")).ToContainTextAsync("不能包含“/”");
        await page.FillAsync("#child-code", "XJZWFW");
        await page.ClickAsync("#create-child");
        await Expect(page.Locator("#organisation-notice")).ToContainTextAsync("湘江市政务服务中心");
        var added = tree.Locator("li[data-code='XJZWFW']");
        await Expect(added).ToContainTextAsync("预算单位");
        await Expect(added.Locator("button[name='add-child']")).ToHaveCountAsync(0);

        await added.Locator("button[name='rename-start']").ClickAsync();
        await added.Locator("input[name='rename']").FillAsync("湘江市政务服务管理中心");
        await added.Locator("button[name='save-rename']").ClickAsync();
        await Expect(tree.Locator("li[data-code='XJZWFW'] .org-name")).ToHaveTextAsync("湘江市政务服务管理中心");
        await Screens.Save(page, "33-admin-organisations-added");

        await node.Locator(":scope > div button.toggle").ClickAsync();
        await Expect(node).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(tree.Locator("li[data-code='XJZWFW']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Other_roles_get_the_access_denied_page_for_user_and_organisation_screens()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-finance");
        foreach (var url in new[] { "/admin/users", "/admin/organisations" })
        {
            var response = await page.GotoAsync(app.BaseUrl + url);
            Assert.Equal(403, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        }
        var reviewer = await app.SignIn("demo-department");
        Assert.Equal(403, (await reviewer.GotoAsync(app.BaseUrl + "/projects"))!.Status);
        Assert.Equal(200, (await reviewer.GotoAsync(app.BaseUrl + "/tokens"))!.Status);
    }

    [Fact]
    public async Task The_English_switch_translates_the_administration_screens()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-admin");
        await page.GotoAsync(app.BaseUrl + "/culture/en?returnUrl=%2Fadmin%2Fusers");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        await Expect(page.Locator("#create-user:not([disabled])")).ToHaveTextAsync("Create with a password");
        await page.ClickAsync("#create-user");
        await Expect(page.Locator(".invalid-feedback[data-field='$.userName']")).ToHaveTextAsync("Enter a user name.");
        await Expect(page.Locator("#users thead")).ToHaveTextAsync(new Regex("User name.*Name.*Role.*Organisation.*State.*Actions", RegexOptions.Singleline));
        await Expect(page.Locator("tr[data-user='demo-admin']")).ToContainTextAsync("Administration");

        await NoChineseInTheScreensOwnText(page);

        foreach (var (url, heading) in new[] { ("/admin/organisations", "Organisations"), ("/projects", "Projects"), ("/tokens", "API tokens"), ("/account", "My account"), ("/api-docs", "API docs") })
        {
            await page.GotoAsync(app.BaseUrl + url);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await NoChineseInTheScreensOwnText(page);
        }
        await page.GotoAsync(app.BaseUrl + "/culture/zh-CN?returnUrl=%2F");
    }

    /// <summary>Headings, labels, buttons, column heads and the header are the screen's own words; names of units and projects are data and stay Chinese.</summary>
    private static async Task NoChineseInTheScreensOwnText(IPage page)
    {
        await Live(page);
        var own = await page.Locator("header nav, header .who > a:not(.user):not([lang]), header .who button, main h1, main h2, main label, main button, main th")
            .EvaluateAllAsync<string[]>("els => els.map(e => e.innerText)");
        Assert.DoesNotContain(own, text => Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}"));
    }

    /// <summary>Interactive screens enable their controls once the live connection is up.</summary>
    private static async Task Live(IPage page)
    {
        if (await page.Locator("main button").CountAsync() > 0) await Expect(page.Locator("main button:not([disabled])").First).ToBeVisibleAsync();
    }

    private async Task<IPage> SignInAs(string user, string password)
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        return page;
    }
}

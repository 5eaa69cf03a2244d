using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests;

public sealed class HardeningTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    private HttpClient Browser(string baseAddress = "http://localhost") =>
        Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress), HandleCookies = true });

    private static readonly Regex AntiforgeryField = new("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");

    [Fact]
    public async Task Pages_api_answers_and_the_print_html_carry_nosniff_a_referrer_policy_and_a_content_security_policy()
    {
        var id = await Draft("安全头");
        var page = await Host.Anonymous().GetAsync("/login");
        var api = await Host.Client("unit").GetAsync($"/api/v1/forms/{id}");
        var print = await Host.Client("unit").GetAsync($"/api/v1/downloads/forms/{id}.html");
        var problem = await Host.Anonymous().GetAsync("/api/v1/nothing-here");

        foreach (var response in new[] { page, api, print, problem })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
        var pagePolicy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(pagePolicy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("object-src 'none'", pagePolicy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        // Every inline script the page carries has the nonce; no inline event handler is left.
        Assert.All(Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value), tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.DoesNotMatch(" onclick=\"", html);
        Assert.StartsWith("default-src 'none'", print.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_password_is_refused_even_with_digits_and_a_symbol()
    {
        foreach (var password in new[] { "Password1!", "qwerty123456", "Iloveyou2026!" })
        {
            var response = await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
                new { userName = "weak-" + password.Length, displayName = "弱密码", password, role = Roles.UnitFiller, organisationId = Host.World.Id("LY") });
            var problem = await Expect(HttpStatusCode.BadRequest, response);
            Assert.Contains("过于常见", (string?)problem["detail"], StringComparison.Ordinal);
        }
        var strong = await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "strong-user", displayName = "强密码", password = "湘江-Xq7-绩效-2026", role = Roles.UnitFiller, organisationId = Host.World.Id("LY") });
        await Expect(HttpStatusCode.Created, strong);
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        for (var i = 0; i < 5; i++) await LogIn(Browser(), "other-unit", "wrong-password-" + i);

        var locked = await LogIn(Browser(), "other-unit", Host.World.Passwords["other-unit"]);
        var unknown = await LogIn(Browser(), "nobody-at-all", "wrong-password");
        var wrong = await LogIn(Browser(), "other-finance", "wrong-password");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(unknown.Headers.Location, locked.Headers.Location);
        Assert.Equal(wrong.Headers.Location, locked.Headers.Location);
        Assert.DoesNotContain("locked", locked.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lockout_ends_the_accounts_open_sessions()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await LogIn(browser, "school", Host.World.Passwords["school"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        for (var i = 0; i < 5; i++) await LogIn(Browser(), "school", "wrong-password-" + i);
        Host.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_the_new_password_works()
    {
        var browser = Browser();
        await LogIn(browser, "education", Host.World.Passwords["education"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        await Expect(HttpStatusCode.NoContent, await Host.Client("education").Send(HttpMethod.Post, "/api/v1/me/password",
            new { currentPassword = Host.World.Passwords["education"], newPassword = "湘江-教育-Xq7-2027" }));
        Host.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
        var again = Browser();
        await LogIn(again, "education", "湘江-教育-Xq7-2027");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/me")).StatusCode);
        var weak = await Host.Client("education").Send(HttpMethod.Post, "/api/v1/me/password",
            new { currentPassword = "湘江-教育-Xq7-2027", newPassword = "Password1!" });
        Assert.Contains("过于常见", (string?)(await Expect(HttpStatusCode.BadRequest, weak))["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token_of_the_page()
    {
        var browser = Browser();
        await LogIn(browser, "finance", Host.World.Passwords["finance"]);
        var home = await browser.GetStringAsync("/");
        var token = AntiforgeryField.Match(home).Groups[1].Value;
        Assert.NotEmpty(token);

        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        var real = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_proxy_that_says_https_the_auth_cookie_is_secure()
    {
        await using var proxied = Host.Factory.WithWebHostBuilder(b => b.UseSetting("Jixiao:ForwardedHeaders", "true").UseSetting("Jixiao:KnownProxies", "*"));
        var page = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await page.GetStringAsync("/login");
        var token = AntiforgeryField.Match(html).Groups[1].Value;

        async Task<string> CookieWhen(string? forwardedProto)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["userName"] = "wangcheng", ["password"] = Host.World.Passwords["wangcheng"], ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
                }),
            };
            if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            var response = await page.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jixiao=", StringComparison.Ordinal));
        }

        Assert.Contains("secure", await CookieWhen("https"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await CookieWhen(null), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_the_https_setting_http_is_redirected_and_https_answers_carry_hsts()
    {
        await using var https = Host.Factory.WithWebHostBuilder(b => b.UseSetting("Jixiao:Https", "true").UseSetting("https_port", "443"));
        var plain = https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var secure = https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var redirected = await plain.GetAsync("/login");
        var answered = await secure.GetAsync("/login");

        Assert.Equal("https", redirected.Headers.Location?.Scheme);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("max-age=31536000", answered.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_disk_answers_503_storage_full_in_chinese_and_saves_nothing()
    {
        Host.Checker.FailWith("磁盘已满的项目", new IOException("No space left on device", 28));
        var before = (int)(await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/forms")))["total"]!;

        var response = await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("磁盘已满的项目") });

        var problem = await Expect(HttpStatusCode.ServiceUnavailable, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("存储空间不足", (string?)problem["title"]);
        Assert.Equal(before, (int)(await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/forms")))["total"]!);
    }
}

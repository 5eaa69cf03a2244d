using System.Net;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests.Admin;

/// <summary>
/// A client that never takes the renewed sign-in cookie (an API script, several requests in flight) keeps working past
/// the session check interval, and a lockout still ends its session within one interval (SessionChecks).
/// </summary>
public sealed class SessionsThatKeepTheirFirstCookieTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    [Fact]
    public async Task A_client_keeping_its_first_cookie_stays_signed_in_until_a_lockout_ends_it_within_the_interval()
    {
        const string password = "湘江-会话-Xq7-2026";
        var created = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "first-cookie", displayName = "只用首个凭据", password, role = Roles.UnitFiller, organisationId = Host.World.Id("LY") }));
        var browser = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await LogIn(browser, "first-cookie", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // The cookie as first issued, sent as it is on every later request whatever the server renews it to.
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("jixiao=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await Me(cookie)).StatusCode);

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await Me(cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(cookie)).StatusCode);

        await Expect(HttpStatusCode.OK, await Host.Client("admin").PostAsync($"/api/v1/users/{(string)created["user"]!["id"]!}/lock", null));
        Host.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(cookie)).StatusCode);
    }

    private Task<HttpResponseMessage> Me(string cookie)
    {
        var client = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}

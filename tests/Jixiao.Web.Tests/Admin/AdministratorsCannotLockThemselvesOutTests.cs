using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Admin;

/// <summary>An administrator may lock and demote others, but never so that nobody can administer the system any more.</summary>
public sealed class AdministratorsCannotLockThemselvesOutTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    private async Task<string> IdOf(string userName) =>
        (string)(await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync($"/api/v1/users?search={userName}")))["items"]!.AsArray()
            .Single(u => (string?)u!["userName"] == userName)!["id"]!;

    [Fact]
    public async Task The_administrator_cannot_lock_or_demote_their_own_account()
    {
        var self = await IdOf("admin");

        var locked = await Expect(HttpStatusCode.Conflict, await Host.Client("admin").PostAsync($"/api/v1/users/{self}/lock", null));
        Assert.Contains("不能锁定自己", (string?)locked["detail"], StringComparison.Ordinal);
        var demoted = await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/users/{self}",
            new { displayName = "admin", role = Roles.FinanceReviewer, organisationId = Host.World.Id("CZ") }));
        Assert.Equal("$.role", (string?)demoted["errors"]![0]!["path"]);

        var me = await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/me"));
        Assert.Equal([Roles.Administrator], me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task With_the_only_other_administrator_locked_the_last_one_keeps_the_role()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "second-admin", displayName = "第二管理员", role = Roles.Administrator, organisationId = Host.World.Id("CZ") }));
        var second = (string)created["user"]!["id"]!;
        Assert.False(string.IsNullOrEmpty((string?)created["password"]));

        await Expect(HttpStatusCode.OK, await Host.Client("admin").PostAsync($"/api/v1/users/{second}/lock", null));
        var first = await IdOf("admin");
        // The second administrator is locked, so taking the role from the first would leave none who can sign in.
        await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/users/{first}",
            new { displayName = "admin", role = Roles.FinanceReviewer, organisationId = Host.World.Id("CZ") }));

        var unlocked = await Expect(HttpStatusCode.OK, await Host.Client("admin").PostAsync($"/api/v1/users/{second}/unlock", null));
        Assert.False((bool)unlocked["locked"]!);
    }
}

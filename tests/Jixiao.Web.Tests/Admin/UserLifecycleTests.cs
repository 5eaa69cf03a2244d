using System.Net;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Admin;

/// <summary>A user created, moved, locked and given a new password: each change takes effect and is in the audit trail.</summary>
public sealed class UserLifecycleTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    [Fact]
    public async Task A_user_created_without_a_password_signs_in_with_the_one_time_password_and_not_after_a_reset()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "new-clerk", displayName = "王小明", role = Roles.UnitFiller, organisationId = Host.World.Id("WC") }));
        var id = (string)created["user"]!["id"]!;
        var first = (string)created["password"]!;

        Assert.Equal(HttpStatusCode.Redirect, (await LogIn(Host.Anonymous(), "new-clerk", first)).StatusCode);
        var browser = Host.Anonymous();
        await LogIn(browser, "new-clerk", first);
        var me = await Expect(HttpStatusCode.OK, await browser.GetAsync("/api/v1/me"));
        Assert.EndsWith("/WC/", (string?)me["scopePath"], StringComparison.Ordinal);

        var reset = await Expect(HttpStatusCode.OK, await Host.Client("admin").PostAsync($"/api/v1/users/{id}/reset-password", null));
        var second = (string)reset["password"]!;
        Assert.NotEqual(first, second);
        Assert.Contains("error=failed", (await LogIn(Host.Anonymous(), "new-clerk", first)).Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("error", (await LogIn(Host.Anonymous(), "new-clerk", second)).Headers.Location?.ToString(), StringComparison.Ordinal);
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/audit?entityType=user&pageSize=200")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["action"] == "reset-password" && (string?)a["entityId"] == id);
        Assert.DoesNotContain(audit, a => ((string?)a!["after"])?.Contains(second, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_role_and_scope_change_is_audited_and_a_locked_users_token_stops_working()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "mover", displayName = "李四", password = "Pw-mover-2026!x", role = Roles.UnitFiller, organisationId = Host.World.Id("WC") }));
        var id = (string)created["user"]!["id"]!;

        var moved = await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/users/{id}",
            new { displayName = "李四", role = Roles.DepartmentReviewer, organisationId = Host.World.Id("SJ") }));
        Assert.Equal([Roles.DepartmentReviewer], moved["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("甲市数据资源局", (string?)moved["organisationName"]);
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/audit?entityType=user&pageSize=200")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["entityId"] == id && (string?)a["field"] == "角色" && (string?)a["after"] == Roles.DepartmentReviewer);
        Assert.Contains(audit, a => (string?)a!["entityId"] == id && (string?)a["field"] == "所属组织" && (string?)a["after"] == "甲市数据资源局");

        var browser = Host.Anonymous();
        await LogIn(browser, "mover", "Pw-mover-2026!x");
        var token = await Expect(HttpStatusCode.Created, await browser.Send(HttpMethod.Post, "/api/v1/tokens", new { name = "对接" }));
        var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)token["token"]!);
        await Expect(HttpStatusCode.OK, await client.GetAsync("/api/v1/me"));
        // The trail names the person, not the login.
        var tokenAudit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync($"/api/v1/audit?entityType=api-token&entityId={(int)token["id"]!}")))["items"]!.AsArray();
        Assert.Equal("李四", (string?)tokenAudit.Single()!["userName"]);

        await Expect(HttpStatusCode.OK, await Host.Client("admin").PostAsync($"/api/v1/users/{id}/lock", null));
        await Expect(HttpStatusCode.Unauthorized, await client.GetAsync("/api/v1/me"));
        await Expect(HttpStatusCode.OK, await Host.Client("admin").PostAsync($"/api/v1/users/{id}/unlock", null));
        await Expect(HttpStatusCode.OK, await client.GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task Only_administrators_manage_users_and_only_in_their_subtree()
    {
        var other = (string)(await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "someone", displayName = "某人", role = Roles.UnitFiller, organisationId = Host.World.Id("LY") })))["user"]!["id"]!;

        await Expect(HttpStatusCode.Forbidden, await Host.Client("finance").PostAsync($"/api/v1/users/{other}/lock", null));
        await Expect(HttpStatusCode.Forbidden, await Host.Client("finance").GetAsync("/api/v1/users"));
        // other-finance's subtree is 乙市: the user does not exist there.
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").PostAsync($"/api/v1/users/{other}/reset-password", null));
        var duplicate = await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "someone", displayName = "重名", role = Roles.UnitFiller, organisationId = Host.World.Id("LY") }));
        Assert.Equal("$.userName", (string?)duplicate["errors"]![0]!["path"]);
        Assert.Contains("已被使用", (string?)duplicate["errors"]![0]!["message"], StringComparison.Ordinal);
    }
}

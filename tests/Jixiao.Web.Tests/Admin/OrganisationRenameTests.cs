using System.Net;

namespace Jixiao.Web.Tests.Admin;

/// <summary>An organisation can be renamed by an administrator; its code and path stay.</summary>
public sealed class OrganisationRenameTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    [Fact]
    public async Task The_administrator_renames_a_unit_and_the_trail_keeps_both_names()
    {
        var id = Host.World.Id("YZ");

        var renamed = await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/organisations/{id}", new { name = "甲市第一高级中学" }));

        Assert.Equal("甲市第一高级中学", (string?)renamed["name"]);
        Assert.Equal("YZ", (string?)renamed["code"]);
        Assert.EndsWith("/YZ/", (string?)renamed["path"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.Forbidden, await Host.Client("school").Send(HttpMethod.Put, $"/api/v1/organisations/{id}", new { name = "自己改名" }));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/organisations/{id}", new { name = " " }));
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/audit?entityType=organisation&pageSize=200")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["before"] == "甲市第一中学" && (string?)a["after"] == "甲市第一高级中学");
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests;

/// <summary>A host that accepts request bodies of at most 100 kB (Jixiao:MaxRequestBytes).</summary>
public sealed class SmallBodyHost : SqliteHost
{
    protected override Dictionary<string, string?> DatabaseSettings()
    {
        var settings = base.DatabaseSettings();
        settings["Jixiao:MaxRequestBytes"] = "100000";
        return settings;
    }
}

public sealed class OversizedBodyTests(SmallBodyHost host) : ApiTestBase<SmallBodyHost>(host)
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_413_in_chinese()
    {
        var form = new JsonObject { ["organisationId"] = Host.World.Id("LY"), ["fiscalYear"] = 2020, ["form"] = new JsonObject { ["text"] = new string('文', 60_000) } };
        var response = await Host.Client("unit").PostAsync("/api/v1/forms", new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await Expect(HttpStatusCode.RequestEntityTooLarge, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求体过大", (string?)problem["title"]);
        Assert.Contains("上限", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_under_the_limit_still_works()
    {
        var id = await Draft("小请求");
        Assert.True(id > 0);
    }
}

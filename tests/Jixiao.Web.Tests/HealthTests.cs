using System.Net;

namespace Jixiao.Web.Tests;

/// <summary>The health endpoint a load balancer and a rolling upgrade wait on (docs/operations.md).</summary>
public sealed class HealthTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task The_health_endpoint_answers_ok_to_anyone_and_is_never_cached()
    {
        using var response = await host.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }
}

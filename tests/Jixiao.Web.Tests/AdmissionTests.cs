using System.Net;

namespace Jixiao.Web.Tests;

/// <summary>A server that works on one request at a time and lets one more wait for its turn.</summary>
public sealed class OneAtATimeHost : SqliteHost
{
    protected override Dictionary<string, string?> DatabaseSettings()
    {
        var settings = base.DatabaseSettings();
        settings["Jixiao:ConcurrentRequests"] = "1";
        settings["Jixiao:QueuedRequests"] = "1";
        return settings;
    }
}

public sealed class AdmissionTests(OneAtATimeHost host) : ApiTestBase<OneAtATimeHost>(host)
{
    [Fact]
    public async Task A_busy_server_queues_the_next_request_refuses_the_one_after_in_Chinese_and_still_serves_downloads()
    {
        var published = await FormIn(Jixiao.Data.Model.FormStatus.Published, "已公开的项目");
        var hold = Host.Checker.HoldOn("慢的项目");
        var slow = Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("慢的项目") });
        await hold.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // One of these two takes the only place in the queue; the other is turned away at once.
        var second = Host.Client("unit").GetAsync("/api/v1/me");
        var third = Host.Client("unit").GetAsync("/api/v1/me");
        var refused = await Task.WhenAny(second, third).WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = refused == second ? third : second;
        var problem = await Expect(HttpStatusCode.ServiceUnavailable, await refused);
        Assert.Equal("服务器繁忙", (string?)problem["title"]);
        Assert.Contains("请稍后重试", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.NotNull((await refused).Headers.RetryAfter);

        var page = await Host.Anonymous().GetAsync("/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.StartsWith("服务器繁忙", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Downloads do not take turns: a PDF can take seconds, and nothing else should wait for it.
        var download = await Host.Anonymous().GetAsync($"/api/v1/downloads/forms/{published}.json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.False(waiting.IsCompleted, "the queued request was answered while the only turn was taken");

        hold.Released.SetResult();
        await Expect(HttpStatusCode.Created, await slow.WaitAsync(TimeSpan.FromSeconds(30)));
        var me = await Expect(HttpStatusCode.OK, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("unit", (string?)me["userName"]);
    }
}

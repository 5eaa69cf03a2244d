using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Library;

/// <summary>The library as the API gives it: entries and histories scoped to the caller, suggestions for a targets row, and last year's actual held against this year's target.</summary>
public abstract class LibraryApiTests<THost>(THost host) : LibraryTestBase<THost>(host) where THost : TestHost
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task The_library_groups_one_indicator_written_two_ways_and_holds_only_the_callers_scope()
    {
        Host.SkipUnlessAvailable();
        await Stored("LY", 2020, FormKind.ProjectSelfEvaluation, "档案数字化", FormStatus.Submitted, new Row("产出指标", "数量指标", "档案扫描页数", "≥10000页", "12000页"));
        await Stored("WC", 2020, FormKind.ProjectSelfEvaluation, "档案数字化", FormStatus.Submitted, new Row("产出指标", "数量指标", "档案 扫描页数（）", "≥8000页", "9000页"));
        await Stored("B-U", 2020, FormKind.ProjectSelfEvaluation, "档案数字化", FormStatus.Submitted, new Row("产出指标", "数量指标", "档案扫描页数", "≥5000页", "5000页"));

        async Task<JsonNode> Entry(string person) =>
            Assert.Single((await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/library/indicators?q={Q("档案扫描页数")}")))["items"]!.AsArray())!;

        Assert.Equal(2, (int)(await Entry("department"))["units"]!);
        Assert.Equal(1, (int)(await Entry("unit"))["units"]!);
        Assert.Equal(1, (int)(await Entry("other-finance"))["units"]!);
        var entry = await Entry("finance");
        Assert.Equal("产出指标", (string?)entry["level1"]);
        Assert.Equal("数量指标", (string?)entry["level2"]);
        Assert.Equal(2, (int)entry["forms"]!);
    }

    [Fact]
    public async Task History_lists_each_projects_target_and_actual_by_year()
    {
        Host.SkipUnlessAvailable();
        await Stored("LY", 2019, FormKind.ProjectSelfEvaluation, "网络运维", FormStatus.Published, new Row("产出指标", "质量指标", "网络可用率", "≥99%", "99.2%"));
        await Stored("LY", 2020, FormKind.Targets, "网络运维", FormStatus.FinanceApproved, new Row("产出指标", "质量指标", "网络可用率", "≥99.5%"));
        await Stored("LY", 2020, FormKind.ProjectSelfEvaluation, "网络运维", FormStatus.Submitted, new Row("产出指标", "质量指标", "网络可用率", "≥99.5%", "99.7%"));

        var rows = (await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync(
            $"/api/v1/library/indicators/history?level1={Q("产出指标")}&level2={Q("质量指标")}&name={Q("网络可用率")}")))["items"]!.AsArray();

        Assert.Equal([2020, 2019], rows.Select(r => (int)r!["year"]!));
        Assert.Equal("≥99.5%", (string?)rows[0]!["target"]);
        Assert.Equal("99.7%", (string?)rows[0]!["actual"]);
        Assert.Equal("99.2%", (string?)rows[1]!["actual"]);
        Assert.All(rows, r => Assert.Equal("网络运维", (string?)r!["projectName"]));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("department").GetAsync($"/api/v1/library/indicators/history?name={Q("网络可用率")}"));
        var outside = await Expect(HttpStatusCode.OK, await Host.Client("other-finance").GetAsync(
            $"/api/v1/library/indicators/history?level1={Q("产出指标")}&level2={Q("质量指标")}&name={Q("网络可用率")}"));
        Assert.Equal(0, (int)outside["total"]!);
    }

    [Fact]
    public async Task A_targets_row_is_offered_the_projects_own_indicator_with_last_years_actual()
    {
        Host.SkipUnlessAvailable();
        await Stored("LY", 2020, FormKind.ProjectSelfEvaluation, "政务云租赁", FormStatus.Submitted,
            new Row("产出指标", "数量指标", "云主机数量", "≥80台", "96台"), new Row("产出指标", "时效指标", "故障响应时间", "≤2小时", "1.5小时"));
        var draft = (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2021, form = PeerRangeTests<THost>.Targets(2021, "政务云租赁", new Row("产出指标", "数量指标", "", "")) })))["id"]!;

        var suggestions = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync(
            $"/api/v1/library/suggestions?formId={draft}&level1={Q("产出指标")}&level2={Q("数量指标")}"))).AsArray();

        var own = Assert.Single(suggestions, s => (string?)s!["source"] == "ProjectHistory");
        Assert.Equal("云主机数量", (string?)own!["name"]);
        Assert.Equal("≥96台", (string?)own["target"]);
        Assert.Equal("96台", (string?)own["lastActual"]);
        Assert.Equal(2020, (int)own["lastYear"]!);
        Assert.Contains("2020年实际完成 96台", (string?)own["hint"], StringComparison.Ordinal);
        Assert.DoesNotContain(suggestions, s => (string?)s!["name"] == "故障响应时间");
        await Expect(HttpStatusCode.NotFound, await Host.Client("wangcheng").GetAsync($"/api/v1/library/suggestions?formId={draft}&level1={Q("产出指标")}"));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("unit").GetAsync($"/api/v1/library/suggestions?formId={draft}"));
    }

    [Fact]
    public async Task A_target_below_last_years_actual_is_a_finding_when_the_targets_are_saved()
    {
        Host.SkipUnlessAvailable();
        await Stored("LY", 2020, FormKind.ProjectSelfEvaluation, "数据共享平台", FormStatus.Submitted, new Row("效益指标", "社会效益指标", "数据共享调用次数", "≥100万次", "132万次"));

        var id = (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2021, form = PeerRangeTests<THost>.Targets(2021, "数据共享平台", new Row("效益指标", "社会效益指标", "数据共享调用次数", "≥120万次")) })))["id"]!;

        var findings = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/findings"))).AsArray();
        var finding = Assert.Single(findings, f => (string?)f!["code"] == "target-below-last-actual");
        Assert.Contains("132", (string?)finding!["message"], StringComparison.Ordinal);

        var raised = PeerRangeTests<THost>.Targets(2021, "数据共享平台", new Row("效益指标", "社会效益指标", "数据共享调用次数", "≥140万次"));
        await Expect(HttpStatusCode.OK, await Save("unit", id, raised));
        findings = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/findings"))).AsArray();
        Assert.DoesNotContain(findings, f => (string?)f!["code"] == "target-below-last-actual");
    }

    [Fact]
    public async Task Bad_filters_are_refused_in_chinese()
    {
        Host.SkipUnlessAvailable();
        var kind = await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync("/api/v1/library/indicators?kind=nonsense"));
        Assert.Contains("nonsense", (string?)kind["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync("/api/v1/library/indicators?year=1800"));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync($"/api/v1/library/indicators/peers?level1={Q("产出指标")}&name={Q("！！")}"));
        await Expect(HttpStatusCode.Unauthorized, await Host.Anonymous().GetAsync("/api/v1/library/indicators"));
        var page = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/library/indicators?pageSize=100000"));
        Assert.Equal(200, (int)page["pageSize"]!);
    }
}

public sealed class LibraryApiOnSqlite(SqliteHost host) : LibraryApiTests<SqliteHost>(host);

public sealed class LibraryApiOnPostgres(PostgresHost host) : LibraryApiTests<PostgresHost>(host);

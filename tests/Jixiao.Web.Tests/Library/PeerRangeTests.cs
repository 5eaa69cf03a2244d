using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Library;

/// <summary>
/// Peer ranges aggregate every unit's targets, so they are given only where at least five distinct units contribute:
/// four units (or one unit many times) show nothing, a fifth unit shows min, median and max.
/// </summary>
public abstract class PeerRangeTests<THost>(THost host) : LibraryTestBase<THost>(host) where THost : TestHost
{
    private async Task<JsonArray> PeerTargets(string person, string name, int? year = null) =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync(
            $"/api/v1/library/indicators/peers?level1={Uri.EscapeDataString("产出指标")}&level2={Uri.EscapeDataString("数量指标")}&name={Uri.EscapeDataString(name)}" + (year is { } y ? $"&year={y}" : ""))))["targets"]!.AsArray();

    [Fact]
    public async Task Four_units_show_no_range_and_a_fifth_shows_min_median_and_max()
    {
        Host.SkipUnlessAvailable();
        var values = new[] { 40, 10, 30, 20 };
        for (var i = 0; i < values.Length; i++)
        {
            await Unit($"PR{i}");
            await Stored($"PR{i}", 2020, FormKind.Targets, "培训项目", FormStatus.Submitted, new Row("产出指标", "数量指标", "培训人次", $"≥{values[i]}人次"));
        }

        Assert.Empty(await PeerTargets("finance", "培训人次"));

        await Unit("PR4");
        await Stored("PR4", 2020, FormKind.Targets, "培训项目", FormStatus.Submitted, new Row("产出指标", "数量指标", "（培训 人次）", "≥50人次"));
        var range = Assert.Single(await PeerTargets("finance", "培训人次"));

        Assert.Equal(10m, (decimal)range!["min"]!);
        Assert.Equal(30m, (decimal)range["median"]!);
        Assert.Equal(50m, (decimal)range["max"]!);
        Assert.Equal(5, (int)range["units"]!);
        Assert.Equal("人次", (string?)range["unit"]);
    }

    [Fact]
    public async Task One_unit_many_times_is_still_one_unit()
    {
        Host.SkipUnlessAvailable();
        await Unit("PRS");
        for (var i = 0; i < 6; i++)
            await Stored("PRS", 2020, FormKind.Targets, $"巡检项目{i}", FormStatus.Submitted, new Row("产出指标", "数量指标", "巡检次数", $"≥{i + 1}次"));

        Assert.Empty(await PeerTargets("finance", "巡检次数"));
    }

    [Fact]
    public async Task Drafts_are_no_peers_figures_and_a_unit_sees_the_range_of_units_it_cannot_see()
    {
        Host.SkipUnlessAvailable();
        for (var i = 0; i < 5; i++)
        {
            await Unit($"PD{i}");
            await Stored($"PD{i}", 2020, FormKind.Targets, "监测项目", i == 0 ? FormStatus.Draft : FormStatus.FinanceApproved, new Row("产出指标", "数量指标", "监测点位数", $"≥{(i + 1) * 10}个"));
        }
        Assert.Empty(await PeerTargets("unit", "监测点位数"));

        await Stored("PD0", 2020, FormKind.ProjectSelfEvaluation, "监测项目", FormStatus.Submitted, new Row("产出指标", "数量指标", "监测点位数", "≥5个", "6个"));
        var range = Assert.Single(await PeerTargets("unit", "监测点位数"));

        Assert.Equal(5m, (decimal)range!["min"]!);
        Assert.Equal(50m, (decimal)range["max"]!);
        // The unit's own library holds none of those units' rows: only the aggregate crossed its scope.
        var own = await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/library/indicators?q={Uri.EscapeDataString("监测点位数")}"));
        Assert.Equal(0, (int)own["total"]!);
    }

    [Fact]
    public async Task A_target_below_the_peers_lowest_is_a_finding_when_the_unit_saves_its_targets()
    {
        Host.SkipUnlessAvailable();
        for (var i = 0; i < 5; i++)
        {
            await Unit($"PF{i}");
            await Stored($"PF{i}", 2020, FormKind.Targets, "调查项目", FormStatus.Published, new Row("效益指标", "社会效益指标", "入户调查户数", $"≥{(i + 2) * 100}户"));
        }
        var form = Targets(2021, "本单位调查项目", new Row("效益指标", "社会效益指标", "入户调查户数", "≥150户"));

        var id = (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2021, form })))["id"]!;

        var findings = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/findings"))).AsArray();
        var finding = Assert.Single(findings, f => (string?)f!["code"] == "target-outside-peer-range");
        Assert.Contains("200户–600户", (string?)finding!["message"], StringComparison.Ordinal);
        Assert.Contains("5个单位", (string?)finding["message"], StringComparison.Ordinal);
    }

    internal static PerformanceForm Targets(int year, string project, params Row[] rows)
    {
        var form = new PerformanceForm { Kind = FormKind.Targets, Year = year, Project = project, Unit = "浏阳市数据资源中心", Title = "绩效目标申报表" };
        foreach (var r in rows) form.Indicators.Add(new IndicatorRow { Level1 = r.Level1, Level2 = r.Level2, Name = r.Name, Target = r.Target, Weight = 10m });
        return form;
    }
}

public sealed class PeerRangesOnSqlite(SqliteHost host) : PeerRangeTests<SqliteHost>(host);

public sealed class PeerRangesOnPostgres(PostgresHost host) : PeerRangeTests<PostgresHost>(host);

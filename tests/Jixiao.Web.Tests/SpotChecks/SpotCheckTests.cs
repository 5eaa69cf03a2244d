using System.Net;
using Jixiao.Core.Checks;
using Jixiao.Web.Features.SpotChecks;

namespace Jixiao.Web.Tests.SpotChecks;

/// <summary>Drawing a sample (reproducible by its seed, by rate or by rule), re-scoring one form and the unit's credibility.</summary>
public abstract class SpotCheckTests<THost>(THost host) : SpotCheckTestBase<THost>(host) where THost : TestHost
{
    /// <summary>
    /// Four submitted self-evaluations of LY (the population the exact tests draw from: no other test adds LY's), one of
    /// WC, YZ and 乙市's unit each, and a draft of LY's that is never drawn.
    /// </summary>
    private async Task<List<int>> Population() => (List<int>)await Host.Shared.GetOrAdd("population", async _ =>
    {
        var ids = new List<int>();
        for (var i = 0; i < 4; i++) ids.Add(await Submitted("LY", $"抽查LY{i}"));
        await Submitted("WC", "抽查WC");
        await Submitted("YZ", "抽查YZ");
        await Submitted("B-U", "抽查乙市");
        await Draft("抽查草稿", "unit", "LY");
        return ids;
    });

    private int LY => Host.World.Id("LY");

    [Fact]
    public async Task The_same_seed_draws_the_same_sample_and_the_seed_is_recorded()
    {
        Host.SkipUnlessAvailable();
        var population = await Population();

        var first = await Drawn("finance", new { year = 2020, method = "Random", sampleSize = 3, seed = 20210315, organisationId = LY });
        var again = await Drawn("finance", new { year = 2020, method = "Random", sampleSize = 3, seed = 20210315, organisationId = LY });
        var unseeded = await Drawn("finance", new { year = 2020, method = "Random", sampleSize = 3, organisationId = LY });

        Assert.Equal(FormIds(first), FormIds(again));
        Assert.Equal(3, FormIds(first).Distinct().Count());
        Assert.All(FormIds(first), id => Assert.Contains(id, population));
        Assert.Equal(20210315L, (long)first["spotCheck"]!["seed"]!);
        Assert.True((long)unseeded["spotCheck"]!["seed"]! > 0);
        Assert.Equal(population.Count, (int)first["spotCheck"]!["population"]!);
        var recorded = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/spot-checks/{(int)first["spotCheck"]!["id"]!}"));
        Assert.Equal(FormIds(first), FormIds(recorded));
        Assert.Contains("种子 20210315", (string?)recorded["spotCheck"]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_draws_its_share_rounded_up_and_risk_weighting_draws_from_the_same_forms()
    {
        Host.SkipUnlessAvailable();
        var population = await Population();

        var byRate = await Drawn("finance", new { year = 2020, method = "Random", rate = 0.1m, seed = 7, organisationId = LY });
        var byRisk = await Drawn("finance", new { year = 2020, method = "Risk", sampleSize = population.Count + 5, seed = 7, organisationId = LY });

        Assert.Single(FormIds(byRate));
        Assert.Equal(population.Order(), FormIds(byRisk).Order());
    }

    [Fact]
    public async Task A_rule_draws_only_the_forms_it_names()
    {
        Host.SkipUnlessAvailable();
        await Population();
        Host.Checker.For("抽查优且有问题", new Finding("total-sum", Severity.Warning, "总分与各项得分之和不符", "total", new FindingLocation("total")));
        var flagged = await Submitted("WC", "抽查优且有问题", "优");
        await Submitted("WC", "抽查优无问题", "优");

        var drawn = await Drawn("finance", new { year = 2020, method = "Rule", sampleSize = 10, grade = "优", withFindings = true, seed = 1 });

        Assert.Equal([flagged], FormIds(drawn));
        Assert.Equal(1, (int)drawn["spotCheck"]!["population"]!);
        Assert.Contains("自评等级为“优”且有错误或警告", (string?)drawn["spotCheck"]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drawing_refuses_unclear_requests_with_the_field_named()
    {
        Host.SkipUnlessAvailable();
        await Population();

        async Task<string?> Path(object request) => (string?)(await Expect(HttpStatusCode.BadRequest, await DrawAs("finance", request)))["errors"]![0]!["path"];
        Assert.Equal("$.sampleSize", await Path(new { year = 2020, method = "Random", sampleSize = 2, rate = 0.5m }));
        Assert.Equal("$.sampleSize", await Path(new { year = 2020, method = "Random" }));
        Assert.Equal("$.grade", await Path(new { year = 2020, method = "Rule", sampleSize = 2 }));
        Assert.Equal("$.method", await Path(new { year = 2020, method = "Random", sampleSize = 2, grade = "优" }));
        Assert.Equal("$.rate", await Path(new { year = 2020, method = "Random", rate = 1.5m }));
        Assert.Equal("$.sampleSize", await Path(new { year = 2020, method = "Random", sampleSize = 0 }));
        var empty = await Expect(HttpStatusCode.BadRequest, await DrawAs("finance", new { year = 2019, method = "Random", sampleSize = 2 }));
        Assert.Contains("没有符合条件", (string?)empty["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, await DrawAs("finance", new { year = 2020, method = "Lottery", sampleSize = 2 }));
    }

    [Fact]
    public async Task A_recheck_is_kept_beside_the_units_scores_and_feeds_its_credibility()
    {
        Host.SkipUnlessAvailable();
        var form = await Submitted("YZ", "抽查复核评分", "良");
        var before = await Read("school", form);
        var drawn = await Drawn("finance", new { year = 2020, method = "Rule", sampleSize = 1, grade = "良", seed = 3, organisationId = Host.World.Id("YZ") });
        Assert.Equal([form], FormIds(drawn));
        var (check, entry) = ((int)drawn["spotCheck"]!["id"]!, (int)drawn["entries"]![0]!["id"]!);

        var sheet = await Expect(HttpStatusCode.OK, await Host.Client("education").GetAsync($"/api/v1/spot-checks/{check}/entries/{entry}"));
        var rows = sheet["rows"]!.AsArray();
        Assert.Equal([0, 1, 2, 3], rows.Select(r => (int)r!["position"]!).ToList());
        Assert.Equal([8.62m, 50m, 30m, 10m], rows.Select(r => (decimal)r!["stated"]!).ToList());
        Assert.All(rows, r => Assert.Null(r!["rechecked"]));

        object Scores(decimal first, decimal execution = 8.62m) => new[]
        {
            new { position = 0, score = execution }, new { position = 1, score = first }, new { position = 2, score = 30m }, new { position = 3, score = 8m },
        };
        await Expect(HttpStatusCode.Forbidden, await RecheckAs("education", check, entry, Scores(45m)));
        Assert.Equal("$.scores[1].score", (string?)(await Expect(HttpStatusCode.BadRequest, await RecheckAs("finance", check, entry, Scores(60m))))["errors"]![0]!["path"]);
        var missing = await Expect(HttpStatusCode.BadRequest, await RecheckAs("finance", check, entry, new[] { new { position = 0, score = 8.62m } }));
        Assert.Contains("每一行都要复核", (string?)missing["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, await RecheckAs("finance", check, entry, new[] { new { position = 9, score = 1m } }));
        await Expect(HttpStatusCode.BadRequest, await RecheckAs("finance", check, entry, Scores(-1m)));

        var saved = await Expect(HttpStatusCode.OK, await RecheckAs("finance", check, entry, Scores(45m), "满意度调查样本不足，扣减。"));

        Assert.Equal(91.62m, (decimal)saved["recheckedTotal"]!);
        Assert.Equal("优", (string?)saved["recheckedGrade"]);
        Assert.Equal(2, (int)saved["rowsChanged"]!);
        Assert.Equal(4, (int)saved["rowsChecked"]!);
        Assert.Equal(7m, (decimal)saved["pointsChanged"]!);
        var after = await Read("school", form);
        Assert.Equal((int)before["revision"]!, (int)after["revision"]!);
        Assert.Equal(50m, (decimal)after["form"]!["indicators"]![0]!["statedScore"]!);
        var rechecked = (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/spot-checks/{check}/entries/{entry}")))["rows"]!.AsArray();
        Assert.Equal([8.62m, 45m, 30m, 8m], rechecked.Select(r => (decimal)r!["rechecked"]!).ToList());

        var credibility = (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/spot-checks/credibility?year=2020"))).AsArray();
        var school = Assert.Single(credibility, c => (int)c!["organisationId"]! == Host.World.Id("YZ"))!;
        Assert.Equal(0.07m, (decimal)school["changedShare"]!);
        Assert.Equal(0.93m, (decimal)school["credibility"]!);
        Assert.Empty((await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/spot-checks/credibility?year=2020"))).AsArray());
    }
}

public sealed class SpotCheckOnSqlite(SqliteHost host) : SpotCheckTests<SqliteHost>(host);

public sealed class SpotCheckOnPostgres(PostgresHost host) : SpotCheckTests<PostgresHost>(host);

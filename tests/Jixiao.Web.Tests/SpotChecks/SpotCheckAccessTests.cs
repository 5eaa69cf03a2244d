using System.Net;

namespace Jixiao.Web.Tests.SpotChecks;

/// <summary>
/// Every spot-check endpoint, for each person of the world, on a sample of their own city and of the other: a sample is
/// seen from inside its subtree and from above it, its entries only where the sampled unit lies; only finance draws
/// and re-scores.
/// </summary>
public abstract class SpotCheckAccessTests<THost>(THost host) : SpotCheckTestBase<THost>(host) where THost : TestHost
{
    private sealed record Seeded(int CheckA, int CheckB, Dictionary<string, int> EntryOf);

    /// <summary>甲市's sample of all its submitted forms (LY, WC, YZ) and 乙市's of its one, drawn once per class.</summary>
    private async Task<Seeded> Seed() => (Seeded)await Host.Shared.GetOrAdd("samples", async _ =>
    {
        foreach (var unit in FillerOf.Keys) await Submitted(unit, "抽查权限" + unit);
        var a = await Drawn("finance", new { year = 2020, method = "Random", sampleSize = 100, seed = 1 });
        var b = await Drawn("other-finance", new { year = 2020, method = "Random", sampleSize = 100, seed = 1 });
        var units = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["浏阳市数据资源中心"] = "LY", ["长沙市望城区数据资源中心"] = "WC", ["甲市第一中学"] = "YZ", ["上海市大数据中心"] = "B-U",
        };
        var entries = a["entries"]!.AsArray().Concat(b["entries"]!.AsArray())
            .ToDictionary(e => units[(string)e!["unitName"]!], e => (int)e!["id"]!, StringComparer.Ordinal);
        return new Seeded((int)a["spotCheck"]!["id"]!, (int)b["spotCheck"]!["id"]!, entries);
    });

    private static readonly Dictionary<string, (string Own, string Other)> Reach = new(StringComparer.Ordinal)
    {
        ["unit"] = ("LY", "WC"),
        ["wangcheng"] = ("WC", "LY"),
        ["school"] = ("YZ", "LY"),
        ["department"] = ("LY", "YZ"),
        ["education"] = ("YZ", "WC"),
        ["finance"] = ("LY", "B-U"),
        ["admin"] = ("WC", "B-U"),
        ["other-unit"] = ("B-U", "LY"),
        ["other-finance"] = ("B-U", "YZ"),
    };

    public static TheoryData<string> People() => new(Reach.Keys);

    private static bool InA(string person) => person is not ("other-unit" or "other-finance");

    private static bool Finance(string person) => person is "finance" or "other-finance";

    [Theory]
    [MemberData(nameof(People))]
    public async Task A_sample_is_found_from_inside_and_above_its_subtree_and_its_entries_only_where_the_unit_lies(string person)
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        var (own, other) = (InA(person) ? s.CheckA : s.CheckB, InA(person) ? s.CheckB : s.CheckA);
        var (ownUnit, otherUnit) = Reach[person];
        var checkOf = (string unit) => unit == "B-U" ? s.CheckB : s.CheckA;

        var sample = await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/spot-checks/{own}"));
        Assert.Contains(s.EntryOf[ownUnit], sample["entries"]!.AsArray().Select(e => (int)e!["id"]!));
        Assert.DoesNotContain(s.EntryOf[otherUnit], sample["entries"]!.AsArray().Select(e => (int)e!["id"]!));
        await Expect(HttpStatusCode.NotFound, await Host.Client(person).GetAsync($"/api/v1/spot-checks/{other}"));
        await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/spot-checks/{checkOf(ownUnit)}/entries/{s.EntryOf[ownUnit]}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client(person).GetAsync($"/api/v1/spot-checks/{checkOf(otherUnit)}/entries/{s.EntryOf[otherUnit]}"));
        var listed = (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync("/api/v1/spot-checks?pageSize=200")))["items"]!.AsArray().Select(c => (int)c!["id"]!).ToList();
        Assert.Contains(own, listed);
        Assert.DoesNotContain(other, listed);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_finance_draws_and_rescores_and_only_inside_its_city(string person)
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        var (ownUnit, otherUnit) = Reach[person];
        var checkOf = (string unit) => unit == "B-U" ? s.CheckB : s.CheckA;
        var scores = new[] { new { position = 0, score = 1m } };

        await Expect(HttpStatusCode.NotFound, await DrawAs(person, new { year = 2020, method = "Random", sampleSize = 1, organisationId = Host.World.Id(InA(person) ? "B-CZ" : "CZ") }));
        await Expect(HttpStatusCode.NotFound, await RecheckAs(person, checkOf(otherUnit), s.EntryOf[otherUnit], scores));
        var drawn = await DrawAs(person, new { year = 2020, method = "Random", sampleSize = 1, seed = 5 });
        // Finance passes the role check and then hears that one row is not all of them.
        var rescored = await RecheckAs(person, checkOf(ownUnit), s.EntryOf[ownUnit], scores);
        if (Finance(person))
        {
            await Expect(HttpStatusCode.Created, drawn);
            await Expect(HttpStatusCode.BadRequest, rescored);
        }
        else
        {
            await Expect(HttpStatusCode.Forbidden, drawn);
            await Expect(HttpStatusCode.Forbidden, rescored);
        }
    }

    [Fact]
    public async Task Anonymous_callers_reach_no_sample()
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync($"/api/v1/spot-checks/{s.CheckA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync("/api/v1/spot-checks/credibility")).StatusCode);
    }
}

public sealed class SpotCheckAccessOnSqlite(SqliteHost host) : SpotCheckAccessTests<SqliteHost>(host);

public sealed class SpotCheckAccessOnPostgres(PostgresHost host) : SpotCheckAccessTests<PostgresHost>(host);

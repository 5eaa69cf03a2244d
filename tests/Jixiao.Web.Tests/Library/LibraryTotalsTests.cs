using System.Globalization;
using System.Net;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Library;

/// <summary>
/// On both databases the library reads running totals that triggers keep from every change of the facts (PL/pgSQL on
/// PostgreSQL, SQLite triggers on SQLite); whatever path wrote the forms (a save, a transition, a new version and its
/// deletion, a bulk update, a re-derivation, a back-fill of a database from before the totals), the totals are what a
/// rebuild from the facts gives, and the library's entries and peer ranges are what aggregating the facts themselves gives.
/// </summary>
public abstract class LibraryTotalsTests<THost>(THost host) : LibraryTestBase<THost>(host) where THost : TestHost
{
    private static string Rebuild(AppDbContext db) => db.Database.IsNpgsql() ? LibrarySummarySql.Rebuild : LibrarySummarySqlite.Rebuild;

    /// <summary>Empties the totals without moving anything else, as a database from before them has them.</summary>
    private static string Clear(AppDbContext db) => db.Database.IsNpgsql()
        ? """
          SET LOCAL jixiao.library_summary = 'off';
          TRUNCATE "LibraryEntryUnits", "LibraryEntryNames", "LibraryEntryTotals", "LibraryPeerGroups", "LibraryPeerUnits", "LibraryPeerValues";
          """
        : """
          DELETE FROM "LibraryEntryUnits"; DELETE FROM "LibraryEntryNames"; DELETE FROM "LibraryEntryTotals";
          DELETE FROM "LibraryPeerGroups"; DELETE FROM "LibraryPeerUnits"; DELETE FROM "LibraryPeerValues";
          """;

    private const string Level1 = "产出指标";
    private const string Level2 = "数量指标";

    /// <summary>
    /// Six units' targets (five handed in, one draft) and published self-evaluations of 2020, and handed-in monitoring
    /// tables of 2021, for two indicators named after <paramref name="topic"/>, so peer ranges pass the five-unit rule.
    /// </summary>
    private async Task PeersAsync(string prefix, string topic)
    {
        for (var i = 0; i < 6; i++)
        {
            await Unit($"{prefix}{i}");
            await Stored($"{prefix}{i}", 2020, FormKind.Targets, topic + "项目", i == 5 ? FormStatus.Draft : FormStatus.Submitted,
                new Row(Level1, Level2, topic + "培训人次", $"≥{(i + 1) * 10}人次"), new Row(Level1, Level2, topic + "覆盖率", $"≥{90 + i}%"));
            await Stored($"{prefix}{i}", 2020, FormKind.ProjectSelfEvaluation, topic + "项目", i == 5 ? FormStatus.Draft : FormStatus.Published,
                new Row(Level1, Level2, topic + "培训人次", $"≥{(i + 1) * 10}人次", $"{(i + 1) * 11}人次"), new Row(Level1, Level2, $"（{topic} 覆盖率）", $"≥{90 + i}%", $"{91 + i}%"));
            await Stored($"{prefix}{i}", 2021, FormKind.Monitoring, topic + "项目", FormStatus.Submitted, new Row(Level1, Level2, topic + "培训人次", "≥999人次"));
        }
    }

    internal static async Task<List<string>> TotalsAsync(AppDbContext db)
    {
        static string V(decimal? d) => d is { } x ? (x / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "-";
        var rows = new List<string>();
        rows.AddRange(await db.LibraryEntryUnits.IgnoreQueryFilters().AsNoTracking().Select(u => "U " + u.EntryKey + " " + u.Year + " " + u.OrganisationPath + " " + u.Rows).ToListAsync());
        rows.AddRange(await db.LibraryEntryNames.IgnoreQueryFilters().AsNoTracking().Select(u => "N " + u.EntryKey + " " + u.Year + " " + u.OrganisationPath + " " + u.NameKey + " " + u.Name + " " + u.Unit + " " + u.Rows).ToListAsync());
        rows.AddRange(await db.LibraryEntryTotals.IgnoreQueryFilters().AsNoTracking()
            .Select(t => "T " + t.EntryKey + " " + t.Year + " " + t.Scope + " " + t.Depth + " " + t.Level1 + " " + t.Level2 + " " + t.NormalisedName + " " + t.Rows + " " + t.Units + " " + t.Name + " " + t.Unit + " " + t.FirstYear + " " + t.LastYear).ToListAsync());
        rows.AddRange(await db.LibraryPeerGroups.IgnoreQueryFilters().AsNoTracking()
            .Select(g => "G " + g.GroupKey + " " + g.Actuals + " " + g.Window + " " + g.Level1 + " " + g.Level2 + " " + g.NormalisedName + " " + g.Unit + " " + g.Units + " " + g.Values).ToListAsync());
        rows.AddRange(await db.LibraryPeerUnits.IgnoreQueryFilters().AsNoTracking().Select(u => "P " + u.GroupKey + " " + u.OrganisationPath + " " + u.Rows).ToListAsync());
        rows.AddRange((await db.LibraryPeerValues.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(v => "V " + v.GroupKey + " " + V(v.Value) + " " + v.Count));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The totals are exactly what a rebuild from the facts gives now, and the library's answers are the facts' own.</summary>
    private async Task AssertTotalsEqualFactsAsync()
    {
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var kept = await TotalsAsync(db);
            Assert.NotEmpty(kept);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(Rebuild(db));
            var rebuilt = await TotalsAsync(db);
            await transaction.RollbackAsync();
            Assert.Equal(rebuilt.Except(kept), kept.Except(rebuilt));
            Assert.Equal(rebuilt, kept);
        }

        foreach (var scopePath in new[] { null, Host.World.Organisations["SJ"].Path, Host.World.Organisations["LY"].Path })
        {
            foreach (var filter in new LibraryFilter[]
                     {
                         new(null, null, null, null, null), new(null, null, null, 2020, null), new(null, null, null, 2021, null),
                         new("汇总", null, null, null, null), new(null, Level1, Level2, 2020, null),
                     })
            {
                await using var scope = Host.Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Restrict(scopePath, publishedOnly: false);
                var totals = await IndicatorLibrary.EntriesAsync(db, filter, 1, 500, CancellationToken.None);
                var facts = await IndicatorLibrary.EntriesFromFactsAsync(db, filter, 1, 500, CancellationToken.None);
                Assert.Equal(facts.Total, totals.Total);
                Assert.Equal(facts.Items, totals.Items);
            }
        }

        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Restrict(Host.World.Organisations["LY"].Path, publishedOnly: false);
            var names = await db.IndicatorFacts.IgnoreQueryFilters().Where(i => i.NormalisedName != null).Select(i => i.NormalisedName!).Distinct().ToListAsync();
            foreach (var actuals in new[] { false, true })
            foreach (var (from, to) in new[] { (2000, 2100), (2018, 2020), (2019, 2021), (2020, 2022) })
            {
                var expected = await PeerRangesFromFactsAsync(db, from, to, actuals);
                var read = await IndicatorLibrary.PeerRangesAsync(db, names, from, to, actuals, CancellationToken.None);
                Assert.Equal(expected.OrderBy(r => r.Key.ToString()), read.OrderBy(r => r.Key.ToString()));
            }
        }
    }

    /// <summary>Peer ranges as the facts give them: every unit's current, handed-in rows grouped, five units or more.</summary>
    private static async Task<Dictionary<PeerKey, PeerRange>> PeerRangesFromFactsAsync(AppDbContext db, int from, int to, bool actuals)
    {
        var handedIn = new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.FinanceApproved, FormStatus.Published };
        var rows = await db.IndicatorFacts.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.NormalisedName != null && i.Fact!.IsCurrent && i.Year >= from && i.Year <= to)
            .Select(i => new { i.Level1, i.Level2, i.NormalisedName, i.Unit, i.OrganisationPath, i.Kind, i.Fact!.Status, i.TargetValue, i.ActualValue })
            .ToListAsync();
        return rows
            .Where(r => handedIn.Contains(r.Status))
            .Where(r => actuals ? r.Kind is FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation && r.ActualValue != null : r.Kind != FormKind.Monitoring && r.TargetValue != null)
            .Select(r => new { Key = new PeerKey(r.Level1 ?? "", r.Level2 ?? "", r.NormalisedName!, r.Unit), r.OrganisationPath, Value = (actuals ? r.ActualValue : r.TargetValue)!.Value })
            .GroupBy(r => r.Key)
            .Where(g => g.Select(r => r.OrganisationPath).Distinct().Count() >= IndicatorLibrary.MinimumUnits)
            .ToDictionary(g => g.Key, g =>
            {
                var values = g.Select(r => r.Value).Order().ToList();
                var middle = values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
                return new PeerRange(g.Key.Unit, values[0], Math.Round(middle, 4, MidpointRounding.AwayFromZero), values[^1], g.Select(r => r.OrganisationPath).Distinct().Count(), values.Count);
            });
    }

    [Fact]
    public async Task Saves_transitions_new_versions_and_deletions_keep_the_totals_equal_to_the_facts()
    {
        Host.SkipUnlessAvailable();
        await PeersAsync("LS", "汇总");
        await AssertTotalsEqualFactsAsync();

        // A draft, then a save with a row fewer and a renamed one.
        var id = await Draft("汇总流转项目");
        await AssertTotalsEqualFactsAsync();
        var form = Forms.Project("汇总流转项目");
        form.Indicators.RemoveAt(0);
        form.Indicators[0].Name = "汇总 改名的指标";
        form.StatedTotal = 40m;
        await Expect(HttpStatusCode.OK, await Save("unit", id, form));
        await AssertTotalsEqualFactsAsync();

        // Handed in and published, then a new version that is deleted again (the old one current once more).
        await FormIn(FormStatus.Published, "汇总发布项目");
        await AssertTotalsEqualFactsAsync();
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("汇总发布项目"), newVersion = true }));
        var fresh = (int)created["id"]!;
        await AssertTotalsEqualFactsAsync();
        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{fresh}"));
        await AssertTotalsEqualFactsAsync();

        // Returned to the unit: its figures stop counting for peers; then the draft is deleted.
        await FormIn(FormStatus.Returned, "汇总退回项目");
        await AssertTotalsEqualFactsAsync();
        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{id}"));
        await AssertTotalsEqualFactsAsync();
    }

    [Fact]
    public async Task Peer_ranges_from_the_totals_keep_the_five_unit_rule_and_the_median()
    {
        Host.SkipUnlessAvailable();
        await PeersAsync("LM", "中位");
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Restrict(Host.World.Organisations["LY"].Path, publishedOnly: false);

        var targets = await IndicatorLibrary.PeerRangesAsync(db, ["中位培训人次", "中位覆盖率"], 2018, 2020, actuals: false, CancellationToken.None);
        var actuals = await IndicatorLibrary.PeerRangesAsync(db, ["中位培训人次"], 2018, 2020, actuals: true, CancellationToken.None);
        var later = await IndicatorLibrary.PeerRangesAsync(db, ["中位培训人次"], 2019, 2021, actuals: false, CancellationToken.None);
        var after = await IndicatorLibrary.PeerRangesAsync(db, ["中位培训人次"], 2021, 2023, actuals: false, CancellationToken.None);

        // Five units handed in (the sixth's drafts are nobody's figures), each target stated twice: 10 10 20 20 … 50 50.
        Assert.Equal(new PeerRange("人次", 10m, 30m, 50m, 5, 10), targets[new PeerKey(Level1, Level2, "中位培训人次", "人次")]);
        // 90 90 91 91 … 94 94: the two middle values are 92 and 92.
        Assert.Equal(new PeerRange("%", 90m, 92m, 94m, 5, 10), targets[new PeerKey(Level1, Level2, "中位覆盖率", "%")]);
        Assert.Equal(new PeerRange("人次", 11m, 33m, 55m, 5, 5), actuals[new PeerKey(Level1, Level2, "中位培训人次", "人次")]);
        // 2020 is inside the window ending in 2021; the monitoring tables of 2021 repeat the targets and count for nobody.
        Assert.Equal(new PeerRange("人次", 10m, 30m, 50m, 5, 10), later[new PeerKey(Level1, Level2, "中位培训人次", "人次")]);
        Assert.Empty(after);

        // A fifth unit's draft leaves: still five; one handed-in unit's targets go back to draft: four, and nothing shows.
        await using (var write = Host.Factory.Services.CreateAsyncScope())
        {
            var wdb = write.ServiceProvider.GetRequiredService<AppDbContext>();
            await wdb.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationPath.EndsWith("/LM0/") && f.Kind == FormKind.Targets)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FormStatus.Returned));
        }
        var fewer = await IndicatorLibrary.PeerRangesAsync(db, ["中位培训人次", "中位覆盖率"], 2018, 2020, actuals: false, CancellationToken.None);
        // The self-evaluations still state the targets: five units remain, with the returned unit's targets gone once.
        Assert.Equal(new PeerRange("人次", 10m, 30m, 50m, 5, 9), fewer[new PeerKey(Level1, Level2, "中位培训人次", "人次")]);
        await using (var write = Host.Factory.Services.CreateAsyncScope())
        {
            var wdb = write.ServiceProvider.GetRequiredService<AppDbContext>();
            await wdb.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationPath.EndsWith("/LM0/"))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FormStatus.Returned));
        }
        Assert.Empty(await IndicatorLibrary.PeerRangesAsync(db, ["中位培训人次", "中位覆盖率"], 2018, 2020, actuals: false, CancellationToken.None));
        await AssertTotalsEqualFactsAsync();
    }

    [Fact]
    public async Task Peer_ranges_order_the_values_as_numbers()
    {
        Host.SkipUnlessAvailable();
        // SQLite keeps decimals as text, where "10.0" < "100.0" < "2.0" < "9.0": the range must not follow that order.
        string[] targets = ["≥9人次", "≥10人次", "≥100人次", "≥2人次", "≥30人次", "≥9.5人次"];
        for (var i = 0; i < targets.Length; i++)
        {
            await Unit($"LN{i}");
            await Stored($"LN{i}", 2020, FormKind.Targets, "排序项目", FormStatus.Submitted, new Row(Level1, Level2, "排序培训人次", targets[i]));
        }
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var ranges = await IndicatorLibrary.PeerRangesAsync(db, ["排序培训人次"], 2018, 2020, actuals: false, CancellationToken.None);

        // 2 9 9.5 10 30 100: the middle pair is 9.5 and 10.
        Assert.Equal(new PeerRange("人次", 2m, 9.75m, 100m, 6, 6), ranges[new PeerKey(Level1, Level2, "排序培训人次", "人次")]);
        await AssertTotalsEqualFactsAsync();
    }

    [Fact]
    public async Task Re_derivation_bulk_updates_and_the_back_fill_end_equal_to_the_facts()
    {
        Host.SkipUnlessAvailable();
        await PeersAsync("LR", "重算");
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Facts written by an older derivation, with a status the form no longer has: re-derivation rewrites them.
            await db.FormFacts.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(f => f.FactsVersion, 0).SetProperty(f => f.Status, FormStatus.Draft));
            while (await FactRederivation.RunBatchAsync(db, (_, _) => [], _ => Rulebooks.Default, "test", Host.Clock, 50, CancellationToken.None) > 0) { }
        }
        await AssertTotalsEqualFactsAsync();

        // Superseded and current again by bulk updates (as a new version and its withdrawal do), rows edited in place.
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationPath.EndsWith("/LR1/")).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsCurrent, false));
            await db.IndicatorFacts.IgnoreQueryFilters().Where(i => i.OrganisationPath.EndsWith("/LR2/")).ExecuteUpdateAsync(s => s.SetProperty(i => i.TargetValue, 7m).SetProperty(i => i.Year, 2019));
            // Values edited in place (the common save): moved, added and taken away.
            await db.IndicatorFacts.IgnoreQueryFilters().Where(i => i.OrganisationPath.EndsWith("/LR4/")).ExecuteUpdateAsync(s => s.SetProperty(i => i.TargetValue, i => i.TargetValue + 1));
            await db.IndicatorFacts.IgnoreQueryFilters().Where(i => i.OrganisationPath.EndsWith("/LR5/") && i.Position == 1).ExecuteUpdateAsync(s => s.SetProperty(i => i.ActualValue, (decimal?)null));
            await db.IndicatorFacts.IgnoreQueryFilters().Where(i => i.OrganisationPath.EndsWith("/LR0/") && i.ActualValue == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ActualValue, 3m));
        }
        await AssertTotalsEqualFactsAsync();
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationPath.EndsWith("/LR1/")).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsCurrent, true));
            await db.IndicatorFacts.IgnoreQueryFilters().Where(i => i.OrganisationPath.EndsWith("/LR3/") && i.Position == 1).ExecuteDeleteAsync();
        }
        await AssertTotalsEqualFactsAsync();

        // A database from before the totals: the migration's back-fill builds them from the facts.
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync(Clear(db));
            Assert.False(await db.LibraryEntryTotals.IgnoreQueryFilters().AnyAsync());
            await db.Database.ExecuteSqlRawAsync(Rebuild(db));
            Assert.True(await db.LibraryEntryTotals.IgnoreQueryFilters().AnyAsync());
        }
        await AssertTotalsEqualFactsAsync();
    }

    [Fact]
    public async Task The_public_and_evaluators_never_read_the_totals()
    {
        Host.SkipUnlessAvailable();
        await PeersAsync("LP", "公开");
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Restrict(null, publishedOnly: true);

        Assert.False(await db.LibraryEntryTotals.AnyAsync());
        Assert.False(await db.LibraryPeerValues.AnyAsync());
        // The public's library comes from the facts of published forms only.
        var entries = await IndicatorLibrary.EntriesAsync(db, new LibraryFilter("公开", null, null, null, null), 1, 50, CancellationToken.None);
        Assert.NotEmpty(entries.Items);
        Assert.Equal(await db.IndicatorFacts.Where(i => i.NormalisedName != null && i.NormalisedName.Contains("公开") && i.Fact!.IsCurrent).CountAsync(), entries.Items.Sum(e => e.Forms));
    }
}

public sealed class LibraryTotalsOnSqlite(SqliteHost host) : LibraryTotalsTests<SqliteHost>(host);

public sealed class LibraryTotalsOnPostgres(PostgresHost host) : LibraryTotalsTests<PostgresHost>(host);

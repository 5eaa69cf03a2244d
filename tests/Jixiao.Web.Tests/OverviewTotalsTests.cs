using System.Globalization;
using System.Net;
using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// On both databases the finance overview reads running totals that triggers keep from every change of the facts and the
/// findings (PL/pgSQL on PostgreSQL, SQLite triggers on SQLite); whatever path changed them (a save, a transition, a new
/// version and its deletion, a bulk update, a re-derivation, a back-fill), the totals are what a rebuild gives, and the
/// overview from them is the overview from the facts, figure for figure, for the whole tree, a city, a department and a page.
/// </summary>
public abstract class OverviewTotalsTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private static readonly FormStatus[] Counted = [FormStatus.FinanceApproved, FormStatus.Published];

    private static string Rebuild(AppDbContext db) => db.Database.IsNpgsql() ? OverviewTotalsSql.Rebuild : OverviewTotalsSqlite.Rebuild;

    /// <summary>Empties the totals, as a database from before them has them.</summary>
    private static string Clear(AppDbContext db) => db.Database.IsNpgsql()
        ? """TRUNCATE "OverviewBands", "OverviewFindings", "OverviewGroups";"""
        : """DELETE FROM "OverviewBands"; DELETE FROM "OverviewFindings"; DELETE FROM "OverviewGroups";""";

    internal static async Task<List<string>> TotalsAsync(AppDbContext db)
    {
        static string V(decimal? d) => d is { } x ? (x / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "-";
        var rows = new List<string>();
        rows.AddRange(await db.OverviewBands.IgnoreQueryFilters().AsNoTracking()
            .Select(t => "B " + t.Scope + " " + t.Depth + " " + t.Year + " " + t.Status + " " + t.TotalBand + " " + t.RateBand + " " + t.Forms).ToListAsync());
        rows.AddRange(await db.OverviewFindings.IgnoreQueryFilters().AsNoTracking()
            .Select(t => "F " + t.Scope + " " + t.Depth + " " + t.Year + " " + t.Status + " " + t.Code + " " + t.Count).ToListAsync());
        rows.AddRange((await db.OverviewGroups.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(g => string.Join(' ', "G", g.Grain, g.GroupId, g.Path, g.Year, g.Status,
            g.Forms, g.TotalCount, V(g.TotalSum), g.RateCount, V(g.RateSum), g.Errors, g.Warnings, g.RankedRateCount, V(g.RankedRateSum), g.RankedErrors, g.RankedWarnings)));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The totals are exactly what a rebuild gives now, and the overview from them is the facts' own.</summary>
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

        var departments = new[] { (int?)null, Host.World.Id("SJ"), Host.World.Id("JY") };
        foreach (var scopePath in new[] { null, Host.World.Organisations["CZ"].Path, Host.World.Organisations["SJ"].Path })
        foreach (var year in new int?[] { null, 2020, 2019 })
        foreach (var department in departments)
        {
            await using var scope = Host.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Restrict(scopePath, publishedOnly: false);
            var totals = await Analytics.OverviewAsync(db, Counted, year, department, null, 1, CancellationToken.None);
            var facts = await Analytics.OverviewFromFactsAsync(db, Counted, year, department, null, 1, CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(facts, Normalised), JsonSerializer.Serialize(totals, Normalised));
        }
    }

    /// <summary>Decimals without trailing zeros: a sum kept by adding and taking away keeps the widest scale it saw.</summary>
    private static readonly JsonSerializerOptions Normalised = new() { Converters = { new NormalisedDecimal() } };

    private sealed class NormalisedDecimal : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue((value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task Saves_transitions_new_versions_and_deletions_keep_the_totals_equal_to_the_facts()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "总览已公开项目", filler: "wangcheng", organisation: "WC");
        await FormIn(FormStatus.FinanceApproved, "总览财政已审核项目");
        await FormIn(FormStatus.Submitted, "总览已提交项目", filler: "school", organisation: "YZ", reviewer: "education");
        await AssertTotalsEqualFactsAsync();

        // A draft, then a save that changes its figures and findings.
        var id = await Draft("总览流转项目");
        await AssertTotalsEqualFactsAsync();
        var form = Forms.Project("总览流转项目");
        form.Indicators.RemoveAt(0);
        form.StatedTotal = 40m;
        await Expect(HttpStatusCode.OK, await Save("unit", id, form));
        await AssertTotalsEqualFactsAsync();

        // A published form's new version (the old one superseded), deleted again (the old one current once more).
        await FormIn(FormStatus.Published, "总览新版本项目");
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("总览新版本项目"), newVersion = true }));
        await AssertTotalsEqualFactsAsync();
        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{(int)created["id"]!}"));
        await AssertTotalsEqualFactsAsync();

        // Returned to the unit, then the draft deleted.
        await FormIn(FormStatus.Returned, "总览退回项目");
        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{id}"));
        await AssertTotalsEqualFactsAsync();
    }

    [Fact]
    public async Task Re_derivation_bulk_updates_and_the_back_fill_end_equal_to_the_facts()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "重算已公开项目", filler: "wangcheng", organisation: "WC");
        await FormIn(FormStatus.FinanceApproved, "重算财政已审核项目");
        await Draft("重算草稿项目", person: "school", organisation: "YZ");

        // Facts written by an older derivation, with another state and no score: re-derivation rewrites them.
        await WithDbAsync(async db =>
        {
            await db.FormFacts.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(f => f.FactsVersion, 0).SetProperty(f => f.Status, FormStatus.Draft)
                .SetProperty(f => f.ComputedTotal, (decimal?)null).SetProperty(f => f.Errors, 0));
            while (await FactRederivation.RunBatchAsync(db, (_, _) => [], _ => Rulebooks.Default, "test", Host.Clock, 50, CancellationToken.None) > 0) { }
        });
        await AssertTotalsEqualFactsAsync();

        // Superseded and current again by bulk updates, moved to another year, findings renamed and removed in place.
        await WithDbAsync(async db =>
        {
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationId == Host.World.Id("WC")).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsCurrent, false));
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationId == Host.World.Id("LY")).ExecuteUpdateAsync(s => s.SetProperty(f => f.Year, 2019)
                .SetProperty(f => f.ExecutionRate, 0.75m).SetProperty(f => f.ComputedTotal, f => f.ComputedTotal + 1));
            await db.Findings.IgnoreQueryFilters().Where(x => x.Severity == Core.Checks.Severity.Warning).ExecuteUpdateAsync(s => s.SetProperty(x => x.Code, "TEST-RENAMED"));
        });
        await AssertTotalsEqualFactsAsync();
        await WithDbAsync(async db =>
        {
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationId == Host.World.Id("WC")).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsCurrent, true));
            await db.Findings.IgnoreQueryFilters().Where(x => x.Code == "TEST-RENAMED").ExecuteDeleteAsync();
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationId == Host.World.Id("YZ")).ExecuteDeleteAsync();
        });
        await AssertTotalsEqualFactsAsync();

        // A unit's forms moved to a unit of another department, and handed back to a state of review.
        await WithDbAsync(async db =>
        {
            var school = Host.World.Organisations["YZ"];
            await db.FormFacts.IgnoreQueryFilters().Where(f => f.OrganisationId == Host.World.Id("WC")).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.OrganisationId, school.Id).SetProperty(f => f.OrganisationPath, school.Path).SetProperty(f => f.UnitName, school.Name)
                .SetProperty(f => f.DepartmentId, Host.World.Id("JY")).SetProperty(f => f.DepartmentName, Host.World.Organisations["JY"].Name)
                .SetProperty(f => f.Status, FormStatus.Submitted));
        });
        await AssertTotalsEqualFactsAsync();

        // A database from before the totals: the migration's back-fill builds them from the facts.
        await WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(Clear(db));
            Assert.False(await db.OverviewGroups.IgnoreQueryFilters().AnyAsync());
            await db.Database.ExecuteSqlRawAsync(Rebuild(db));
        });
        await AssertTotalsEqualFactsAsync();
    }

    [Fact]
    public async Task The_overview_from_the_totals_pages_and_drills_as_the_facts_do()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "分页已公开项目", filler: "wangcheng", organisation: "WC");
        await FormIn(FormStatus.Published, "分页另一项目");
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Restrict(Host.World.Organisations["CZ"].Path, publishedOnly: false);

        var province = await Analytics.OverviewAsync(db, Counted, 2020, null, null, 1, CancellationToken.None);
        Assert.Equal("department", province.Level);
        Assert.Contains(province.Rows.Items, r => r.Id == Host.World.Id("SJ") && r.Counted >= 2);
        Assert.Contains(province.Ranking, r => r.Id == Host.World.Id("WC"));
        // Past the last page: no rows, the same total.
        var beyond = await Analytics.OverviewAsync(db, Counted, 2020, null, null, 9, CancellationToken.None);
        Assert.Empty(beyond.Rows.Items);
        Assert.Equal(province.Rows.Total, beyond.Rows.Total);
        // 乙市's forms are outside 甲市 finance's scope.
        Assert.DoesNotContain(province.Rows.Items, r => r.Id == Host.World.Id("B-D"));
    }
}

public sealed class OverviewTotalsOnSqlite(SqliteHost host) : OverviewTotalsTests<SqliteHost>(host);

public sealed class OverviewTotalsOnPostgres(PostgresHost host) : OverviewTotalsTests<PostgresHost>(host);

using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Forms;
using Jixiao.Data.Generation;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>
/// A small generated city loaded into SQLite, and into PostgreSQL when JIXIAO_TEST_POSTGRES is set, with a few
/// published forms given search texts the generator never writes: Latin in three cases, digits, characters outside the
/// basic plane, full-width punctuation, LIKE's wildcards, a space between two characters, an empty text.
/// </summary>
public sealed class SearchedCity : IAsyncLifetime
{
    public static readonly string[] OddTexts =
    [
        "Road 公路 ROAD road 2024年度 养护",
        "𠀀鲤鱼𠀁 养殖（一）项目 50%_资金",
        "a",
        "",
        "中 学 医院",
    ];

    public SqliteTestDatabase Sqlite { get; } = new();
    public PostgresTestDatabase Postgres { get; } = new();

    public TestDatabase Database(bool postgres) => postgres ? Postgres : Sqlite;

    public async ValueTask InitializeAsync()
    {
        foreach (var database in new TestDatabase[] { Sqlite, Postgres }.Where(d => d.Available))
        {
            await database.InitializeAsync();
            await using var db = database.NewContext();
            var rulebook = Rulebooks.Default;
            await ProvinceLoader.LoadAsync(db, new ProvinceGenerator(20261205, 6),
                new LoadSettings(form => Checker.Check(form, rulebook), rulebook, TimeProvider.System) { BatchUnits = 3 }, CancellationToken.None);
            var odd = await db.FormFacts.Where(f => f.Status == FormStatus.Published && f.IsCurrent).OrderBy(f => f.FormId)
                .Select(f => f.FormId).Take(OddTexts.Length).ToListAsync();
            for (var i = 0; i < odd.Count; i++)
            {
                var text = OddTexts[i];
                await db.FormFacts.Where(f => f.FormId == odd[i]).ExecuteUpdateAsync(s => s.SetProperty(f => f.SearchText, text));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

/// <summary>
/// The portal search answers from one of two indexes on PostgreSQL and from ordered indexes with the texts on SQLite
/// (<see cref="PortalSearchOnSqliteTests"/>); either way it finds exactly the
/// published, current forms whose title, unit, department or project contains the query, as the substring scan does,
/// for one character or several, Chinese, Latin (case counts) or digits, and follows publication as it happens.
/// </summary>
public sealed class PortalSearchTests(SearchedCity city) : IClassFixture<SearchedCity>
{
    private static readonly string[] FixedQueries =
    [
        "中学", "项目", "公路", "医院", "培训", "服务中心", "road", "Road", "ROAD", "2024", "024年", "𠀀鲤", "𠀀", "𠀁 ", "鲤",
        "（一）", "中 学", "中学医", " 公路 ", "%", "_", "50%_", "a", "不存在的词语", "县", "局",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_query_finds_the_published_forms_whose_text_contains_it(bool postgres)
    {
        var database = city.Database(postgres);
        if (postgres) database.SkipUnlessAvailable();
        await using var db = database.NewContext();
        if (postgres)
        {
            // The test city is small enough that the planner would scan; the index must give the same answer.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }
        var published = await db.FormFacts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent)
            .Select(f => new { f.FormId, f.SearchText }).ToListAsync();
        Assert.True(published.Count > 100, $"only {published.Count} published forms in the test city");

        var years = await db.FormFacts.Select(f => f.Year).Distinct().OrderBy(y => y).ToListAsync();
        var random = new Random(13);
        var sampled = Enumerable.Range(0, 60).Select(_ =>
        {
            var runes = published[random.Next(published.Count)].SearchText.EnumerateRunes().Select(r => r.ToString()).ToList();
            if (runes.Count == 0) return "";
            var length = random.Next(1, Math.Min(6, runes.Count) + 1);
            return string.Concat(runes.Skip(random.Next(runes.Count - length + 1)).Take(length));
        });
        foreach (var query in FixedQueries.Concat(sampled).Append("  ").Append(null))
        {
            var text = query?.Trim() ?? "";
            var expected = published.Where(f => f.SearchText.Contains(text, StringComparison.Ordinal)).Select(f => f.FormId).Order().ToList();
            var scan = await db.FormFacts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent && f.SearchText.Contains(text))
                .Select(f => f.FormId).OrderBy(id => id).ToListAsync();
            Assert.Equal(expected, scan);
            // Both of PostgreSQL's ways: every word taken as rare (the inverted index), every word taken as common.
            foreach (var path in new SearchPath?[] { null, SearchPath.Pairs, SearchPath.Order })
            {
                var found = await (await FormSearch.PublishedAsync(db, query, null, CancellationToken.None, path)).Select(f => f.FormId).OrderBy(id => id).ToListAsync();
                Assert.True(expected.SequenceEqual(found), $"「{query}」 ({path}): expected {expected.Count} forms, found {found.Count}");
                // In a year, in the portal's order, a page at a time: the same rows in the same order as the scan's.
                foreach (var year in years)
                {
                    var scanned = await Ordered(db.FormFacts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent && f.Year == year && f.SearchText.Contains(text)));
                    var paged = await Ordered(await FormSearch.PublishedAsync(db, query, year, CancellationToken.None, path));
                    Assert.True(scanned.SequenceEqual(paged), $"「{query}」 {year} ({path}): the scan's order differs");
                }
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_form_is_found_once_published_and_no_longer_once_taken_off_the_portal(bool postgres)
    {
        var database = city.Database(postgres);
        if (postgres) database.SkipUnlessAvailable();
        await using var db = database.NewContext();
        var approved = await db.Forms.Include(f => f.Fact).Where(f => f.Status == FormStatus.FinanceApproved && f.Fact!.IsCurrent)
            .OrderBy(f => f.Id).FirstAsync();
        var query = approved.Fact!.SearchText[..Math.Min(4, approved.Fact.SearchText.Length)];
        Assert.DoesNotContain(approved.Id, await Found(db, query));

        var clock = TimeProvider.System;
        approved.Status = FormStatus.Published;
        FormStore.Moved(approved, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Contains(approved.Id, await Found(db, query));

        approved.Status = FormStatus.FinanceApproved;
        FormStore.Moved(approved, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.DoesNotContain(approved.Id, await Found(db, query));
    }

    /// <summary>The portal's order, its second page of 7 (a page boundary inside a unit's forms) and the count.</summary>
    private static async Task<List<int>> Ordered(IQueryable<FormFact> facts)
    {
        var ordered = facts.OrderBy(f => f.UnitName).ThenByDescending(f => f.Year).ThenBy(f => f.FormId).Select(f => f.FormId);
        return [.. await ordered.Skip(7).Take(7).ToListAsync(), -1, await ordered.CountAsync()];
    }

    private static async Task<List<int>> Found(AppDbContext db, string query) =>
        await (await FormSearch.PublishedAsync(db, query, null, CancellationToken.None)).Select(f => f.FormId).ToListAsync();
}

using System.Data.Common;
using System.Globalization;
using System.Text;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data.Tests;

/// <summary>
/// On SQLite the portal's substring test runs on ordered partial indexes that hold the published, current facts' texts
/// (<see cref="FormSearch.InstallSqlite"/>): a Chinese word of one, two or three characters finds every form a scan of
/// all facts finds, in the portal's order, page by page; a save, a publication and its withdrawal show at once; and the
/// count and the page read those indexes, not the table.
/// </summary>
public sealed class PortalSearchOnSqliteTests(SearchedCity city) : IClassFixture<SearchedCity>
{
    [Fact]
    public async Task Every_one_two_and_three_character_Chinese_word_finds_the_forms_a_scan_finds_in_the_portals_order()
    {
        await using var db = city.Sqlite.NewContext();
        // Every fact, not only the published ones: the expected answer applies the state and current-ness itself.
        var facts = await db.FormFacts.AsNoTracking().IgnoreQueryFilters()
            .Select(f => new { f.FormId, f.UnitName, f.Year, f.Status, f.IsCurrent, f.SearchText }).ToListAsync(TestContext.Current.CancellationToken);
        var published = facts.Where(f => f.Status == FormStatus.Published && f.IsCurrent).ToList();
        Assert.True(published.Count > 100 && published.Count < facts.Count, $"{published.Count} of {facts.Count} facts published");

        // Words cut from runs of Chinese characters of published and of unpublished texts (which must find nothing
        // the public may not see), one to three characters long.
        var random = new Random(13);
        var words = new List<string>();
        foreach (var length in new[] { 1, 2, 3 })
        {
            var cut = new HashSet<string>(StringComparer.Ordinal);
            for (var tries = 0; cut.Count < 40 && tries < 10_000; tries++)
            {
                var runes = facts[random.Next(facts.Count)].SearchText.EnumerateRunes().ToList();
                if (runes.Count < length) continue;
                var start = random.Next(runes.Count - length + 1);
                var word = runes.Skip(start).Take(length).ToList();
                if (word.All(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherLetter)) cut.Add(string.Concat(word));
            }
            Assert.Equal(40, cut.Count);
            words.AddRange(cut);
        }

        var years = published.Select(f => f.Year).Distinct().Order().Cast<int?>().Append(null).ToList();
        foreach (var word in words)
        foreach (var year in years)
        {
            // SQLite orders text by its UTF-8 bytes, a missing unit name first.
            var expected = published.Where(f => (year is null || f.Year == year) && f.SearchText.Contains(word, StringComparison.Ordinal))
                .OrderBy(f => f.UnitName is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(f.UnitName), Utf8Order.Instance)
                .ThenByDescending(f => f.Year).ThenBy(f => f.FormId).Select(f => f.FormId).ToList();
            var ordered = (await FormSearch.PublishedAsync(db, word, year, CancellationToken.None)).InPortalOrder().Select(f => f.FormId);
            var found = await ordered.ToListAsync(TestContext.Current.CancellationToken);
            Assert.True(expected.SequenceEqual(found), $"「{word}」 {year?.ToString(CultureInfo.InvariantCulture) ?? "all years"}: expected {expected.Count} forms, found {found.Count} or another order");
            Assert.Equal(expected.Skip(7).Take(7), await ordered.Skip(7).Take(7).ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(Math.Min(expected.Count, 11), await ordered.Take(11).CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task A_save_a_publication_and_its_withdrawal_change_what_is_found_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = city.Sqlite.NewContext();
        var id = await db.FormFacts.Where(f => f.Status == FormStatus.Published && f.IsCurrent && f.ProjectName != null)
            .OrderByDescending(f => f.FormId).Select(f => f.FormId).FirstAsync(ct);
        var record = (await FormStore.LoadForWriteAsync(db, id, ct))!;
        var year = record.Fact!.Year;
        var oldText = record.Fact.SearchText;
        const string project = "鲸鳌湾渔港疏浚工程";
        Assert.Empty(await db.FormFacts.Where(f => f.SearchText.Contains("鳌")).Select(f => f.FormId).ToListAsync(ct));
        Assert.Contains(id, await Found(db, oldText, year));

        var form = FormRows.ToForm(record);
        form.Project = project;
        FormStore.Write(record, form, [], Core.Rulebooks.Rulebooks.Default, await FormStore.PlaceAsync(db, record.Organisation!, ct), TimeProvider.System.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Assert.DoesNotContain(oldText, record.Fact.SearchText, StringComparison.Ordinal);
        foreach (var word in new[] { "鳌", "鲸鳌", "鲸鳌湾", project })
        {
            Assert.Equal(new[] { id }, await Found(db, word, year));
            Assert.Equal(new[] { id }, await Found(db, word, null));
        }
        Assert.DoesNotContain(id, await Found(db, oldText, year));

        record.Status = FormStatus.FinanceApproved;
        FormStore.Moved(record, TimeProvider.System.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Assert.Empty(await Found(db, "鲸鳌", year));
        Assert.Empty(await Found(db, "鲸鳌", null));

        record.Status = FormStatus.Published;
        FormStore.Moved(record, TimeProvider.System.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Assert.Equal(new[] { id }, await Found(db, "鲸鳌", year));
        Assert.Equal(new[] { id }, await Found(db, "鲸鳌", null));
    }

    [Fact]
    public async Task The_count_and_the_page_read_the_ordered_indexes_and_sort_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var plans = new QueryPlans();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, DatabaseSettings.ForSqliteFile(city.Sqlite.File).SqliteConnectionString);
        options.AddInterceptors(plans);
        await using var db = new SqliteAppDbContext(options.Options);
        db.Restrict(null, publishedOnly: true);
        var year = await db.FormFacts.Select(f => f.Year).MaxAsync(ct);

        foreach (var (forYear, index) in new[] { ((int?)year, "IX_FormFacts_PortalOrder "), (null, "IX_FormFacts_PortalOrderAllYears ") })
        {
            plans.Seen.Clear();
            // As the portal asks (Analytics.PortalAsync, Paging.ToBoundedPageAsync): a count bounded past the page, then the page.
            var ordered = (await FormSearch.PublishedAsync(db, "中学", forYear, ct)).InPortalOrder()
                .Select(f => new { f.FormId, f.UnitName, f.Year, f.Kind, f.ProjectName, f.ComputedTotal });
            await ordered.Take(201).CountAsync(ct);
            await ordered.Skip(50).Take(50).ToListAsync(ct);
            Assert.Equal(2, plans.Seen.Count);
            foreach (var plan in plans.Seen)
            {
                Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
                Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            }
        }
    }

    private static async Task<List<int>> Found(AppDbContext db, string word, int? year) =>
        await (await FormSearch.PublishedAsync(db, word, year, CancellationToken.None)).InPortalOrder().Select(f => f.FormId).ToListAsync();

    /// <summary>SQLite's BINARY collation: the bytes of the UTF-8 text.</summary>
    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>SQLite's plan of every query the context runs, asked with the same text and parameters just before it runs.</summary>
    private sealed class QueryPlans : DbCommandInterceptor
    {
        public List<List<string>> Seen { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter p in command.Parameters) explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) plan.Add(reader.GetString(3));
            Seen.Add(plan);
            return result;
        }
    }
}

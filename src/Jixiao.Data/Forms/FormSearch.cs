using System.Text;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// The portal's search: published, current facts whose <see cref="FormFact.SearchText"/> contains the query as a
/// substring (case-sensitive, as <c>string.Contains</c> translates on both databases). Chinese has no word breaks and
/// most queries are two characters (中学, 医院), which neither a trigram index nor a word parser serves. On PostgreSQL two
/// partial indexes over the published, current facts (<see cref="InstallPostgres"/>) serve the two kinds of query:
/// <list type="bullet">
/// <item>a rare word: an inverted (GIN) index of each text's character pairs, computed by the database from the search
/// text (so every write path — the save, a transition, an <c>ExecuteUpdate</c> — keeps it current in its own
/// transaction, with nothing to fill by hand; the bulk loader builds it once at its end). A text that contains the query
/// contains all of its pairs, so the index gives a superset and the substring test on those few rows makes it
/// exact;</item>
/// <item>a common word (项目 is in half the forms) or a single character: the candidates are most of the year, and
/// reading them from the table costs as much as the scan did, so the page walks an index that carries the texts in the
/// portal's order (an index-only scan, no table pages), stopping at the page's last match, and the portal's count,
/// bounded a little past the page (<c>Analytics.PortalCounted</c>), stops soon after it. A year's search walks one led by
/// the year, a search of all years one led by the unit name.</item>
/// </list>
/// Which one a query takes is decided by its matches among the year's first facts in the ordered index
/// (<see cref="ChooseAsync"/>). Either way the result is the same set as the substring scan.
/// <para>
/// SQLite (at most a province of about a thousand units, ≈15,000 published facts a year) keeps the substring test but
/// runs it on two partial indexes over the published, current facts that hold the texts in the portal's order
/// (<see cref="InstallSqlite"/>): the page walks the index and stops at its last match, the bounded count a little past
/// it, and only the page's rows are read from the table. Before them every query read each of the year's facts from the
/// table, twice (the count and the page), and sorted the matches.
/// </para>
/// </summary>
public static class FormSearch
{
    /// <summary>
    /// How many of the year's published facts, in the portal's order, the choice of path reads (an index-only scan of the
    /// ordered index, a millisecond): the query's matches among them estimate how far the page and its bounded count walk.
    /// </summary>
    public const int ProbeEntries = 2_000;

    /// <summary>
    /// At least this many matches among <see cref="ProbeEntries"/> (1 in 400) make a word common. The portal reads a page
    /// and counts about 200 matches; in the ordered index (≈37 entries an 8 KB page, no table page) that is about
    /// 200 / (37 × density) pages, while the pair index fetches every candidate of every year from the table (a page
    /// each, three years), for the count and again for the page: about 6 × 150,000 × density pages. The two meet near
    /// 0.25 %, at a few hundred pages either way (measured on the 10,000-unit province: every bench word of 2022, 中学 at
    /// 1.4 % included, reads at most 392 pages by the ordered index, 养护 3,099 by the pair index).
    /// </summary>
    public const int CommonMatches = 5;

    /// <summary>
    /// The function (a text's character pairs; PostgreSQL counts characters as code points), the inverted index for rare
    /// words (its keys compared byte by byte: equality is the same, and building it costs a fifth less than under the
    /// database's locale) and the ordered index with the texts for common ones. Idempotent; the bulk loader drops the
    /// indexes (<see cref="DropIndexesPostgres"/>) and builds them again at its end, which costs a fraction of keeping
    /// them row by row.
    /// </summary>
    public const string InstallPostgres = $$"""
        CREATE OR REPLACE FUNCTION jixiao_search_grams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $f$ SELECT ARRAY(SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i) $f$;
        CREATE INDEX IF NOT EXISTS "IX_FormFacts_PortalSearch" ON "FormFacts" USING gin ((jixiao_search_grams("SearchText") COLLATE "C"))
          WHERE "Status" = 'Published' AND "IsCurrent";
        CREATE INDEX IF NOT EXISTS "IX_FormFacts_PortalOrder" ON "FormFacts" ("Year", "UnitName", "FormId")
          INCLUDE ("SearchText", "Status", "ProjectId") WHERE "Status" = 'Published' AND "IsCurrent";
        CREATE INDEX IF NOT EXISTS "IX_FormFacts_PortalOrderAllYears" ON "FormFacts" ("UnitName", "Year" DESC, "FormId")
          INCLUDE ("SearchText", "Status", "ProjectId") WHERE "Status" = 'Published' AND "IsCurrent";
        """;

    /// <summary>The index for a search of all years (<see cref="InstallPostgres"/>; migration PortalSearchAllYears).</summary>
    public const string DropAllYearsIndexPostgres = """
        DROP INDEX IF EXISTS "IX_FormFacts_PortalOrderAllYears";
        """;

    public const string DropIndexesPostgres = DropAllYearsIndexPostgres + """

        DROP INDEX IF EXISTS "IX_FormFacts_PortalOrder";
        DROP INDEX IF EXISTS "IX_FormFacts_PortalSearch";
        """;

    public const string UninstallPostgres = DropIndexesPostgres + """

        DROP FUNCTION IF EXISTS jixiao_search_grams(text);
        """;

    /// <summary>
    /// SQLite's two ordered indexes with the texts, for the portal's order (unit name, year descending, form): one led by
    /// the year, for a year's search, one led by the unit name, for all years. SQLite has no included columns, so the
    /// text is the key's last column; the filter is written as <see cref="PublishedAsync"/> writes its conditions, which
    /// SQLite needs to use a partial index. The state leads the key although the filter fixes it: without statistics
    /// (the app runs no ANALYZE) the planner otherwise prefers the queue's index, whose state it can seek, and sorts.
    /// SQLite keeps them on every write; creating them is the back-fill.
    /// </summary>
    public const string InstallSqlite = """
        CREATE INDEX IF NOT EXISTS "IX_FormFacts_PortalOrder" ON "FormFacts" ("Status", "Year", "UnitName", "FormId", "SearchText")
          WHERE "Status" = 'Published' AND "IsCurrent";
        CREATE INDEX IF NOT EXISTS "IX_FormFacts_PortalOrderAllYears" ON "FormFacts" ("Status", "UnitName", "Year" DESC, "FormId", "SearchText")
          WHERE "Status" = 'Published' AND "IsCurrent";
        """;

    public const string UninstallSqlite = """
        DROP INDEX IF EXISTS "IX_FormFacts_PortalOrderAllYears";
        DROP INDEX IF EXISTS "IX_FormFacts_PortalOrder";
        """;

    /// <summary>
    /// Published, current facts matching <paramref name="query"/> (trimmed; blank matches all), of <paramref name="year"/>
    /// when given, untracked. Callers add their own order and page. <paramref name="path"/> forces one of PostgreSQL's two
    /// ways (tests); otherwise <see cref="ChooseAsync"/> picks it.
    /// </summary>
    public static async Task<IQueryable<FormFact>> PublishedAsync(AppDbContext db, string? query, int? year, CancellationToken ct, SearchPath? path = null)
    {
        var text = query?.Trim();
        var facts = db.FormFacts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent);
        if (year is { } y) facts = facts.Where(f => f.Year == y);
        if (string.IsNullOrEmpty(text)) return facts;
        if (db.Database.IsNpgsql())
        {
            var grams = Grams(text);
            if (grams.Length != 0 && (path ?? await ChooseAsync(db, text, year, ct)) == SearchPath.Pairs)
            {
                // OFFSET 0 keeps the year out of the pair lookup: otherwise the planner ANDs the pair index with a year
                // index, whose bitmap of the whole year costs more than checking the year on the few candidates.
                facts = db.FormFacts.FromSql($"""
                    SELECT * FROM "FormFacts" WHERE jixiao_search_grams("SearchText") COLLATE "C" @> {grams}
                      AND "Status" = 'Published' AND "IsCurrent" OFFSET 0
                    """).AsNoTracking();
                if (year is { } py) facts = facts.Where(f => f.Year == py);
            }
            else
            {
                // The published facts (of the year, or of all years) in the portal's order, which the ordered indexes
                // hold, behind OFFSET 0, so that the walk does not depend on the planner's guesses. It guesses a word's
                // frequency from a hundred sampled texts (a word in 2 % of them, 养护, can be in none of the sample: a
                // dozen rows for the year) and the walk's cost from the table's share of all-visible pages; with a dozen
                // rows and a freshly loaded table the page and count read the whole year through the year index and
                // sorted it (18,000 pages, 0.4–1.1 s at 10,000 units; docs/benchmarks.md, "The portal search's plan
                // pinned"). Without a year, a common word read every published fact and sorted them.
                facts = year is { } oy
                    ? db.FormFacts.FromSql($"""
                        SELECT * FROM "FormFacts" WHERE "Status" = 'Published' AND "IsCurrent" AND "Year" = {oy}
                          ORDER BY "UnitName", "Year" DESC, "FormId" OFFSET 0
                        """).AsNoTracking()
                    : db.FormFacts.FromSql($"""
                        SELECT * FROM "FormFacts" WHERE "Status" = 'Published' AND "IsCurrent"
                          ORDER BY "UnitName", "Year" DESC, "FormId" OFFSET 0
                        """).AsNoTracking();
            }
        }
        return facts.Where(f => f.SearchText.Contains(text));
    }

    /// <summary>
    /// The portal's order (unit name, newest year first, form), which the ordered indexes of both databases hold, so a page
    /// is a walk of the index that stops at its last match.
    /// </summary>
    public static IOrderedQueryable<FormFact> InPortalOrder(this IQueryable<FormFact> facts) =>
        facts.OrderBy(f => f.UnitName).ThenByDescending(f => f.Year).ThenBy(f => f.FormId);

    /// <summary>
    /// Which index answers <paramref name="text"/>: the ordered one when the first <see cref="ProbeEntries"/> published
    /// facts of the year (all years without one) in its order hold at least <see cref="CommonMatches"/> matches, the pair
    /// index otherwise. Only a choice of plan: both give the same rows, and the probe reads no row the caller could not
    /// see. Unlike a count in the pair index, it reads no table page and its cost does not grow with the word's frequency.
    /// </summary>
    public static async Task<SearchPath> ChooseAsync(AppDbContext db, string text, int? year, CancellationToken ct)
    {
        var matches = year is { } y
            ? await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM (SELECT "SearchText" FROM "FormFacts" WHERE "Status" = 'Published' AND "IsCurrent"
                  AND "Year" = {y} ORDER BY "Year", "UnitName", "FormId" LIMIT {ProbeEntries}) AS p WHERE strpos(p."SearchText", {text}) > 0
                """).SingleAsync(ct)
            : await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM (SELECT "SearchText" FROM "FormFacts" WHERE "Status" = 'Published' AND "IsCurrent"
                  ORDER BY "UnitName", "Year" DESC, "FormId" LIMIT {ProbeEntries}) AS p WHERE strpos(p."SearchText", {text}) > 0
                """).SingleAsync(ct);
        return matches >= CommonMatches ? SearchPath.Order : SearchPath.Pairs;
    }

    /// <summary>
    /// What a text containing <paramref name="text"/> must hold in the index: its distinct character pairs (none for a
    /// single character). Characters are code points, as PostgreSQL's <c>substr</c> counts them.
    /// </summary>
    public static string[] Grams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Count; i++) pairs.Add(runes[i] + runes[i + 1]);
        return [.. pairs];
    }
}

/// <summary>PostgreSQL's two ways to a query's facts (<see cref="FormSearch"/>).</summary>
public enum SearchPath
{
    /// <summary>The inverted index of character pairs, rechecked by the substring test: rare words.</summary>
    Pairs,

    /// <summary>The ordered index with the texts, walked in the portal's order: common words and single characters.</summary>
    Order,
}

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
/// reading them from the table costs as much as the scan did, so the count reads the year's texts from an index that
/// carries them (an index-only scan, no table pages) and the page walks that index in the portal's order, stopping at
/// the page's last match.</item>
/// </list>
/// Which one a query takes is decided by counting its candidates in the inverted index up to
/// <see cref="RareCandidates"/>. Either way the result is the same set as the substring scan; SQLite, a small embedded
/// database, keeps the scan.
/// </summary>
public static class FormSearch
{
    /// <summary>Above this many candidates (all years) a word is common and the portal order index answers it.</summary>
    public const int RareCandidates = 20_000;

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
        """;

    public const string DropIndexesPostgres = """
        DROP INDEX IF EXISTS "IX_FormFacts_PortalOrder";
        DROP INDEX IF EXISTS "IX_FormFacts_PortalSearch";
        """;

    public const string UninstallPostgres = DropIndexesPostgres + """

        DROP FUNCTION IF EXISTS jixiao_search_grams(text);
        """;

    /// <summary>
    /// Published, current facts matching <paramref name="query"/> (trimmed; blank matches all), untracked. Callers add
    /// their own filters, order and page. <paramref name="rareCandidates"/>: see <see cref="RareCandidates"/>.
    /// </summary>
    public static async Task<IQueryable<FormFact>> PublishedAsync(AppDbContext db, string? query, CancellationToken ct, int rareCandidates = RareCandidates)
    {
        var text = query?.Trim();
        var facts = db.FormFacts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent);
        if (string.IsNullOrEmpty(text)) return facts;
        if (db.Database.IsNpgsql())
        {
            var grams = Grams(text);
            if (grams.Length == 0) return facts.Where(f => f.SearchText.Contains(text));
            // Only a choice of plan: the count reads no row the caller could not see, and nothing of it is shown.
            var candidates = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "FormFacts" WHERE jixiao_search_grams("SearchText") COLLATE "C" @> {grams}
                  AND "Status" = 'Published' AND "IsCurrent" LIMIT {rareCandidates}) AS c
                """).SingleAsync(ct);
            if (candidates < rareCandidates)
                facts = db.FormFacts.FromSql($"""SELECT * FROM "FormFacts" WHERE jixiao_search_grams("SearchText") COLLATE "C" @> {grams}""")
                    .AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent);
        }
        return facts.Where(f => f.SearchText.Contains(text));
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

using System.Text;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// The portal's search: published, current facts whose <see cref="FormFact.SearchText"/> contains the query as a
/// substring (case-sensitive, as <c>string.Contains</c> translates on both databases). Chinese has no word breaks and
/// most queries are two characters (中学, 医院), which neither a trigram index nor a word parser serves, so on PostgreSQL
/// an inverted (GIN) index holds each published current fact's characters and character pairs
/// (<see cref="InstallPostgres"/>, computed by the database from the search text, so every write path — the save,
/// a transition, an <c>ExecuteUpdate</c>, the bulk loader's COPY — keeps it current in its own transaction with
/// nothing to fill by hand). A text that contains the query contains all of the query's pairs (its one character when
/// it has one), so the index returns a superset of the matches and the substring test on those few rows makes it exact:
/// the result is the same set as the substring scan. SQLite, a small embedded database, keeps the scan.
/// </summary>
public static class FormSearch
{
    /// <summary>
    /// The function (characters then character pairs of a text; PostgreSQL counts characters as code points) and the
    /// partial index over the facts the portal shows. Idempotent.
    /// </summary>
    public const string InstallPostgres = $$"""
        CREATE OR REPLACE FUNCTION jixiao_search_grams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $f$ SELECT string_to_array(t, NULL) || ARRAY(SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i) $f$;
        CREATE INDEX IF NOT EXISTS "IX_FormFacts_PortalSearch" ON "FormFacts" USING gin (jixiao_search_grams("SearchText"))
          WHERE "Status" = 'Published' AND "IsCurrent";
        """;

    public const string UninstallPostgres = """
        DROP INDEX IF EXISTS "IX_FormFacts_PortalSearch";
        DROP FUNCTION IF EXISTS jixiao_search_grams(text);
        """;

    /// <summary>
    /// Published, current facts matching <paramref name="query"/> (trimmed; blank matches all), untracked. Callers add
    /// their own filters, order and page.
    /// </summary>
    public static IQueryable<FormFact> Published(AppDbContext db, string? query)
    {
        var text = query?.Trim();
        IQueryable<FormFact> facts;
        if (string.IsNullOrEmpty(text)) facts = db.FormFacts;
        else if (db.Database.IsNpgsql())
        {
            var grams = Grams(text);
            facts = db.FormFacts.FromSql($"""SELECT * FROM "FormFacts" WHERE jixiao_search_grams("SearchText") @> {grams}""")
                .Where(f => f.SearchText.Contains(text));
        }
        else facts = db.FormFacts.Where(f => f.SearchText.Contains(text));
        return facts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent);
    }

    /// <summary>
    /// What a text containing <paramref name="text"/> must hold in the index: its distinct character pairs, or its one
    /// character. Characters are code points, as PostgreSQL's <c>substr</c> counts them.
    /// </summary>
    public static string[] Grams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (runes.Count == 1) return [runes[0]];
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Count; i++) pairs.Add(runes[i] + runes[i + 1]);
        return [.. pairs];
    }
}

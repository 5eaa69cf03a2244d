namespace Jixiao.Data.Forms;

/// <summary>
/// The scopes over an organisation's path ('/a/b/c/': '/a/', '/a/b/' and, with its own, '/a/b/c/') that the SQLite
/// triggers and rebuilds of the running totals (<see cref="LibrarySummarySqlite"/>, <see cref="OverviewTotalsSqlite"/>)
/// count a row in: SQLite has no string_to_array, so a recursive CTE cuts the path at each '/', with its depth (1: a
/// root). The library counts a unit's rows in its own scope too; the overview reads a scope's own forms from the facts.
/// </summary>
internal static class SqliteScopes
{
    // The next prefix of the rest of the path, one segment longer.
    private const string Down = "c.scope || substr(c.rest, 1, instr(c.rest, '/')), substr(c.rest, instr(c.rest, '/') + 1), c.depth + 1 FROM c WHERE instr(c.rest, '/') > 0";

    /// <summary>A trigger's subquery of (scope, depth) over NEW."Path", with NEW."Path" itself when <paramref name="own"/>.</summary>
    public static string OverNew(bool own) => $"""
        (WITH RECURSIVE c(scope, rest, depth) AS (
           SELECT '/', substr(NEW."Path", 2), 0
           UNION ALL SELECT {Down})
         SELECT scope, depth FROM c WHERE depth > 0{(own ? "" : """ AND length(scope) < length(NEW."Path")""")})
        """;

    /// <summary>
    /// A rebuild's CTEs ending in <c>s(path, scope, depth)</c>: each path that <paramref name="paths"/> selects (a column
    /// named path) with the scopes over it, and itself when <paramref name="own"/>.
    /// </summary>
    public static string OverEach(string paths, bool own) => $"""
        c(path, scope, rest, depth) AS (
          SELECT path, '/', substr(path, 2), 0 FROM ({paths})
          UNION ALL SELECT c.path, {Down}),
        s AS (SELECT path, scope, depth FROM c WHERE depth > 0{(own ? "" : " AND length(scope) < length(path)")})
        """;
}

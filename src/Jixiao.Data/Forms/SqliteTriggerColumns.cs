namespace Jixiao.Data.Forms;

/// <summary>
/// The column texts the SQLite triggers of the running totals are written with (<see cref="LibrarySummarySqlite"/>,
/// <see cref="OverviewTotalsSqlite"/>): an UPDATE trigger names the columns it reads (UPDATE OF) and fires only when one
/// of them changed.
/// </summary>
internal static class SqliteTriggerColumns
{
    /// <summary>A WHEN condition: any of <paramref name="columns"/> differs between OLD and NEW.</summary>
    public static string Changed(IEnumerable<string> columns) => "(" + string.Join(" OR ", columns.Select(c => $"""OLD."{c}" IS NOT NEW."{c}" """.Trim())) + ")";

    /// <summary>The list after UPDATE OF.</summary>
    public static string Listed(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
}

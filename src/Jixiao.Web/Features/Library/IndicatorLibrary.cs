using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Library;

public sealed record LibraryFilter(string? Q, string? Level1, string? Level2, int? Year, FormKind? Kind);

/// <summary>One indicator of the library: a normalised name under a 一级/二级 category, as used in the caller's scope.</summary>
public sealed record LibraryEntry(string Level1, string Level2, string NormalisedName, string Name, int Forms, int Units, int FirstYear, int LastYear, string? Unit);

/// <summary>An indicator as the peer ranges group it: category, normalised name and unit of measure.</summary>
public sealed record PeerKey(string Level1, string Level2, string NormalisedName, string? Unit)
{
    public static PeerKey? Of(IndicatorRow row, string? unit) =>
        FormStore.NormaliseName(row.Name) is { } name ? new PeerKey(row.Level1 ?? "", row.Level2 ?? "", Cut(name), unit) : null;

    // Facts keep the normalised name cut to its column.
    private static string Cut(string name) => name.Length <= ColumnLengths.IndicatorName ? name : name[..ColumnLengths.IndicatorName];
}

/// <summary>One project's year of an indicator: the target it set and the actual it reported.</summary>
public sealed record HistoryRow(int OrganisationId, string? UnitName, string? ProjectName, int Year, string? Target, decimal? TargetValue, string? Actual, decimal? ActualValue, string? Unit);

/// <summary>
/// The indicator library: SQL over <see cref="IndicatorFact"/> (every indicator row of every stored form), grouped by
/// 一级/二级 category and normalised name. Entries and histories are scoped like everything else (the context's query
/// filters); peer ranges are the one deliberate exception: they aggregate over every unit, and the query itself drops any
/// group fewer than <see cref="MinimumUnits"/> distinct units contribute to, so only figures no single unit can be told
/// from ever leave the database (docs/library.md).
/// </summary>
public static class IndicatorLibrary
{
    /// <summary>The fewest distinct units an indicator's peer range is shown for.</summary>
    public const int MinimumUnits = 5;

    /// <summary>Years of targets a peer range covers: the year asked for and the ones before it.</summary>
    public const int PeerYears = 3;

    /// <summary>Forms whose figures count for peers: handed in (drafts and returned forms are not yet anyone's figures).</summary>
    private static readonly FormStatus[] PeerStates = [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.FinanceApproved, FormStatus.Published];

    public static async Task<Page<LibraryEntry>> EntriesAsync(AppDbContext db, LibraryFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        return filter.Kind is null && Summarised(db)
            ? await SummaryEntriesAsync(db, filter, page, pageSize, ct)
            : await EntriesFromFactsAsync(db, filter, page, pageSize, ct);
    }

    /// <summary>The entries aggregated from the facts themselves: the public, evaluators and a form-kind filter read these.</summary>
    public static async Task<Page<LibraryEntry>> EntriesFromFactsAsync(AppDbContext db, LibraryFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var facts = db.IndicatorFacts.AsNoTracking().Where(i => i.NormalisedName != null && i.Fact!.IsCurrent);
        if (FormStore.NormaliseName(filter.Q) is { } q) facts = facts.Where(i => i.NormalisedName!.Contains(q));
        if (!string.IsNullOrWhiteSpace(filter.Level1)) facts = facts.Where(i => i.Level1 == filter.Level1);
        if (!string.IsNullOrWhiteSpace(filter.Level2)) facts = facts.Where(i => i.Level2 == filter.Level2);
        if (filter.Year is { } year) facts = facts.Where(i => i.Year == year);
        if (filter.Kind is { } kind) facts = facts.Where(i => i.Kind == kind);
        var grouped = facts.GroupBy(i => new { Level1 = i.Level1 ?? "", Level2 = i.Level2 ?? "", Name = i.NormalisedName! })
            .Select(g => new
            {
                g.Key.Level1,
                g.Key.Level2,
                g.Key.Name,
                Shown = g.Max(i => i.Name),
                Forms = g.Count(),
                Units = g.Select(i => i.OrganisationPath).Distinct().Count(),
                FirstYear = g.Min(i => i.Year),
                LastYear = g.Max(i => i.Year),
                Unit = g.Max(i => i.Unit),
            })
            .OrderByDescending(e => e.Units).ThenByDescending(e => e.Forms).ThenBy(e => e.Level1).ThenBy(e => e.Level2).ThenBy(e => e.Name);
        var found = await grouped.ToPageAsync(page, pageSize, ct);
        return found.Map(e => new LibraryEntry(e.Level1, e.Level2, e.Name, e.Shown ?? e.Name, e.Forms, e.Units, e.FirstYear, e.LastYear, e.Unit));
    }

    /// <summary>
    /// Whether the library reads the running totals (Model/Library.cs, kept by triggers on both databases) instead of the
    /// facts: for callers whose scope is a subtree (the public and evaluators see fewer forms than a subtree holds, and
    /// read the facts through their filters).
    /// </summary>
    private static bool Summarised(AppDbContext db) => !db.PublishedOnly && db.EvaluatorAgencyId is null;

    // One subtree's totals are its own rows, one per entry (the key is the entry, year and subtree), so a scoped page reads
    // them as they are, in the order of IX_LibraryEntryTotals_Scope_Year_Units_Rows, and counts them by it: grouping them
    // again cost SQLite two temporary b-trees over finance's 1,833 rows of a year for each of the count and the page (5 and
    // 7 ms of a request, against under 1 ms each ungrouped). With no scope (an administrator) the roots' rows add up, since
    // no unit is under two roots. Every year is year 0.
    private static async Task<Page<LibraryEntry>> SummaryEntriesAsync(AppDbContext db, LibraryFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var year = filter.Year ?? 0;
        var totals = db.LibraryEntryTotals.AsNoTracking().Where(t => t.Year == year);
        if (FormStore.NormaliseName(filter.Q) is { } q) totals = totals.Where(t => t.NormalisedName.Contains(q));
        if (!string.IsNullOrWhiteSpace(filter.Level1)) totals = totals.Where(t => t.Level1 == filter.Level1);
        if (!string.IsNullOrWhiteSpace(filter.Level2)) totals = totals.Where(t => t.Level2 == filter.Level2);
        var entries = db.ScopePath is { } scope
            ? totals.Where(t => t.Scope == scope)
                .Select(t => new { t.Level1, t.Level2, Name = t.NormalisedName, Shown = t.Name, Forms = t.Rows, t.Units, t.FirstYear, t.LastYear, t.Unit })
            : totals.Where(t => t.Depth == 1).GroupBy(t => new { t.Level1, t.Level2, Name = t.NormalisedName })
                .Select(g => new
                {
                    g.Key.Level1,
                    g.Key.Level2,
                    g.Key.Name,
                    Shown = g.Max(t => t.Name),
                    Forms = g.Sum(t => t.Rows),
                    Units = g.Sum(t => t.Units),
                    FirstYear = g.Min(t => t.FirstYear),
                    LastYear = g.Max(t => t.LastYear),
                    Unit = g.Max(t => t.Unit),
                });
        var found = await entries.OrderByDescending(e => e.Units).ThenByDescending(e => e.Forms).ThenBy(e => e.Level1).ThenBy(e => e.Level2).ThenBy(e => e.Name)
            .ToPageAsync(page, pageSize, ct);
        return found.Map(e => new LibraryEntry(e.Level1, e.Level2, e.Name, e.Shown ?? e.Name, e.Forms, e.Units, e.FirstYear, e.LastYear, e.Unit));
    }

    /// <summary>The 一级/二级 categories in the caller's scope, for filter lists.</summary>
    public static async Task<List<(string Level1, string Level2)>> CategoriesAsync(AppDbContext db, CancellationToken ct)
    {
        var list = await db.IndicatorFacts.AsNoTracking().Where(i => i.Level1 != null && i.NormalisedName != null)
            .Select(i => new { Level1 = i.Level1!, Level2 = i.Level2 ?? "" }).Distinct().Take(500).ToListAsync(ct);
        return [.. list.Select(c => (c.Level1, c.Level2)).OrderBy(c => c.Level1, StringComparer.Ordinal).ThenBy(c => c.Level2, StringComparer.Ordinal)];
    }

    /// <summary>Every project's target and actual of one indicator in the caller's scope, per year, newest first.</summary>
    public static async Task<Page<HistoryRow>> HistoryAsync(AppDbContext db, string level1, string level2, string normalisedName, int? page, int? pageSize, CancellationToken ct)
    {
        var rows = db.IndicatorFacts.AsNoTracking()
            .Where(i => i.NormalisedName == normalisedName && (i.Level1 ?? "") == level1 && (i.Level2 ?? "") == level2 && i.Fact!.IsCurrent)
            .GroupBy(i => new { i.Fact!.OrganisationId, i.Fact.UnitName, i.Fact.ProjectName, i.Year })
            .Select(g => new
            {
                g.Key.OrganisationId,
                g.Key.UnitName,
                g.Key.ProjectName,
                g.Key.Year,
                // The approved target where a targets form exists, else the one the self-evaluation printed.
                PlannedTarget = g.Max(i => i.Kind == FormKind.Targets ? i.Target : null),
                PlannedValue = g.Max(i => i.Kind == FormKind.Targets ? i.TargetValue : null),
                Target = g.Max(i => i.Target),
                TargetValue = g.Max(i => i.TargetValue),
                Actual = g.Max(i => i.Kind == FormKind.ProjectSelfEvaluation || i.Kind == FormKind.DepartmentSelfEvaluation ? i.Actual : null),
                ActualValue = g.Max(i => i.Kind == FormKind.ProjectSelfEvaluation || i.Kind == FormKind.DepartmentSelfEvaluation ? i.ActualValue : null),
                Unit = g.Max(i => i.Unit),
            })
            .OrderByDescending(r => r.Year).ThenBy(r => r.UnitName).ThenBy(r => r.ProjectName);
        var found = await rows.ToPageAsync(page, pageSize, ct);
        return found.Map(r => new HistoryRow(r.OrganisationId, r.UnitName, r.ProjectName, r.Year, r.PlannedTarget ?? r.Target, r.PlannedValue ?? r.TargetValue,
            r.Actual, r.ActualValue, r.Unit));
    }

    /// <summary>
    /// Peer ranges of targets (or actuals) for the indicators named <paramref name="names"/> in the years
    /// <paramref name="fromYear"/>–<paramref name="toYear"/>, over every unit of the province. Groups with fewer than
    /// <see cref="MinimumUnits"/> distinct units are dropped by the query itself (HAVING), and the median is read as the
    /// middle value of a group that passed it, so no figure of a smaller group is ever read.
    /// </summary>
    public static async Task<Dictionary<PeerKey, PeerRange>> PeerRangesAsync(AppDbContext db, IReadOnlyCollection<string> names, int fromYear, int toYear, bool actuals, CancellationToken ct)
    {
        var ranges = new Dictionary<PeerKey, PeerRange>();
        if (names.Count == 0) return ranges;
        if (WindowOf(fromYear, toYear) is { } window) return await SummaryPeerRangesAsync(db, names, window, actuals, ct);
        var values = PeerValues(db, fromYear, toYear, actuals).Where(v => names.Contains(v.Name));
        var groups = await values.GroupBy(v => new { v.Level1, v.Level2, v.Name, v.Unit })
            .Where(g => g.Select(v => v.Path).Distinct().Count() >= MinimumUnits)
            .Select(g => new { g.Key, Units = g.Select(v => v.Path).Distinct().Count(), Values = g.Count(), Min = g.Min(v => v.Value), Max = g.Max(v => v.Value) })
            .ToListAsync(ct);
        foreach (var g in groups)
        {
            var key = new PeerKey(g.Key.Level1, g.Key.Level2, g.Key.Name, g.Key.Unit);
            var middle = await PeerValues(db, fromYear, toYear, actuals)
                .Where(v => v.Name == key.NormalisedName && v.Level1 == key.Level1 && v.Level2 == key.Level2 && v.Unit == key.Unit)
                .Select(v => v.Value).OrderBy(v => v).Skip((g.Values - 1) / 2).Take(g.Values % 2 == 0 ? 2 : 1).ToListAsync(ct);
            var median = middle.Count == 0 ? g.Min : Math.Round(middle.Sum() / middle.Count, 4, MidpointRounding.AwayFromZero);
            ranges[key] = new PeerRange(key.Unit, g.Min, median, g.Max, g.Units, g.Values);
        }
        return ranges;
    }

    // The totals keep the windows the library asks for: a year and the two before it, or every year (0).
    private static int? WindowOf(int fromYear, int toYear) =>
        fromYear == toYear - PeerYears + 1 ? toYear : fromYear <= 2000 && toYear >= 2100 ? 0 : null;

    /// <summary>A peer group that passed the five-unit rule, with its lowest, highest and middle values.</summary>
    private sealed record PeerRow(string Level1, string Level2, string NormalisedName, string? Unit, int Units, int Values, decimal Min, decimal Max, decimal Low, decimal High);

    // The five-unit rule is the first WHERE, on the groups' distinct-unit counts; only the values of groups that pass it
    // are read (past the filters, on purpose, like PeerValues). Each group's histogram is walked in its key's order
    // ("GroupKey", "Value": the primary key), so the lowest and highest values are one index probe each, and the median is
    // the first value whose running count reaches the middle position: the walk stops there, half-way through the
    // histogram on average, instead of summing and grouping all of it. The two rows from the middle on give the median's
    // two values (the same one twice for an odd count, or when the middle pair shares a value).
    private static async Task<Dictionary<PeerKey, PeerRange>> SummaryPeerRangesAsync(AppDbContext db, IReadOnlyCollection<string> names, int window, bool actuals, CancellationToken ct)
    {
        var asked = names.ToArray();
        var rows = db.Database.IsNpgsql() ? await db.Database.SqlQuery<PeerRow>($"""
            SELECT g."Level1", g."Level2", g."NormalisedName", g."Unit", g."Units", g."Values", lo."Value" AS "Min", hi."Value" AS "Max",
              m."Low", m."High"
            FROM "LibraryPeerGroups" g
            CROSS JOIN LATERAL (SELECT v."Value" FROM "LibraryPeerValues" v WHERE v."GroupKey" = g."GroupKey" ORDER BY v."Value" LIMIT 1) lo
            CROSS JOIN LATERAL (SELECT v."Value" FROM "LibraryPeerValues" v WHERE v."GroupKey" = g."GroupKey" ORDER BY v."Value" DESC LIMIT 1) hi
            CROSS JOIN LATERAL (
              SELECT min(s."Value") AS "Low", min(s."Value") FILTER (WHERE s.upto >= g."Values" / 2 + 1) AS "High"
              FROM (SELECT r."Value", r.upto FROM (
                      SELECT v."Value", sum(v."Count") OVER (ORDER BY v."Value" ROWS UNBOUNDED PRECEDING) AS upto
                      FROM "LibraryPeerValues" v WHERE v."GroupKey" = g."GroupKey" ORDER BY v."Value") r
                    WHERE r.upto >= (g."Values" - 1) / 2 + 1 ORDER BY r."Value" LIMIT 2) s) m
            WHERE g."NormalisedName" = ANY({asked}) AND g."Window" = {window} AND g."Actuals" = {actuals} AND g."Units" >= {MinimumUnits}
            """).ToListAsync(ct)
            : await SqlitePeerRowsAsync(db, asked, window, actuals, ct);
        var ranges = new Dictionary<PeerKey, PeerRange>();
        foreach (var r in rows)
        {
            var median = Math.Round((r.Low + r.High) / 2, 4, MidpointRounding.AwayFromZero);
            ranges[new PeerKey(r.Level1, r.Level2, r.NormalisedName, r.Unit)] = new PeerRange(r.Unit, r.Min, median, r.Max, r.Units, r.Values);
        }
        return ranges;
    }

    // The same walk on SQLite, which has no LATERAL: correlated subqueries per asked group over the histogram's index in
    // the numeric order of its values (LibrarySummarySqlite.InstallValueOrder; its decimals are TEXT, which does not sort
    // as numbers). The lowest and highest values are the first and last entry of the group, the median's two values the
    // first whose running count reaches each middle position, where the walk stops; an odd count's two are one. Ordering the
    // asked groups' histograms in one window instead (no index has that order) sorted every value of every group per
    // request: 115 ms against 15 ms for a finance page's 44 groups at 1,000 units.
    private static readonly string SqliteAscending = LibrarySummarySqlite.ValueOrder("v.\"Value\"");
    private static readonly string SqliteDescending = LibrarySummarySqlite.ValueOrder("v.\"Value\"", descending: true);

    private static string SqliteWalkTo(string position) => $"""
        (SELECT r."Value" FROM (
           SELECT v."Value", sum(v."Count") OVER (ORDER BY {SqliteAscending} ROWS UNBOUNDED PRECEDING) AS upto
           FROM "LibraryPeerValues" v WHERE v."GroupKey" = g."GroupKey" ORDER BY {SqliteAscending}) r
         WHERE r.upto >= {position} LIMIT 1)
        """;

    private static readonly string SqlitePeerRows = $$"""
        WITH g AS MATERIALIZED (
          SELECT g."GroupKey", g."Level1", g."Level2", g."NormalisedName", g."Unit", g."Units", g."Values",
            {{SqliteWalkTo("""(g."Values" - 1) / 2 + 1""")}} AS "Low"
          FROM "LibraryPeerGroups" g
          WHERE g."NormalisedName" IN (SELECT value FROM json_each({0})) AND g."Window" = {1} AND g."Actuals" = {2} AND g."Units" >= {3})
        SELECT g."Level1", g."Level2", g."NormalisedName", g."Unit", g."Units", g."Values",
          (SELECT v."Value" FROM "LibraryPeerValues" v WHERE v."GroupKey" = g."GroupKey" ORDER BY {{SqliteAscending}} LIMIT 1) AS "Min",
          (SELECT v."Value" FROM "LibraryPeerValues" v WHERE v."GroupKey" = g."GroupKey" ORDER BY {{SqliteDescending}} LIMIT 1) AS "Max",
          g."Low", CASE WHEN g."Values" % 2 = 1 THEN g."Low" ELSE {{SqliteWalkTo("""g."Values" / 2 + 1""")}} END AS "High"
        FROM g
        """;

    private static Task<List<PeerRow>> SqlitePeerRowsAsync(AppDbContext db, string[] asked, int window, bool actuals, CancellationToken ct) =>
        db.Database.SqlQueryRaw<PeerRow>(SqlitePeerRows, System.Text.Json.JsonSerializer.Serialize(asked), window, actuals, MinimumUnits).ToListAsync(ct);

    // Member-initialised, not positional: EF translates grouping and filtering on the members of such a projection.
    private sealed class PeerValue
    {
        public string Level1 { get; init; } = "";
        public string Level2 { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Unit { get; init; }
        public string Path { get; init; } = "";
        public decimal Value { get; init; }
    }

    // Every unit's figures, on purpose (IgnoreQueryFilters): only the ≥ MinimumUnits aggregates above are read from it.
    // Targets come from every kind that states them except monitoring (which repeats the approved targets); actuals from
    // the self-evaluations.
    private static IQueryable<PeerValue> PeerValues(AppDbContext db, int fromYear, int toYear, bool actuals)
    {
        var facts = db.IndicatorFacts.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.NormalisedName != null && i.Year >= fromYear && i.Year <= toYear && i.Fact!.IsCurrent && PeerStates.Contains(i.Fact.Status));
        return actuals
            ? facts.Where(i => i.ActualValue != null && (i.Kind == FormKind.ProjectSelfEvaluation || i.Kind == FormKind.DepartmentSelfEvaluation))
                .Select(i => new PeerValue { Level1 = i.Level1 ?? "", Level2 = i.Level2 ?? "", Name = i.NormalisedName!, Unit = i.Unit, Path = i.OrganisationPath, Value = i.ActualValue!.Value })
            : facts.Where(i => i.TargetValue != null && i.Kind != FormKind.Monitoring)
                .Select(i => new PeerValue { Level1 = i.Level1 ?? "", Level2 = i.Level2 ?? "", Name = i.NormalisedName!, Unit = i.Unit, Path = i.OrganisationPath, Value = i.TargetValue!.Value });
    }

    /// <summary>The comparator a fact stores (its enum name) as the symbol a target is written with.</summary>
    public static string Symbol(string? comparator) =>
        Enum.TryParse<Comparator>(comparator, out var c) ? c.Symbol() : "";
}

using System.Globalization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Analytics;

/// <summary>The "Jixiao:Rankings" settings: which states count as reviewed in rankings and distributions.</summary>
public sealed class RankingOptions
{
    /// <summary>State names (FinanceApproved, Published …); unset: 财政已审核 and 已公开.</summary>
    public string[]? CountedStates { get; set; }

    public IReadOnlyList<FormStatus> States =>
        CountedStates is { Length: > 0 } names
            ? [.. names.Select(n => Enum.TryParse<FormStatus>(n, ignoreCase: true, out var s)
                ? s
                : throw new InvalidOperationException($"Jixiao:Rankings:CountedStates 中的状态“{n}”无法识别（可用：{string.Join("、", Enum.GetNames<FormStatus>())}）。")).Distinct()]
            : [FormStatus.FinanceApproved, FormStatus.Published];
}

public sealed record QueueFilter(FormStatus? State, int? DepartmentId, FormKind? Kind, int? Year);

public sealed record QueueItem(
    int FormId, string Name, string? UnitName, string? DepartmentName, FormKind Kind, FormStatus Status, int Year,
    int Errors, int Warnings, int Unexplained, decimal Deductions, decimal Risk, bool Scored, decimal? ComputedTotal, string? ComputedGrade)
{
    /// <summary>What the risk adds up, in Chinese: "错误 2 × 100 + 未说明扣分 1 × 20 + 警告 3 × 5 + 扣分 4.5 = 239.5".</summary>
    public string RiskExplanation => Analytics.ExplainRisk(Errors, Warnings, Unexplained, Deductions, Risk);
}

public sealed record Choice(int Id, string Name);

public sealed record CountBar(string Label, int Count);

/// <summary>One row of the overview's drill-down: a department, a unit, or a form, with reviewed forms' figures.</summary>
public sealed record OverviewRow(int Id, string Name, int Forms, int Counted, decimal? AverageTotal, decimal? AverageRate, int Errors, int Warnings);

public sealed record Overview(
    int? Year, IReadOnlyList<int> Years, IReadOnlyList<FormStatus> CountedStates, int Forms, int Counted,
    IReadOnlyList<CountBar> ByState, IReadOnlyList<CountBar> Totals, IReadOnlyList<CountBar> Rates, IReadOnlyList<CountBar> Findings,
    string Level, Page<OverviewRow> Rows, IReadOnlyList<OverviewRow> Ranking);

public sealed record PortalItem(
    int FormId, int OrganisationId, string? UnitName, int Year, FormKind Kind, string Name, bool Scored,
    decimal? StatedTotal, string? StatedGrade, decimal? ComputedTotal, string? ComputedGrade)
{
    /// <summary>The stated and recomputed total or grade disagree (only for kinds with a score).</summary>
    public bool Differs => Scored && ((StatedTotal is { } s && ComputedTotal is { } c && s != c) || (StatedGrade is { Length: > 0 } g && ComputedGrade is { } cg && g != cg));
}

/// <summary>
/// The review queue, the finance overview, the portal search and the home lists, as SQL over <see cref="FormFact"/>
/// (scoped by the context's query filters like everything else), paged; no form is loaded whole.
/// </summary>
public static class Analytics
{
    public static string ExplainRisk(int errors, int warnings, int unexplained, decimal deductions, decimal risk) =>
        $"错误 {errors} × {Show(FormStore.RiskWeights.Error)} + 未说明扣分 {unexplained} × {Show(FormStore.RiskWeights.Unexplained)}"
        + $" + 警告 {warnings} × {Show(FormStore.RiskWeights.Warning)} + 按规则扣分 {Show(Math.Round(deductions, 2, MidpointRounding.AwayFromZero))}"
        + $" = {Show(Math.Round(risk, 1, MidpointRounding.AwayFromZero))}";

    public const string RiskLegend = "风险分 = 错误级问题数 × 100 + 扣分未说明原因的指标数 × 20 + 警告数 × 5 + 按规则计算的扣分（各指标分值与应得分之差、执行率扣分）。分越高越需要先审。";

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The states a reviewer acts on: 已提交 for a department, 主管部门已审核 and 财政已审核 for finance.</summary>
    public static List<FormStatus> QueueStates(CurrentUser user)
    {
        var states = new List<FormStatus>();
        if (user.Is(Roles.DepartmentReviewer)) states.Add(FormStatus.Submitted);
        if (user.Is(Roles.FinanceReviewer)) states.AddRange([FormStatus.DepartmentApproved, FormStatus.FinanceApproved]);
        return states;
    }

    public static IQueryable<FormFact> Queue(AppDbContext db, IReadOnlyList<FormStatus> states, QueueFilter filter)
    {
        var query = db.FormFacts.AsNoTracking().Where(f => f.IsCurrent && states.Contains(f.Status));
        if (filter.State is { } s) query = query.Where(f => f.Status == s);
        if (filter.DepartmentId is { } d) query = query.Where(f => f.DepartmentId == d);
        if (filter.Kind is { } k) query = query.Where(f => f.Kind == k);
        if (filter.Year is { } y) query = query.Where(f => f.Year == y);
        return query.OrderByDescending(f => f.Risk).ThenBy(f => f.FormId);
    }

    /// <summary>
    /// A page of the queue: its count and its page's form ids from the queue index alone (IX_FormFacts_Queue holds the
    /// state, year, risk, id, department, kind and scope path of every current fact), then only those forms' facts.
    /// Reading the page straight from the facts sorted every fact in the queue with its whole row (finance's queue of
    /// a year at 10,000 units is 35,000 facts on 22,000 pages, read twice a request).
    /// </summary>
    public static async Task<Page<QueueItem>> QueuePageAsync(AppDbContext db, IReadOnlyList<FormStatus> states, QueueFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = Paging.Bounds(page, pageSize);
        var queue = Queue(db, states, filter);
        var total = await queue.CountAsync(ct);
        var ids = queue.Select(f => f.FormId).Skip((number - 1) * size).Take(size);
        var items = await db.FormFacts.AsNoTracking().Where(f => ids.Contains(f.FormId)).OrderByDescending(f => f.Risk).ThenBy(f => f.FormId)
            .Select(f => new QueueItem(f.FormId, f.ProjectName ?? f.Title ?? f.UnitName ?? "", f.UnitName, f.DepartmentName,
                f.Kind, f.Status, f.Year, f.Errors, f.Warnings, f.Unexplained, f.Deductions, f.Risk, f.Scored, f.ComputedTotal, f.ComputedGrade))
            .ToListAsync(ct);
        return new Page<QueueItem>(items, number, size, total);
    }

    /// <summary>The departments in the caller's scope and the years with forms in it, for filter lists.</summary>
    public static async Task<(List<Choice> Departments, List<int> Years)> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        // The 主管部门 of the scope from the organisation tree (a few dozen rows), not grouped out of every fact in scope.
        var departments = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Department)
            .Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var years = await YearsAsync(db, ct);
        return (departments.OrderBy(d => d.Name, StringComparer.Ordinal).ToList(), years);
    }

    /// <summary>
    /// The overview of a year (all years when null), drilled down: the province by department, a department by unit, a
    /// unit by form, the drill-down rows one page (<paramref name="page"/>, <see cref="OverviewPageSize"/> a page) at a
    /// time. Counts by state cover every current form; distributions and rankings count only reviewed forms
    /// (<paramref name="counted"/> states), so drafts and imports move no rank.
    /// </summary>
    /// <remarks>
    /// The province's and a department's overview read the running totals the facts' triggers keep on both databases
    /// (Model/Overview.cs, Data/Forms/OverviewTotalsSql and OverviewTotalsSqlite): a few hundred rows of bands and finding
    /// counts, a row per department and state, and for the ranking a row per unit and state, summed and ordered in SQL.
    /// Reading a year's facts (150,000 at 10,000 units) was most of finance's overview time on PostgreSQL, and SQLite's
    /// overview at 1,000 units was over its target reading them. A unit's overview reads its own facts (a few dozen)
    /// (<see cref="OverviewFromFactsAsync"/>, which gives the same figures).
    /// </remarks>
    public static async Task<Overview> OverviewAsync(AppDbContext db, IReadOnlyList<FormStatus> counted, int? year, int? departmentId, int? organisationId, int? page, CancellationToken ct)
    {
        if (organisationId is not null || !Summarised(db)) return await OverviewFromFactsAsync(db, counted, year, departmentId, organisationId, page, ct);
        var years = await YearsAsync(db, ct);

        string? scope = db.ScopePath;
        if (departmentId is { } d)
        {
            // A department's forms are those of its subtree (a 主管部门 has no 主管部门 below it).
            scope = await db.Organisations.AsNoTracking().Where(o => o.Id == d).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (scope is null) return Empty(year, years, counted, "unit", page);
        }
        // The totals of a scope count the forms below its organisation; its own forms (a department's self-evaluation,
        // the bureau's) come from the facts, a handful read by the (path, year) index.
        var own = db.FormFacts.AsNoTracking().Where(f => f.IsCurrent && (year == null || f.Year == year));
        if (scope is null)
        {
            var roots = db.Organisations.Where(o => o.ParentId == null).Select(o => o.Path);
            own = own.Where(f => roots.Contains(f.OrganisationPath));
        }
        else own = own.Where(f => f.OrganisationPath == scope);

        var bands = db.OverviewBands.AsNoTracking().Where(t => year == null || t.Year == year);
        bands = scope is null ? bands.Where(t => t.Depth == 1) : bands.Where(t => t.Scope == scope);
        var cells = await bands.GroupBy(t => new { t.Status, t.TotalBand, t.RateBand })
            .Select(g => new Cell(g.Key.Status, g.Key.TotalBand, g.Key.RateBand, g.Sum(t => t.Forms))).ToListAsync(ct);
        cells.AddRange(await CellsAsync(own, ct));

        var findingCounts = db.OverviewFindings.AsNoTracking().Where(t => (year == null || t.Year == year) && counted.Contains(t.Status));
        findingCounts = scope is null ? findingCounts.Where(t => t.Depth == 1) : findingCounts.Where(t => t.Scope == scope);
        var codes = await findingCounts.GroupBy(t => t.Code).Select(g => new CountBar(g.Key, g.Sum(t => t.Count))).ToListAsync(ct);
        codes.AddRange(await FindingCountsAsync(db, own.Where(f => counted.Contains(f.Status)), null, ct));
        // Codes are ASCII: ordinal order is the database's.
        var findings = codes.GroupBy(c => c.Label).Select(g => new CountBar(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).Take(8).ToList();

        var groups = db.OverviewGroups.AsNoTracking().Where(t => year == null || t.Year == year);
        var organisations = groups.Where(t => t.Grain == OverviewGrains.Organisation);
        if (departmentId is not null) organisations = organisations.Where(t => t.Path.StartsWith(scope!));
        // The drill-down's groups: the province's departments (a row each per state and year), a department's organisations.
        var drilled = departmentId is null ? groups.Where(t => t.Grain == OverviewGrains.Department) : organisations;
        var sums = await drilled.GroupBy(t => t.GroupId).Select(g => new GroupSums(g.Key,
                g.Sum(t => t.Forms), g.Where(t => counted.Contains(t.Status)).Sum(t => t.Forms),
                g.Where(t => counted.Contains(t.Status)).Sum(t => t.TotalCount), g.Where(t => counted.Contains(t.Status)).Sum(t => t.TotalSum),
                g.Where(t => counted.Contains(t.Status)).Sum(t => t.RateCount), g.Where(t => counted.Contains(t.Status)).Sum(t => t.RateSum),
                g.Where(t => counted.Contains(t.Status)).Sum(t => t.Errors), g.Where(t => counted.Contains(t.Status)).Sum(t => t.Warnings)))
            .ToListAsync(ct);
        var names = await NamesAsync(db, sums.Select(x => x.Id), ct);
        var rows = sums.Select(x => new OverviewRow(x.Id,
                departmentId is null && x.Id == 0 ? NoDepartment : names.GetValueOrDefault(x.Id, ""), x.Forms, x.Counted,
                Average(x.TotalSum, x.TotalCount, 2), Average(x.RateSum, x.RateCount, 6), x.Errors, x.Warnings))
            .OrderByDescending(r => r.AverageTotal.HasValue).ThenByDescending(r => r.AverageTotal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        // Units ranked by their reviewed self-evaluations' average computed total (unrounded), best first, in SQL: a
        // province's ranking reads a row per unit and counted state, never the facts.
        var ranked = await organisations.Where(t => counted.Contains(t.Status)).GroupBy(t => t.GroupId)
            .Select(g => new
            {
                Id = g.Key, Count = g.Sum(t => t.TotalCount), Total = g.Sum(t => t.TotalSum),
                RateCount = g.Sum(t => t.RankedRateCount), Rate = g.Sum(t => t.RankedRateSum),
                Errors = g.Sum(t => t.RankedErrors), Warnings = g.Sum(t => t.RankedWarnings),
            })
            .Where(r => r.Count > 0)
            .OrderByDescending(r => r.Total / r.Count).ThenBy(r => r.Id).Take(RankingSize).ToListAsync(ct);
        var rankedNames = await NamesAsync(db, ranked.Select(r => r.Id), ct);
        // Ordered again in decimals: SQLite divides its sums as doubles, where two equal averages (170.6 / 2, 255.9 / 3)
        // can differ in the last bit and leave their tie to that bit instead of the id.
        var ranking = ranked.OrderByDescending(r => Average(r.Total, r.Count, null)).ThenBy(r => r.Id)
            .Select(r => new OverviewRow(r.Id, rankedNames.GetValueOrDefault(r.Id, ""), r.Count, r.Count,
                Round(Average(r.Total, r.Count, null), 2), Round(Average(r.Rate, r.RateCount, null), 6), r.Errors, r.Warnings)).ToList();

        return Assemble(year, years, counted, cells, findings, departmentId is null ? "department" : "unit", PageOf(rows, page), ranking);
    }

    /// <summary>The overview from the facts themselves: a unit's, and what the running totals are tested against.</summary>
    /// <remarks>
    /// Four scans of the facts in scope at most, whatever the number of bands: counts by state and band come from one
    /// GROUP BY (state, total band, rate band), and the drill-down rows and the ranking from one GROUP BY unit, summed
    /// here per department. One query per band and per figure (21 in all) was most of the overview's time at 10⁴ forms.
    /// </remarks>
    public static async Task<Overview> OverviewFromFactsAsync(AppDbContext db, IReadOnlyList<FormStatus> counted, int? year, int? departmentId, int? organisationId, int? page, CancellationToken ct)
    {
        var years = await YearsAsync(db, ct);
        var all = db.FormFacts.AsNoTracking().Where(f => f.IsCurrent);
        if (year is { } y) all = all.Where(f => f.Year == y);
        if (departmentId is { } d) all = all.Where(f => f.DepartmentId == d);
        if (organisationId is { } o) all = all.Where(f => f.OrganisationId == o);
        var reviewed = all.Where(f => counted.Contains(f.Status));

        var cells = await CellsAsync(all, ct);
        var findings = await FindingCountsAsync(db, reviewed, 8, ct);

        // Per unit (and its department), every figure of the drill-down rows and of the ranking as sums and counts.
        // "Ranked" forms are what the ranking counts: reviewed, scored, with a computed total.
        var units = await all.GroupBy(f => new { f.OrganisationId, f.UnitName, f.DepartmentId, f.DepartmentName }).Select(g => new UnitSums(
            g.Key.OrganisationId, g.Key.UnitName, g.Key.DepartmentId, g.Key.DepartmentName,
            g.Count(),
            g.Count(f => counted.Contains(f.Status)),
            g.Count(f => counted.Contains(f.Status) && f.Scored && f.ComputedTotal != null),
            g.Where(f => counted.Contains(f.Status) && f.Scored).Sum(f => f.ComputedTotal),
            g.Count(f => counted.Contains(f.Status) && f.ExecutionRate != null),
            g.Where(f => counted.Contains(f.Status)).Sum(f => f.ExecutionRate),
            g.Where(f => counted.Contains(f.Status)).Sum(f => f.Errors),
            g.Where(f => counted.Contains(f.Status)).Sum(f => f.Warnings),
            g.Count(f => counted.Contains(f.Status) && f.Scored && f.ComputedTotal != null && f.ExecutionRate != null),
            g.Where(f => counted.Contains(f.Status) && f.Scored && f.ComputedTotal != null).Sum(f => f.ExecutionRate),
            g.Where(f => counted.Contains(f.Status) && f.Scored && f.ComputedTotal != null).Sum(f => f.Errors),
            g.Where(f => counted.Contains(f.Status) && f.Scored && f.ComputedTotal != null).Sum(f => f.Warnings))).ToListAsync(ct);

        string level;
        Page<OverviewRow> rows;
        if (organisationId is not null)
        {
            level = "form";
            rows = await all.OrderBy(f => f.Kind).ThenBy(f => f.FormId).Select(f => new OverviewRow(f.FormId, f.ProjectName ?? f.Title ?? "", 1,
                counted.Contains(f.Status) ? 1 : 0, f.ComputedTotal, f.ExecutionRate, f.Errors, f.Warnings)).ToPageAsync(page, OverviewPageSize, ct);
        }
        else
        {
            level = departmentId is null ? "department" : "unit";
            rows = PageOf((departmentId is null
                    ? units.GroupBy(u => (Id: u.DepartmentId ?? 0, Name: u.DepartmentName ?? NoDepartment))
                    : units.GroupBy(u => (Id: u.OrganisationId, Name: u.UnitName ?? "")))
                .Select(g => new OverviewRow(g.Key.Id, g.Key.Name, g.Sum(u => u.Forms), g.Sum(u => u.Counted),
                    Average(g.Sum(u => u.TotalSum), g.Sum(u => u.TotalCount), 2), Average(g.Sum(u => u.RateSum), g.Sum(u => u.RateCount), 6),
                    g.Sum(u => u.Errors), g.Sum(u => u.Warnings)))
                // Ranked by the reviewed forms' average total; groups without one last.
                .OrderByDescending(r => r.AverageTotal.HasValue).ThenByDescending(r => r.AverageTotal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList(), page);
        }

        // Units ranked by their reviewed self-evaluations' average computed total (unrounded), best first.
        var ranking = units.GroupBy(u => (u.OrganisationId, u.UnitName)).Where(g => g.Sum(u => u.TotalCount) > 0)
            .Select(g => new
            {
                g.Key.OrganisationId, g.Key.UnitName, Count = g.Sum(u => u.TotalCount),
                Total = Average(g.Sum(u => u.TotalSum), g.Sum(u => u.TotalCount), null),
                Rate = Average(g.Sum(u => u.RankedRateSum), g.Sum(u => u.RankedRateCount), null),
                Errors = g.Sum(u => u.RankedErrors), Warnings = g.Sum(u => u.RankedWarnings),
            })
            .OrderByDescending(r => r.Total).ThenBy(r => r.OrganisationId).Take(RankingSize).ToList();

        return Assemble(year, years, counted, cells, findings, level, rows,
            [.. ranking.Select(r => new OverviewRow(r.OrganisationId, r.UnitName ?? "", r.Count, r.Count, Round(r.Total, 2), Round(r.Rate, 6), r.Errors, r.Warnings))]);
    }

    /// <summary>Forms by state, band of total and band of rate (<see cref="OverviewScale"/>; -1: none), computed in SQL.</summary>
    private static Task<List<Cell>> CellsAsync(IQueryable<FormFact> facts, CancellationToken ct) =>
        facts.GroupBy(OverviewScale.Keyed((FormFact f, int total, int rate) => new { f.Status, Total = total, Rate = rate }))
            .Select(g => new Cell(g.Key.Status, g.Key.Total, g.Key.Rate, g.Count())).ToListAsync(ct);

    /// <summary>The findings of <paramref name="facts"/>' forms by code, most frequent first (the first <paramref name="top"/>, or all).</summary>
    private static Task<List<CountBar>> FindingCountsAsync(AppDbContext db, IQueryable<FormFact> facts, int? top, CancellationToken ct)
    {
        var counts = db.Findings.AsNoTracking().Where(x => facts.Any(f => f.FormId == x.FormId))
            .GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key);
        return (top is { } n ? counts.Take(n) : counts).Select(g => new CountBar(g.Key, g.Count)).ToListAsync(ct);
    }

    private const string NoDepartment = "（无主管部门）";

    /// <summary>How many drill-down rows one page of the overview lists.</summary>
    public const int OverviewPageSize = 50;

    /// <summary>Whether this context reads the overview's running totals: finance and reviewers (the only readers; the totals' filters hide them from the public and evaluators).</summary>
    private static bool Summarised(AppDbContext db) => !db.PublishedOnly && db.EvaluatorAgencyId is null;

    /// <summary>Forms of one state in one band of total and of rate (-1: none).</summary>
    private sealed record Cell(FormStatus Status, int Total, int Rate, int Count);

    /// <summary>One drill-down group's sums over the states (<see cref="OverviewAsync"/>).</summary>
    private sealed record GroupSums(int Id, int Forms, int Counted, int TotalCount, decimal? TotalSum, int RateCount, decimal? RateSum, int Errors, int Warnings);

    private static Overview Assemble(int? year, IReadOnlyList<int> years, IReadOnlyList<FormStatus> counted, List<Cell> cells, List<CountBar> findings,
        string level, Page<OverviewRow> rows, IReadOnlyList<OverviewRow> ranking)
    {
        var reviewedCells = cells.Where(c => counted.Contains(c.Status)).ToList();
        var totals = OverviewScale.Total.Labels.Select((label, i) => new CountBar(label, reviewedCells.Where(c => c.Total == i).Sum(c => c.Count))).ToList();
        var rates = OverviewScale.Rate.Labels.Select((label, i) => new CountBar(label, reviewedCells.Where(c => c.Rate == i).Sum(c => c.Count))).ToList();
        return new Overview(year, years, counted, cells.Sum(c => c.Count), reviewedCells.Sum(c => c.Count),
            [.. Enum.GetValues<FormStatus>().Select(s => new CountBar(s.ChineseName(), cells.Where(c => c.Status == s).Sum(c => c.Count)))],
            totals, rates, findings, level, rows, ranking);
    }

    private static Overview Empty(int? year, IReadOnlyList<int> years, IReadOnlyList<FormStatus> counted, string level, int? page) =>
        Assemble(year, years, counted, [], [], level, PageOf([], page), []);

    private static Page<OverviewRow> PageOf(List<OverviewRow> rows, int? page)
    {
        var number = Math.Max(page ?? 1, 1);
        return new Page<OverviewRow>(rows.Skip((number - 1) * OverviewPageSize).Take(OverviewPageSize).ToList(), number, OverviewPageSize, rows.Count);
    }

    /// <summary>The names of a few organisations (a page of departments, the ranked units), as the tree names them now.</summary>
    private static async Task<Dictionary<int, string>> NamesAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => id != 0).Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>One unit's (and department's) sums over its current forms in the overview's scope (<see cref="OverviewAsync"/>).</summary>
    private sealed record UnitSums(
        int OrganisationId, string? UnitName, int? DepartmentId, string? DepartmentName, int Forms, int Counted,
        int TotalCount, decimal? TotalSum, int RateCount, decimal? RateSum, int Errors, int Warnings,
        int RankedRateCount, decimal? RankedRateSum, int RankedErrors, int RankedWarnings);

    public const int RankingSize = 50;

    private static decimal? Round(decimal? value, int decimals) => value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>A sum over a count (null without any), rounded half away from zero when <paramref name="decimals"/> is given.</summary>
    private static decimal? Average(decimal? sum, int count, int? decimals) =>
        count == 0 ? null : decimals is { } d ? Round((sum ?? 0m) / count, d) : (sum ?? 0m) / count;

    /// <summary>
    /// The years with forms in the caller's scope, newest first: one probe per fiscal year (a handful) that stops at the
    /// first fact it finds, instead of reading every fact in scope for a DISTINCT.
    /// </summary>
    public static Task<List<int>> YearsAsync(AppDbContext db, CancellationToken ct) =>
        db.FiscalYears.AsNoTracking().Where(y => db.FormFacts.Any(f => f.Year == y.Year)).Select(y => y.Year).OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>
    /// How far past a page's start the portal counts its matches: a common word (项目 is in half the forms) would
    /// otherwise read all of a year's texts for a figure nobody pages through, and a rarer word would read as many
    /// entries of the ordered index as it has matches to count (<see cref="FormSearch.CommonMatches"/>); the page says
    /// "超过 …" beyond it.
    /// </summary>
    public const int PortalCounted = 200;

    /// <summary>Published, current forms matching <paramref name="q"/> (title, unit, department or project; a substring, <see cref="FormSearch"/>) in a year.</summary>
    public static async Task<Page<PortalItem>> PortalAsync(AppDbContext db, string? q, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = await FormSearch.PublishedAsync(db, q, year, ct);
        return await query.InPortalOrder()
            .Select(f => new PortalItem(f.FormId, f.OrganisationId, f.UnitName, f.Year, f.Kind, f.ProjectName ?? f.Title ?? f.UnitName ?? "", f.Scored,
                f.StatedTotal, f.StatedGrade, f.ComputedTotal, f.ComputedGrade))
            .ToBoundedPageAsync(page, pageSize, PortalCounted, ct);
    }

    /// <summary>A home list: the caller's current forms in some states, newest first, with their error count.</summary>
    public static Task<Page<HomeItem>> HomeAsync(AppDbContext db, IReadOnlyList<FormStatus> states, string? q, int? page, int pageSize, CancellationToken ct)
    {
        var query = db.FormFacts.AsNoTracking().Where(f => f.IsCurrent && states.Contains(f.Status));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(f => f.SearchText.Contains(text));
        }
        return query.OrderByDescending(f => f.Year).ThenByDescending(f => f.FormId)
            .Select(f => new HomeItem(f.FormId, f.ProjectName ?? f.Title ?? f.UnitName ?? "", f.UnitName, f.Kind, f.Status, f.Year, f.Errors, f.Warnings, f.UpdatedAt))
            .ToPageAsync(page, pageSize, ct);
    }
}

public sealed record HomeItem(int FormId, string Name, string? UnitName, FormKind Kind, FormStatus Status, int Year, int Errors, int Warnings, DateTimeOffset UpdatedAt);

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
    string Level, IReadOnlyList<OverviewRow> Rows, IReadOnlyList<OverviewRow> Ranking);

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
    /// unit by form. Counts by state cover every current form; distributions and rankings count only reviewed forms
    /// (<paramref name="counted"/> states), so drafts and imports move no rank.
    /// </summary>
    /// <remarks>
    /// Four scans of the facts in scope at most, whatever the number of bands: counts by state and band come from one
    /// GROUP BY (state, total band, rate band), and the drill-down rows and the ranking from one GROUP BY unit, summed
    /// here per department. One query per band and per figure (21 in all) was most of the overview's time at 10⁴ forms.
    /// </remarks>
    public static async Task<Overview> OverviewAsync(AppDbContext db, IReadOnlyList<FormStatus> counted, int? year, int? departmentId, int? organisationId, CancellationToken ct)
    {
        var years = await YearsAsync(db, ct);
        var all = db.FormFacts.AsNoTracking().Where(f => f.IsCurrent);
        if (year is { } y) all = all.Where(f => f.Year == y);
        if (departmentId is { } d) all = all.Where(f => f.DepartmentId == d);
        if (organisationId is { } o) all = all.Where(f => f.OrganisationId == o);
        var reviewed = all.Where(f => counted.Contains(f.Status));

        // The band bounds are those of TotalBands and RateBands, written out so that SQL computes the band (-1: none).
        var cells = await all.GroupBy(f => new
        {
            f.Status,
            Total = !f.Scored || f.ComputedTotal == null || f.ComputedTotal < 0m || f.ComputedTotal >= 1000m ? -1
                : f.ComputedTotal < 60m ? 0 : f.ComputedTotal < 70m ? 1 : f.ComputedTotal < 80m ? 2 : f.ComputedTotal < 90m ? 3 : f.ComputedTotal < 95m ? 4 : 5,
            Rate = f.ExecutionRate == null || f.ExecutionRate < -1e9m || f.ExecutionRate >= 1e12m ? -1
                : f.ExecutionRate < 0.5m ? 0 : f.ExecutionRate < 0.6m ? 1 : f.ExecutionRate < 0.7m ? 2 : f.ExecutionRate < 0.8m ? 3
                : f.ExecutionRate < 0.9m ? 4 : f.ExecutionRate < 1.000001m ? 5 : 6,
        }).Select(g => new { g.Key.Status, g.Key.Total, g.Key.Rate, Count = g.Count() }).ToListAsync(ct);
        var reviewedCells = cells.Where(c => counted.Contains(c.Status)).ToList();
        var totals = TotalBands.Select((label, i) => new CountBar(label, reviewedCells.Where(c => c.Total == i).Sum(c => c.Count))).ToList();
        var rates = RateBands.Select((label, i) => new CountBar(label, reviewedCells.Where(c => c.Rate == i).Sum(c => c.Count))).ToList();

        var findings = await db.Findings.AsNoTracking().Where(x => reviewed.Any(f => f.FormId == x.FormId))
            .GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(8).ToListAsync(ct);

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
        List<OverviewRow> rows;
        if (organisationId is not null)
        {
            level = "form";
            rows = await all.OrderBy(f => f.Kind).ThenBy(f => f.FormId).Take(500).Select(f => new OverviewRow(f.FormId, f.ProjectName ?? f.Title ?? "", 1,
                counted.Contains(f.Status) ? 1 : 0, f.ComputedTotal, f.ExecutionRate, f.Errors, f.Warnings)).ToListAsync(ct);
        }
        else
        {
            level = departmentId is null ? "department" : "unit";
            rows = (departmentId is null
                    ? units.GroupBy(u => (Id: u.DepartmentId ?? 0, Name: u.DepartmentName ?? "（无主管部门）"))
                    : units.GroupBy(u => (Id: u.OrganisationId, Name: u.UnitName ?? "")))
                .Select(g => new OverviewRow(g.Key.Id, g.Key.Name, g.Sum(u => u.Forms), g.Sum(u => u.Counted),
                    Average(g.Sum(u => u.TotalSum), g.Sum(u => u.TotalCount), 2), Average(g.Sum(u => u.RateSum), g.Sum(u => u.RateCount), 6),
                    g.Sum(u => u.Errors), g.Sum(u => u.Warnings)))
                // Ranked by the reviewed forms' average total; groups without one last.
                .OrderByDescending(r => r.AverageTotal.HasValue).ThenByDescending(r => r.AverageTotal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
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

        return new Overview(year, years, counted, cells.Sum(c => c.Count), reviewedCells.Sum(c => c.Count),
            [.. Enum.GetValues<FormStatus>().Select(s => new CountBar(s.ChineseName(), cells.Where(c => c.Status == s).Sum(c => c.Count)))],
            totals, rates, [.. findings.Select(f => new CountBar(f.Key, f.Count))], level, rows,
            [.. ranking.Select(r => new OverviewRow(r.OrganisationId, r.UnitName ?? "", r.Count, r.Count, Round(r.Total, 2), Round(r.Rate, 6), r.Errors, r.Warnings))]);
    }

    /// <summary>One unit's (and department's) sums over its current forms in the overview's scope (<see cref="OverviewAsync"/>).</summary>
    private sealed record UnitSums(
        int OrganisationId, string? UnitName, int? DepartmentId, string? DepartmentName, int Forms, int Counted,
        int TotalCount, decimal? TotalSum, int RateCount, decimal? RateSum, int Errors, int Warnings,
        int RankedRateCount, decimal? RankedRateSum, int RankedErrors, int RankedWarnings);

    /// <summary>The bands of the total distribution; <see cref="OverviewAsync"/> computes the band in SQL with their bounds.</summary>
    private static readonly string[] TotalBands = ["差 <60", "中 60–70", "中 70–80", "良 80–90", "优 90–95", "优 95–100"];

    /// <summary>The bands of execution rates (fractions: 0.95 is 95 %), bounds as in <see cref="OverviewAsync"/>.</summary>
    private static readonly string[] RateBands = ["<50%", "50–60%", "60–70%", "70–80%", "80–90%", "90–100%", ">100%"];

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

    /// <summary>Published, current forms matching <paramref name="q"/> (title, unit, department or project; a substring) in a year.</summary>
    public static Task<Page<PortalItem>> PortalAsync(AppDbContext db, string? q, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.FormFacts.AsNoTracking().Where(f => f.Status == FormStatus.Published && f.IsCurrent);
        if (year is { } y) query = query.Where(f => f.Year == y);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(f => f.SearchText.Contains(text));
        }
        return query.OrderBy(f => f.UnitName).ThenByDescending(f => f.Year).ThenBy(f => f.FormId)
            .Select(f => new PortalItem(f.FormId, f.OrganisationId, f.UnitName, f.Year, f.Kind, f.ProjectName ?? f.Title ?? f.UnitName ?? "", f.Scored,
                f.StatedTotal, f.StatedGrade, f.ComputedTotal, f.ComputedGrade))
            .ToPageAsync(page, pageSize, ct);
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

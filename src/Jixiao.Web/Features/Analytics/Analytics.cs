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

    public static async Task<Page<QueueItem>> QueuePageAsync(AppDbContext db, IReadOnlyList<FormStatus> states, QueueFilter filter, int? page, int? pageSize, CancellationToken ct) =>
        await Queue(db, states, filter).Select(f => new QueueItem(f.FormId, f.ProjectName ?? f.Title ?? f.UnitName ?? "", f.UnitName, f.DepartmentName,
            f.Kind, f.Status, f.Year, f.Errors, f.Warnings, f.Unexplained, f.Deductions, f.Risk, f.Scored, f.ComputedTotal, f.ComputedGrade))
            .ToPageAsync(page, pageSize, ct);

    /// <summary>The departments and years present in the caller's scope, for filter lists.</summary>
    public static async Task<(List<Choice> Departments, List<int> Years)> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        var departments = await db.FormFacts.AsNoTracking().Where(f => f.DepartmentId != null)
            .GroupBy(f => new { f.DepartmentId, f.DepartmentName }).Select(g => new Choice(g.Key.DepartmentId!.Value, g.Key.DepartmentName ?? "")).ToListAsync(ct);
        var years = await db.FormFacts.AsNoTracking().Select(f => f.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        return (departments.OrderBy(d => d.Name, StringComparer.Ordinal).ToList(), years);
    }

    /// <summary>
    /// The overview of a year (all years when null), drilled down: the province by department, a department by unit, a
    /// unit by form. Counts by state cover every current form; distributions and rankings count only reviewed forms
    /// (<paramref name="counted"/> states), so drafts and imports move no rank.
    /// </summary>
    public static async Task<Overview> OverviewAsync(AppDbContext db, IReadOnlyList<FormStatus> counted, int? year, int? departmentId, int? organisationId, CancellationToken ct)
    {
        var years = await db.FormFacts.AsNoTracking().Select(f => f.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var all = db.FormFacts.AsNoTracking().Where(f => f.IsCurrent);
        if (year is { } y) all = all.Where(f => f.Year == y);
        if (departmentId is { } d) all = all.Where(f => f.DepartmentId == d);
        if (organisationId is { } o) all = all.Where(f => f.OrganisationId == o);
        var reviewed = all.Where(f => counted.Contains(f.Status));
        var scored = reviewed.Where(f => f.Scored && f.ComputedTotal != null);

        var byState = await all.GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var totals = await Bands(scored.Select(f => f.ComputedTotal!.Value),
            [("差 <60", 0m, 60m), ("中 60–70", 60m, 70m), ("中 70–80", 70m, 80m), ("良 80–90", 80m, 90m), ("优 90–95", 90m, 95m), ("优 95–100", 95m, 1000m)], ct);
        // Rates are fractions (0.95): the bands are compared as such.
        var rates = await Bands(reviewed.Where(f => f.ExecutionRate != null).Select(f => f.ExecutionRate!.Value),
            [("<50%", -1e9m, 0.5m), ("50–60%", 0.5m, 0.6m), ("60–70%", 0.6m, 0.7m), ("70–80%", 0.7m, 0.8m), ("80–90%", 0.8m, 0.9m), ("90–100%", 0.9m, 1.000001m), (">100%", 1.000001m, 1e12m)], ct);
        var findings = await db.Findings.AsNoTracking().Where(x => reviewed.Any(f => f.FormId == x.FormId))
            .GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(8).ToListAsync(ct);

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
            var grouped = departmentId is null
                ? all.GroupBy(f => new { Id = f.DepartmentId ?? 0, Name = f.DepartmentName ?? "（无主管部门）" })
                : all.GroupBy(f => new { Id = f.OrganisationId, Name = f.UnitName ?? "" });
            var list = await grouped.Select(g => new
            {
                g.Key.Id,
                g.Key.Name,
                Forms = g.Count(),
                Counted = g.Count(f => counted.Contains(f.Status)),
                Total = g.Where(f => counted.Contains(f.Status) && f.Scored).Average(f => f.ComputedTotal),
                Rate = g.Where(f => counted.Contains(f.Status)).Average(f => f.ExecutionRate),
                Errors = g.Where(f => counted.Contains(f.Status)).Sum(f => f.Errors),
                Warnings = g.Where(f => counted.Contains(f.Status)).Sum(f => f.Warnings),
            }).ToListAsync(ct);
            rows = list.Select(r => new OverviewRow(r.Id, r.Name, r.Forms, r.Counted, Round(r.Total, 2), Round(r.Rate, 6), r.Errors, r.Warnings))
                // Ranked by the reviewed forms' average total; groups without one last.
                .OrderByDescending(r => r.AverageTotal.HasValue).ThenByDescending(r => r.AverageTotal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        }

        // Units ranked by their reviewed self-evaluations' average computed total, best first.
        var ranking = await scored.GroupBy(f => new { f.OrganisationId, f.UnitName })
            .Select(g => new { g.Key.OrganisationId, g.Key.UnitName, Count = g.Count(), Total = g.Average(f => f.ComputedTotal), Rate = g.Average(f => f.ExecutionRate),
                Errors = g.Sum(f => f.Errors), Warnings = g.Sum(f => f.Warnings) })
            .OrderByDescending(g => g.Total).ThenBy(g => g.OrganisationId).Take(RankingSize).ToListAsync(ct);

        return new Overview(year, years, counted, byState.Sum(s => s.Count), await reviewed.CountAsync(ct),
            [.. Enum.GetValues<FormStatus>().Select(s => new CountBar(s.ChineseName(), byState.FirstOrDefault(b => b.Key == s)?.Count ?? 0))],
            totals, rates, [.. findings.Select(f => new CountBar(f.Key, f.Count))], level, rows,
            [.. ranking.Select(r => new OverviewRow(r.OrganisationId, r.UnitName ?? "", r.Count, r.Count, Round(r.Total, 2), Round(r.Rate, 6), r.Errors, r.Warnings))]);
    }

    public const int RankingSize = 50;

    private static decimal? Round(decimal? value, int decimals) => value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    private static async Task<List<CountBar>> Bands(IQueryable<decimal> values, (string Label, decimal From, decimal To)[] bands, CancellationToken ct)
    {
        var bars = new List<CountBar>();
        foreach (var (label, from, to) in bands) bars.Add(new CountBar(label, await values.CountAsync(v => v >= from && v < to, ct)));
        return bars;
    }

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

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Monitoring;

/// <summary>
/// A monitoring table (§2.4) whose spending and reported progress contradict each other: nothing (or almost nothing)
/// spent by mid-year, yet the indicators report their targets already reached. Work paid from the project's funds cannot
/// be done without spending them; one finding per table, listing how many rows claim completion.
/// </summary>
public sealed class MonitoringProgressMismatchRule : ICheckRule
{
    public string Code => CheckCodes.MonitoringProgressMismatch;

    /// <summary>Below this share of the budget spent, "target reached" needs an explanation.</summary>
    private const decimal LowSpending = 0.10m;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Monitoring) yield break;
        var total = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total) ?? form.Funds.FirstOrDefault();
        if (total is null || context.IsDoubtful(total.Source, CellRole.InitialBudget, CellRole.Budget, CellRole.Executed)) yield break;
        var budget = total.Budget ?? total.InitialBudget;
        if (budget is not > 0m || total.Executed is not { } spent) yield break;
        // Amounts no form could hold are reported as value-out-of-range and give no share.
        if (!DomainRanges.IsAmount(budget) || !DomainRanges.IsAmount(spent) || DomainRanges.Rate(spent, budget.Value) is not { } share) yield break;
        if (share >= LowSpending) yield break;

        var rows = form.Indicators.Where(r => !string.IsNullOrWhiteSpace(r.MidYearProgress)).ToList();
        if (rows.Count == 0) yield break;
        var done = rows.Where(r => ClaimsDone(context, r)).ToList();
        // Only when the progress column says "done" on most rows: a single finished row may be work paid elsewhere.
        if (done.Count * 2 <= rows.Count) yield break;
        var months = form.MonitoringMonths is { } m ? $"1-{m}月" : "期内";
        var unit = form.MoneyUnit?.Symbol() ?? "";
        var rate = new Percentage(share, 2);
        var all = done.Count == rows.Count ? "全部" : $"{rows.Count}项中{done.Count}项";
        yield return new Finding(
            Code, Severity.Error,
            $"{months}执行数为{Numbers.Format(spent)}{unit}（执行率{rate}），而{all}绩效指标的执行情况已报完成（如“{Locations.Clean(done[0].Name ?? done[0].Level2 ?? "")}”{Locations.Clean(done[0].MidYearProgress!)}）：资金未支出，进度不可信。",
            $"{months}: {Numbers.Format(spent)} spent ({rate}) while {done.Count} of {rows.Count} indicators report their target already reached.",
            new FindingLocation(Blocks.Funds, total.Source?.Row, "1-N月执行数", Locations.Clean(total.Label)),
            $"执行率{rate}，{done.Count}/{rows.Count}项指标报完成", "进度与支出相符，或说明资金以外的完成原因",
            $"{Numbers.Format(spent)} ÷ {Numbers.Format(budget.Value)} = {rate}；报完成的指标：{string.Join("、", done.Select(r => Locations.Clean(r.Name ?? r.Level2 ?? "")))}");
    }

    /// <summary>Progress that says the target is reached: 100%, at least the target's number, or a tier-one completion word.</summary>
    private static bool ClaimsDone(CheckContext context, IndicatorRow row)
    {
        var progress = context.Parse(row.MidYearProgress);
        if (progress.Kind == ValueKind.Qualitative) return progress.Tier == QualitativeTier.Achieved;
        if (progress.Kind != ValueKind.Quantity || progress.Number is not { } n) return false;
        if (progress.Unit is "%" && n >= 100m) return true;
        var target = context.Parse(row.Target);
        return target.Direction == Direction.Positive && target.Number is { } a && a > 0m
            && string.Equals(target.Unit, progress.Unit, StringComparison.Ordinal) && n >= a;
    }
}

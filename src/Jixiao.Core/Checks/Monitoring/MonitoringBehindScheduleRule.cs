using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Monitoring;

/// <summary>
/// A monitoring table (§2.4) whose spending is behind the time schedule (1-N月执行率 below N/12, less the rulebook's
/// tolerance) while indicators are marked 确定能 (ticked in a box or written in the one 完成目标可能性 column) with no cause
/// ticked and nothing explained, on the row or for the whole table: the lag is a deviation the table asks to be explained,
/// and the certainty is not argued. One finding per table, at its funds row, where the arithmetic is.
/// </summary>
public sealed class MonitoringBehindScheduleRule : ICheckRule
{
    public string Code => CheckCodes.MonitoringBehindSchedule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Monitoring || form.MonitoringMonths is not (> 0 and < 12 and var months)) yield break;
        var total = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total) ?? form.Funds.FirstOrDefault();
        if (total is null || context.IsDoubtful(total.Source, CellRole.InitialBudget, CellRole.Budget, CellRole.Executed)) yield break;
        var budget = total.Budget ?? total.InitialBudget;
        if (budget is not > 0m || total.Executed is not { } spent || spent < 0m) yield break;
        if (DomainRanges.Rate(spent, budget.Value) is not { } rate) yield break;
        var schedule = months / 12m;
        if (rate >= schedule - context.Rulebook.Checks.MonitoringScheduleTolerance) yield break;
        // A reason the table states once for all its rows (the Hubei layout has no reason column) explains the lag.
        if (TableWideText.ExplanationOf(form) is not null) yield break;

        var certain = form.Indicators.Where(r => r.Likelihood == CompletionLikelihood.Certain && r.Causes == DeviationCauses.None
            && string.IsNullOrWhiteSpace(r.Explanation) && string.IsNullOrWhiteSpace(r.Remark)
            && !context.IsDoubtful(r.Source, CellRole.Likelihood, CellRole.Causes, CellRole.Explanation)).ToList();
        if (certain.Count == 0) yield break;
        var decimals = context.Rulebook.Execution.RateDecimals;
        var rateText = Numbers.Percent(rate, decimals);
        var scheduleText = Numbers.Percent(schedule, decimals);
        var unit = form.MoneyUnit?.Symbol() ?? "";
        yield return new Finding(
            Code, Severity.Warning,
            $"1-{months}月执行率{rateText}（{Numbers.Format(spent)}{unit} ÷ {Numbers.Format(budget.Value)}{unit}），低于序时进度{scheduleText}（{months}/12），"
            + $"而{certain.Count}项指标的完成目标可能性为“确定能”，既未勾选偏差原因也未说明（如“{Locations.Label(certain[0])}”）。",
            $"Spending after {months} months is {rateText}, behind the time schedule of {scheduleText}, while {certain.Count} indicators are ticked certain with no reason given.",
            new FindingLocation(Blocks.Funds, total.Source?.Row, "1-N月执行率", Locations.Clean(total.Label)),
            rateText, $"≥ {scheduleText}，或说明滞后原因",
            $"{Numbers.Format(spent)} ÷ {Numbers.Format(budget.Value)} = {rateText} < {months}/12 = {scheduleText}");
    }
}

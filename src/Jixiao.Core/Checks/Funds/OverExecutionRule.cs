using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Funds;

/// <summary>
/// Executed more than the budget (§3.3): the 全年预算数 then leaves out in-year adjustments, so the rate — and every
/// score on it — says nothing about how the money was managed. Reported once per form, on the row standing for the whole.
/// </summary>
public sealed class OverExecutionRule : ICheckRule
{
    public string Code => CheckCodes.OverExecution;

    /// <summary>Above this (1000%) over-execution is reported as an implausible figure rather than an unrecorded adjustment.</summary>
    public const decimal ImplausiblePoints = 1000m;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind == FormKind.Monitoring)
        {
            if (Monitoring(context) is { } f) yield return f;
            yield break;
        }
        foreach (var row in ExecutionRates.WholeRows(form))
        {
            if (context.IsDoubtful(row.Source, CellRole.Budget, CellRole.Executed, CellRole.Transfer) || ExecutionRates.Fraction(form, row, context.Rulebook) is not { } fraction) continue;
            var rate = new Percentage(fraction, row.StatedRate is { } stated && DomainRanges.IsPercentage(stated) ? stated.Decimals : 2);
            if (rate.PrintedPoints <= 100m) continue;
            var unit = form.MoneyUnit?.Symbol() ?? "";
            var formula = ExecutionRates.Formula(form, row, context.Rulebook);
            // Ten times the budget is no in-year adjustment: a figure typed in the wrong unit (元 for 万元) or with extra digits.
            var implausible = rate.PrintedPoints > ImplausiblePoints;
            yield return new Finding(
                Code, Severity.Warning,
                implausible
                    ? $"执行率为{rate}（{formula}{unit}），超过预算十倍以上，不合常理：很可能金额单位（元/万元）填错或多填了位数，请核对全年预算数和全年执行数。"
                    : $"全年执行数超过全年预算数：执行率为{rate}（{formula}{unit}）。超预算执行说明全年预算数未包含年中追加调整，请核实预算数。",
                implausible
                    ? $"Execution rate {rate} ({formula}) is over ten times the budget: an amount is probably in the wrong unit or has extra digits."
                    : $"Spending exceeds the budget: execution rate {rate} ({formula}); the budget figure probably leaves out in-year adjustments.",
                Locations.Funds(row, "全年执行数"),
                Numbers.Format(row.Executed ?? 0m), "≤ " + Numbers.Format(ExecutionRates.Base(form, row) ?? 0m),
                $"{formula} = {rate} > 100%");
            yield break;
        }
    }

    /// <summary>
    /// A monitoring table whose 1-N月执行数 or 全年预计执行数 exceeds the budget (§2.4: the projection is measured against
    /// the budget; spending beyond it needs a budget adjustment first).
    /// </summary>
    private Finding? Monitoring(CheckContext context)
    {
        var form = context.Form;
        foreach (var row in ExecutionRates.WholeRows(form))
        {
            if (ExecutionRates.Base(form, row) is not { } budget || budget <= 0m || !DomainRanges.IsAmount(budget)) continue;
            foreach (var (name, role, value) in new[] { ("全年预计执行数", CellRole.Forecast, row.ForecastExecuted), ("执行数", CellRole.Executed, row.Executed) })
            {
                if (value is not { } v || !DomainRanges.IsAmount(v) || context.IsDoubtful(row.Source, CellRole.Budget, CellRole.InitialBudget, role)) continue;
                var half = Numbers.HalfUnit(Numbers.Decimals(v)) + Numbers.HalfUnit(Numbers.Decimals(budget));
                if (v - budget <= half) continue;
                var unit = form.MoneyUnit?.Symbol() ?? "";
                var rate = DomainRanges.Rate(v, budget) is { } fraction ? Numbers.Percent(fraction, 2) : "";
                return new Finding(
                    Code, Severity.Warning,
                    $"监控表的{name}{Numbers.Format(v)}{unit}超过预算{Numbers.Format(budget)}{unit}（{rate}）：超预算支出须先调整预算并说明原因。",
                    $"The monitoring table's {name} {Numbers.Format(v)} exceeds the budget {Numbers.Format(budget)} ({rate}).",
                    Locations.Funds(row, name),
                    Numbers.Format(v), "≤ " + Numbers.Format(budget),
                    $"{Numbers.Format(v)} ÷ {Numbers.Format(budget)} = {rate} > 100%");
            }
        }
        return null;
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Funds;

/// <summary>
/// Executed more than the budget (§3.3): the 全年预算数 then leaves out in-year adjustments, so the rate — and every
/// score on it — says nothing about how the money was managed. Reported once per form, on the row standing for the whole.
/// </summary>
public sealed class OverExecutionRule : ICheckRule
{
    public string Code => CheckCodes.OverExecution;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind == FormKind.Monitoring) yield break;
        foreach (var row in ExecutionRates.WholeRows(form))
        {
            if (context.IsDoubtful(row.Source, CellRole.Budget, CellRole.Executed, CellRole.Transfer) || ExecutionRates.Fraction(form, row, context.Rulebook) is not { } fraction) continue;
            var rate = new Percentage(fraction, row.StatedRate is { } stated && DomainRanges.IsPercentage(stated) ? stated.Decimals : 2);
            if (rate.PrintedPoints <= 100m) continue;
            var unit = form.MoneyUnit?.Symbol() ?? "";
            var formula = ExecutionRates.Formula(form, row, context.Rulebook);
            yield return new Finding(
                Code, Severity.Warning,
                $"全年执行数超过全年预算数：执行率为{rate}（{formula}{unit}）。超预算执行说明全年预算数未包含年中追加调整，请核实预算数。",
                $"Spending exceeds the budget: execution rate {rate} ({formula}); the budget figure probably leaves out in-year adjustments.",
                Locations.Funds(row, "全年执行数"),
                Numbers.Format(row.Executed ?? 0m), "≤ " + Numbers.Format(ExecutionRates.Base(form, row) ?? 0m),
                $"{formula} = {rate} > 100%");
            yield break;
        }
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Funds;

/// <summary>A stated 执行率 that differs from the one its own amounts give, compared at the printed precision (§3.3).</summary>
public sealed class ExecutionRateMismatchRule : ICheckRule
{
    public string Code => CheckCodes.ExecutionRateMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        var reported = new HashSet<(decimal?, decimal?, decimal)>();
        foreach (var row in form.Funds)
        {
            if (row.StatedRate is not { } stated || !DomainRanges.IsPercentage(stated) || context.IsDoubtful(row.Source, CellRole.Budget, CellRole.Executed, CellRole.Transfer, CellRole.Rate)) continue;
            decimal fraction;
            string formula, basis = "";
            decimal? budget = ExecutionRates.Base(form, row), executed = row.Executed;
            if (ExecutionRates.Fraction(form, row, context.Rulebook) is { } own)
            {
                fraction = own;
                formula = ExecutionRates.Formula(form, row, context.Rulebook);
            }
            else if (ExecutionRates.FromParts(form, row) is { } parts && !parts.Parts.Any(p => context.IsDoubtful(p.Source, CellRole.Budget, CellRole.Executed, CellRole.Label))
                && DomainRanges.Rate(parts.Executed, parts.Budget) is { } ofParts)
            {
                fraction = ofParts;
                (budget, executed) = (parts.Budget, parts.Executed);
                formula = ExecutionRates.PartsFormula(form, parts.Budget, parts.Executed, parts.Parts);
                basis = "本行金额填为0，按其中各项之和";
            }
            else continue;
            var computed = new Percentage(fraction, stated.Decimals);
            if (computed.PrintedPoints == stated.PrintedPoints) continue;
            // 财政拨款 repeating the 年度资金总额 row (same amounts, same wrong rate) is the same error, reported once.
            if (!reported.Add((budget, executed, stated.PrintedPoints))) continue;
            var unit = form.MoneyUnit?.Symbol() ?? "";
            var label = Locations.Clean(row.Label);
            yield return new Finding(
                Code, Severity.Error,
                $"{label}执行率填报为{stated}，{(basis.Length > 0 ? basis : "按全年执行数÷全年预算数")}（{formula}{unit}）计算应为{computed}。",
                $"{label}: the stated execution rate {stated} does not follow from its amounts ({formula}); it is {computed}.",
                Locations.Funds(row, "执行率"),
                stated.ToString(), computed.ToString(),
                $"{formula} = {computed}（按填报的{stated.Decimals}位小数比较）");
        }
    }
}

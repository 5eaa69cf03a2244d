using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Funds;

/// <summary>
/// 年度资金总额 that differs from the sum of its 其中 rows in any column; in the department layout the 资金来源 rows and
/// the 资金结构 rows each add up to the same whole. Where a part is left blank (a blank is not a 0) only a sum of the
/// filled parts above the whole is certain, and only that is reported.
/// </summary>
public sealed class FundsSubtotalMismatchRule : ICheckRule
{
    public string Code => CheckCodes.FundsSubtotalMismatch;

    private static readonly (string Name, Func<FundsRow, decimal?> Get)[] Columns =
    [
        ("年初预算数", r => r.InitialBudget),
        ("全年预算数", r => r.Budget),
        ("全年执行数", r => r.Executed),
        ("全年预计执行数", r => r.ForecastExecuted),
    ];

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (context.SumIsDoubtful(FormBlock.Funds, CellRole.Label, CellRole.InitialBudget, CellRole.Budget, CellRole.Executed, CellRole.Forecast)) yield break;
        var total = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total);
        var parts = form.Funds.Where(r => r.Role == FundsRowRole.Part).ToList();
        var sources = form.Funds.Where(r => r.Role == FundsRowRole.Source).ToList();
        var structure = form.Funds.Where(r => r.Role == FundsRowRole.Structure).ToList();

        foreach (var (name, get) in Columns)
        {
            if (total is not null && Compare(form, total, get(total), parts, get, name, "其中各项") is { } f1) yield return f1;
            if (total is not null && Compare(form, total, get(total), sources, get, name, "资金来源各项") is { } f2) yield return f2;
            if (total is null && sources.Count > 0 && structure.Count > 0 && sources.All(r => get(r) is { } v && DomainRanges.IsAmount(v)))
            {
                var whole = sources.Sum(r => get(r)!.Value);
                var wholeDecimals = sources.Max(r => Numbers.Decimals(get(r)!.Value));
                var synthetic = sources[0];
                if (Compare(form, synthetic, Numbers.Round(whole, wholeDecimals), structure, get, name, "资金结构各项", "资金来源合计") is { } f3) yield return f3;
            }
        }
    }

    private Finding? Compare(PerformanceForm form, FundsRow totalRow, decimal? totalValue, List<FundsRow> parts,
        Func<FundsRow, decimal?> get, string column, string partsName, string? totalName = null)
    {
        if (totalValue is not { } whole || parts.Count == 0) return null;
        // An amount no form could hold is reported as value-out-of-range; a sum over it means nothing.
        if (!DomainRanges.IsAmount(whole) || parts.Any(p => !DomainRanges.IsAmount(get(p)))) return null;
        // A blank part is not a 0, so with blanks only one thing is certain: amounts that are not negative cannot add up
        // to more than their whole (a 其中 row of 202.64 under a 年度资金总额 of 0).
        var blanks = parts.Any(p => get(p) is null);
        parts = parts.Where(p => get(p) is not null).ToList();
        if (parts.Count == 0 || (blanks && (whole < 0m || parts.Any(p => get(p) < 0m)))) return null;
        var values = parts.Select(p => get(p)!.Value).ToList();
        var sum = values.Sum();
        var decimals = values.Append(whole).Max(Numbers.Decimals);
        // Each printed part may hide half a unit of its last digit; n parts together may hide n halves.
        var tolerance = values.Count * Numbers.HalfUnit(decimals);
        if (blanks ? sum - whole <= tolerance : Math.Abs(sum - whole) <= tolerance) return null;
        var unit = form.MoneyUnit?.Symbol() ?? "";
        var terms = string.Join(" + ", parts.Select(p => $"{Locations.Clean(p.Label)} {Numbers.Format(get(p)!.Value)}"));
        var label = totalName ?? Locations.Clean(totalRow.Label);
        return new Finding(
            Code, Severity.Error,
            $"{label}的{column}为{Numbers.Format(whole)}{unit}，{partsName}之和为{Numbers.Format(sum)}{unit}，相差{Numbers.Format(sum - whole)}{unit}。",
            $"{label}: {column} {Numbers.Format(whole)} differs from the sum of its parts {Numbers.Format(sum)}.",
            Locations.Funds(totalRow, column),
            Numbers.Format(whole), Numbers.Format(sum),
            $"{terms} = {Numbers.Format(sum)}");
    }
}

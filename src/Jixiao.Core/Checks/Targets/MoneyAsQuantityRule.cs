using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Targets;

/// <summary>
/// A 数量指标 whose target is an amount of money (万元, 元): money is an input, not an output (§4: inputs used as outputs);
/// it belongs under 成本指标, and the quantity indicator should count what the money delivers. Warning.
/// </summary>
public sealed class MoneyAsQuantityRule : ICheckRule
{
    public string Code => CheckCodes.MoneyAsQuantity;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var rows = context.Form.Indicators;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!TargetRows.IsQuantity(row) || !TargetRows.IsMoney(context.Parse(row.Target))) continue;
            if (context.IsDoubtful(row.Source, CellRole.Level2, CellRole.Target)) continue;
            var label = Locations.Label(row);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”以金额“{Locations.Clean(row.Target!)}”作数量指标：资金是投入，应列入成本指标，数量指标应写产出的数量。",
                $"{label}: a money amount \"{row.Target}\" used as a quantity indicator; money is an input (成本指标).",
                Locations.Indicator(row, i, "年度指标值"),
                Locations.Clean(row.Target!), "产出数量（个、次、人…）", "投入（资金）不是产出");
        }
    }
}

/// <summary>What the targets rules ask of a row.</summary>
internal static class TargetRows
{
    public static bool IsQuantity(IndicatorRow row) => (row.Level2 ?? "").Contains("数量", StringComparison.Ordinal);

    public static bool IsMoney(IndicatorValue value) => value.Unit is "元" or "万元" or "亿元" or "千元";
}

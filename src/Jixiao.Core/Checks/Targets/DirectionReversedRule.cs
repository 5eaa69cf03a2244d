using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Targets;

/// <summary>
/// A 数量指标 whose target is an upper bound (≤, 以下, 不超过): a quantity indicator measures output delivered, so its
/// target is a floor (§3.1: ≥ is positive, ≤ reverse; reverse targets belong to costs and times). Warning.
/// </summary>
public sealed class DirectionReversedRule : ICheckRule
{
    public string Code => CheckCodes.DirectionReversed;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var rows = context.Form.Indicators;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!TargetRows.IsQuantity(row)) continue;
            var target = context.Parse(row.Target);
            if (target.Kind != ValueKind.Quantity || target.Direction != Direction.Reverse || TargetRows.IsMoney(target)) continue;
            if (context.IsDoubtful(row.Source, CellRole.Level2, CellRole.Target)) continue;
            var label = Locations.Label(row);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”是数量指标，目标却写作“{Locations.Clean(row.Target!)}”（上限）：产出数量应设下限（≥）。",
                $"{label}: a quantity indicator with an upper-bound target \"{row.Target}\"; output quantities take a floor (≥).",
                Locations.Indicator(row, i, "年度指标值"),
                Locations.Clean(row.Target!), "≥ 数量", "数量指标衡量提供的产出，目标应为下限");
        }
    }
}

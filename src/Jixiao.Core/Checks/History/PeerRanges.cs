using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.History;

/// <summary>
/// The targets other units set for the same indicator (same 一级/二级 category and name, in <see cref="Unit"/>): the
/// lowest, the median and the highest, over <see cref="Units"/> distinct units. The indicator library computes it and
/// only where at least five units contribute, so no single unit's figures can be told.
/// </summary>
public sealed record PeerRange(string? Unit, decimal Min, decimal Median, decimal Max, int Units, int Values);

/// <summary>
/// A target outside the range of its peers' targets: below the lowest a ≥ target asks little, above the highest it may
/// not be reachable (either way a reviewer asks why). Pure: the ranges are handed in by row, nothing is looked up.
/// </summary>
public static class PeerRanges
{
    /// <summary>Findings for the rows of a targets form whose quantitative target lies outside <paramref name="rangeOf"/>'s range.</summary>
    public static IReadOnlyList<Finding> Check(PerformanceForm form, Func<IndicatorRow, PeerRange?> rangeOf, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rangeOf);
        ArgumentNullException.ThrowIfNull(rulebook);
        if (form.Kind != FormKind.Targets || !rulebook.Checks.Applies(CheckCodes.TargetOutsidePeerRange)) return [];
        var context = new CheckContext(form, rulebook);
        var findings = new List<Finding>();
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            if (rangeOf(row) is not { } range || context.IsDoubtful(row.Source, CellRole.Target)) continue;
            var target = context.Parse(row.Target);
            if (target.Kind != ValueKind.Quantity || target.Factors.Count > 0 || target.Number is not { } value || target.Unit != range.Unit) continue;
            var below = value < range.Min;
            if (!below && value <= range.Max) continue;
            var label = Locations.Label(row);
            var unit = range.Unit ?? "";
            var span = $"{Numbers.Plain(range.Min)}{unit}–{Numbers.Plain(range.Max)}{unit}，中位数{Numbers.Plain(range.Median)}{unit}";
            findings.Add(new Finding(
                CheckCodes.TargetOutsidePeerRange, Severity.Warning,
                $"“{label}”的目标{target}{(below ? "低于" : "高于")}同类单位的目标区间（{range.Units}个单位：{span}）：请核实目标是否{(below ? "偏低" : "可以实现")}，或在指标内容中说明理由。",
                $"{label}: the target {target} is {(below ? "below" : "above")} the range of {range.Units} peer units' targets ({Numbers.Plain(range.Min)}–{Numbers.Plain(range.Max)}{unit}).",
                Locations.Indicator(row, i, "年度指标值"),
                target.ToString(), $"{Numbers.Plain(range.Min)}{unit}–{Numbers.Plain(range.Max)}{unit}",
                $"同类单位（同一级、二级指标和名称，{range.Units}个单位、{range.Values}个目标值）：最低 {Numbers.Plain(range.Min)}，中位数 {Numbers.Plain(range.Median)}，最高 {Numbers.Plain(range.Max)}"));
        }
        return findings;
    }
}

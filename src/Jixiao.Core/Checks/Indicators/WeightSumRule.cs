using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// Weights that do not add up: the whole form (execution row included) to the rulebook's total (§2.1, §3.4), each 一级
/// block to its printed weight, each 二级 group to its printed weight. Sums are only taken where every row has a weight
/// (a blank weight is a missing-value finding, not a wrong sum) and where the reading was certain.
/// </summary>
public sealed class WeightSumRule : ICheckRule
{
    public string Code => CheckCodes.WeightSum;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        // A block in doubt as a whole (a table cut off) has no sums to take; a doubtful row holds back only the sums it is in.
        if (!form.Kind.IsScored() || context.SumIsDoubtful(FormBlock.Indicators))
            yield break;
        var rows = context.Weighted.Where(r => !IsPlaceholder(r)).ToList();
        // A weight no form could carry is reported as value-out-of-range; a sum over it means nothing.
        if (rows.Count == 0 || rows.Any(r => r.Weight is not { } w || !DomainRanges.IsScore(w))) yield break;

        foreach (var f in Groups(context, rows, r => r.Level1, r => r.Row.Level1Weight, "一级指标")) yield return f;
        foreach (var f in Groups(context, rows, r => r.Level1 + "/" + r.Level2, r => r.Row.Level2Weight, "二级指标")) yield return f;

        if (form.Incomplete || context.SumIsDoubtful(FormBlock.Indicators, CellRole.Weight) || context.SumIsDoubtful(FormBlock.Funds, CellRole.Weight)
            || context.SumIsDoubtful(FormBlock.Total, CellRole.StatedWeightTotal)) yield break;
        var execution = form.Funds.FirstOrDefault(r => r.Weight is > 0m);
        if (!DomainRanges.IsScore(execution?.Weight)) yield break;
        var indicatorSum = rows.Sum(r => r.Weight!.Value);
        var sum = indicatorSum + (execution?.Weight ?? 0m);
        var expected = context.Rulebook.TotalWeight;
        // The explanations are built only for a finding: most forms add up, and formatting them was most of this rule's time.
        string Parts() => (execution is null ? "" : $"执行率分值{Numbers.Plain(execution.Weight!.Value)} + ") + $"指标分值合计{Numbers.Plain(indicatorSum)}";
        if (sum != expected)
        {
            var parts = Parts();
            var blocks = string.Join(" + ", rows.GroupBy(r => r.Level1).Select(g => $"{g.Key} {Numbers.Plain(g.Sum(r => r.Weight!.Value))}"));
            yield return new Finding(
                Code, Severity.Error,
                $"分值合计为{Numbers.Plain(sum)}（{parts}），应为{Numbers.Plain(expected)}。",
                $"Weights add up to {Numbers.Plain(sum)}, not {Numbers.Plain(expected)}.",
                Locations.Total(form, "分值"),
                Numbers.Plain(sum), Numbers.Plain(expected),
                $"{(execution is null ? "" : $"执行率 {Numbers.Plain(execution.Weight!.Value)} + ")}{blocks} = {Numbers.Plain(sum)}");
        }
        else if (form.StatedWeightTotal is { } printed && printed != sum)
            yield return new Finding(
                Code, Severity.Warning,
                $"总分行的分值填报为{Numbers.Plain(printed)}，各项分值合计为{Numbers.Plain(sum)}。",
                $"The 总分 row states weights of {Numbers.Plain(printed)}; the rows add up to {Numbers.Plain(sum)}.",
                Locations.Total(form, "分值"),
                Numbers.Plain(printed), Numbers.Plain(sum), $"{Parts()} = {Numbers.Plain(sum)}");
    }

    private IEnumerable<Finding> Groups(CheckContext context, List<WeightedRow> rows, Func<WeightedRow, string> key, Func<WeightedRow, decimal?> printed, string level)
    {
        foreach (var list in InOrder(rows, key))
        {
            // A printed weight no form could carry is value-out-of-range's finding, not a sum to compare.
            if (FirstPrinted(list, printed) is not { } stated || !DomainRanges.IsScore(stated)) continue;
            if (list.Exists(r => context.IsDoubtful(r.Row.Source, CellRole.Weight, CellRole.Level1, CellRole.Level2))) continue;
            // A single row that carries its group's weight is the group: nothing to add up.
            if (list.Count == 1 && list[0].Row.Weight is null) continue;
            var sum = 0m;
            foreach (var row in list) sum += row.Weight!.Value;
            if (sum == stated) continue;
            var first = list[0];
            var name = level == "一级指标" ? first.Level1 : IndicatorWeights.StripWeight(first.Level2);
            yield return new Finding(
                Code, Severity.Error,
                $"{level}“{name}”标明分值{Numbers.Plain(stated)}，其下各项分值合计为{Numbers.Plain(sum)}。",
                $"{level} {name} is weighted {Numbers.Plain(stated)} but its rows add up to {Numbers.Plain(sum)}.",
                new FindingLocation(Blocks.Indicators, first.Row.Source?.Row ?? first.Index + 1, "分值", name),
                Numbers.Plain(sum), Numbers.Plain(stated),
                string.Join(" + ", list.Select(r => Numbers.Plain(r.Weight!.Value))) + " = " + Numbers.Plain(sum));
        }
    }

    private static decimal? FirstPrinted(List<WeightedRow> rows, Func<WeightedRow, decimal?> printed)
    {
        foreach (var row in rows)
            if (printed(row) is { } weight) return weight;
        return null;
    }

    /// <summary>
    /// The rows grouped by key, groups in the order their first row appears (as GroupBy gives them): a table has a handful
    /// of groups, and a list searched in place costs less than GroupBy's lookup on every form checked.
    /// </summary>
    private static List<List<WeightedRow>> InOrder(List<WeightedRow> rows, Func<WeightedRow, string> key)
    {
        var keys = new List<string>();
        var groups = new List<List<WeightedRow>>();
        foreach (var row in rows)
        {
            var k = key(row);
            var at = keys.IndexOf(k);
            if (at < 0)
            {
                keys.Add(k);
                groups.Add([]);
                at = groups.Count - 1;
            }
            groups[at].Add(row);
        }
        return groups;
    }

    /// <summary>An empty line a layout prints under an unused 二级 (成本指标 with no name and 0 points).</summary>
    internal static bool IsPlaceholder(WeightedRow r) =>
        string.IsNullOrWhiteSpace(r.Row.Name) && string.IsNullOrWhiteSpace(r.Row.Target) && string.IsNullOrWhiteSpace(r.Row.Actual)
        && r.Weight is null or 0m && r.Row.StatedScore is null or 0m;
}

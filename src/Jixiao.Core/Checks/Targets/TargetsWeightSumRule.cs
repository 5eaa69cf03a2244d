using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Targets;

/// <summary>
/// The weights of a 绩效目标申报表 that do not add up: to the 合计 the form prints, or, where it prints none, to one of
/// the totals the rulebook allows (100, or 90 when the execution rate's 10 is left to the self-evaluation). Taken only
/// where every row has a weight and what is visible was read with certainty. A table cut off before its end (a typed
/// cut-off record: TableCut, the reader's) has a partial sum, which the missing rows can only raise: above the total it
/// is still an error, below it the sum cannot be confirmed, and the check says so as a note instead of an error.
/// </summary>
public sealed class TargetsWeightSumRule : ICheckRule
{
    public string Code => CheckCodes.WeightSum;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Targets || context.VisibleSumIsDoubtful(FormBlock.Indicators, CellRole.Weight)) yield break;
        var cut = context.IsCut(FormBlock.Indicators);
        var rows = context.Weighted.Where(r => !WeightSumRule.IsPlaceholder(r)).ToList();
        // A weight no form could carry is value-out-of-range's finding; a sum over it means nothing.
        if (rows.Count == 0 || rows.Exists(r => r.Weight is not { } w || !DomainRanges.IsScore(w))) yield break;
        var sum = rows.Sum(r => r.Weight!.Value);
        var allowed = context.Rulebook.Checks.TargetsWeightTotals;
        IReadOnlyList<decimal> totals;
        if (form.StatedWeightTotal is { } printed && !context.VisibleSumIsDoubtful(FormBlock.Total, CellRole.StatedWeightTotal)) totals = [printed];
        else if (allowed.Count > 0) totals = allowed;
        else yield break;
        if (totals.Contains(sum)) yield break;
        var expected = string.Join(" 或 ", totals.Select(Numbers.Plain));
        var blocks = string.Join(" + ", rows.GroupBy(r => r.Level1).Select(g => $"{g.Key} {Numbers.Plain(g.Sum(r => r.Weight!.Value))}"));
        if (cut && sum < totals.Max())
        {
            var gap = CutText(form);
            yield return new Finding(
                Code, Severity.Info,
                $"表格不完整（{gap}），已见各指标分值合计为{Numbers.Plain(sum)}（{blocks}），合计是否为{expected}无法确认，请对照完整原表核对。",
                $"The table is cut off; the visible weights add up to {Numbers.Plain(sum)}, so whether they reach {expected} cannot be confirmed.",
                Locations.Total(form, "分值"),
                Numbers.Plain(sum), expected, $"已见 {blocks} = {Numbers.Plain(sum)}；表格不完整，其余指标未见");
            yield break;
        }
        yield return new Finding(
            Code, Severity.Error,
            cut
                ? $"绩效目标表已见各指标分值合计已达{Numbers.Plain(sum)}（{blocks}），超过{expected}：表格虽不完整，未见的指标只会使合计更大。"
                : $"绩效目标表各指标分值合计为{Numbers.Plain(sum)}（{blocks}），应为{expected}。",
            $"The targets form's weights add up to {Numbers.Plain(sum)}, not {expected}.",
            Locations.Total(form, "分值"),
            Numbers.Plain(sum), expected, $"{blocks} = {Numbers.Plain(sum)}");
    }

    /// <summary>Where the table stops, from the cut-off record (the sentence the reading doubts are shown with).</summary>
    private static string CutText(PerformanceForm form)
    {
        foreach (var d in form.ReadingDoubts)
            if (d.Reason == DoubtReason.CutOff && d.Block is FormBlock.Indicators or FormBlock.Form)
                return (string.IsNullOrEmpty(d.RowLabel) ? "表格在已见各行之后中断" : $"在“{d.RowLabel}”一行之后中断")
                       + (string.IsNullOrEmpty(d.Text) ? "" : $"，未见{d.Text}");
        return "表格在已见各行之后中断";
    }
}

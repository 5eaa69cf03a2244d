using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Targets;

/// <summary>
/// The weights of a 绩效目标申报表 that do not add up: to the 合计 the form prints, or, where it prints none, to one of
/// the totals the rulebook allows (100, or 90 when the execution rate's 10 is left to the self-evaluation). Taken only
/// where every row has a weight and the table is complete and read with certainty.
/// </summary>
public sealed class TargetsWeightSumRule : ICheckRule
{
    public string Code => CheckCodes.WeightSum;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Targets || form.Incomplete || context.SumIsDoubtful(FormBlock.Indicators, CellRole.Weight)) yield break;
        var rows = context.Weighted.Where(r => !WeightSumRule.IsPlaceholder(r)).ToList();
        // A weight no form could carry is value-out-of-range's finding; a sum over it means nothing.
        if (rows.Count == 0 || rows.Exists(r => r.Weight is not { } w || !DomainRanges.IsScore(w))) yield break;
        var sum = rows.Sum(r => r.Weight!.Value);
        var allowed = context.Rulebook.Checks.TargetsWeightTotals;
        string expected;
        if (form.StatedWeightTotal is { } printed && !context.SumIsDoubtful(FormBlock.Total, CellRole.StatedWeightTotal))
        {
            if (printed == sum) yield break;
            expected = Numbers.Plain(printed);
        }
        else if (allowed.Count > 0 && !allowed.Contains(sum))
            expected = string.Join(" 或 ", allowed.Select(Numbers.Plain));
        else yield break;
        var blocks = string.Join(" + ", rows.GroupBy(r => r.Level1).Select(g => $"{g.Key} {Numbers.Plain(g.Sum(r => r.Weight!.Value))}"));
        yield return new Finding(
            Code, Severity.Error,
            $"绩效目标表各指标分值合计为{Numbers.Plain(sum)}（{blocks}），应为{expected}。",
            $"The targets form's weights add up to {Numbers.Plain(sum)}, not {expected}.",
            Locations.Total(form, "分值"),
            Numbers.Plain(sum), expected, $"{blocks} = {Numbers.Plain(sum)}");
    }
}

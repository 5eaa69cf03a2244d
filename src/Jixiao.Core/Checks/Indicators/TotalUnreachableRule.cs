using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A stated 总分 above the most the form can reach: full marks less the points the visible rows already lost (§3.4:
/// 总分 = execution score + Σ row scores, each at most its weight). It speaks where <see cref="TotalMismatchRule"/> cannot
/// — a table cut off before its last rows, or rows whose 得分 is blank — because those hidden or blank rows can add at
/// most their weights. Full marks are the rulebook's total, or the visible weights where they add up to more.
/// </summary>
public sealed class TotalUnreachableRule : ICheckRule
{
    public string Code => CheckCodes.TotalUnreachable;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation) || form.StatedTotal is not { } stated) yield break;
        if (!DomainRanges.IsScore(stated) || context.SumIsDoubtful(FormBlock.Total, CellRole.StatedTotal)) yield break;
        var rows = context.Weighted.Where(r => !WeightSumRule.IsPlaceholder(r)).ToList();
        var cut = form.Incomplete || context.SumIsDoubtful(FormBlock.Indicators);
        var totalMismatchSpeaks = !cut && rows.Count > 0 && rows.TrueForAll(r => r.Row.StatedScore is not null)
            && !context.SumIsDoubtful(FormBlock.Indicators, CellRole.Score) && !context.SumIsDoubtful(FormBlock.Funds, CellRole.Score);
        if (totalMismatchSpeaks) yield break;

        var lost = 0m;
        var visibleWeights = 0m;
        var terms = new List<string>();
        var execution = form.Funds.FirstOrDefault(r => r.Weight is > 0m);
        if (execution is { Weight: { } ew } && DomainRanges.IsScore(ew) && DomainRanges.IsScore(execution.StatedScore))
        {
            visibleWeights += ew;
            if (execution.StatedScore is { } es && es < ew && !context.IsDoubtful(execution.Source, CellRole.Weight, CellRole.Score))
            {
                lost += ew - es;
                terms.Add($"执行率 {Numbers.Plain(ew - es)}");
            }
        }
        foreach (var r in rows)
        {
            // Numbers no form could hold are value-out-of-range's; leaving them out keeps the sums in range.
            if (r.Weight is not { } w || !DomainRanges.IsScore(w) || !DomainRanges.IsScore(r.Row.StatedScore)) continue;
            visibleWeights += w;
            // A row in doubt is left out of the points lost: that can only raise the most reachable, never invent a finding.
            if (r.Row.StatedScore is not { } s || s >= w || context.IsDoubtful(r.Row.Source, CellRole.Weight, CellRole.Score)) continue;
            lost += w - s;
            terms.Add($"{Locations.Label(r.Row)} {Numbers.Plain(w - s)}");
        }
        var full = Math.Max(context.Rulebook.TotalWeight, visibleWeights);
        var most = full - lost;
        var tolerance = Numbers.HalfUnit(Numbers.Decimals(stated));
        if (stated - most <= tolerance) yield break;
        var deducted = terms.Count == 0 ? "" : $"，可见各行已扣{Numbers.Plain(lost)}分（{string.Join("、", terms)}）";
        yield return new Finding(
            Code, Severity.Error,
            $"总分填报为{Numbers.Format(stated)}，但满分{Numbers.Plain(full)}{deducted}，最多只能得{Numbers.Plain(most)}分。",
            $"The stated total {Numbers.Format(stated)} exceeds the most the form can reach, {Numbers.Plain(most)} ({Numbers.Plain(full)} less {Numbers.Plain(lost)} already lost).",
            Locations.Total(form, "得分"),
            Numbers.Format(stated), "≤ " + Numbers.Plain(most),
            $"{Numbers.Plain(full)} − {Numbers.Plain(lost)} = {Numbers.Plain(most)}");
    }
}

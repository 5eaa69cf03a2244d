using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A score below its weight with no 偏差原因 (§3.2: a score below w needs an explanation); on an ex-ante or evaluation
/// scoring sheet, a deduction with no 扣分原因.
/// </summary>
public sealed class DeductionUnexplainedRule : ICheckRule
{
    public string Code => CheckCodes.DeductionUnexplained;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (!context.Form.Kind.IsScored()) yield break;
        var column = context.Form.Kind.IsScoringSheet() ? "扣分原因" : "偏差原因分析";
        foreach (var r in context.Weighted)
        {
            if (r.Row.StatedScore is not { } score || r.Weight is not { } weight || score >= weight) continue;
            if (!DomainRanges.IsScore(score) || !DomainRanges.IsScore(weight)) continue;
            if (!string.IsNullOrWhiteSpace(r.Row.Explanation) || !string.IsNullOrWhiteSpace(r.Row.Improvement)) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Weight, CellRole.Score, CellRole.Explanation, CellRole.Improvement)) continue;
            var label = Locations.Label(r.Row);
            var actual = string.IsNullOrWhiteSpace(r.Row.Actual) ? "" : $"（目标{Locations.Clean(r.Row.Target ?? "")}，实际{Locations.Clean(r.Row.Actual)}）";
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”扣了{Numbers.Plain(weight - score)}分（{Numbers.Format(score)}/{Numbers.Format(weight)}）{actual}，但未填写{column}。",
                $"{label}: scored {Numbers.Format(score)} of {Numbers.Format(weight)} with no explanation of the deduction.",
                Locations.Indicator(r.Row, r.Index, column),
                Numbers.Format(score), Numbers.Format(weight),
                context.Form.Kind.IsScoringSheet() ? "得分低于分值时须写明扣分原因" : "得分低于分值时须说明偏差原因及改进措施");
        }
    }
}

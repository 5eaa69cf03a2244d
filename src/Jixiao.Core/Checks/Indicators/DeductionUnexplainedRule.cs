using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>A score below its weight with no 偏差原因 (§3.2: a score below w needs an explanation).</summary>
public sealed class DeductionUnexplainedRule : ICheckRule
{
    public string Code => CheckCodes.DeductionUnexplained;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
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
                $"“{label}”扣了{Numbers.Plain(weight - score)}分（{Numbers.Format(score)}/{Numbers.Format(weight)}）{actual}，但未填写偏差原因分析。",
                $"{label}: scored {Numbers.Format(score)} of {Numbers.Format(weight)} with no explanation of the deduction.",
                Locations.Indicator(r.Row, r.Index, "偏差原因分析"),
                Numbers.Format(score), Numbers.Format(weight),
                "得分低于分值时须说明偏差原因及改进措施");
        }
    }
}

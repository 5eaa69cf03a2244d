using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A quantitative row that missed its target and was scored neither full marks (that is full-score-despite-miss) nor by
/// the rulebook's formula (§3.2: w × B / A, reverse w × A / B or the linear variant). Compared at the printed precision
/// of the score. An inflated score is an error, a harsher one a warning (the unit may have applied a local rule).
/// </summary>
public sealed class ScoreNotProportionalRule : ICheckRule
{
    public string Code => CheckCodes.ScoreNotProportional;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        foreach (var r in context.Weighted)
        {
            if (r.Row.StatedScore is not { } score || r.Weight is not { } weight || weight <= 0m || score >= weight) continue;
            if (!DomainRanges.IsScore(score) || !DomainRanges.IsScore(weight)) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score)) continue;
            var target = context.Parse(r.Row.Target);
            var actual = context.Parse(r.Row.Actual);
            if (RowScoring.Quantitative(context, r.Row.Target, r.Row.Actual, weight) is not { Missed: true } outcome) continue;
            if (Numbers.ScoreAgrees(score, outcome.Score)) continue;
            var label = Locations.Label(r.Row);
            var expected = Numbers.Format(outcome.Score, context.Rulebook.ScoreDecimals);
            yield return new Finding(
                Code, score > outcome.Score ? Severity.Error : Severity.Warning,
                $"“{label}”目标{target}，实际{actual.NumberText()}，得分{Numbers.Format(score)}；按比例应得{expected}（{outcome.Explanation}）。",
                $"{label}: target {target}, actual {actual.NumberText()}, scored {Numbers.Format(score)}; the proportional rule gives {expected}.",
                Locations.Indicator(r.Row, r.Index, "得分"),
                Numbers.Format(score), expected, outcome.Explanation);
        }
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// Full marks although the actual misses the target (≥90% target, 80% actual) or the actual text reports a failure
/// (年末发生重大故障) — §3.2 "a miss with full marks is an error". A qualitative actual of a middle tier with full marks
/// is a qualitative-tier finding instead (one precise finding per row).
/// </summary>
public sealed class FullScoreDespiteMissRule : ICheckRule
{
    public string Code => CheckCodes.FullScoreDespiteMiss;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        foreach (var r in context.Weighted)
        {
            if (r.Row.StatedScore is not { } score || r.Weight is not { } weight || weight <= 0m || score < weight) continue;
            if (!DomainRanges.IsScore(score) || !DomainRanges.IsScore(weight)) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score)) continue;
            var target = context.Parse(r.Row.Target);
            var actual = context.Parse(r.Row.Actual);
            if (actual.Kind == ValueKind.Qualitative && actual.Tier == QualitativeTier.NotAchieved)
            {
                var label = Locations.Label(r.Row);
                var (min, max, inclusive, tierLabel) = RowScoring.Interval(context.Rulebook, QualitativeTier.NotAchieved, weight);
                yield return new Finding(
                    Code, Severity.Error,
                    $"“{label}”目标{Locations.Clean(r.Row.Target ?? "")}，实际完成值“{Locations.Clean(actual.Text)}”表明未达成，却得满分{Numbers.Format(score)}。",
                    $"{label}: the actual \"{actual.Text}\" reports a failure against {r.Row.Target}, yet the row scores full marks.",
                    Locations.Indicator(r.Row, r.Index, "得分"),
                    Numbers.Format(score), "< " + Numbers.Plain(max),
                    $"“{actual.TierWord}”属于“{tierLabel}”，得分区间 {RowScoring.IntervalText(min, max, inclusive)}");
                continue;
            }
            if (RowScoring.Quantitative(context, r.Row.Target, r.Row.Actual, weight) is { Missed: true } outcome)
            {
                var label = Locations.Label(r.Row);
                yield return new Finding(
                    Code, Severity.Error,
                    $"“{label}”实际{actual.NumberText()}未达到目标{target}，却得满分{Numbers.Format(score)}；按比例应得{Numbers.Format(outcome.Score, context.Rulebook.ScoreDecimals)}。",
                    $"{label}: the actual {actual.NumberText()} misses the target {target}, yet the row scores full marks; the rule gives {Numbers.Format(outcome.Score, context.Rulebook.ScoreDecimals)}.",
                    Locations.Indicator(r.Row, r.Index, "得分"),
                    Numbers.Format(score), Numbers.Format(outcome.Score, context.Rulebook.ScoreDecimals), outcome.Explanation);
            }
        }
    }
}

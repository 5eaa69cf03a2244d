using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// An actual far beyond its target (B ≥ 1.3 × A, the rulebook's overAchievementThreshold; reverse A ≥ 1.3 × B) with no
/// explanation: §3.2 says the target was probably set too low and needs a reason. The scoring engine notes it in its
/// explanation; this rule makes it a finding the unit and the reviewer see.
/// </summary>
public sealed class OverAchievementUnexplainedRule : ICheckRule
{
    public string Code => CheckCodes.OverAchievementUnexplained;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        var threshold = context.Rulebook.OverAchievementThreshold;
        foreach (var r in context.Weighted)
        {
            if (!string.IsNullOrWhiteSpace(r.Row.Explanation) || !string.IsNullOrWhiteSpace(r.Row.Improvement)) continue;
            var target = context.Parse(r.Row.Target);
            var actual = context.Parse(r.Row.Actual);
            if (target.Kind != ValueKind.Quantity || target.Number is null || actual.Kind != ValueKind.Quantity || actual.Number is not { } b) continue;
            if (actual.Comparator is not (Comparator.None or Comparator.EqualTo) || target.Factors.Count > 1 || actual.Factors.Count > 1) continue;
            if (!string.Equals(target.Unit ?? "", actual.Unit ?? "", StringComparison.Ordinal)) continue;
            if (!RowScorer.OverAchieved(target, b, threshold)) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Target, CellRole.Actual, CellRole.Explanation)) continue;
            var label = Locations.Label(r.Row);
            var ratio = target.Direction == Direction.Reverse ? target.Number.Value / b : b / target.Number.Value;
            var times = Numbers.Format(ratio, 2);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”实际{actual.NumberText()}是目标{target}的{times}倍，超过{Numbers.Plain(threshold)}倍，目标可能定得过低，但未说明原因。",
                $"{label}: the actual {actual.NumberText()} is {times} times the target {target}; the target was probably set too low, and no reason is given.",
                Locations.Indicator(r.Row, r.Index, "偏差原因分析"),
                times + "倍", "< " + Numbers.Plain(threshold) + "倍，或说明原因",
                target.Direction == Direction.Reverse ? $"{Numbers.Plain(target.Number.Value)} ÷ {Numbers.Plain(b)} = {times}" : $"{Numbers.Plain(b)} ÷ {Numbers.Plain(target.Number.Value)} = {times}");
        }
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A qualitative actual scored outside the interval of its tier (§3.2: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w),
/// 未达成 [0, 0.6w)): 基本完成 with full marks. The tier comes from the rulebook's vocabulary, and the message names the
/// phrase that decided it so a reader can see which mapping was used.
/// </summary>
public sealed class QualitativeTierRule : ICheckRule
{
    public string Code => CheckCodes.QualitativeTier;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        foreach (var r in context.Weighted)
        {
            if (r.Row.StatedScore is not { } score || r.Weight is not { } weight || weight <= 0m) continue;
            if (!DomainRanges.IsScore(score) || !DomainRanges.IsScore(weight)) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score)) continue;
            var actual = context.Parse(r.Row.Actual);
            if (actual.Kind != ValueKind.Qualitative || actual.Tier is not { } tier) continue;
            // Full marks on a failure is the sharper finding; reported by full-score-despite-miss.
            if (tier == QualitativeTier.NotAchieved && score >= weight) continue;
            var (min, max, inclusive, tierLabel) = RowScoring.Interval(context.Rulebook, tier, weight);
            var inside = score >= min && (inclusive ? score <= max : score < max);
            if (inside) continue;
            var label = Locations.Label(r.Row);
            var interval = RowScoring.IntervalText(min, max, inclusive);
            yield return new Finding(
                Code, score > max || (!inclusive && score >= max) ? Severity.Error : Severity.Warning,
                $"“{label}”实际完成值“{Locations.Clean(actual.Text)}”属于“{tierLabel}”，得分应在{interval}内，填报为{Numbers.Format(score)}。",
                $"{label}: the actual \"{actual.Text}\" is in the tier {tier}, scoring {interval} of {Numbers.Plain(weight)}; stated {Numbers.Format(score)}.",
                Locations.Indicator(r.Row, r.Index, "得分"),
                Numbers.Format(score), interval,
                $"“{actual.TierWord}” → {tierLabel}：{Numbers.Plain(weight)} × [{Numbers.Plain(context.Rulebook.Qualitative.For(tier).Min)}, {Numbers.Plain(context.Rulebook.Qualitative.For(tier).Max)}{(inclusive ? "]" : ")")} = {interval}");
        }
    }
}

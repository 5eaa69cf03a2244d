using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>A score above its weight (§3.2: over-achievement never scores above w), on indicator rows and the execution row.</summary>
public sealed class ScoreExceedsWeightRule : ICheckRule
{
    public string Code => CheckCodes.ScoreExceedsWeight;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Form.Funds)
            if (row.StatedScore is { } s && row.Weight is { } w && s > w && InRange(s, w) && !context.IsDoubtful(row.Source, CellRole.Weight, CellRole.Score))
                yield return Make(s, w, Locations.Funds(row, "得分"), Locations.Clean(row.Label));
        foreach (var r in context.Weighted)
            if (r.Row.StatedScore is { } s && r.Weight is { } w && s > w && InRange(s, w) && !context.IsDoubtful(r.Row.Source, CellRole.Weight, CellRole.Score))
                yield return Make(s, w, Locations.Indicator(r.Row, r.Index, "得分"), Locations.Label(r.Row));
    }

    // A score or weight no form could state is reported once, as value-out-of-range.
    private static bool InRange(decimal score, decimal weight) => DomainRanges.IsScore(score) && DomainRanges.IsScore(weight);

    private Finding Make(decimal score, decimal weight, FindingLocation location, string label) => new(
        Code, Severity.Error,
        $"“{label}”得分{Numbers.Format(score)}超过其分值{Numbers.Format(weight)}：超额完成也不能得分超过分值。",
        $"{label}: score {Numbers.Format(score)} exceeds its weight {Numbers.Format(weight)}.",
        location, Numbers.Format(score), "≤ " + Numbers.Format(weight), $"得分上限为分值 {Numbers.Format(weight)}");
}

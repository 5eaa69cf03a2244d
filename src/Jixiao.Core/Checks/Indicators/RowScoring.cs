using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>How a quantitative row compares with its target, and the rulebook's proportional score for it (§3.2).</summary>
internal sealed record QuantitativeOutcome(bool Missed, decimal Score, string Explanation);

internal static class RowScoring
{
    /// <summary>
    /// The outcome of a quantitative target against a quantitative actual in the same unit; null when the two cannot be
    /// compared (different units, a bare comparison word, an actual written as a bound such as 大于93%).
    /// </summary>
    public static QuantitativeOutcome? Quantitative(IndicatorValue target, IndicatorValue actual, decimal weight, Rulebook rulebook)
    {
        if (!target.IsQuantitative || actual.Kind != ValueKind.Quantity || actual.Number is not { } b) return null;
        if (actual.Comparator is not (Comparator.None or Comparator.EqualTo)) return null;
        if (!string.Equals(Unit(target), Unit(actual), StringComparison.Ordinal)) return null;
        if (target.Number is not { } a) return null;
        var w = Numbers.Plain(weight);
        var bText = actual.NumberText();
        var aText = target.NumberText();
        switch (target.Direction)
        {
            case Direction.Positive:
                if (target.Comparator == Comparator.GreaterThan ? b > a : b >= a) return new(false, weight, $"{bText} 达到 {target}，得满分 {w}");
                if (a <= 0m) return null;
                var pos = rulebook.Round(weight * Math.Max(b, 0m) / a);
                return new(true, pos, $"{w} × {bText} ÷ {aText} = {Numbers.Format(pos, rulebook.ScoreDecimals)}");
            case Direction.Reverse:
                if (target.Comparator == Comparator.LessThan ? b < a : b <= a) return new(false, weight, $"{bText} 在 {target} 以内，得满分 {w}");
                if (a <= 0m || b <= 0m) return null;
                if (rulebook.ReverseFormula == ReverseFormula.Ratio)
                {
                    var rev = rulebook.Round(weight * a / b);
                    return new(true, rev, $"{w} × {aText} ÷ {bText} = {Numbers.Format(rev, rulebook.ScoreDecimals)}");
                }
                var linear = b >= 2m * a ? 0m : rulebook.Round(weight * (1m - (b - a) / a));
                return new(true, linear, $"{w} × (1 − ({bText} − {aText}) ÷ {aText}) = {Numbers.Format(linear, rulebook.ScoreDecimals)}");
            case Direction.Equality:
                return b == a ? new(false, weight, $"{bText} 等于 {aText}，得满分 {w}") : new(true, 0m, $"目标为{aText}，实际{bText}，得 0 分");
            case Direction.Within:
                if (target.UpperNumber is not { } upper) return null;
                if (b >= a && b <= upper) return new(false, weight, $"{bText} 在 {target} 区间内，得满分 {w}");
                var within = b < a ? rulebook.Round(weight * Math.Max(b, 0m) / a) : rulebook.Round(weight * upper / b);
                return new(true, within, b < a
                    ? $"{w} × {bText} ÷ {aText} = {Numbers.Format(within, rulebook.ScoreDecimals)}"
                    : $"{w} × {target.NumberText(upper)} ÷ {bText} = {Numbers.Format(within, rulebook.ScoreDecimals)}");
            default:
                return null;
        }
    }

    private static string Unit(IndicatorValue v) => (v.Unit ?? "").Replace("％", "%", StringComparison.Ordinal);

    /// <summary>The score interval of a qualitative tier on weight w: [min, max] or [min, max).</summary>
    public static (decimal Min, decimal Max, bool MaxInclusive, string Label) Interval(Rulebook rulebook, QualitativeTier tier, decimal weight)
    {
        var rule = rulebook.Qualitative.For(tier);
        return (weight * rule.Min, weight * rule.Max, rule.MaxInclusive, rule.Label);
    }

    public static string IntervalText(decimal min, decimal max, bool maxInclusive) =>
        $"[{Numbers.Plain(min)}, {Numbers.Plain(max)}{(maxInclusive ? "]" : ")")}";
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>How a quantitative row compares with its target, and the scoring engine's score for it (§3.2).</summary>
internal sealed record QuantitativeOutcome(bool Missed, decimal Score, string Explanation);

internal static class RowScoring
{
    /// <summary>
    /// The scoring engine's outcome of a quantitative target against a quantitative actual; null where the checker does
    /// not trust arithmetic on the pair: different or missing units, an actual written as a bound (大于93%), a service
    /// window (7*12小时 against "每周全天24小时") or a phrase around the number ("100%运行稳定").
    /// </summary>
    public static QuantitativeOutcome? Quantitative(CheckContext context, string? targetText, string? actualText, decimal weight)
    {
        var target = context.Parse(targetText);
        var actual = context.Parse(actualText);
        if (!target.IsQuantitative || actual.Kind != ValueKind.Quantity || actual.Number is null || target.Number is null) return null;
        if (actual.Comparator is not (Comparator.None or Comparator.EqualTo)) return null;
        if (!string.Equals(Unit(target), Unit(actual), StringComparison.Ordinal)) return null;
        if (target.Factors.Count > 1 || actual.Factors.Count > 1 || !string.IsNullOrEmpty(actual.Label) || !string.IsNullOrEmpty(actual.Remark)) return null;
        // Most rows meet their target: decide that from the parsed values and ask the engine only about a miss.
        if (Met(target, actual.Number.Value)) return new QuantitativeOutcome(false, weight, "");
        var scored = Scored(context.Rulebook, targetText ?? "", actualText ?? "", weight);
        if (scored.Kind != RowScoreKind.Exact || scored.Expected is not { } expected || scored.TargetMet is not { } met) return null;
        return new QuantitativeOutcome(!met, expected, scored.Explanation);
    }

    /// <summary>The engine's score of a (target, actual, weight) triple, cached per rulebook: the same pairs recur across forms.</summary>
    private static readonly ConditionalWeakTable<Rulebook, ConcurrentDictionary<(string, string, string), RowScore>> Scores = new();

    private static RowScore Scored(Rulebook rulebook, string target, string actual, decimal weight)
    {
        var cache = Scores.GetValue(rulebook, static _ => new ConcurrentDictionary<(string, string, string), RowScore>());
        // The weight as printed is part of the key: 10 and 10.00 score alike but are explained as printed.
        var key = (target, actual, weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (cache.TryGetValue(key, out var score)) return score;
        if (cache.Count >= 50_000) cache.Clear();
        score = RowScorer.Score(new IndicatorRow { Target = target, Actual = actual }, weight, rulebook);
        cache.TryAdd(key, score);
        return score;
    }

    private static bool Met(IndicatorValue target, decimal b)
    {
        var a = target.Number!.Value;
        return target.Direction switch
        {
            Direction.Positive => b >= a,
            Direction.Reverse => b <= a,
            Direction.Equality => b == 0m,
            Direction.Within => target.UpperNumber is { } upper && b >= a && b <= upper,
            _ => false,
        };
    }

    private static string Unit(IndicatorValue v) => (v.Unit ?? "").Replace("％", "%", StringComparison.Ordinal);

    /// <summary>The score interval of a qualitative tier on weight w: [min, max] or [min, max), rounded like the engine's.</summary>
    public static (decimal Min, decimal Max, bool MaxInclusive, string Label) Interval(Rulebook rulebook, QualitativeTier tier, decimal weight)
    {
        var rule = rulebook.Qualitative.For(tier);
        return (rulebook.Round(weight * rule.Min), rulebook.Round(weight * rule.Max), rule.MaxInclusive, rule.Label);
    }

    public static string IntervalText(decimal min, decimal max, bool maxInclusive) =>
        $"[{Numbers.Plain(min)}, {Numbers.Plain(max)}{(maxInclusive ? "]" : ")")}";
}

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Scoring;

public enum RowScoreKind
{
    /// <summary>Quantitative target and actual: one exact score.</summary>
    Exact,
    /// <summary>A qualitative actual: any score inside its tier's interval is right.</summary>
    Interval,
    /// <summary>The rules cannot score this row; <see cref="RowScore.Reason"/> says why.</summary>
    Unscorable,
}

/// <summary>What the rules say one indicator row should score, and how.</summary>
public sealed class RowScore
{
    /// <summary>The row's position in <see cref="PerformanceForm.Indicators"/> (0-based).</summary>
    public required int Index { get; init; }

    public required IndicatorRow Row { get; init; }

    public required IndicatorValue Target { get; init; }

    public required IndicatorValue Actual { get; init; }

    /// <summary>The weight used: 分值, or the 二级 weight where that 二级 has this row only.</summary>
    public decimal? Weight { get; init; }

    /// <summary>The target's direction, as used for scoring.</summary>
    public Direction Direction { get; init; }

    public required RowScoreKind Kind { get; init; }

    /// <summary>The exact score (Kind = Exact), rounded at the rulebook's precision.</summary>
    public decimal? Expected { get; init; }

    /// <summary>The allowed interval (Kind = Interval).</summary>
    public ScoreInterval? Allowed { get; init; }

    /// <summary>The tier a qualitative actual was mapped to, and the phrase that decided it.</summary>
    public QualitativeTier? Tier { get; init; }

    public string? TierWord { get; init; }

    /// <summary>Whether the actual meets the target (null when the rules cannot tell).</summary>
    public bool? TargetMet { get; init; }

    /// <summary>B ≥ 1.3 A (or A ≥ 1.3 B for a reverse target): the target was set too low and needs an explanation.</summary>
    public bool NeedsOverAchievementExplanation { get; init; }

    /// <summary>
    /// The score the computed total counts: the exact score; for an interval the stated score when inside it, else the
    /// nearest allowed score (the lower bound when nothing is stated); for an unscorable row the stated score capped at
    /// the weight (0 when nothing is stated), because the rules have nothing better.
    /// </summary>
    public required decimal Counted { get; init; }

    /// <summary>How the score was computed, in Chinese: "8 × 40 ÷ 50 = 6.40".</summary>
    public required string Explanation { get; init; }

    /// <summary>Why the row cannot be scored (Kind = Unscorable), in Chinese.</summary>
    public string? Reason { get; init; }
}

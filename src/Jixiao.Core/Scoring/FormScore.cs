using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Scoring;

/// <summary>A computed number and how it was computed, in Chinese.</summary>
public sealed record Explained(decimal Value, string Explanation);

/// <summary>Σ 分值 of one 一级 (Level2 null) or 二级 group, beside the weight the form prints and the rulebook expects.</summary>
public sealed record WeightSum(string Level1, string? Level2, decimal Sum, decimal? Stated, decimal? Expected, string Explanation);

/// <summary>Everything the rules compute for one form. Pure data; nothing here reads or writes anything.</summary>
public sealed class FormScore
{
    public required Rulebook Rulebook { get; init; }

    public required ExecutionScore Execution { get; init; }

    public required IReadOnlyList<RowScore> Rows { get; init; }

    /// <summary>Σ 分值 per 一级, in form order.</summary>
    public required IReadOnlyList<WeightSum> Level1Sums { get; init; }

    /// <summary>Σ 分值 per 二级, in form order.</summary>
    public required IReadOnlyList<WeightSum> Level2Sums { get; init; }

    /// <summary>Σ 分值 of the whole form, the execution row's weight included (should be the rulebook's 100).</summary>
    public required Explained WeightTotal { get; init; }

    /// <summary>The plain sum of the stated scores (execution row included), to compare with the stated 总分.</summary>
    public required Explained StatedScoreSum { get; init; }

    /// <summary>
    /// 总分 by the rules: execution score + Σ <see cref="RowScore.Counted"/>, capped by execution rate where the
    /// rulebook says so.
    /// </summary>
    public required Explained Total { get; init; }

    /// <summary>True when every row could be scored by the rules (no row counted at its stated score for want of a rule).</summary>
    public bool Complete => Rows.All(r => r.Kind != RowScoreKind.Unscorable);

    /// <summary>The cap applied to the total, if any.</summary>
    public TotalCap? AppliedCap { get; init; }

    public required GradeBand Grade { get; init; }

    /// <summary>"总分 94.98 ≥ 90，等级为优".</summary>
    public required string GradeExplanation { get; init; }
}

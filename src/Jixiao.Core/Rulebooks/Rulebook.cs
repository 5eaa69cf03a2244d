using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Rulebooks;

/// <summary>
/// The scoring rules of one province and year, loaded from a JSON file users can copy and edit
/// (see national-2020.json for the field meanings). Everything tagged [config] in the domain guide lives here.
/// </summary>
public sealed class Rulebook
{
    /// <summary>The file name without extension, e.g. national-2020.</summary>
    public required string Name { get; init; }

    /// <summary>A Chinese title, e.g. 全国通用规则（2020年度）.</summary>
    public required string Label { get; init; }

    public required int Year { get; init; }

    /// <summary>Σ 分值 of a whole form, execution row included (100).</summary>
    public required decimal TotalWeight { get; init; }

    /// <summary>Decimals every score is rounded to, half away from zero.</summary>
    public required int ScoreDecimals { get; init; }

    public required ExecutionRule Execution { get; init; }

    public required ReverseFormula ReverseFormula { get; init; }

    /// <summary>B ≥ threshold × A (or A ≥ threshold × B for a reverse target) asks for an explanation (1.3).</summary>
    public required decimal OverAchievementThreshold { get; init; }

    public required QualitativeRules Qualitative { get; init; }

    /// <summary>Grade bands, highest first; a total belongs to the first band whose minimum it reaches.</summary>
    public required IReadOnlyList<GradeBand> Grades { get; init; }

    public required IReadOnlyList<FormTree> Forms { get; init; }

    /// <summary>What a grade means for next year's budget ("resultApplication" in the JSON, 结果应用).</summary>
    public required ResultApplication Results { get; init; }
    /// <summary>
    /// Whether rectification items (整改事项) raised in review are published on the portal with the form
    /// ("publishRectification" in the JSON; absent means no).
    /// </summary>
    public bool PublishRectification { get; init; }
    /// <summary>
    /// The grades a reviewer gives a targets form before approval (领域指南 §2.5), best first, each with its criteria and
    /// whether a form so graded may be approved into the budget ("targetGrades" in the JSON; empty when the file has none).
    /// </summary>
    public IReadOnlyList<TargetGradeRule> TargetGrades { get; init; } = [];

    /// <summary>Thresholds and vocabularies of the checks that are not scoring rules ("checks" in the JSON).</summary>
    public RulebookChecks Checks { get; init; } = RulebookChecks.Empty;

    /// <summary>事前绩效评估: the conclusions each grade allows and the amount above which a new project needs one ("exAnte").</summary>
    public ExAnteRules? ExAnte { get; init; }

    /// <summary>The indicator tree for a form kind, or null when the rulebook has none.</summary>
    public FormTree? TreeFor(FormKind kind) => Forms.FirstOrDefault(f => f.Kind == kind);

    /// <summary>Rounds a score at the rulebook's precision, half away from zero.</summary>
    public decimal Round(decimal score) => Math.Round(score, ScoreDecimals, MidpointRounding.AwayFromZero);

    /// <summary>The band of a (rounded) total.</summary>
    public GradeBand GradeFor(decimal total) => Grades.FirstOrDefault(g => total >= g.Min) ?? Grades[^1];

    /// <summary>Reads and validates a rulebook; throws <see cref="RulebookException"/> naming the bad field.</summary>
    public static Rulebook Parse(string json, string sourceName) => RulebookReader.Read(json, sourceName);
}

/// <summary>How 执行率 is computed and scored (§3.3).</summary>
public sealed class ExecutionRule
{
    /// <summary>Printed name of the row, 预算执行率.</summary>
    public required string Label { get; init; }

    /// <summary>When a form states 上级财政移动支付 (C), 执行率 = (B − C) / A instead of B / A.</summary>
    public required bool SubtractTransfer { get; init; }

    /// <summary>Decimals the rate is printed with (2: 99.79%).</summary>
    public required int RateDecimals { get; init; }

    /// <summary>Whether the score is min(rate, 100%) × w from the exact rate or from the rate as printed.</summary>
    public required ExecutionScoreBasis ScoreFrom { get; init; }

    /// <summary>An optional threshold: a rate below it scores 0 (null: proportional all the way down).</summary>
    public decimal? ZeroBelowRate { get; init; }

    /// <summary>Optional caps of the whole total by execution rate, e.g. rate &lt; 80% → total ≤ 89.</summary>
    public IReadOnlyList<TotalCap> TotalCaps { get; init; } = [];
}

public enum ExecutionScoreBasis
{
    /// <summary>w × min(B / A, 1) from the unrounded quotient.</summary>
    UnroundedRate,
    /// <summary>w × min(rate as printed, 100%).</summary>
    PrintedRate,
}

/// <summary>A rate strictly below <see cref="RateBelow"/> caps the total at <see cref="MaxTotal"/>; the lowest cap that applies wins.</summary>
public sealed record TotalCap(decimal RateBelow, decimal MaxTotal);

/// <summary>How a reverse (≤) target scores when the actual exceeds it (§3.2).</summary>
public enum ReverseFormula
{
    /// <summary>w × A / B (national).</summary>
    Ratio,
    /// <summary>w × (1 − (B − A) / A), 0 when B ≥ 2A (one province's variant).</summary>
    Linear,
}

/// <summary>The qualitative tiers and the words that map to them.</summary>
public sealed class QualitativeRules
{
    public required IReadOnlyList<TierRule> Tiers { get; init; }

    public required QualitativeVocabulary Vocabulary { get; init; }

    public TierRule For(QualitativeTier tier) => Tiers.First(t => t.Tier == tier);
}

/// <summary>One tier: scores in [Min × w, Max × w], the upper end open unless <see cref="MaxInclusive"/>.</summary>
public sealed record TierRule(QualitativeTier Tier, string Label, decimal Min, decimal Max, bool MaxInclusive, IReadOnlyList<string> Words);

/// <summary>A grade and the lowest total that reaches it.</summary>
public sealed record GradeBand(string Grade, decimal Min);

/// <summary>A grade of targets review: its name, what earns it, and whether the form may then enter the budget.</summary>
public sealed record TargetGradeRule(string Grade, string Criteria, bool Approvable);
/// <summary>
/// The ex-ante rules of a province and year: a new project asking for more than <see cref="GateAmount"/> (万元) needs a
/// passed assessment before it enters a targets round, and each conclusion is open only to the grades listed with it.
/// </summary>
public sealed record ExAnteRules(decimal GateAmount, IReadOnlyList<ConclusionRule> Conclusions)
{
    public ConclusionRule For(ExAnteConclusion conclusion) => Conclusions.First(c => c.Conclusion == conclusion);

    /// <summary>The conclusion a printed cell states, by the longest of the rulebook's words it contains; null when none.</summary>
    public ExAnteConclusion? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = CompactText.Of(text);
        ConclusionRule? best = null;
        var length = 0;
        foreach (var rule in Conclusions)
            foreach (var word in rule.Words)
                if (word.Length > length && compact.Contains(word, StringComparison.Ordinal)) (best, length) = (rule, word.Length);
        return best?.Conclusion;
    }
}

/// <summary>One conclusion: its printed label, the words that state it, and the grades that may lead to it.</summary>
public sealed record ConclusionRule(ExAnteConclusion Conclusion, string Label, IReadOnlyList<string> Words, IReadOnlyList<string> Grades);

/// <summary>The expected indicator tree of one form kind.</summary>
public sealed record FormTree(FormKind Kind, string Label, decimal? ExecutionWeight, IReadOnlyList<IndicatorBlock> Blocks);

/// <summary>A 一级 block with its weight and its 二级 indicators (weighted where the rulebook fixes them).</summary>
public sealed record IndicatorBlock(string Name, decimal Weight, IReadOnlyList<SubBlock> Children);

/// <summary>A 二级 indicator; <see cref="Weight"/> null where the unit chooses it.</summary>
public sealed record SubBlock(string Name, decimal? Weight);

/// <summary>
/// What the plausibility checks need from a province and year: which checks apply, the time schedule of monitoring, the
/// words that mark an indicator as not applicable or a cell as template text, the weight totals a targets form may
/// have and whether a 成本指标 is required. A rulebook without a "checks" object gets <see cref="Empty"/>: the checks
/// that need a vocabulary find nothing.
/// </summary>
public sealed class RulebookChecks
{
    public static RulebookChecks Empty { get; } = new();

    /// <summary>Finding codes this rulebook switches off (a province whose rules make the check meaningless).</summary>
    public IReadOnlyList<string> DisabledChecks { get; init; } = [];

    /// <summary>How far (as a fraction, 0.05 = 5 points) 1-N月执行率 may fall behind N/12 before the lag needs a reason.</summary>
    public decimal MonitoringScheduleTolerance { get; init; }

    /// <summary>Words with which a unit declares an indicator not applicable (不涉及, 无经济效益).</summary>
    public IReadOnlyList<string> NotApplicableWords { get; init; } = [];

    /// <summary>Marks of template text a unit should have replaced (**, 请填写, 指标1).</summary>
    public IReadOnlyList<string> TemplateMarkers { get; init; } = [];

    /// <summary>The weight totals a 绩效目标申报表 may add up to (100, or 90 where the execution rate's 10 is left out).</summary>
    public IReadOnlyList<decimal> TargetsWeightTotals { get; init; } = [];

    /// <summary>True from the year the guidance makes 成本指标 required in every indicator set.</summary>
    public bool CostIndicatorRequired { get; init; }

    /// <summary>An execution rate (fraction) below which every target reported met is a warning (0.6; 0 switches it off).</summary>
    public decimal LowExecutionRate { get; init; }

    /// <summary>A satisfaction (in %) at or above which, year after year, the survey is worth a reviewer's question (95).</summary>
    public decimal SatisfactionCeiling { get; init; }

    /// <summary>How many years in a row (this one included) a satisfaction must reach the ceiling to be noted (3).</summary>
    public int SatisfactionYears { get; init; }

    public bool Applies(string code) => !DisabledChecks.Contains(code, StringComparer.Ordinal);

    // Built once per rulebook: the rules look for these words in every row's cells, and most cells hold none of their
    // first characters, which a vectorised search over a character set rules out cheaply.
    private System.Buffers.SearchValues<char>? notApplicableStarts, templateStarts;

    internal System.Buffers.SearchValues<char> NotApplicableStarts =>
        notApplicableStarts ??= System.Buffers.SearchValues.Create(string.Concat(NotApplicableWords.Select(w => w[0])));

    internal System.Buffers.SearchValues<char> TemplateStarts =>
        templateStarts ??= System.Buffers.SearchValues.Create(string.Concat(TemplateMarkers.Select(w => w[0])));

    /// <summary>The first of <paramref name="words"/> found in <paramref name="text"/>; null when none.</summary>
    internal static string? FirstOf(System.Buffers.SearchValues<char> starts, IReadOnlyList<string> words, string? text)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(starts); at >= 0; at = rest.IndexOfAny(starts))
        {
            rest = rest[at..];
            foreach (var w in words)
                if (rest.StartsWith(w, StringComparison.Ordinal)) return w;
            rest = rest[1..];
        }
        return null;
    }
}


using Jixiao.Core.Forms;

namespace Jixiao.Data.Model;

/// <summary>
/// What analytics need of one form, derived from its body, findings and scoring by <see cref="Forms.FormStore"/> in the
/// same transaction as every save, import and transition; never edited directly. The overview, rankings, review queue
/// and portal search are SQL over these rows. <see cref="FactsVersion"/> says which derivation wrote the row: a newer
/// checker or rulebook re-derives older rows in the background (<see cref="Forms.FactRederivation"/>).
/// </summary>
public sealed class FormFact
{
    public int FormId { get; set; }
    public FormRecord? Form { get; set; }

    /// <summary>Copied from the organisation so access scoping is one indexed prefix comparison, no join.</summary>
    public required string OrganisationPath { get; set; }
    public int OrganisationId { get; set; }
    /// <summary>The organisation's name (the unit as the tree names it, not as the form prints it).</summary>
    public string? UnitName { get; set; }
    /// <summary>The organisation's 主管部门 ancestor (itself when it is one); null when it has none.</summary>
    public int? DepartmentId { get; set; }
    public string? DepartmentName { get; set; }
    /// <summary>The form's budget project, copied so an evaluator's filter (its tasks' projects) needs no join to the forms.</summary>
    public int? ProjectId { get; set; }
    public int Year { get; set; }
    public FormKind Kind { get; set; }
    public string? TemplateId { get; set; }
    public required string RulebookId { get; set; }
    public FormStatus Status { get; set; }
    /// <summary>Not superseded by a newer version.</summary>
    public bool IsCurrent { get; set; }
    public string? ProjectName { get; set; }
    public string? Title { get; set; }

    /// <summary>Whether the kind has a score at all (self-evaluations); the score columns are null otherwise.</summary>
    public bool Scored { get; set; }
    public decimal? ComputedTotal { get; set; }
    public string? ComputedGrade { get; set; }
    public decimal? StatedTotal { get; set; }
    public string? StatedGrade { get; set; }

    /// <summary>The funds total row's 全年预算数 and 全年执行数, in the form's money unit.</summary>
    public decimal? Budget { get; set; }
    public decimal? Executed { get; set; }
    /// <summary><see cref="Budget"/> in 元 (null when the form states no money unit): what next year's budget is a share of.</summary>
    public decimal? BudgetYuan { get; set; }
    /// <summary>Executed ÷ budget as a fraction (0.95), null without both or with a zero budget.</summary>
    public decimal? ExecutionRate { get; set; }

    /// <summary>
    /// A published form keeps its published score when finance chooses another rulebook for its organisation and year;
    /// what that rulebook would give is kept here beside it (null: no other rulebook was applied since publication).
    /// </summary>
    public string? RescoredRulebookId { get; set; }
    public decimal? RescoredTotal { get; set; }
    public string? RescoredGrade { get; set; }

    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Infos { get; set; }
    /// <summary>Rows that lost points with no reason given.</summary>
    public int Unexplained { get; set; }
    /// <summary>Points lost by rows and the execution row, by the rules.</summary>
    public decimal Deductions { get; set; }
    /// <summary>How much a reviewer should worry (<see cref="Forms.FormStore.RiskOf"/>); orders the review queue.</summary>
    public decimal Risk { get; set; }

    public int CheckerVersion { get; set; }
    public int FactsVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>A background re-derivation's claim on this row (instance name) until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// The fingerprint of the finding rows and indicator facts <see cref="Forms.FormStore"/> last wrote for this form
    /// (<see cref="Forms.DerivedRowsHash"/>); a save that derives the same leaves them unread. Null: not known (the bulk
    /// loader, rows from before it), so the next write reads and rewrites them. Whatever else writes those rows sets it null.
    /// </summary>
    public long? RowsHash { get; set; }

    /// <summary>Title, unit, department and project in one column for the portal's substring search.</summary>
    public string SearchText { get; set; } = "";

    public List<IndicatorFact> Indicators { get; set; } = [];
}

/// <summary>One indicator row of a form, for the indicator library and analytics (derived like <see cref="FormFact"/>).</summary>
public sealed class IndicatorFact
{
    public int FormId { get; set; }
    /// <summary>1-based, the row's place in the form.</summary>
    public int Position { get; set; }
    public FormFact? Fact { get; set; }

    public required string OrganisationPath { get; set; }
    public int Year { get; set; }
    public FormKind Kind { get; set; }
    public string? Level1 { get; set; }
    public string? Level2 { get; set; }
    public string? Name { get; set; }
    /// <summary>The name without whitespace and punctuation, full-width folded, so one indicator groups across forms.</summary>
    public string? NormalisedName { get; set; }
    public string? Target { get; set; }
    public decimal? TargetValue { get; set; }
    public string? Actual { get; set; }
    public decimal? ActualValue { get; set; }
    public string? Unit { get; set; }
    /// <summary>The comparison the target states (≥, ≤, = …), as the notation parser names it.</summary>
    public string? Comparator { get; set; }
    /// <summary>Whether more is better (positive), less (reverse) or neither, as scored.</summary>
    public string? Direction { get; set; }
    public decimal? Weight { get; set; }
    public decimal? StatedScore { get; set; }
    public decimal? ComputedScore { get; set; }
}

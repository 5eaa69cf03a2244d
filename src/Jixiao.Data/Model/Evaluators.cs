namespace Jixiao.Data.Model;

/// <summary>
/// A third-party evaluation agency (第三方机构) in a finance bureau's registry. Its evaluators are users with the
/// 第三方评价 role and <see cref="AppUser.AgencyId"/>; they reach only the projects finance assigns to the agency.
/// </summary>
public sealed class EvaluationAgency
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>统一社会信用代码 (GB 32100-2015), check character included.</summary>
    public required string CreditCode { get; set; }

    /// <summary>联系人</summary>
    public string Contact { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>资质: the agency's qualifications as finance records them.</summary>
    public string Qualifications { get; set; } = "";

    /// <summary>The finance bureau whose registry holds the agency.</summary>
    public int OrganisationId { get; set; }

    /// <summary>That bureau's path: the agency is seen from its subtree and from above it.</summary>
    public required string OrganisationPath { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<EvaluationExpert> Experts { get; set; } = [];
}

/// <summary>An expert (专家) of an agency: who may be named on an evaluation task.</summary>
public sealed class EvaluationExpert
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public EvaluationAgency? Agency { get; set; }

    public required string Name { get; set; }

    /// <summary>专业领域</summary>
    public string Field { get; set; } = "";

    /// <summary>职称</summary>
    public string Title { get; set; } = "";

    /// <summary>The agency's <see cref="EvaluationAgency.OrganisationPath"/>, copied so scoping needs no join.</summary>
    public required string OrganisationPath { get; set; }

    /// <summary>Removed from the agency; kept because earlier tasks name the expert.</summary>
    public bool Removed { get; set; }
}

/// <summary>
/// An evaluation task (评价任务): finance assigns an agency to one budget project (a project belongs to one year). While
/// it is active — not withdrawn and its year not closed — the agency's evaluators see the project and its forms.
/// </summary>
public sealed class EvaluationAssignment
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public EvaluationAgency? Agency { get; set; }

    public int ProjectId { get; set; }

    public BudgetProject? Project { get; set; }

    /// <summary>The project's unit; its path scopes the task (the unit and everyone above it see it).</summary>
    public int OrganisationId { get; set; }

    public required string OrganisationPath { get; set; }

    public int Year { get; set; }

    /// <summary>Copies for lists, as when the task was given.</summary>
    public required string ProjectName { get; set; }

    public required string UnitName { get; set; }

    /// <summary>Ids of the named experts as a JSON array ("[3,5]"); empty when the agency chooses.</summary>
    public string ExpertIds { get; set; } = "[]";

    /// <summary>任务说明</summary>
    public string Note { get; set; } = "";

    public DateTimeOffset AssignedAt { get; set; }

    public required string AssignedBy { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawReason { get; set; }
}

/// <summary>
/// Finance's quality score (质量评分) of the report an agency delivered for one task: a score per criterion of the
/// configured scheme with comments, and their sum. One per task; recording again replaces it (audited).
/// </summary>
public sealed class EvaluationQualityScore
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    public EvaluationAssignment? Assignment { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The evaluation form (the report) the score is about.</summary>
    public int FormId { get; set; }

    /// <summary>The task's <see cref="EvaluationAssignment.OrganisationPath"/>.</summary>
    public required string OrganisationPath { get; set; }

    public decimal Total { get; set; }

    /// <summary>The criteria as scored: a JSON array of {criterion, max, score, comment}.</summary>
    public required string Items { get; set; }

    public string Comment { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

namespace Jixiao.Data.Model;

/// <summary>
/// A reviewer's grade of a targets form before approval (领域指南 §2.5): one of the rulebook's target grades (优/良/中/差)
/// with the reasons, kept whole (a regrade is a new row; the latest one counts).
/// </summary>
public sealed class TargetGrade
{
    public int Id { get; set; }
    public int FormId { get; set; }
    /// <summary>The unit's path, copied so access scoping is one prefix comparison.</summary>
    public required string OrganisationPath { get; set; }
    /// <summary>The grade's name as the rulebook lists it (优, 良, 中, 差).</summary>
    public required string Grade { get; set; }
    public required string Reasons { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The role the reviewer graded in (主管部门审核 or 财政审核).</summary>
    public required string Role { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum AdjustmentState
{
    /// <summary>待审核</summary>
    Pending,
    /// <summary>已批准: the changes were written into the approved targets.</summary>
    Approved,
    /// <summary>已驳回</summary>
    Rejected,
}

/// <summary>
/// A mid-year correction (纠偏) of approved targets: the unit proposes new target values with a reason, a reviewer
/// approves or rejects it. Approval writes the values into the targets form, so monitoring, self-evaluation and every
/// later comparison read the adjusted target; the values before and after stay here.
/// </summary>
public sealed class TargetAdjustment
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string UnitName { get; set; }
    public string? ProjectName { get; set; }
    public int Year { get; set; }
    public AdjustmentState State { get; set; }
    public required string Reason { get; set; }
    /// <summary>The changed rows as JSON (<c>[{"row":1,"indicator":"…","before":"≥120台","after":"≥100台"}]</c>), read whole, never queried into.</summary>
    public required string ChangesJson { get; set; }
    public required string RequestedById { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Decision { get; set; }
}

/// <summary>One target value an adjustment changes (row numbers count from 1, as the editor shows them).</summary>
public sealed record TargetChange(int Row, string? Indicator, string? Before, string After);

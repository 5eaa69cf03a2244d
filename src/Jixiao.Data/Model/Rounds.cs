using Jixiao.Core.Forms;

namespace Jixiao.Data.Model;

/// <summary>What a round asks of its units (财预〔2020〕10号: targets with the budget, monitoring mid-year, self-evaluation after the year).</summary>
public enum RoundKind
{
    /// <summary>绩效目标申报: one targets form per project of the year.</summary>
    Targets,
    /// <summary>绩效监控 (months 1–N): one monitoring table per project.</summary>
    Monitoring,
    /// <summary>项目支出绩效自评: one self-evaluation per project.</summary>
    SelfEvaluation,
    /// <summary>部门整体支出绩效自评: the department-wide table of each unit.</summary>
    DepartmentWide,
}

/// <summary>
/// One collection finance opens for a year over a subtree, with a deadline. Opening gives every unit in the subtree its
/// <see cref="RoundTask"/>s; closing it refuses later submissions unless the unit was given an extension.
/// </summary>
public sealed class Round
{
    public int Id { get; set; }
    public RoundKind Kind { get; set; }
    public int Year { get; set; }
    /// <summary>Monitoring rounds: the months 1–N the tables cover.</summary>
    public int? MonitoringMonths { get; set; }
    /// <summary>The subtree the round covers (usually the finance bureau that opened it).</summary>
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string OrganisationName { get; set; }
    public required string Title { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public List<RoundTask> Tasks { get; set; } = [];
}

/// <summary>
/// One form a unit owes a round: its kind, project and the key its form will hold (<see cref="Forms.FormIdentity"/>), so
/// completion is one join with the current forms.
/// </summary>
public sealed class RoundTask
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public Round? Round { get; set; }
    public int OrganisationId { get; set; }
    /// <summary>The unit's path, copied so access scoping is one prefix comparison.</summary>
    public required string OrganisationPath { get; set; }
    public required string UnitName { get; set; }
    public int? DepartmentId { get; set; }
    public string? DepartmentName { get; set; }
    public int? ProjectId { get; set; }
    public string? ProjectName { get; set; }
    public FormKind Kind { get; set; }
    public required string FormKey { get; set; }
    /// <summary>The unit's deadline: the round's, or later when finance extended it for this unit.</summary>
    public DateOnly Deadline { get; set; }
}

/// <summary>A deadline moved for one unit of a round, and why (kept whole: an extension is never edited).</summary>
public sealed class RoundExtension
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public DateOnly Before { get; set; }
    public DateOnly Until { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
}

public enum ReminderKind
{
    /// <summary>新任务: the round was opened.</summary>
    Opened,
    /// <summary>即将截止: a few days before the unit's deadline.</summary>
    DueSoon,
    /// <summary>已逾期: the day after the unit's deadline.</summary>
    Overdue,
}

public enum ReminderState
{
    Pending,
    /// <summary>Shown in the app, and e-mailed where SMTP is configured.</summary>
    Sent,
    /// <summary>Nothing left to remind of when it fell due (the unit had submitted, the round was closed).</summary>
    Skipped,
}

/// <summary>
/// One reminder to one unit, due at <see cref="DueAt"/>. A worker claims it with one conditional UPDATE (pending, due,
/// lease free or expired → this worker's lease), so with several instances each reminder is sent once.
/// </summary>
public sealed class RoundReminder
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public ReminderKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public ReminderState State { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Addresses the e-mail went to (0 without SMTP or without addresses).</summary>
    public int Emailed { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}

namespace Jixiao.Data.Model;

/// <summary>
/// An immutable snapshot taken at each submission: the form and its findings as JSON (a snapshot is read whole, never
/// queried into), with the submitter's justifications for error-level findings as rows reviewers can list.
/// </summary>
public sealed class FormVersion
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public FormRecord? Form { get; set; }
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    /// <summary>The form in the stored shape <see cref="SchemaVersion"/> (read it with <see cref="Forms.FormBody.Read(FormVersion)"/>).</summary>
    public required string FormJson { get; set; }
    /// <summary>The storage shape of <see cref="FormJson"/> (<see cref="Forms.FormBody.CurrentVersion"/> when written).</summary>
    public int SchemaVersion { get; set; }
    public required string FindingsJson { get; set; }
    /// <summary>The rulebook the version was checked and scored by (null for versions from before it was recorded).</summary>
    public string? RulebookId { get; set; }
    public List<FindingJustification> Justifications { get; set; } = [];
}

/// <summary>Why a unit submits in spite of an error-level finding (stored with the version, shown to reviewers).</summary>
public sealed class FindingJustification
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public FormVersion? Version { get; set; }
    public required string FindingCode { get; set; }
    public required string FindingLocation { get; set; }
    public required string FindingMessage { get; set; }
    public required string Text { get; set; }
}

public enum WorkflowAction
{
    /// <summary>提交</summary>
    Submit,
    /// <summary>退回</summary>
    Return,
    /// <summary>审核通过</summary>
    Approve,
    /// <summary>解锁</summary>
    Unlock,
    /// <summary>公开</summary>
    Publish,
    /// <summary>撤回: the unit takes back a submission nobody has reviewed yet.</summary>
    Withdraw,
    /// <summary>取消公开: finance takes a published form off the portal, with a reason.</summary>
    Unpublish,
}

public static class WorkflowActions
{
    public static string ChineseName(this WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "提交",
        WorkflowAction.Return => "退回",
        WorkflowAction.Approve => "审核通过",
        WorkflowAction.Unlock => "解锁",
        WorkflowAction.Publish => "公开",
        WorkflowAction.Withdraw => "撤回",
        WorkflowAction.Unpublish => "取消公开",
    };
}

/// <summary>One step of a form through the workflow: who, when, why.</summary>
public sealed class WorkflowTransition
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public FormRecord? Form { get; set; }
    public WorkflowAction Action { get; set; }
    public FormStatus From { get; set; }
    public FormStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public string? Reason { get; set; }
    /// <summary>The version a submission created.</summary>
    public int? VersionNumber { get; set; }
}

/// <summary>
/// One change, append-only (the context refuses to update or delete these): who, when, which entity and field,
/// before → after. <see cref="OrganisationPath"/> is copied at write time so access scoping needs no join.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>create, update, transition, import, delete, unlock …</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string OrganisationPath { get; set; }
    public string? Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>A bearer token for integrations; only its SHA-256 is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

namespace Jixiao.Data.Model;

/// <summary>Where a rectification item (整改事项) stands. Only a reviewer moves it to <see cref="Closed"/>.</summary>
public enum RectificationStatus
{
    /// <summary>待整改: raised, the unit has not started.</summary>
    Open,
    /// <summary>整改中: the unit works it (also after a reviewer sent it back).</summary>
    InProgress,
    /// <summary>待复核: the unit submitted its evidence; the reviewer closes it or sends it back.</summary>
    Submitted,
    /// <summary>已整改: closed by a reviewer.</summary>
    Closed,
}

/// <summary>What in review the item came from.</summary>
public enum RectificationSource
{
    /// <summary>退回意见: a return of the form (<see cref="RectificationItem.TransitionId"/>).</summary>
    Return,
    /// <summary>审核意见: the reviewer's own words.</summary>
    Comment,
    /// <summary>审核问题: a finding on the form (<see cref="RectificationItem.FindingCode"/>).</summary>
    Finding,
}

/// <summary>
/// One problem found in review that the unit must put right, with its deadline, its status, the unit's evidence and the
/// notes of every step. The owner unit's path is copied so scoping is one prefix comparison; the raising reviewer's
/// organisation path decides who may close it (that organisation and those above it).
/// </summary>
public sealed class RectificationItem
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public FormRecord? Form { get; set; }
    /// <summary>The owner unit (the form's unit).</summary>
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string UnitName { get; set; }
    public int Year { get; set; }
    public string? FormTitle { get; set; }
    public RectificationSource Source { get; set; }
    public int? TransitionId { get; set; }
    public string? FindingCode { get; set; }
    /// <summary>Where on the form the finding sits (block, row, field), as the finding list shows it.</summary>
    public string? FindingPlace { get; set; }
    /// <summary>整改要求: what must be put right.</summary>
    public required string What { get; set; }
    public DateOnly Deadline { get; set; }
    public RectificationStatus Status { get; set; }
    public required string RaisedById { get; set; }
    public required string RaisedByName { get; set; }
    /// <summary>The raising reviewer's organisation: it and the organisations above it may close the item.</summary>
    public required string RaisedByPath { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>Shown on the portal with the published form: the form's rulebook said so when the item was raised.</summary>
    public bool Disclosed { get; set; }
    /// <summary>Raised by every step; a step taken on an older revision is a conflict.</summary>
    public int Revision { get; set; }
    public List<RectificationNote> Notes { get; set; } = [];
    public List<RectificationEvidence> Evidence { get; set; } = [];
}

/// <summary>One step of an item (raised, started, submitted, closed, sent back) or a note, with who and when.</summary>
public sealed class RectificationNote
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public RectificationItem? Item { get; set; }
    public required string OrganisationPath { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public RectificationStatus? From { get; set; }
    public RectificationStatus? To { get; set; }
    public required string Text { get; set; }
}

/// <summary>An attachment the unit gives as evidence; its bytes are served only to people whose subtree holds the unit.</summary>
public sealed class RectificationEvidence
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public RectificationItem? Item { get; set; }
    public required string OrganisationPath { get; set; }
    public required string Name { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
}

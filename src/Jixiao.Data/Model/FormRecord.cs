using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Data.Model;

/// <summary>Where a form is in the review workflow.</summary>
public enum FormStatus
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>已提交</summary>
    Submitted,
    /// <summary>主管部门已审核</summary>
    DepartmentApproved,
    /// <summary>财政已审核</summary>
    FinanceApproved,
    /// <summary>已公开</summary>
    Published,
    /// <summary>已退回: back with the unit, editable, with the reviewer's reason in the history.</summary>
    Returned,
}

public static class FormStatuses
{
    public static string ChineseName(this FormStatus status) => status switch
    {
        FormStatus.Draft => "草稿",
        FormStatus.Submitted => "已提交",
        FormStatus.DepartmentApproved => "主管部门已审核",
        FormStatus.FinanceApproved => "财政已审核",
        FormStatus.Published => "已公开",
        FormStatus.Returned => "已退回",
    };

    /// <summary>Only the unit's own working states can be edited; everything from submission on is locked.</summary>
    public static bool IsEditable(this FormStatus status) => status is FormStatus.Draft or FormStatus.Returned;
}

/// <summary>
/// The current state of one form: the whole form as one JSON document (<see cref="Body"/>, in the storage shape of
/// <see cref="SchemaVersion"/>), beside the header columns that access filters, uniqueness, the workflow and lists query.
/// Submitted states are kept as immutable <see cref="FormVersion"/> snapshots; analytics read the derived
/// <see cref="FormFact"/> and <see cref="IndicatorFact"/> rows, never the body.
/// </summary>
public sealed class FormRecord
{
    public int Id { get; set; }

    public FormKind Kind { get; set; }

    public FormStatus Status { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int FiscalYearId { get; set; }

    public FiscalYear? FiscalYear { get; set; }

    public int? ProjectId { get; set; }

    public BudgetProject? Project { get; set; }

    /// <summary>Raised by every save; a save that brings an older revision is a conflict, never an overwrite.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The number of the latest submitted version, 0 before the first submission.</summary>
    public int LatestVersion { get; set; }

    /// <summary>Which form this is (<see cref="Forms.FormIdentity"/>), unique among current forms; null once superseded.</summary>
    public string? UniqueKey { get; set; }

    /// <summary>The form that replaced this one as an explicit new version (or, for duplicates from before keys, the newest of them).</summary>
    public int? SupersededById { get; set; }

    public bool IsSuperseded => SupersededById is not null;

    /// <summary>
    /// The whole <see cref="PerformanceForm"/> as JSON (<see cref="Forms.FormBody"/>): jsonb on PostgreSQL, text on
    /// SQLite. Null only for a form stored as rows before bodies existed, until startup fills it from those rows.
    /// </summary>
    public string? Body { get; set; }

    /// <summary>The storage shape <see cref="Body"/> is in; older shapes are upgraded in memory when read.</summary>
    public int SchemaVersion { get; set; }

    // Copies of header fields of the body that lists show and uniqueness needs, set from the body on every write.
    public string? TemplateId { get; set; }
    public int? TemplateVersion { get; set; }
    public int? StatedYear { get; set; }
    public string? Title { get; set; }
    public string? ProjectName { get; set; }
    public string? DepartmentName { get; set; }
    public string? UnitName { get; set; }
    public int? MonitoringMonths { get; set; }

    public List<FormFinding> Findings { get; set; } = [];

    /// <summary>
    /// The finding rows a <see cref="Forms.FormStore"/> write of this instance derived and left unwritten, in order: a
    /// save reads and rewrites <see cref="Findings"/> only when they change (<see cref="FormFact.RowsHash"/>), so after
    /// one that left them alone that collection is not loaded. Null when the rows are in <see cref="Findings"/>.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IReadOnlyList<FormFinding>? WrittenFindings { get; set; }

    /// <summary>The form's findings in order: as this unit of work wrote them, or as read.</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IEnumerable<FormFinding> CurrentFindings => WrittenFindings ?? (IEnumerable<FormFinding>)Findings.OrderBy(f => f.Position);

    /// <summary>The analytics row of this form (written with every save and transition by <see cref="Forms.FormStore"/>).</summary>
    public FormFact? Fact { get; set; }

    public bool IsLocked => !Status.IsEditable() || IsSuperseded;
}

/// <summary>A checker finding on the current state of a form, recomputed on every save.</summary>
public sealed class FormFinding
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public FormRecord? Form { get; set; }
    /// <summary>
    /// The form's organisation path and project, copied from its fact by <see cref="Forms.FormStore.Write"/> so the
    /// access filter reads the finding's own columns: joining the forms (bodies and all) for it was most of the
    /// overview's findings-by-code count at province scale.
    /// </summary>
    public string OrganisationPath { get; set; } = "";
    public int? ProjectId { get; set; }
    public int Position { get; set; }
    public required string Code { get; set; }
    public Severity Severity { get; set; }
    public required string Message { get; set; }
    public required string MessageEn { get; set; }
    public required string Block { get; set; }
    public int? RowNumber { get; set; }
    public string? Field { get; set; }
    public string? RowLabel { get; set; }
    public string? Stated { get; set; }
    public string? Expected { get; set; }
    public string? Explanation { get; set; }

    /// <summary>
    /// The other form a cross-form or cross-year finding compares with (<see cref="Finding.Compared"/>): the stored
    /// form's id, or with no id, the set of forms its kind and year name. Not a foreign key: the other form may be
    /// deleted later, and the finding still says what was compared when it was raised.
    /// </summary>
    public int? ComparedFormId { get; set; }
    public FormKind? ComparedKind { get; set; }
    public int? ComparedYear { get; set; }
    public string? ComparedProject { get; set; }

    public static FormFinding From(Finding f, int position) => new()
    {
        Position = position,
        Code = f.Code,
        Severity = f.Severity,
        Message = f.Message,
        MessageEn = f.MessageEn,
        Block = f.Location.Block,
        RowNumber = f.Location.Row,
        Field = f.Location.Field,
        RowLabel = f.Location.RowLabel,
        Stated = f.Stated,
        Expected = f.Expected,
        Explanation = f.Explanation,
        ComparedFormId = f.Compared?.Id,
        ComparedKind = f.Compared?.Kind,
        ComparedYear = f.Compared?.Year,
        ComparedProject = f.Compared?.Project is { } p && p.Length > ColumnLengths.ProjectName ? p[..ColumnLengths.ProjectName] : f.Compared?.Project,
    };

    public Finding ToFinding() => new(Code, Severity, Message, MessageEn, new FindingLocation(Block, RowNumber, Field, RowLabel), Stated, Expected, Explanation,
        ComparedKind is { } kind ? new FormReference(kind, ComparedYear, ComparedProject, ComparedFormId is { } id ? Forms.FormRelations.DocumentName(id) : null, ComparedFormId) : null);
}

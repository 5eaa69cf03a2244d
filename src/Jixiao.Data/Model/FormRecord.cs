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
/// The current state of one form as queryable rows: the header here, the blocks in child tables. Submitted states are
/// kept as immutable <see cref="FormVersion"/> snapshots beside it.
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

    // The header of PerformanceForm, column for column.
    public int? StatedYear { get; set; }
    public string? Title { get; set; }
    public string? ProjectName { get; set; }
    public string? DepartmentName { get; set; }
    public string? UnitName { get; set; }
    public MoneyUnit? MoneyUnit { get; set; }
    public int? MonitoringMonths { get; set; }
    public string? PlannedGoal { get; set; }
    public string? ActualGoal { get; set; }
    public string? Functions { get; set; }
    public decimal? StatedWeightTotal { get; set; }
    public decimal? StatedTotal { get; set; }
    public string? StatedGrade { get; set; }
    public bool HasStaffing { get; set; }
    public decimal? StaffingAuthorized { get; set; }
    public decimal? StaffingActual { get; set; }
    public decimal? StaffingRate { get; set; }
    public int? StaffingRateDecimals { get; set; }
    public SourceColumns StaffingSource { get; set; } = new();
    public string? Text { get; set; }
    public string? Filler { get; set; }
    public string? Head { get; set; }
    public bool Incomplete { get; set; }

    /// <summary>
    /// The reading doubts as a JSON array of records (FormJson.SerializeDoubts). Rows stored before doubts were typed hold
    /// plain notes, one a line; they are read back as form-scope doubts.
    /// </summary>
    public string? ReadingNotes { get; set; }

    public SourceColumns Source { get; set; } = new();

    public List<FormFundsRow> Funds { get; set; } = [];

    public List<FormIndicatorRow> Indicators { get; set; } = [];

    public List<FormBasicDataRow> BasicData { get; set; } = [];

    public List<FormFinding> Findings { get; set; } = [];

    public bool IsLocked => !Status.IsEditable() || IsSuperseded;
}

/// <summary>A <see cref="SourcePosition"/> flattened into nullable columns (a complex type, so no extra table).</summary>
public sealed class SourceColumns
{
    public int? Row { get; set; }
    public int? Column { get; set; }
    public string? Sheet { get; set; }
    public int? Page { get; set; }

    public static SourceColumns From(SourcePosition? p) =>
        p is null ? new() : new() { Row = p.Row, Column = p.Column, Sheet = p.Sheet, Page = p.Page };

    public SourcePosition? ToPosition() => Row is { } row ? new SourcePosition(row, Column ?? 0, Sheet, Page) : null;
}

public sealed class FormFundsRow
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Position { get; set; }
    public string Label { get; set; } = "";
    public FundsRowRole Role { get; set; }
    public decimal? InitialBudget { get; set; }
    public decimal? Budget { get; set; }
    public decimal? Executed { get; set; }
    public decimal? Transfer { get; set; }
    public decimal? ForecastExecuted { get; set; }
    public decimal? Weight { get; set; }
    public decimal? StatedRate { get; set; }
    public int? StatedRateDecimals { get; set; }
    public decimal? StatedScore { get; set; }
    public SourceColumns Source { get; set; } = new();
}

public sealed class FormIndicatorRow
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Position { get; set; }
    public string? Level1 { get; set; }
    public decimal? Level1Weight { get; set; }
    public string? Level2 { get; set; }
    public decimal? Level2Weight { get; set; }
    public string? Name { get; set; }
    public string? Content { get; set; }
    public string? Target { get; set; }
    public string? Actual { get; set; }
    public decimal? Weight { get; set; }
    public decimal? StatedScore { get; set; }
    public string? Explanation { get; set; }
    public string? Improvement { get; set; }
    public string? MidYearProgress { get; set; }
    public string? ExpectedCompletion { get; set; }
    public DeviationCauses Causes { get; set; }
    public CompletionLikelihood? Likelihood { get; set; }
    public string? Remark { get; set; }
    public SourceColumns Source { get; set; } = new();
}

public sealed class FormBasicDataRow
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Position { get; set; }
    public string Label { get; set; } = "";
    public int Depth { get; set; }
    public decimal? PriorYearFinal { get; set; }
    public decimal? Budget { get; set; }
    public decimal? Final { get; set; }
    public string? Text { get; set; }
    public SourceColumns Source { get; set; } = new();
}

/// <summary>A checker finding on the current state of a form, recomputed on every save.</summary>
public sealed class FormFinding
{
    public int Id { get; set; }
    public int FormId { get; set; }
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
    };

    public Finding ToFinding() => new(Code, Severity, Message, MessageEn, new FindingLocation(Block, RowNumber, Field, RowLabel), Stated, Expected, Explanation);
}

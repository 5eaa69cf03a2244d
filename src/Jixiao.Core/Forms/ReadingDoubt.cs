namespace Jixiao.Core.Forms;

/// <summary>How much of a form a <see cref="ReadingDoubt"/> covers; derived from the fields it names.</summary>
public enum DoubtScope
{
    /// <summary>The whole form (a note stored before doubts were typed).</summary>
    Form,
    /// <summary>One block: the indicator table cut off, the basic-data block missing.</summary>
    Block,
    /// <summary>One row: every value of it may be wrong.</summary>
    Row,
    /// <summary>Named cells (of a row, or a form-level cell such as the stated total).</summary>
    Cell,
}

/// <summary>The blocks of a form, as a reader and the checker see them.</summary>
public enum FormBlock
{
    Form,
    Header,
    Funds,
    Goals,
    Indicators,
    Total,
    BasicData,
    Staffing,
    Report,
}

/// <summary>Why a reader is unsure of what it read. Codes are part of the JSON output (kebab-case names).</summary>
public enum DoubtReason
{
    /// <summary>A note stored before doubts were typed: its words are shown, its scope is the whole form.</summary>
    Unspecified,
    /// <summary>The table stops before this block or before its end (a published excerpt, a lost page).</summary>
    CutOff,
    /// <summary>Cells may sit under the wrong header (a page break pushed them sideways, empty cells were dropped).</summary>
    ShiftedCells,
    /// <summary>A fragment split off by a page break could not be placed in a cell.</summary>
    StrayFragment,
    /// <summary>Text stands where a number belongs; the cell was not read.</summary>
    NotANumber,
    /// <summary>A number that can be read more than one way.</summary>
    AmbiguousNumber,
    /// <summary>A character a text layer or OCR may have confused (≥ read as 2, 工 or ^).</summary>
    OcrConfusion,
    /// <summary>A row of the blank template (指标1, ……) left out.</summary>
    PlaceholderRow,
    /// <summary>A column the layout needs was not found.</summary>
    MissingColumn,
    /// <summary>A cell the row should have is blank.</summary>
    MissingValue,
    /// <summary>A cell with no header above it; not read.</summary>
    ExtraCell,
    /// <summary>The 一级 of a row was not printed (or garbled) and was taken from its 二级.</summary>
    InferredLevel,
    /// <summary>The 一级 cell holds a word of another level (a garbled merge); the row was placed by its 二级.</summary>
    MisplacedLevel,
    /// <summary>The document states different values for one fact; none was taken.</summary>
    ConflictingStatements,
    /// <summary>
    /// A funds row that stands inside another part (a 小计 printed among its own items, a bracketed 其中 of one part): the
    /// form holds one level of parts, so the row is kept as read and no sum over the parts is asserted.
    /// </summary>
    NestedParts,
}

/// <summary>The role of the column (or form-level field) a doubtful cell belongs to.</summary>
public enum CellRole
{
    Label,
    Level1,
    Level2,
    Name,
    Content,
    Target,
    Actual,
    Weight,
    Score,
    Explanation,
    Improvement,
    MidYearProgress,
    ExpectedCompletion,
    Causes,
    Likelihood,
    Remark,
    InitialBudget,
    Budget,
    Executed,
    Transfer,
    Forecast,
    Rate,
    PriorYearFinal,
    Final,
    Authorized,
    ActualStaff,
    StatedWeightTotal,
    StatedTotal,
    StatedGrade,
}

/// <summary>
/// One place where reading was not certain, as a record the checker can act on: it holds back exactly the checks that
/// read a doubtful cell (CheckContext.IsDoubtful). The sentence people read is generated from it
/// (<see cref="ReadingDoubtText"/>), never parsed back.
/// </summary>
public sealed record ReadingDoubt
{
    /// <summary>Why the reader is unsure.</summary>
    public required DoubtReason Reason { get; init; }

    /// <summary>The block the doubt is in.</summary>
    public required FormBlock Block { get; init; }

    /// <summary>The source row of the doubtful row or cells; null for a block, a form or a form-level cell.</summary>
    public SourcePosition? Row { get; init; }

    /// <summary>The columns of the doubtful cells; empty when the whole row (or block) is in doubt.</summary>
    public IReadOnlyList<CellRole> Cells { get; init; } = [];

    /// <summary>The name a person finds the row by; for a cut-off table the last row read.</summary>
    public string? RowLabel { get; init; }

    /// <summary>The raw text involved, as printed.</summary>
    public string? Text { get; init; }

    /// <summary>What the reader recorded instead, when it recorded anything (an inferred 一级, a cell taken as 内容).</summary>
    public string? Assumed { get; init; }

    public DoubtScope Scope =>
        Cells.Count > 0 ? DoubtScope.Cell
        : Row is not null ? DoubtScope.Row
        : Block != FormBlock.Form ? DoubtScope.Block
        : DoubtScope.Form;

    /// <summary>True when this doubt is about the row read from <paramref name="source"/> (same sheet, page and line).</summary>
    public bool IsAt(SourcePosition? source) =>
        Row is not null && source is not null && Row.Row == source.Row && Row.Sheet == source.Sheet && Row.Page == source.Page
        // Rows of one flattened line are told apart by where their first word stands; a doubt without a word covers the line.
        && (Row.Word is null || source.Word is null || Row.Word == source.Word);

    /// <summary>True when this doubt covers the cell of <paramref name="role"/> (a doubt naming no cells covers every cell).</summary>
    public bool Covers(CellRole role) => Cells.Count == 0 || Cells.Contains(role);

    /// <summary>A note stored as a sentence before doubts were typed: kept, shown, scoped to the whole form.</summary>
    public static ReadingDoubt Legacy(string note) => new() { Reason = DoubtReason.Unspecified, Block = FormBlock.Form, Text = note };
}

public static class DoubtReasons
{
    /// <summary>True for a record of how a cell was interpreted (its numbers were read), not of a value that may be wrong.</summary>
    public static bool IsInterpretation(this DoubtReason reason) => reason is DoubtReason.InferredLevel or DoubtReason.MisplacedLevel;
}

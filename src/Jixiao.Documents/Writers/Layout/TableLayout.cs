namespace Jixiao.Documents.Writers.Layout;

/// <summary>How a cell of an official table looks; each writer maps it to its own formatting.</summary>
public enum CellStyle
{
    /// <summary>A column or block heading (项目资金, 一级指标 …): bold, centred.</summary>
    Header,
    /// <summary>A row label or a merged tree cell (年度资金总额, 产出指标): centred.</summary>
    Label,
    /// <summary>Free text (goals, indicator names, reasons): left-aligned, wrapped.</summary>
    Text,
    /// <summary>An amount or a score: right-aligned.</summary>
    Number,
    /// <summary>A short centred value (percentages, ticks).</summary>
    Center,
}

/// <summary>
/// One cell of a form's printed table, 0-based, with its spans. <see cref="Text"/> is always what is printed;
/// <see cref="Number"/> is set for amounts and scores so a spreadsheet can keep them as numbers.
/// </summary>
public sealed record LayoutCell(int Row, int Column, string Text, CellStyle Style, int RowSpan = 1, int ColumnSpan = 1)
{
    public decimal? Number { get; init; }

    /// <summary>The spreadsheet number format that prints <see cref="Number"/> as <see cref="Text"/>.</summary>
    public string? NumberFormat { get; init; }
}

/// <summary>
/// The official layout of one form, independent of the file format: a title, lines before the table, the table as
/// cells with spans, and lines after it (填报人/单位负责人, notes). A narrative report has paragraphs and no table.
/// </summary>
public sealed class TableLayout
{
    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public IReadOnlyList<string> Preamble { get; init; } = [];

    /// <summary>Relative column widths in spreadsheet character units (a CJK character is about 2).</summary>
    public required IReadOnlyList<double> ColumnWidths { get; init; }

    public required IReadOnlyList<LayoutCell> Cells { get; init; }

    public IReadOnlyList<string> Footer { get; init; } = [];

    /// <summary>Narrative text (a report form) printed instead of a table.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>Wide tables (the monitoring table) print on landscape A4.</summary>
    public bool Landscape => ColumnWidths.Count > 10;

    public int ColumnCount => ColumnWidths.Count;

    public int RowCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Row + c.RowSpan);

    /// <summary>For every grid position, the cell that covers it (null where nothing is printed).</summary>
    public LayoutCell?[,] Coverage()
    {
        var map = new LayoutCell?[RowCount, ColumnCount];
        foreach (var cell in Cells)
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                    map[r, c] = cell;
        return map;
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// One row of a document as the recogniser walks it: a table row laid out by column (cells a merged cell covers are
/// empty: filling down is decided per field), or a paragraph as a row of one cell.
/// </summary>
internal sealed class SourceRow
{
    public required string[] Raw { get; init; }

    /// <summary>Trimmed values, whitespace between CJK characters removed.</summary>
    public required string[] Text { get; init; }

    /// <summary>Matching keys (<see cref="TextNorm.Key"/>).</summary>
    public required string[] Keys { get; init; }

    public required SourcePosition?[] Sources { get; init; }

    public bool IsParagraph { get; init; }

    /// <summary>Columns a cell of an earlier row spans down into (a score merged over sub-rows); null when the source has no merges.</summary>
    public bool[]? Covered { get; set; }

    /// <summary>Value cells whose column could not be told (a spaced line two placements fit equally well): read, but in doubt.</summary>
    public IReadOnlyList<CellRole>? Uncertain { get; set; }

    /// <summary>Why the <see cref="Uncertain"/> cells are in doubt.</summary>
    public DoubtReason UncertainReason { get; set; } = DoubtReason.ShiftedCells;

    /// <summary>The reading taken for the <see cref="Uncertain"/> cells, when one was (shown beside the doubt).</summary>
    public string? UncertainAssumed { get; set; }

    public bool IsCoveredFromAbove(int column) => Covered is { } c && column >= 0 && column < c.Length && c[column];

    public int Width => Text.Length;

    public int NonEmptyCount
    {
        get
        {
            var n = 0;
            foreach (var t in Text)
                if (t.Length > 0) n++;
            return n;
        }
    }

    public int FirstNonEmpty
    {
        get
        {
            for (var i = 0; i < Text.Length; i++)
                if (Text[i].Length > 0) return i;
            return -1;
        }
    }

    public string At(int column) => column >= 0 && column < Text.Length ? Text[column] : "";

    public SourcePosition? Source
    {
        get
        {
            var first = FirstNonEmpty;
            return first >= 0 ? Sources[first] : null;
        }
    }

    public static List<SourceRow> From(ReadDocument document)
    {
        var rows = new List<SourceRow>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    rows.Add(Make([text.Text], [text.Source], paragraph: true));
                    break;
                case CellGrid grid:
                    AddGrid(grid, rows);
                    break;
            }
        }
        return rows;
    }

    private static void AddGrid(CellGrid grid, List<SourceRow> rows)
    {
        if (grid.Cells.Count == 0) return;
        var maxRow = 0;
        var width = 0;
        foreach (var c in grid.Cells)
        {
            if (c.Row > maxRow) maxRow = c.Row;
            // The last column where a cell starts: what a span covers beyond it is empty, and a span of thousands
            // must not widen every row of the table (ReadLimits.MaxTablePositions bounds rows × this width).
            if (c.Column + 1 > width) width = c.Column + 1;
        }
        var byRow = new List<Cell>?[maxRow + 1];
        HashSet<(int, int)>? covered = null;
        foreach (var c in grid.Cells)
        {
            (byRow[c.Row] ??= []).Add(c);
            for (var r = 1; r < c.RowSpan && r < 1000; r++) (covered ??= []).Add((c.Row + r, c.Column));
        }
        for (var r = 0; r < byRow.Length; r++)
        {
            var cells = byRow[r];
            if (cells is null) continue;
            var rowWidth = 0;
            foreach (var c in cells)
                if (c.Column + 1 > rowWidth) rowWidth = c.Column + 1;
            // Text rows keep their own width (a short row is a row whose trailing cells are empty), grids with spans the grid's.
            var texts = new string[Math.Max(rowWidth, cells.Count == rowWidth ? rowWidth : width)];
            var sources = new SourcePosition?[texts.Length];
            Array.Fill(texts, "");
            foreach (var c in cells)
            {
                texts[c.Column] = c.Text;
                sources[c.Column] = c.Source ?? (grid.Sheet is null ? null : new SourcePosition(c.Row + 1, c.Column + 1, grid.Sheet));
            }
            var made = Make(texts, sources, paragraph: false);
            if (covered is not null)
            {
                made.Covered = new bool[texts.Length];
                for (var c = 0; c < texts.Length; c++) made.Covered[c] = covered.Contains((r, c));
            }
            rows.Add(made);
        }
    }

    /// <summary>A row rebuilt from cells that lost their table (<see cref="TokenStream"/>).</summary>
    public static SourceRow FromCells(string[] raw, SourcePosition?[] sources) => Make(raw, sources, paragraph: false);

    /// <summary>A line of text rebuilt from lines a converter broke (<see cref="StackedTreeHeader"/>).</summary>
    public static SourceRow FromParagraph(string raw, SourcePosition? source) => Make([raw], [source], paragraph: true);

    private static SourceRow Make(string[] raw, SourcePosition?[] sources, bool paragraph)
    {
        var text = new string[raw.Length];
        var keys = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            text[i] = TextNorm.Clean(raw[i], keepLines: true);
            keys[i] = TextNorm.Key(raw[i]);
        }
        return new SourceRow { Raw = raw, Text = text, Keys = keys, Sources = sources, IsParagraph = paragraph };
    }
}

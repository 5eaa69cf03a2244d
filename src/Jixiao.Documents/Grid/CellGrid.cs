using Jixiao.Core.Forms;

namespace Jixiao.Documents.Grid;

/// <summary>
/// One cell as a reader found it. Rows and columns are 0-based positions in the grid; <see cref="Source"/> says where
/// it was in the file (1-based, for people). A merged cell is one <see cref="Cell"/> with spans; readers do not copy
/// its text into the covered positions — the recogniser decides what to fill down.
/// </summary>
public sealed record Cell(int Row, int Column, string Text, int RowSpan = 1, int ColumnSpan = 1, SourcePosition? Source = null);

/// <summary>
/// The one intermediate shape every reader produces: a table's cells, or a run of free text (a paragraph between tables,
/// a narrative report). A document is a sequence of blocks in reading order.
/// </summary>
public abstract record DocumentBlock;

/// <summary>A table (or a run of tab-separated lines) as cells.</summary>
public sealed record CellGrid(IReadOnlyList<Cell> Cells, string? Sheet = null) : DocumentBlock
{
    public int RowCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Row + c.RowSpan);

    public int ColumnCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Column + c.ColumnSpan);

    /// <summary>The cells of row <paramref name="row"/> that start there, left to right.</summary>
    public IEnumerable<Cell> Row(int row) => Cells.Where(c => c.Row == row).OrderBy(c => c.Column);
}

/// <summary>A paragraph of free text with where it starts.</summary>
public sealed record TextBlock(string Text, SourcePosition? Source = null) : DocumentBlock;

/// <summary>Everything a reader got out of one file.</summary>
public sealed record ReadDocument(string Path, IReadOnlyList<DocumentBlock> Blocks);

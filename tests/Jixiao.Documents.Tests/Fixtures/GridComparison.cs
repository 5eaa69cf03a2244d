using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>What a test compares: every cell as "row,column rowSpan×columnSpan text", in reading order.</summary>
public static class GridComparison
{
    public static IReadOnlyList<string> Layout(CellGrid grid) =>
        [.. grid.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column).Select(c => $"{c.Row},{c.Column} {c.RowSpan}×{c.ColumnSpan} {c.Text}")];

    /// <summary>The texts of each row, left to right, without positions (for PDF, where positions are measured).</summary>
    public static IReadOnlyList<string> Texts(CellGrid grid) =>
        [.. grid.Cells.Where(c => c.Text.Length > 0).OrderBy(c => c.Row).ThenBy(c => c.Column).Select(c => c.Text)];
}

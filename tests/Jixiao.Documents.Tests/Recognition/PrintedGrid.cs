using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Tests.Fixtures;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A small grid as printed (rows of cells, "|" between cells; a cell "^" continues the cell above it, a merged cell),
/// read back from tab-separated text, .xlsx and .html, so each layout feature is tested in every format.
/// </summary>
internal static class PrintedGrid
{
    public static readonly TheoryData<string> Formats = ["txt", "xlsx", "html"];

    public static IReadOnlyList<PerformanceForm> Read(string format, string grid)
    {
        var rows = grid.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        if (format == "txt")
        {
            var text = string.Join('\n', rows.Select(r => string.Join('\t', r.Select(c => c == "^" ? "" : c))));
            return FormRecognizer.Recognize(TextReader.Read(text, "grid.txt"));
        }
        var cells = new List<Cell>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] == "^") continue;
                var span = 1;
                while (r + span < rows.Count && c < rows[r + span].Length && rows[r + span][c] == "^") span++;
                // A lone cell on a row (a title) spans the table's width, as printed.
                var columnSpan = rows[r].Length == 1 ? rows.Max(x => x.Length) : 1;
                cells.Add(new Cell(r, c, rows[r][c], span, columnSpan));
            }
        }
        var sheet = new CellGrid(cells, "表1");
        var bytes = format == "xlsx" ? XlsxFixture.Build(sheet) : HtmlFixture.Build(sheet);
        return FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(bytes), "grid." + format));
    }
}

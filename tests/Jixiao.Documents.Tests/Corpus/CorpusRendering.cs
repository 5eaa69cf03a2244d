using Jixiao.Documents.Grid;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Writers.Pdf;

namespace Jixiao.Documents.Tests.Corpus;

/// <summary>
/// The grid of a document as it was printed (its column order, merges, units in the cells, transcribed by hand into the
/// expectation file) written as a real file of each format, so every layout family is read in every format. This is
/// deliberately not our own writers' output: those would only test the round trip of the recognised form.
/// </summary>
public static class CorpusRendering
{
    public const string Text = "text";

    /// <summary>The published text as given, then the renderings of the printed grid (.pdf where chromium is installed).</summary>
    public static IReadOnlyList<string> Formats { get; } = [Text, ".xlsx", ".docx", ".html", ".pdf"];

    /// <summary>
    /// The grid as a file of <paramref name="extension"/>. A PDF is the fixture's web page printed by one long-lived
    /// chromium (<paramref name="printer"/>): starting a browser per document would cost seconds each.
    /// </summary>
    public static async Task<byte[]> Render(CorpusExpectation expectation, string extension, PdfRenderer? printer)
    {
        var blocks = expectation.Grid ?? throw new InvalidOperationException(expectation.File + " has no grid");
        return extension switch
        {
            ".xlsx" => XlsxFixture.Build(Sheets(blocks), new XlsxFixture.Options()),
            ".pdf" when printer is not null => await printer.RenderHtmlAsync(
                HtmlFixture.Page([.. blocks]).Replace("<style>", "<style>@page{size:A4 landscape;margin:10mm}", StringComparison.Ordinal)),
            _ => DocumentFixtures.Build(extension, [.. blocks]),
        };
    }

    /// <summary>
    /// A workbook has no paragraphs: each table is a sheet, and the lines printed above it (a title, 单位：万元) are rows
    /// of one cell on top, the way people type them into Excel.
    /// </summary>
    private static CellGrid[] Sheets(IReadOnlyList<DocumentBlock> blocks)
    {
        var sheets = new List<CellGrid>();
        var above = new List<string>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    above.AddRange(text.Text.Split('\n'));
                    break;
                case CellGrid grid:
                    var top = above.Select((line, row) => new Cell(row, 0, line));
                    var shifted = grid.Cells.Select(c => c with { Row = c.Row + above.Count });
                    sheets.Add(new CellGrid([.. top, .. shifted], $"表{sheets.Count + 1}"));
                    above.Clear();
                    break;
            }
        }

        if (above.Count > 0) sheets.Add(new CellGrid([.. above.Select((line, row) => new Cell(row, 0, line))], $"表{sheets.Count + 1}"));
        return [.. sheets];
    }
}

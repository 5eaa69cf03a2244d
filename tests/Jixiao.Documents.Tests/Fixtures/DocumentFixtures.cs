using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>
/// One entry point for round trips: the same blocks as a real file of each format, so a test can read them back with
/// any reader (or the dispatcher) and compare. A workbook has no place for free text, so .xlsx keeps the grids only.
/// </summary>
public static class DocumentFixtures
{
    /// <summary>The formats that can be made here; .pdf only where chromium is installed.</summary>
    public static IReadOnlyList<string> Extensions =>
        PdfFixture.Available ? [".xlsx", ".docx", ".html", ".pdf"] : [".xlsx", ".docx", ".html"];

    public static byte[] Build(string extension, params DocumentBlock[] blocks) => extension switch
    {
        ".xlsx" => XlsxFixture.Build([.. blocks.OfType<CellGrid>()], new XlsxFixture.Options()),
        ".docx" => DocxFixture.Build(blocks),
        ".html" or ".htm" => HtmlFixture.Build(blocks),
        ".pdf" => PdfFixture.Build(blocks),
        _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, "no fixture builder for this format"),
    };
}

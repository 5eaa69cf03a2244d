using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jixiao.Documents.Writers.Docx;
using Jixiao.Documents.Writers.Html;
using Jixiao.Documents.Writers.Xlsx;
using Jixiao.Core.Forms;
using X = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>Opens what the writers produced the way a user's program would, and gets its text back.</summary>
internal static class WrittenFiles
{
    public static byte[] Xlsx(PerformanceForm form)
    {
        using var stream = new MemoryStream();
        FormXlsx.Write(form, stream);
        return stream.ToArray();
    }

    public static byte[] Docx(PerformanceForm form)
    {
        using var stream = new MemoryStream();
        FormDocx.Write(form, stream);
        return stream.ToArray();
    }

    public static IReadOnlyList<string> XlsxErrors(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static IReadOnlyList<string> DocxErrors(byte[] file)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Every cell of every sheet, numbers as they print with two or more decimals.</summary>
    public static IReadOnlyList<string> XlsxCells(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<X.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = new List<string>();
        foreach (var sheet in workbook.WorksheetParts)
            foreach (var cell in sheet.Worksheet.Descendants<X.Cell>())
            {
                if (cell.CellValue is null) continue;
                var value = cell.CellValue.Text;
                if (cell.DataType?.Value == X.CellValues.SharedString) cells.Add(shared[int.Parse(value, CultureInfo.InvariantCulture)]);
                else cells.Add(decimal.Parse(value, CultureInfo.InvariantCulture).ToString("0.00####", CultureInfo.InvariantCulture));
            }
        return cells;
    }

    /// <summary>The document's paragraphs and table cells, one string each.</summary>
    public static IReadOnlyList<string> DocxTexts(byte[] file)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var texts = new List<string>();
        foreach (var cell in body.Descendants<W.TableCell>()) texts.Add(Text(cell));
        foreach (var paragraph in body.Elements<W.Paragraph>()) texts.Add(Text(paragraph));
        return texts;
    }

    private static string Text(DocumentFormat.OpenXml.OpenXmlElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (node is W.Text t) text.Append(t.Text);
            else if (node is W.Break) text.Append('\n');
        }
        return text.ToString();
    }

    public static string Html(PerformanceForm form) => FormHtml.Render(form);
}

using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Findings;
using Jixiao.Documents.Writers;
using Jixiao.Documents.Writers.Bundle;
using Jixiao.Documents.Writers.OpenData;
using Jixiao.Documents.Writers.Xlsx;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>
/// A project named <c>=HYPERLINK("http://x","y")</c> (or any text starting with = + - @, a tab or a CR) must come out of
/// every CSV as an escaped text field and out of every xlsx as a text cell with quotePrefix — never as a formula.
/// </summary>
public sealed class Spreadsheet_outputs_never_carry_a_live_formula
{
    private const string Hostile = "=HYPERLINK(\"http://x\",\"y\")";

    // In CSV the field is escaped with ' and quoted (its own quotes doubled).
    private const string EscapedInCsv = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";

    private static PerformanceForm Form()
    {
        var form = SampleForms.All()[0];
        form.Project = Hostile;
        form.Unit = "@SUM(1+1)";
        form.Indicators[0].Name = "+cmd|' /C calc'!A0";
        form.Indicators[0].Target = "-2+3";
        return form;
    }

    private static string Csv(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_open_data_csvs_escape_the_formula()
    {
        var finding = new Finding("x", Severity.Warning, Hostile, "en", new FindingLocation("indicators", 1, "name", "\tTAB"), "-1+1", null, null);
        var published = new[] { new PublishedForm(Form(), [finding]) };

        var forms = Csv(s => OpenDataCsv.WriteForms(published, s));
        var indicators = Csv(s => OpenDataCsv.WriteIndicators(published, s));
        var findings = Csv(s => OpenDataCsv.WriteFindings(published, s));

        Assert.Contains("," + EscapedInCsv + ",", forms, StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(1+1)\",", forms, StringComparison.Ordinal);
        Assert.Contains(",\"'+cmd|' /C calc'!A0\",", indicators, StringComparison.Ordinal);
        Assert.Contains(",\"'-2+3\",", indicators, StringComparison.Ordinal);
        Assert.Contains("," + EscapedInCsv + ",", findings, StringComparison.Ordinal);
        Assert.Contains(",\"'\tTAB\",", findings, StringComparison.Ordinal);
        Assert.Contains(",\"'-1+1\",", findings, StringComparison.Ordinal);
        foreach (var text in new[] { forms, indicators, findings })
            Assert.DoesNotContain("," + Hostile, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_stay_numbers_and_plain_text_stays_plain()
    {
        var form = SampleForms.All()[0];
        var text = Csv(s => OpenDataCsv.WriteForms([new PublishedForm(form, [])], s));
        Assert.DoesNotContain("'", text, StringComparison.Ordinal);
        Assert.False(SpreadsheetText.LooksLikeFormula("-5"));
        Assert.False(SpreadsheetText.LooksLikeFormula("-1.25"));
        Assert.True(SpreadsheetText.LooksLikeFormula("-1+2"));
        Assert.False(SpreadsheetText.LooksLikeFormula("数据运营服务"));
    }

    [Fact]
    public async Task The_zips_index_csv_escapes_the_formula()
    {
        using var zip = new MemoryStream();
        await FormBundle.WriteZipAsync([Form()], FormFileFormat.Html, zip, cancellationToken: TestContext.Current.CancellationToken);
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry("index.csv")!.Open(), Encoding.UTF8);
        var index = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Contains("," + EscapedInCsv + ",", index, StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(1+1)\",", index, StringComparison.Ordinal);
    }

    [Fact]
    public void The_form_workbook_keeps_the_formula_as_quoted_text()
    {
        using var stream = new MemoryStream();
        FormXlsx.Write(Form(), stream);
        AssertQuotedText(stream, Hostile);
    }

    [Fact]
    public void The_findings_workbook_keeps_the_formula_as_quoted_text()
    {
        var finding = new Finding("x", Severity.Warning, Hostile, "en", new FindingLocation("indicators", 1, "name", null), null, null, null);
        using var stream = new MemoryStream();
        FindingsWorkbook.Write(stream, [new FormFindings("=cmd.txt", Form(), [finding])]);
        AssertQuotedText(stream, Hostile);
    }

    private static void AssertQuotedText(MemoryStream stream, string text)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();

        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText;
        var hostile = cells.Where(c => Text(c) == text).ToList();
        Assert.NotEmpty(hostile);
        Assert.All(hostile, c => Assert.True(formats[(int)c.StyleIndex!.Value].QuotePrefix?.Value, $"{c.CellReference} is not quote-prefixed"));
        var plain = cells.Where(c => c.StyleIndex is not null && Text(c) is { Length: > 0 } t && !SpreadsheetText.LooksLikeFormula(t)).ToList();
        Assert.All(plain, c => Assert.NotEqual(true, formats[(int)c.StyleIndex!.Value].QuotePrefix?.Value));
    }
}

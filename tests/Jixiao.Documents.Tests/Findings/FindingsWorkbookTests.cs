using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Findings;

namespace Jixiao.Documents.Tests.Findings;

public class FindingsWorkbookTests
{
    private static FormFindings Sample()
    {
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, Year = 2020, Project = "数据运营服务", Unit = "上海市大数据中心" };
        return new FormFindings("seeds/003.txt", form,
        [
            new Finding(CheckCodes.ScoreNotProportional, Severity.Warning, "“质量问题整改率”目标≥90%，实际80%，得分6.00；按比例应得8.89。", "not proportional",
                new FindingLocation(Blocks.Indicators, 42, "得分", "质量问题整改率"), "6.00", "8.89", "10 × 80% ÷ 90% = 8.89"),
            new Finding(CheckCodes.QualitativeTier, Severity.Error, "“数据共享完成率”基本完成\u0001得满分。", "tier",
                new FindingLocation(Blocks.Indicators, 50, "得分", "数据共享完成率"), "10.00", "[6, 8)", null),
        ]);
    }

    private static (Worksheet Sheet, List<List<string>> Rows, Workbook Book) Read(MemoryStream stream)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var book = document.WorkbookPart!.Workbook;
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        return ((Worksheet)sheet.CloneNode(true), rows, (Workbook)book.CloneNode(true));
    }

    [Fact]
    public void Each_finding_is_one_row_under_a_chinese_header_with_every_column_an_auditor_filters_on()
    {
        using var stream = new MemoryStream();
        FindingsWorkbook.Write(stream, [Sample(), new FormFindings("empty.txt", new PerformanceForm(), [])]);
        var (_, rows, _) = Read(stream);
        Assert.Equal(3, rows.Count);
        Assert.Equal(FindingsWorkbook.Headers, rows[0]);
        Assert.Equal(["seeds/003.txt", "项目支出绩效自评表", "上海市大数据中心", "数据运营服务", "2020", "score-not-proportional", "警告"], rows[1].Take(7));
        Assert.Equal("指标 第42行（质量问题整改率） 得分", rows[1][7]);
        Assert.Equal(["6.00", "8.89", "10 × 80% ÷ 90% = 8.89"], rows[1].Skip(9));
        Assert.Equal("错误", rows[2][6]);
        Assert.DoesNotContain('\u0001', rows[2][8]);
    }

    [Fact]
    public void The_header_is_frozen_and_filterable()
    {
        using var stream = new MemoryStream();
        FindingsWorkbook.Write(stream, [Sample()]);
        var (sheet, _, book) = Read(stream);
        Assert.Equal("A1:L3", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("_xlnm._FilterDatabase", book.Descendants<DefinedName>().Single().Name!.Value);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml_that_excel_opens()
    {
        using var stream = new MemoryStream();
        FindingsWorkbook.Write(stream, [Sample()]);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void No_findings_still_gives_a_valid_workbook_with_its_header()
    {
        using var stream = new MemoryStream();
        FindingsWorkbook.Write(stream, []);
        var (sheet, rows, _) = Read(stream);
        Assert.Single(rows);
        Assert.Equal("A1:L1", sheet.Elements<AutoFilter>().Single().Reference!.Value);
    }
}

using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers;

namespace Jixiao.Documents.Findings;

/// <summary>
/// The findings report for auditors (<c>jixiao check --report findings.xlsx</c>): one row per finding with file, form,
/// unit, project, year, code, severity, location, message, stated and expected values and how they were computed; a
/// frozen bold header with an autofilter so an auditor can filter by code, severity or unit.
/// </summary>
public static class FindingsWorkbook
{
    public static readonly IReadOnlyList<string> Headers =
        ["文件", "表格类型", "单位", "项目", "年度", "代码", "严重程度", "位置", "说明", "填报值", "应为", "计算依据"];

    private static readonly double[] Widths = [28, 22, 24, 30, 8, 28, 10, 34, 70, 16, 16, 50];

    /// <summary>Writes the workbook to <paramref name="output"/> (left open). Forms without findings add no row.</summary>
    public static void Write(Stream output, IEnumerable<FormFindings> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var data = new SheetData();
        data.Append(Row(1, Headers, header: true));
        var rowIndex = 1u;
        foreach (var result in results)
        {
            foreach (var finding in result.Findings)
            {
                rowIndex++;
                var form = result.Form;
                data.Append(Row(rowIndex,
                [
                    result.Document,
                    form.Kind.ChineseName(),
                    form.Unit ?? form.Department ?? "",
                    form.Project ?? "",
                    form.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                    finding.Code,
                    finding.Severity.ChineseName(),
                    FindingText.Where(finding.Location),
                    finding.Message,
                    finding.Stated ?? "",
                    finding.Expected ?? "",
                    finding.Explanation ?? "",
                ], header: false));
            }
        }

        var lastColumn = ColumnName(Headers.Count);
        var range = $"A1:{lastColumn}{rowIndex}";
        var columns = new Columns();
        for (var i = 0; i < Widths.Length; i++)
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Widths[i], CustomWidth = true });
        sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U, TabSelected = true }),
            new SheetFormatProperties { DefaultRowHeight = 15D },
            columns,
            data,
            new AutoFilter { Reference = range });

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = "审核发现" });
        // Excel keeps the filter range in this hidden name; without it some versions drop the filter buttons.
        workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'审核发现'!$A$1:${lastColumn}${rowIndex}")
        { Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true }));
        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, IReadOnlyList<string> values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(i + 1) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = header ? 1U : SpreadsheetText.LooksLikeFormula(values[i]) ? 3U : 2U,
                InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(values[i])) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>XML cannot hold control characters and a cell holds at most 32,767 characters.</summary>
    private static string Clean(string text)
    {
        var b = new StringBuilder(Math.Min(text.Length, 32_767));
        foreach (var c in text)
        {
            if (b.Length == 32_767) break;
            if (c is '\t' or '\n' or '\r' || !char.IsControl(c)) b.Append(c);
        }
        return b.ToString();
    }

    private static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var m = (number - 1) % 26;
            name = (char)('A' + m) + name;
            number = (number - m - 1) / 26;
        }
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1U, FillId = 2U, ApplyFont = true, ApplyFill = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            // Text a spreadsheet would take for a formula stays text, also when edited (SpreadsheetText).
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true, QuotePrefix = true }));
}

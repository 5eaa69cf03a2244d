using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Documents.Writers.Xlsx;

/// <summary>
/// One sheet of rows for people who filter and sum (the findings report, the budget export): a frozen bold header with
/// an autofilter, wrapped text, numbers as numbers and text that looks like a formula kept as text.
/// </summary>
public static class TableWorkbook
{
    /// <summary>
    /// Writes the workbook to <paramref name="output"/> (left open). A decimal or int cell is a number; anything else is
    /// text (null: empty).
    /// </summary>
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var data = new SheetData();
        data.Append(Row(1, headers.Cast<object?>().ToList(), header: true));
        var rowIndex = 1u;
        foreach (var values in rows) data.Append(Row(++rowIndex, values, header: false));

        var lastColumn = ColumnName(headers.Count);
        var range = $"A1:{lastColumn}{rowIndex}";
        var columns = new Columns();
        for (var i = 0; i < widths.Count; i++)
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
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
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = sheetName });
        // Excel keeps the filter range in this hidden name; without it some versions drop the filter buttons.
        workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{sheetName}'!$A$1:${lastColumn}${rowIndex}")
        { Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true }));
        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i + 1) + index.ToString(CultureInfo.InvariantCulture);
            var number = values[i] switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                int n => n.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (number is not null)
            {
                row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, StyleIndex = 4U, CellValue = new CellValue(number) });
                continue;
            }
            var text = values[i]?.ToString() ?? "";
            row.Append(new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = header ? 1U : SpreadsheetText.LooksLikeFormula(text) ? 3U : 2U,
                InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
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

    /// <summary>1 → A, 27 → AA: a column as a spreadsheet names it (also for messages about a cell).</summary>
    public static string ColumnName(int number)
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
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true, QuotePrefix = true },
            // Numbers (amounts in 元) with two decimals and thousands separators (built-in format 4: #,##0.00).
            new CellFormat { NumberFormatId = 4U, ApplyNumberFormat = true, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true }));
}

using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Documents.Grid;
using GridCell = Jixiao.Documents.Grid.Cell;
using XlCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>
/// Writes grids as a real workbook, the way Excel stores a typed-in table: plain numbers as numeric cells, printed
/// percentages ("99.79%") as fractions under a percent format with the same decimals, other text as shared strings,
/// merged areas as mergeCells. One sheet per grid, named after <see cref="CellGrid.Sheet"/>.
/// </summary>
public static partial class XlsxFixture
{
    public sealed record Options(bool InlineStrings = false, IReadOnlyDictionary<string, string>? Formulas = null);

    public static byte[] Build(params CellGrid[] sheets) => Build(sheets, new Options());

    public static byte[] Build(IReadOnlyList<CellGrid> sheets, Options options)
    {
        var formatCodes = sheets.SelectMany(s => s.Cells).Select(c => FormatCode(c.Text)).OfType<string>().Distinct().Order().ToList();

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles(formatCodes);
            var sharedStrings = new List<string>();
            var sheetsElement = workbookPart.Workbook.AppendChild(new Sheets());

            for (var i = 0; i < sheets.Count; i++)
            {
                var grid = sheets[i];
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in grid.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
                {
                    var xlRow = new Row { RowIndex = (uint)(row.Key + 1) };
                    foreach (var cell in row.OrderBy(c => c.Column))
                        xlRow.Append(WriteCell(cell, formatCodes, sharedStrings, options));
                    data.Append(xlRow);
                }

                var worksheet = new Worksheet(data);
                var merges = grid.Cells.Where(c => c.RowSpan > 1 || c.ColumnSpan > 1).ToList();
                if (merges.Count > 0)
                    worksheet.Append(new MergeCells(merges.Select(c => new MergeCell
                    {
                        Reference = Reference(c.Row, c.Column) + ":" + Reference(c.Row + c.RowSpan - 1, c.Column + c.ColumnSpan - 1),
                    })) { Count = (uint)merges.Count });
                sheetPart.Worksheet = worksheet;
                sheetsElement.Append(new Sheet
                {
                    Name = grid.Sheet ?? $"Sheet{i + 1}",
                    SheetId = (uint)(i + 1),
                    Id = workbookPart.GetIdOfPart(sheetPart),
                });
            }

            if (sharedStrings.Count > 0)
            {
                var sstPart = workbookPart.AddNewPart<SharedStringTablePart>();
                sstPart.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s) { Space = SpaceProcessingModeValues.Preserve })))
                {
                    Count = (uint)sharedStrings.Count,
                    UniqueCount = (uint)sharedStrings.Count,
                };
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A one-sheet workbook from raw part XML, for what the grid builder cannot express (rich text with phonetic
    /// guides, values hidden under merges, Strict OOXML). <paramref name="sheetData"/> is the worksheet's inner XML.
    /// </summary>
    public static byte[] FromXml(string sheetData, string? sharedStrings = null, string mainNamespace = Transitional,
        string relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
            }

            const string package = "http://schemas.openxmlformats.org/package/2006/relationships";
            var relType = relationshipsNamespace;
            Add("[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>");
            Add("_rels/.rels", $"<Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{relType}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", $"<workbook xmlns=\"{mainNamespace}\" xmlns:r=\"{relationshipsNamespace}\"><sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels",
                $"<Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{relType}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + $"<Relationship Id=\"rId2\" Type=\"{relType}/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/></Relationships>");
            Add("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{mainNamespace}\">{sheetData}</worksheet>");
            Add("xl/sharedStrings.xml", $"<sst xmlns=\"{mainNamespace}\">{sharedStrings}</sst>");
        }

        return stream.ToArray();
    }

    public const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The number format Excel would give a typed-in "99.79%" or "10.00"; null for text and whole numbers.</summary>
    private static string? FormatCode(string text)
    {
        var percent = PercentPattern().Match(text);
        if (percent.Success) return percent.Groups[2].Length == 0 ? "0%" : "0." + new string('0', percent.Groups[2].Length) + "%";
        var number = NumberPattern().Match(text);
        return number.Success && number.Groups[1].Length > 0 ? "0." + new string('0', number.Groups[1].Length - 1) : null;
    }

    private static XlCell WriteCell(GridCell cell, List<string> formatCodes, List<string> sharedStrings, Options options)
    {
        var reference = Reference(cell.Row, cell.Column);
        var xl = new XlCell { CellReference = reference };
        var percent = PercentPattern().Match(cell.Text);
        if (percent.Success)
        {
            var fraction = decimal.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture) / 100m;
            xl.CellValue = new CellValue(fraction.ToString("0.############################", CultureInfo.InvariantCulture));
            xl.StyleIndex = (uint)(formatCodes.IndexOf(FormatCode(cell.Text)!) + 1);
        }
        else if (NumberPattern().IsMatch(cell.Text))
        {
            // Excel stores what the number is, not how it was typed: "10.00" is 10 shown under 0.00.
            var value = decimal.Parse(cell.Text, CultureInfo.InvariantCulture);
            var stored = cell.Text.Length > 15 ? cell.Text : value.ToString("0.############################", CultureInfo.InvariantCulture);
            xl.CellValue = new CellValue(stored);
            if (FormatCode(cell.Text) is { } code && cell.Text.Length <= 15) xl.StyleIndex = (uint)(formatCodes.IndexOf(code) + 1);
        }
        else if (cell.Text.Length == 0) return xl;
        else if (options.InlineStrings)
        {
            xl.DataType = CellValues.InlineString;
            xl.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve });
        }
        else
        {
            var index = sharedStrings.IndexOf(cell.Text);
            if (index < 0)
            {
                index = sharedStrings.Count;
                sharedStrings.Add(cell.Text);
            }

            xl.DataType = CellValues.SharedString;
            xl.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
        }

        if (options.Formulas?.TryGetValue(reference, out var formula) == true) xl.CellFormula = new CellFormula(formula);
        return xl;
    }

    private static Stylesheet Styles(List<string> formatCodes)
    {
        var formats = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 });
        var custom = new NumberingFormats();
        for (var i = 0; i < formatCodes.Count; i++)
        {
            uint id = formatCodes[i] switch { "0%" => 9, "0.00%" => 10, "0.00" => 2, _ => (uint)(164 + i) };
            if (id >= 164) custom.Append(new NumberingFormat { NumberFormatId = id, FormatCode = formatCodes[i] });
            formats.Append(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        }

        var stylesheet = new Stylesheet();
        if (custom.HasChildren) stylesheet.Append(custom);
        stylesheet.Append(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            formats);
        return stylesheet;
    }

    // ASCII digits only: a full-width number ("１５０") typed into Excel stays text.
    [GeneratedRegex(@"^(-?[0-9]+(?:\.([0-9]+))?)%$")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}

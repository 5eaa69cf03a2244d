using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Documents.Grid;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Bench;

/// <summary>
/// A seed document as a one-sheet workbook: every paragraph and table row of the text version becomes a sheet row,
/// amounts become number cells. Seed-sized tables for the xlsx benchmark without a fixture file in the repository.
/// </summary>
internal static class SeedWorkbook
{
    public static byte[] Build(string seed)
    {
        var document = TextReader.Read(File.ReadAllText(RepoPaths.Seed(seed)), seed);
        var rows = new List<string[]>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    rows.Add([text.Text]);
                    break;
                case CellGrid grid:
                    foreach (var group in grid.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
                    {
                        var row = new string[group.Max(c => c.Column) + 1];
                        Array.Fill(row, "");
                        foreach (var cell in group) row[cell.Column] = cell.Text;
                        rows.Add(row);
                    }
                    break;
            }
        }

        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var book = workbook.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var text = rows[r][c];
                    if (text.Length == 0) continue;
                    var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    var number = text.Replace(",", "", StringComparison.Ordinal);
                    row.Append(decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
                        ? new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, CellValue = new CellValue(number), DataType = CellValues.Number }
                        : new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "seed " + seed }));
        }
        return stream.ToArray();
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}

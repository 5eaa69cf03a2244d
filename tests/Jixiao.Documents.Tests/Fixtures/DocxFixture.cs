using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>
/// Writes blocks as a real Word document in order: a <see cref="TextBlock"/> as one paragraph per line, a
/// <see cref="CellGrid"/> as a table with an explicit tblGrid, gridSpan for column spans and vMerge restart/continue for
/// row spans. Text is tagged zh-CN so Word and LibreOffice pick Chinese glyphs.
/// </summary>
public static class DocxFixture
{
    public static byte[] Build(params DocumentBlock[] blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case TextBlock text:
                        foreach (var line in text.Text.Split('\n')) body.Append(Paragraph(line));
                        break;
                    case CellGrid grid:
                        body.Append(Table(grid));
                        // Word needs a paragraph between two tables or it joins them.
                        body.Append(Paragraph(""));
                        break;
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Table Table(CellGrid grid)
    {
        var columns = grid.ColumnCount;
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (14000 / Math.Max(columns, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var starts = grid.Cells.ToDictionary(c => (c.Row, c.Column));
        for (var r = 0; r < grid.RowCount; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < columns;)
            {
                if (starts.TryGetValue((r, c), out var cell))
                {
                    row.Append(TableCell(cell.Text, cell.ColumnSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                    c += cell.ColumnSpan;
                }
                else if (grid.Cells.FirstOrDefault(a => a.Column == c && a.Row < r && a.Row + a.RowSpan > r) is { } above)
                {
                    row.Append(TableCell("", above.ColumnSpan, MergedCellValues.Continue));
                    c += above.ColumnSpan;
                }
                else
                {
                    row.Append(TableCell("", 1, null));
                    c++;
                }
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell TableCell(string text, int columnSpan, MergedCellValues? verticalMerge)
    {
        var properties = new TableCellProperties();
        if (columnSpan > 1) properties.Append(new GridSpan { Val = columnSpan });
        if (verticalMerge is { } merge)
            properties.Append(merge == MergedCellValues.Continue ? new VerticalMerge() : new VerticalMerge { Val = merge });
        var cell = new TableCell(properties);
        foreach (var line in text.Split('\n')) cell.Append(Paragraph(line));
        return cell;
    }

    private static Paragraph Paragraph(string text) =>
        new(new Run(
            new RunProperties(new RunFonts { EastAsia = "Noto Sans CJK SC" }, new Languages { EastAsia = "zh-CN" }),
            new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}

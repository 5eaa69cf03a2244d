using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Documents.Writers.Layout;
using CellStyle = Jixiao.Documents.Writers.Layout.CellStyle;
using FormTable = Jixiao.Documents.Writers.Layout.TableLayout;

namespace Jixiao.Documents.Writers.Docx;

/// <summary>A piece of a paragraph; <see cref="Fill"/> marks text people still have to write (highlighted).</summary>
public sealed record Segment(string Text, bool Bold = false, bool Fill = false);

/// <summary>
/// Builds a Word document body: A4 sections (portrait or landscape), titles, paragraphs, and tables from a
/// <see cref="FormTable"/> with an explicit grid (tblGrid) so spanned cells keep their columns, and the East Asian
/// language zh-CN with a CJK font so viewers do not fall back to Japanese glyph variants.
/// </summary>
internal sealed class DocxBuilder : IDisposable
{
    private const int PortraitWidth = 11906, PortraitHeight = 16838, Margin = 1077;
    private readonly WordprocessingDocument _document;
    private readonly Body _body = new();

    public DocxBuilder(Stream output)
    {
        _document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = _document.AddMainDocumentPart();
        main.Document = new Document(_body);
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
    }

    /// <summary>Text width of the current page orientation, in twentieths of a point.</summary>
    public static int TextWidth(bool landscape) => (landscape ? PortraitHeight : PortraitWidth) - 2 * Margin;

    public void Title(string text) =>
        _body.Append(Paragraph([new Segment(text, Bold: true)], JustificationValues.Center, size: 32, after: 120));

    public void Centered(string text) => _body.Append(Paragraph([new Segment(text)], JustificationValues.Center, after: 120));

    public void Heading(string text) =>
        _body.Append(Paragraph([new Segment(text, Bold: true)], JustificationValues.Left, size: 24, after: 80, before: 160));

    public void Line(string text) => _body.Append(Paragraph([new Segment(text)], JustificationValues.Left, after: 60));

    /// <summary>A body paragraph with a two-character first-line indent.</summary>
    public void Paragraph(IReadOnlyList<Segment> segments) =>
        _body.Append(Paragraph(segments, JustificationValues.Both, after: 60, indent: true));

    public void Table(FormTable layout)
    {
        if (layout.Cells.Count == 0) return;
        var textWidth = TextWidth(layout.Landscape);
        var total = layout.ColumnWidths.Sum();
        var widths = layout.ColumnWidths.Select(w => (int)Math.Floor(w / total * textWidth)).ToArray();

        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new DocumentFormat.OpenXml.Wordprocessing.TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
        var grid = new TableGrid();
        foreach (var width in widths) grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);

        var coverage = layout.Coverage();
        for (var r = 0; r < layout.RowCount; r++)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < layout.ColumnCount;)
            {
                var cell = coverage[r, c];
                if (cell is null) { row.Append(Cell(widths[c], 1, null, null)); c++; continue; }
                var span = cell.ColumnSpan;
                var width = widths.Skip(c).Take(span).Sum();
                if (cell.Row == r)
                    row.Append(Cell(width, span, cell.RowSpan > 1 ? MergedCellValues.Restart : null, cell));
                else
                    row.Append(Cell(width, span, MergedCellValues.Continue, null));
                c += span;
            }
            table.Append(row);
        }
        _body.Append(table);
    }

    /// <summary>Ends the current section (each form is one); the last section's properties close the body.</summary>
    public void EndSection(bool landscape, bool last)
    {
        var properties = SectionProperties(landscape);
        if (last) _body.Append(properties);
        else _body.Append(new Paragraph(new ParagraphProperties(properties)));
    }

    public void Dispose() => _document.Dispose();

    private static TableCell Cell(int width, int span, MergedCellValues? merge, LayoutCell? cell)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } m) properties.Append(m == MergedCellValues.Continue ? new VerticalMerge() : new VerticalMerge { Val = m });
        if (cell?.Style == CellStyle.Header) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var justification = cell?.Style switch
        {
            CellStyle.Number => JustificationValues.Right,
            CellStyle.Text => JustificationValues.Left,
            _ => JustificationValues.Center,
        };
        var text = cell?.Text ?? "";
        return new TableCell(properties, Paragraph([new Segment(text, Bold: cell?.Style == CellStyle.Header)], justification, size: 20));
    }

    private static Paragraph Paragraph(IReadOnlyList<Segment> segments, JustificationValues justification, int size = 21, int after = 0, int before = 0, bool indent = false)
    {
        var properties = new ParagraphProperties();
        properties.Append(new SpacingBetweenLines
        {
            Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (indent) properties.Append(new Indentation { FirstLineChars = 200 });
        properties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        foreach (var segment in segments)
        {
            var lines = segment.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var runProperties = new RunProperties();
                if (segment.Bold) runProperties.Append(new Bold());
                runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                if (segment.Fill) runProperties.Append(new Highlight { Val = HighlightColorValues.Yellow });
                var run = new Run(runProperties);
                if (i > 0) run.Append(new Break());
                run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
                paragraph.Append(run);
            }
        }
        return paragraph;
    }

    private static SectionProperties SectionProperties(bool landscape) => new(
        new PageSize
        {
            Width = (uint)(landscape ? PortraitHeight : PortraitWidth),
            Height = (uint)(landscape ? PortraitWidth : PortraitHeight),
            Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        },
        new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 });

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体", ComplexScript = "Times New Roman" },
                new FontSize { Val = "21" },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Layout;
using CellStyle = Jixiao.Documents.Writers.Layout.CellStyle;

namespace Jixiao.Documents.Writers.Xlsx;

/// <summary>
/// Writes forms as .xlsx in the official layout: one sheet per form, the title merged over the table, merged
/// 一级/二级 cells, amounts and scores as numbers with their printed format, percentages as printed text, borders on
/// every cell of a merged area, A4 page setup fitted to the page width.
/// </summary>
public static class FormXlsx
{
    public static void Write(PerformanceForm form, Stream output) => Write([form], output);

    /// <summary>Several forms as one workbook, a sheet each (a unit's year).</summary>
    public static void Write(IReadOnlyList<PerformanceForm> forms, Stream output)
    {
        ArgumentOutOfRangeException.ThrowIfZero(forms.Count);
        if (!output.CanSeek)
        {
            SeekableOutput.Buffered(output, seekable => Write(forms, seekable));
            return;
        }

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var strings = new SharedStrings();
        var sheets = new Sheets();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < forms.Count; i++)
        {
            var layout = FormLayouts.Build(forms[i]);
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Sheet(layout, strings);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = (uint)(i + 1),
                Name = SheetName(forms[i], i, forms.Count, names),
            });
        }
        workbookPart.Workbook.Append(sheets);
        var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
        sharedPart.SharedStringTable = strings.Table();
    }

    // Style indices into the CellFormats below.
    private const uint Title = 1, Centered = 2, Plain = 3, Header = 4, Label = 5, Text = 6, Center = 7,
        MoneyYuan = 8, MoneyWan = 9, ScoreFormat = 10, NumberGeneral = 11;

    // Each style again with quotePrefix, for text a spreadsheet would otherwise take for a formula (SpreadsheetText).
    private const uint Styles = 12, Quoted = Styles;

    private static Worksheet Sheet(TableLayout layout, SharedStrings strings)
    {
        var columns = Math.Max(1, layout.ColumnCount);
        var rows = new List<Row>();
        var merges = new List<string>();
        var heights = new List<double?>();

        void Line(string text, uint style, double height)
        {
            var row = new Row { RowIndex = (uint)(rows.Count + 1), Height = height, CustomHeight = true };
            row.Append(StringCell(Reference(rows.Count, 0), text, style, strings));
            for (var c = 1; c < columns; c++) row.Append(new Cell { CellReference = Reference(rows.Count, c), StyleIndex = style });
            if (columns > 1) merges.Add(Reference(rows.Count, 0) + ":" + Reference(rows.Count, columns - 1));
            rows.Add(row);
        }

        Line(layout.Title, Title, 30);
        if (layout.Subtitle is not null) Line(layout.Subtitle, Centered, 18);
        foreach (var line in layout.Preamble) Line(line, Plain, 18);
        foreach (var paragraph in layout.Paragraphs) Line(paragraph, Plain, EstimateHeight(paragraph, 120));

        var offset = rows.Count;
        var coverage = layout.Coverage();
        for (var r = 0; r < layout.RowCount; r++)
        {
            var row = new Row { RowIndex = (uint)(offset + r + 1) };
            double lines = 1;
            for (var c = 0; c < layout.ColumnCount; c++)
            {
                var cell = coverage[r, c];
                var reference = Reference(offset + r, c);
                if (cell is null) { row.Append(new Cell { CellReference = reference, StyleIndex = Text }); continue; }
                var style = Style(cell);
                if (cell.Row != r || cell.Column != c) { row.Append(new Cell { CellReference = reference, StyleIndex = style }); continue; }

                if (cell.Number is { } number)
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = style,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    });
                else if (cell.Text.Length > 0) row.Append(StringCell(reference, cell.Text, style, strings));
                else row.Append(new Cell { CellReference = reference, StyleIndex = style });

                if (cell.RowSpan > 1 || cell.ColumnSpan > 1)
                    merges.Add(reference + ":" + Reference(offset + r + cell.RowSpan - 1, c + cell.ColumnSpan - 1));
                if (cell.RowSpan == 1)
                {
                    var width = 0d;
                    for (var k = c; k < c + cell.ColumnSpan; k++) width += layout.ColumnWidths[k];
                    lines = Math.Max(lines, Lines(cell.Text, width));
                }
            }
            row.Height = Math.Min(409, 15 * lines + 3);
            row.CustomHeight = true;
            rows.Add(row);
        }

        foreach (var line in layout.Footer) Line(line, Plain, EstimateHeight(line, layout.ColumnWidths.Sum()));

        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var cols = new Columns();
        for (var c = 0; c < layout.ColumnCount; c++)
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = layout.ColumnWidths[c] + 1, CustomWidth = true });
        if (layout.ColumnCount == 0) cols.Append(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true });
        worksheet.Append(cols);
        var data = new SheetData();
        data.Append(rows);
        worksheet.Append(data);
        if (merges.Count > 0)
        {
            var mergeCells = new MergeCells { Count = (uint)merges.Count };
            foreach (var merge in merges) mergeCells.Append(new MergeCell { Reference = merge });
            worksheet.Append(mergeCells);
        }
        worksheet.Append(new PrintOptions { HorizontalCentered = true });
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9,
            Orientation = layout.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        return worksheet;
    }

    private static uint Style(LayoutCell cell) => cell.Style switch
    {
        CellStyle.Header => Header,
        CellStyle.Label => Label,
        CellStyle.Text => Text,
        CellStyle.Center => Center,
        CellStyle.Number => cell.NumberFormat switch
        {
            Printing.YuanFormat => MoneyYuan,
            Printing.WanYuanFormat => MoneyWan,
            Printing.ScoreFormat => ScoreFormat,
            _ => NumberGeneral,
        },
    };

    private static double EstimateHeight(string text, double width) => Math.Min(409, 15 * Lines(text, width) + 3);

    /// <summary>Lines a wrapped text takes in a column of <paramref name="width"/> character units (CJK counts 2).</summary>
    private static double Lines(string text, double width)
    {
        var lines = 0d;
        foreach (var part in text.Split('\n'))
        {
            var units = part.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);
            lines += Math.Max(1, Math.Ceiling(units / Math.Max(1, width - 1)));
        }
        return Math.Max(1, lines);
    }

    private static Cell StringCell(string reference, string text, uint style, SharedStrings strings) => new()
    {
        CellReference = reference,
        StyleIndex = SpreadsheetText.LooksLikeFormula(text) ? style + Quoted : style,
        DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)),
    };

    internal static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static string SheetName(PerformanceForm form, int index, int count, HashSet<string> used)
    {
        var basis = form.Project ?? form.Unit ?? form.Kind.ChineseName();
        if (count > 1) basis = (index + 1).ToString(CultureInfo.InvariantCulture) + "-" + form.Kind.ChineseName()[..2] + "-" + basis;
        var name = new string(basis.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray()).Trim();
        if (name.Length == 0) name = "Sheet";
        if (name.Length > 31) name = name[..31];
        var unique = name;
        for (var n = 2; !used.Add(unique); n++)
        {
            var suffix = "(" + n.ToString(CultureInfo.InvariantCulture) + ")";
            unique = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }
        return unique;
    }

    private static Stylesheet Stylesheet()
    {
        static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size });
            font.Append(new FontName { Val = "宋体" });
            font.Append(new FontCharSet { Val = 134 });
            return font;
        }

        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
            new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
            new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
            new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } },
            new DiagonalBorder());

        static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues horizontal, bool wrap, uint numberFormat = 0)
        {
            var format = new CellFormat
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
                ApplyFont = true, ApplyBorder = border != 0, ApplyFill = fill != 0, ApplyAlignment = true,
                ApplyNumberFormat = numberFormat != 0,
            };
            format.Append(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap });
            return format;
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = Printing.YuanFormat },
                new NumberingFormat { NumberFormatId = 165, FormatCode = Printing.WanYuanFormat },
                new NumberingFormat { NumberFormatId = 166, FormatCode = Printing.ScoreFormat }) { Count = 3 },
            new Fonts(Font(11, false), Font(11, true), Font(16, true)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(WithQuotedTwins(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                Format(2, 0, 0, HorizontalAlignmentValues.Center, false),
                Format(0, 0, 0, HorizontalAlignmentValues.Center, false),
                Format(0, 0, 0, HorizontalAlignmentValues.Left, true),
                Format(1, 2, 1, HorizontalAlignmentValues.Center, true),
                Format(0, 0, 1, HorizontalAlignmentValues.Center, true),
                Format(0, 0, 1, HorizontalAlignmentValues.Left, true),
                Format(0, 0, 1, HorizontalAlignmentValues.Center, true),
                Format(0, 0, 1, HorizontalAlignmentValues.Right, false, 164),
                Format(0, 0, 1, HorizontalAlignmentValues.Right, false, 165),
                Format(0, 0, 1, HorizontalAlignmentValues.Right, false, 166),
                Format(0, 0, 1, HorizontalAlignmentValues.Right, false))) { Count = 2 * Styles },
            new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static CellFormat[] WithQuotedTwins(params CellFormat[] formats)
    {
        if (formats.Length != Styles) throw new InvalidOperationException($"FormXlsx declares {Styles} styles but builds {formats.Length}.");
        var quoted = formats.Select(f =>
        {
            var twin = (CellFormat)f.CloneNode(deep: true);
            twin.QuotePrefix = true;
            return twin;
        });
        return [.. formats, .. quoted];
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int Index(string text)
        {
            if (_index.TryGetValue(text, out var i)) return i;
            _index[text] = _items.Count;
            _items.Add(text);
            return _items.Count - 1;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)_items.Count, UniqueCount = (uint)_items.Count };
            foreach (var item in _items) table.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(item) { Space = SpaceProcessingModeValues.Preserve }));
            return table;
        }
    }
}

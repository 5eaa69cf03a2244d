using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Docx;

/// <summary>
/// Reads a .docx body in order: each paragraph with text becomes a <see cref="TextBlock"/>, each table a
/// <see cref="CellGrid"/> (gridSpan → column span, vMerge restart/continue → row span). A cell's paragraphs and any
/// nested table inside it are joined with newlines. Blank cells are left out unless they span.
/// </summary>
public static class DocxReader
{
    public const string NotDocx = "文件已损坏或不是 Word 文档（.docx），无法解析";

    public const string Damaged = "文件已损坏：Word 文档缺少正文部分，无法解析";

    public static ReadDocument Read(Stream stream, string path) => Read(stream, ReadBudget.For(path, null));

    public static ReadDocument Read(Stream stream, string path, ReadLimits limits) => Read(stream, ReadBudget.For(path, limits));

    internal static ReadDocument Read(Stream stream, ReadBudget budget)
    {
        var path = budget.Path;
        var input = ReadInput.Seekable(stream, budget);
        try
        {
            // OpenXml reads the package through its own archive; this one vouches for the limits first.
            var start = input.Position;
            using (var zip = ReadInput.OpenOfficeZip(input, budget, NotDocx)) PreScan(new OpcPackage(zip), budget);
            input.Position = start;
            using var package = WordprocessingDocument.Open(input, false, new OpenSettings { AutoSave = false });
            var main = package.MainDocumentPart ?? throw new DocumentReadException(path, NotDocx);
            // OpenXml opens any OOXML package whose main part is "officeDocument"; an .xlsx renamed to .docx gets here.
            if (!main.ContentType.Contains("wordprocessingml", StringComparison.Ordinal) && !main.ContentType.Contains("ms-word", StringComparison.Ordinal))
                throw new DocumentReadException(path, NotDocx);
            var body = main.Document?.Body ?? throw new DocumentReadException(path, NotDocx);
            var walker = new Walker(budget);
            walker.Blocks(body);
            return new ReadDocument(path, walker.Output);
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new DocumentReadException(path, NotDocx, e);
        }
        finally
        {
            if (!ReferenceEquals(input, stream)) input.Dispose();
        }
    }

    /// <summary>
    /// Reads the main part once with a plain <see cref="XmlReader"/>, which does not recurse, before OpenXml builds its
    /// element tree, which does: 200,000 nested elements in a 5 KB file overflow the stack inside the SDK, and a stack
    /// overflow ends the process whatever catches it. Every part named as the main document is scanned (a broken zip
    /// may hold two entries of that name), for nesting depth, text size and time.
    /// </summary>
    private static void PreScan(OpcPackage package, ReadBudget budget)
    {
        var any = false;
        foreach (var name in package.MainParts())
        foreach (var entry in package.EntriesNamed(name))
        {
            any = true;
            using var reader = XmlReader.Create(entry.Open(), Xlsx.XlsxReader.XmlSettings);
            var elements = 0;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        budget.Depth(reader.Depth, name);
                        if ((++elements & 4095) == 0) budget.Time(name);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        budget.Text(reader.Value.Length, name);
                        break;
                }
            }
        }

        if (!any) throw new DocumentReadException(budget.Path, Damaged);
    }

    private sealed class Walker(ReadBudget budget)
    {
        private int paragraphs;
        private int tables;

        public List<DocumentBlock> Output { get; } = [];

        public void Blocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        paragraphs++;
                        var text = ParagraphText(paragraph).Trim();
                        if (text.Length > 0) Output.Add(new TextBlock(text, new SourcePosition(paragraphs)));
                        break;
                    case Table table:
                        tables++;
                        var cells = TableCells(table, $"第{tables}个表格", budget);
                        if (cells.Count > 0) Output.Add(new CellGrid(cells));
                        break;
                    // Content controls and custom XML wrap ordinary paragraphs and tables.
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom);
                        break;
                }
            }
        }
    }

    private static List<Cell> TableCells(Table table, string tableName, ReadBudget budget)
    {
        var cells = new List<Draft>();
        var openVertical = new Dictionary<int, int>();
        var row = 0;
        foreach (var tr in Unwrapped<TableRow>(table))
        {
            budget.Row(row, tableName);
            if ((row & 63) == 0) budget.Time(tableName, row);
            var column = Math.Max(0, tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);
            budget.ColumnEnd(column, tableName, row);
            Draft? previous = null;
            foreach (var tc in Unwrapped<TableCell>(tr))
            {
                var properties = tc.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                // A long: gridSpan="2147483647" must be refused, not wrap to a negative column.
                budget.ColumnEnd((long)column + span, tableName, row);
                budget.Cell(tableName, row);
                if (span > 1) budget.Merge(tableName, row);
                var vertical = properties?.VerticalMerge;
                var continues = vertical is not null && (vertical.Val is null || vertical.Val.Value == MergedCellValues.Continue);

                // The old horizontal merge (hMerge) continues the cell to its left.
                if (properties?.HorizontalMerge is { } horizontal && horizontal.Val?.Value != MergedCellValues.Restart && previous is not null)
                {
                    previous.ColumnSpan += span;
                    column += span;
                    continue;
                }

                if (continues && openVertical.TryGetValue(column, out var anchorIndex))
                {
                    var anchor = cells[anchorIndex];
                    anchor.RowSpan = row - anchor.Row + 1;
                    previous = anchor;
                }
                else
                {
                    var draft = new Draft(row, column, CellText(tc), span);
                    cells.Add(draft);
                    if (vertical is not null) openVertical[column] = cells.Count - 1;
                    else openVertical.Remove(column);
                    previous = draft;
                }

                column += span;
            }

            // A vertical merge ends where a row has no continuation for it.
            foreach (var (col, index) in openVertical.ToList())
                if (cells[index].Row + cells[index].RowSpan - 1 != row) openVertical.Remove(col);
            row++;
        }

        var result = new List<Cell>(cells.Count);
        foreach (var d in cells)
            if (d.Text.Length > 0 || d.RowSpan > 1 || d.ColumnSpan > 1)
                result.Add(new Cell(d.Row, d.Column, d.Text, d.RowSpan, d.ColumnSpan, new SourcePosition(d.Row + 1, d.Column + 1, tableName)));
        budget.Table(result, tableName);
        return result;
    }

    /// <summary>
    /// Rows of a table or cells of a row, including those wrapped in content controls and custom XML, which form
    /// templates use for fill-in fields.
    /// </summary>
    private static IEnumerable<T> Unwrapped<T>(OpenXmlElement container) where T : OpenXmlElement
    {
        foreach (var child in container.ChildElements)
        {
            if (child is T item) yield return item;
            else if (child is SdtRow or SdtContentRow or SdtCell or SdtContentCell or CustomXmlRow or CustomXmlCell)
                foreach (var inner in Unwrapped<T>(child)) yield return inner;
        }
    }

    private static string CellText(OpenXmlElement container)
    {
        var lines = new List<string>();
        CollectLines(container, lines);
        return string.Join('\n', lines);
    }

    private static void CollectLines(OpenXmlElement container, List<string> lines)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var text = ParagraphText(paragraph).Trim();
                    if (text.Length > 0) lines.Add(text);
                    break;
                case Table or TableRow or TableCell or SdtBlock or SdtContentBlock or CustomXmlBlock or SdtRow or SdtContentRow or SdtCell or SdtContentCell:
                    CollectLines(element, lines);
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }

    private sealed class Draft(int row, int column, string text, int columnSpan)
    {
        public int Row { get; } = row;
        public int Column { get; } = column;
        public string Text { get; } = text;
        public int RowSpan { get; set; } = 1;
        public int ColumnSpan { get; set; } = columnSpan;
    }
}

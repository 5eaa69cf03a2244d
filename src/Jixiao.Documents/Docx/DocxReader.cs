using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Docx;

/// <summary>
/// Reads a .docx body in order: each paragraph with text becomes a <see cref="TextBlock"/>, each table a
/// <see cref="CellGrid"/> (gridSpan → column span, vMerge restart/continue → row span). A cell's paragraphs and any
/// nested table inside it are joined with newlines. Blank cells are left out unless they span.
/// </summary>
public static class DocxReader
{
    public const string NotDocx = "文件已损坏或不是 Word 文档（.docx），无法解析";

    public static ReadDocument Read(Stream stream, string path)
    {
        var input = ReadInput.Seekable(stream, path);
        try
        {
            // OpenXml reads the package through its own archive; this one only vouches for the limits.
            var start = input.Position;
            ReadInput.OpenOfficeZip(input, path, NotDocx).Dispose();
            input.Position = start;
            using var package = WordprocessingDocument.Open(input, false, new OpenSettings { AutoSave = false });
            var main = package.MainDocumentPart ?? throw new DocumentReadException(path, NotDocx);
            // OpenXml opens any OOXML package whose main part is "officeDocument"; an .xlsx renamed to .docx gets here.
            if (!main.ContentType.Contains("wordprocessingml", StringComparison.Ordinal) && !main.ContentType.Contains("ms-word", StringComparison.Ordinal))
                throw new DocumentReadException(path, NotDocx);
            var body = main.Document?.Body ?? throw new DocumentReadException(path, NotDocx);
            var walker = new Walker();
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

    private sealed class Walker
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
                        var cells = TableCells(table, $"第{tables}个表格");
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

    private static List<Cell> TableCells(Table table, string tableName)
    {
        var cells = new List<Draft>();
        var openVertical = new Dictionary<int, int>();
        var row = 0;
        foreach (var tr in Unwrapped<TableRow>(table))
        {
            var column = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            Draft? previous = null;
            foreach (var tc in Unwrapped<TableCell>(tr))
            {
                var properties = tc.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
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

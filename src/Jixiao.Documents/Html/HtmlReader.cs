using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Html;

/// <summary>
/// Reads a web page the way governments publish forms: every outermost &lt;table&gt; becomes a <see cref="CellGrid"/>
/// (rowspan/colspan placed at their real columns, skipping positions covered by earlier rowspans), the text around
/// tables becomes one <see cref="TextBlock"/> per paragraph, in document order. Inside a cell, &lt;p&gt;, &lt;br&gt;
/// and other blocks are newlines. Blank cells are left out unless they span.
/// </summary>
public static class HtmlReader
{
    public const string NotHtml = "文件不是网页（HTML），无法解析";
    public const string NestedTooDeep = "网页标签嵌套过深，无法解析";

    /// <summary>Browsers cap spans at these; a larger value is a broken page, not a bigger table.</summary>
    private const int MaxColumnSpan = 1000;
    private const int MaxRowSpan = 65534;

    /// <summary>
    /// Elements nested deeper than this are not read: no real form nests this deep, and a hostile page nested a hundred
    /// thousand levels would otherwise overflow the stack, which no catch can stop.
    /// </summary>
    private const int MaxDepth = 512;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "select", "button",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer",
        "blockquote", "pre", "tr", "dl", "dt", "dd", "center", "form", "hr", "address", "figure", "figcaption", "caption",
        "main", "nav", "aside", "table", "tbody", "thead", "tfoot",
    };

    public static ReadDocument Read(Stream stream, string path) => Read(stream, ReadBudget.For(path, null));

    public static ReadDocument Read(Stream stream, string path, ReadLimits limits) => Read(stream, ReadBudget.For(path, limits));

    internal static ReadDocument Read(Stream stream, ReadBudget budget)
    {
        var path = budget.Path;
        var input = ReadInput.Seekable(stream, budget);
        try
        {
            byte[] bytes;
            using (var copy = new MemoryStream())
            {
                input.CopyTo(copy);
                bytes = copy.ToArray();
            }

            if (LooksBinary(bytes)) throw new DocumentReadException(path, NotHtml);
            var html = HtmlCharset.Decode(bytes);
            budget.Text(html.Length, "网页");
            if (HtmlNesting.TooDeep(html, budget.Limits.MaxHtmlDepth)) throw new DocumentReadException(path, ReadLimit.XmlDepth, NestedTooDeep);
            var document = new HtmlParser().ParseDocument(html);
            budget.Time("网页");
            var walker = new Walker(budget);
            walker.Walk(document.Body ?? (INode)document.DocumentElement);
            walker.FlushText();
            return new ReadDocument(path, walker.Output);
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (IOException e)
        {
            throw new DocumentReadException(path, ReadInput.Unreadable, e);
        }
        catch (Exception e)
        {
            throw new DocumentReadException(path, NotHtml, e);
        }
        finally
        {
            if (!ReferenceEquals(input, stream)) input.Dispose();
        }
    }

    /// <summary>Zip, PDF, OLE and other binary files carry NUL bytes or control characters early; text never does.</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        if (head.StartsWith("%PDF"u8)) return true;
        foreach (var b in head)
            if (b < 0x09 || b is > 0x0D and < 0x20 and not 0x1B) return true;
        return false;
    }

    private sealed class Walker(ReadBudget budget)
    {
        private readonly StringBuilder text = new();
        private int paragraphs;
        private int tables;

        public List<DocumentBlock> Output { get; } = [];

        public void Walk(INode node, int depth = 0)
        {
            if (depth > MaxDepth) return;
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        AppendCollapsed(text, t.Data);
                        break;
                    case IHtmlTableElement table when IsLayout(table):
                        text.Append('\n');
                        foreach (var row in Rows(table))
                        foreach (var cell in row.Children)
                        {
                            Walk(cell, depth + 1);
                            text.Append('\n');
                        }

                        break;
                    case IHtmlTableElement table:
                        FlushText();
                        if (table.Caption is { } caption) AddParagraphs(TextOf(caption));
                        tables++;
                        var cells = TableCells(table, $"第{tables}个表格", budget);
                        if (cells.Count > 0) Output.Add(new CellGrid(cells));
                        break;
                    case IElement e when Skipped.Contains(e.LocalName):
                        break;
                    case IElement { LocalName: "br" }:
                        text.Append('\n');
                        break;
                    case IElement e when BlockElements.Contains(e.LocalName):
                        text.Append('\n');
                        Walk(e, depth + 1);
                        text.Append('\n');
                        break;
                    case IElement e:
                        Walk(e, depth + 1);
                        break;
                }
            }
        }

        public void FlushText()
        {
            AddParagraphs(Lines(text));
            text.Clear();
        }

        private void AddParagraphs(string lines)
        {
            foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                paragraphs++;
                Output.Add(new TextBlock(line, new SourcePosition(paragraphs)));
            }
        }
    }

    private static List<Cell> TableCells(IHtmlTableElement table, string tableName, ReadBudget budget)
    {
        var drafts = new List<(int Row, int Column, string Text, int RowSpan, int ColumnSpan)>();
        var busyUntil = new List<int>();
        var row = 0;
        foreach (var tr in Rows(table))
        {
            budget.Row(row, tableName);
            if ((row & 63) == 0) budget.Time(tableName, row);
            var column = 0;
            foreach (var cell in tr.Children)
            {
                if (cell is not IHtmlTableCellElement td) continue;
                while (column < busyUntil.Count && busyUntil[column] > row) column++;
                var columnSpan = Math.Clamp(td.ColumnSpan, 1, MaxColumnSpan);
                // rowspan="0" means "to the end of the table section"; the clamp below trims it.
                var rowSpan = td.RowSpan <= 0 ? MaxRowSpan : Math.Min(td.RowSpan, MaxRowSpan);
                budget.ColumnEnd((long)column + columnSpan, tableName, row);
                budget.Cell(tableName, row);
                if (columnSpan > 1 || rowSpan > 1) budget.Merge(tableName, row);
                drafts.Add((row, column, TextOf(td), rowSpan, columnSpan));
                for (var c = column; c < column + columnSpan; c++)
                {
                    while (busyUntil.Count <= c) busyUntil.Add(0);
                    busyUntil[c] = row + rowSpan;
                }

                column += columnSpan;
            }

            row++;
        }

        var rows = row;
        var cells = new List<Cell>(drafts.Count);
        foreach (var d in drafts)
        {
            var rowSpan = Math.Max(1, Math.Min(d.RowSpan, rows - d.Row));
            if (d.Text.Length == 0 && rowSpan == 1 && d.ColumnSpan == 1) continue;
            cells.Add(new Cell(d.Row, d.Column, d.Text, rowSpan, d.ColumnSpan, new SourcePosition(d.Row + 1, d.Column + 1, tableName)));
        }

        budget.Table(cells, tableName);
        return cells;
    }

    /// <summary>
    /// Old sites lay pages out with tables: the form sits in a cell of a table that holds little else. A table whose
    /// nested tables have more cells than it has itself is such a frame, and is read through; a few nested cells in a
    /// data table are that cell's text.
    /// </summary>
    private static bool IsLayout(IHtmlTableElement table)
    {
        var own = Rows(table).Sum(row => row.Children.Count(c => c is IHtmlTableCellElement));
        var all = table.QuerySelectorAll("td, th").Length;
        return all - own > own;
    }

    /// <summary>The table's own rows in document order (thead, tbody, tfoot as written), not those of nested tables.</summary>
    private static IEnumerable<IElement> Rows(IHtmlTableElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") yield return child;
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
                foreach (var tr in child.Children)
                    if (tr.LocalName == "tr") yield return tr;
        }
    }

    /// <summary>The text of an element with blocks and &lt;br&gt; as newlines; a nested table's cells each on a line.</summary>
    private static string TextOf(INode node)
    {
        var builder = new StringBuilder();
        AppendText(node, builder, 0);
        return Lines(builder);
    }

    private static void AppendText(INode node, StringBuilder builder, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    AppendCollapsed(builder, t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    builder.Append('\n');
                    break;
                case IElement e when BlockElements.Contains(e.LocalName) || e.LocalName is "td" or "th":
                    builder.Append('\n');
                    AppendText(e, builder, depth + 1);
                    builder.Append('\n');
                    break;
                case IElement e:
                    AppendText(e, builder, depth + 1);
                    break;
            }
        }
    }

    /// <summary>HTML whitespace (and the &amp;nbsp; published pages pad with) collapses to one space.</summary>
    private static void AppendCollapsed(StringBuilder builder, string data)
    {
        foreach (var ch in data)
        {
            if (ch is ' ' or '\t' or '\r' or '\n' or '\f' or '\u00A0')
            {
                if (builder.Length > 0 && builder[^1] != ' ' && builder[^1] != '\n') builder.Append(' ');
            }
            else builder.Append(ch);
        }
    }

    /// <summary>Non-empty trimmed lines joined with newlines.</summary>
    private static string Lines(StringBuilder builder)
    {
        var lines = builder.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', lines);
    }
}

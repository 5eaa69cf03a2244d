using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Text;

/// <summary>
/// Reads plain text in the shapes published forms take after conversion: tab-separated rows (cells shifted by page
/// breaks, blank lines inside tables, HTML fragments inside cells), pipe-separated rows (what web-page and PDF
/// converters print: "项目名称 | 临时救助 | |||", a row continued on the next line when that line starts with "|"),
/// one-cell-per-line tables (each cell a line that starts with a tab, rows separated by blank lines) and paragraphs of
/// narrative text. Line numbers are kept 1-based.
/// </summary>
public static partial class TextReader
{
    static TextReader()
    {
        // GB18030 is not built into .NET Core; many files saved on Chinese Windows machines use it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadDocument Read(Stream stream, string path) => Read(stream, ReadBudget.For(path, null));

    public static ReadDocument Read(Stream stream, string path, ReadLimits limits) => Read(stream, ReadBudget.For(path, limits));

    internal static ReadDocument Read(Stream stream, ReadBudget budget)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var path = budget.Path;
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > budget.Limits.MaxFileBytes) throw ReadInput.TooLarge(budget);
                buffer.Write(chunk, 0, n);
            }
            bytes = buffer.ToArray();
        }
        catch (IOException e)
        {
            throw new DocumentReadException(path, "无法读取文件：" + e.Message, e);
        }

        return Read(Decode(bytes, path), budget);
    }

    public static ReadDocument Read(string text, string path) => Read(text, ReadBudget.For(path, null));

    public static ReadDocument Read(string text, string path, ReadLimits limits) => Read(text, ReadBudget.For(path, limits));

    private static ReadDocument Read(string text, ReadBudget budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) throw new DocumentReadException(budget.Path, "文件为空");
        budget.Text(text.Length, "全文");
        return new ReadDocument(budget.Path, Parse(text, budget));
    }

    private static string Decode(byte[] bytes, string path)
    {
        if (bytes.Length == 0) throw new DocumentReadException(path, "文件为空");
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Utf8OrFail(bytes.AsSpan(3), path);
        if (TextDecoding.Utf16(bytes.AsSpan(0, Math.Min(bytes.Length, 4096))) is { } utf16)
        {
            // Excel's "Unicode text": UTF-16 with (or, from other tools, without) a byte-order mark.
            var bom = bytes.AsSpan().StartsWith(utf16.GetPreamble()) ? 2 : 0;
            return utf16.GetString(bytes, bom, (bytes.Length - bom) & ~1);
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new DocumentReadException(path, "不是文本文件（含二进制内容）");
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: files from Chinese Windows are GB18030 (a superset of GBK and GB2312).
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                return gb.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                // A UTF-8 file with a few damaged bytes (a bad sector, a cut-and-paste accident) is read with those
                // characters replaced; mostly undecodable bytes are not text in any encoding we know.
                var lenient = Encoding.UTF8.GetString(bytes);
                var replaced = 0;
                foreach (var ch in lenient)
                    if (ch == '\uFFFD') replaced++;
                if (replaced <= Math.Max(2, lenient.Length / 200)) return lenient;
                throw new DocumentReadException(path, "无法识别文本编码（既不是 UTF-8 也不是 GB18030）", e);
            }
        }
    }

    private static string Utf8OrFail(ReadOnlySpan<byte> bytes, string path)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DocumentReadException(path, "文件声明为 UTF-8，但内容不是有效的 UTF-8", e);
        }
    }

    private enum LineKind { Blank, Paragraph, Tabbed, Piped }

    private static List<DocumentBlock> Parse(string text, ReadBudget budget)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var blocks = new List<DocumentBlock>();
        var cells = new List<Cell>();
        var gridRow = 0;
        var blankRun = 0;
        var previousRunWasCellPerLine = false;
        var piped = new PipedRow();

        void FlushGrid()
        {
            if (cells.Count > 0)
            {
                var grid = cells.ToArray();
                budget.Table(grid, $"第 {grid[0].Source?.Row} 行起的表格");
                blocks.Add(new CellGrid(grid));
            }
            cells.Clear();
            gridRow = 0;
            piped.Open = false;
        }

        void ClosePipedRow()
        {
            if (!piped.Open) return;
            piped.Open = false;
            gridRow++;
        }

        var i = 0;
        while (i < lines.Length)
        {
            if ((i & 1023) == 0) budget.Time("文本", i);
            var kind = Classify(lines[i]);
            if (kind == LineKind.Blank)
            {
                blankRun++;
                // Two blank lines end a table: single ones occur inside tables at page breaks.
                if (blankRun >= 2) FlushGrid();
                i++;
                continue;
            }
            blankRun = 0;

            if (kind == LineKind.Paragraph && !OpensPipedRow(lines, i) && WrappedCellEnd(lines, i) == 0)
            {
                FlushGrid();
                blocks.Add(new TextBlock(CleanCell(lines[i]).Trim(), new SourcePosition(i + 1)));
                i++;
                continue;
            }

            // A run of non-blank lines up to the next blank line.
            var end = i;
            while (end < lines.Length && Classify(lines[end]) != LineKind.Blank) end++;
            if (IsCellPerLineRun(lines, i, end, previousRunWasCellPerLine))
            {
                ClosePipedRow();
                previousRunWasCellPerLine = true;
                budget.Row(gridRow, "文本表格");
                AddCellPerLineRow(lines, i, end, cells, gridRow++, budget);
                i = end;
                continue;
            }

            previousRunWasCellPerLine = false;
            for (; i < end; i++)
            {
                var lineKind = Classify(lines[i]);
                if (lineKind == LineKind.Paragraph && WrappedCellEnd(lines, i) is var stop and > 0)
                {
                    ClosePipedRow();
                    AddPipedLine(string.Join("\n", lines[i..stop]), i, cells, gridRow, piped);
                    i = stop - 1;
                    continue;
                }
                if (lineKind == LineKind.Paragraph && !OpensPipedRow(lines, i))
                {
                    FlushGrid();
                    blocks.Add(new TextBlock(CleanCell(lines[i]).Trim(), new SourcePosition(i + 1)));
                    continue;
                }
                if (lineKind is LineKind.Piped or LineKind.Paragraph)
                {
                    if (!(piped.Open && ContinuesRow(lines[i]))) ClosePipedRow();
                    AddPipedLine(lines[i], i, cells, gridRow, piped);
                    continue;
                }
                ClosePipedRow();
                var parts = lines[i].Split('\t');
                budget.Row(gridRow, "文本表格");
                budget.ColumnEnd(parts.Length, "文本", i);
                for (var c = 0; c < parts.Length; c++)
                {
                    budget.Cell("文本", i);
                    cells.Add(new Cell(gridRow, c, CleanCell(parts[c]), Source: new SourcePosition(i + 1, c + 1)));
                }
                gridRow++;
            }
        }
        FlushGrid();
        return blocks;
    }

    private static LineKind Classify(string line)
    {
        if (line.Contains('\t')) return LineKind.Tabbed;
        if (string.IsNullOrWhiteSpace(line)) return LineKind.Blank;
        return line.Contains('|') ? LineKind.Piped : LineKind.Paragraph;
    }

    /// <summary>A line without a separator that the next line continues ("二级指标" then "| …"): the row's first cell.</summary>
    private static bool OpensPipedRow(string[] lines, int i) =>
        i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith('|') && !lines[i + 1].Contains('\t');

    private static bool ContinuesRow(string line) => line.TrimStart().StartsWith('|');

    /// <summary>
    /// Cells printed one per line with a bare "|" line after each (a web table copied cell by cell): a cell whose text
    /// wraps over several lines ("财政供养人员" "控制率" "|") is one cell, not a paragraph and a cell. Where the lines
    /// from <paramref name="i"/> (after a bare bar line) up to the next bare bar line are such a cell, the index of that
    /// bar line; 0 otherwise (a single line before a bar is already one cell).
    /// </summary>
    private static int WrappedCellEnd(string[] lines, int i)
    {
        if (i == 0 || !IsBareBar(lines[i - 1])) return 0;
        for (var k = i + 1; k < lines.Length && k <= i + MaxWrappedLines; k++)
        {
            if (IsBareBar(lines[k])) return k > i + 1 ? k : 0;
            if (Classify(lines[k]) != LineKind.Paragraph) return 0;
        }
        return 0;
    }

    private const int MaxWrappedLines = 16;

    private static bool IsBareBar(string line)
    {
        var bars = 0;
        foreach (var ch in line)
        {
            if (ch == '|') bars++;
            else if (!char.IsWhiteSpace(ch)) return false;
        }
        return bars > 0;
    }

    /// <summary>
    /// One line of a pipe-separated table. A line that starts with "|" continues the row above (converters break a row
    /// where a cell holds a line break, and print the cells of a merged first column on the next line); any other line
    /// starts a row. The "|" closing a line ends its last cell; runs of "||" are the empty cells of merged columns.
    /// </summary>
    private static void AddPipedLine(string line, int index, List<Cell> cells, int gridRow, PipedRow row)
    {
        if (!row.Open)
        {
            row.Open = true;
            row.Column = 0;
        }
        var start = 0;
        var text = line.AsSpan();
        if (ContinuesRow(line)) start = line.IndexOf('|') + 1;
        var column = row.Column;
        while (start <= line.Length)
        {
            var bar = line.IndexOf('|', start);
            var segmentEnd = bar < 0 ? line.Length : bar;
            var segment = text[start..segmentEnd].Trim();
            // The text after the last "|" is a cell only when the line does not end with the separator.
            if (bar >= 0 || segment.Length > 0)
            {
                cells.Add(new Cell(gridRow, column, CleanCell(segment.ToString()), Source: new SourcePosition(index + 1, column + 1)));
                column++;
            }
            if (bar < 0) break;
            start = bar + 1;
        }
        row.Column = column;
    }

    /// <summary>The pipe-separated row being read: open until a line starts another row.</summary>
    private sealed class PipedRow
    {
        public bool Open { get; set; }

        public int Column { get; set; }
    }

    /// <summary>
    /// One cell per line: every tabbed line of the run holds exactly one leading tab, and lines without a tab continue
    /// the cell above (the 绩\n效\n指\n标 vertical label). A single such line alone is ambiguous with a tab-separated row
    /// whose first cell is empty; it follows the run before it.
    /// </summary>
    private static bool IsCellPerLineRun(string[] lines, int start, int end, bool previousRunWasCellPerLine)
    {
        if (lines[start].Length == 0 || lines[start][0] != '\t') return false;
        var tabbed = 0;
        for (var k = start; k < end; k++)
        {
            var line = lines[k];
            var tabs = 0;
            foreach (var ch in line)
                if (ch == '\t') tabs++;
            if (tabs == 0) continue;
            if (tabs != 1 || line[0] != '\t') return false;
            tabbed++;
        }
        return tabbed >= 2 || previousRunWasCellPerLine;
    }

    private static void AddCellPerLineRow(string[] lines, int start, int end, List<Cell> cells, int row, ReadBudget budget)
    {
        var column = -1;
        var text = new StringBuilder();
        var line = 0;

        void Flush()
        {
            if (column < 0) return;
            budget.ColumnEnd(column + 1L, "文本", line);
            budget.Cell("文本", line);
            cells.Add(new Cell(row, column, CleanCell(text.ToString()), Source: new SourcePosition(line + 1, column + 1)));
        }

        for (var k = start; k < end; k++)
        {
            if (lines[k].StartsWith('\t'))
            {
                Flush();
                column++;
                text.Clear().Append(lines[k], 1, lines[k].Length - 1);
                line = k;
            }
            else
            {
                text.Append('\n').Append(lines[k]);
            }
        }
        Flush();
    }

    /// <summary>Strips the HTML fragments converters leave inside cells (paragraph breaks become newlines) and bookmark marks.</summary>
    internal static string CleanCell(string text)
    {
        if (text.Contains("[bookmark:", StringComparison.Ordinal)) text = Bookmark().Replace(text, "");
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return text;
        if (text.IndexOf('<') >= 0)
        {
            text = ParagraphBreak().Replace(text, "\n");
            text = LineBreak().Replace(text, "\n");
            text = Tag().Replace(text, "");
        }
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"</p>\s*<p(\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}

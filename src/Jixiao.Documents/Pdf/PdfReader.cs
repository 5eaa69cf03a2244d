using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Jixiao.Documents.Pdf;

/// <summary>
/// Reads a PDF page by page. Where ruling lines enclose a table, the lines give its rows and columns (a missing
/// border between two slots is a merged cell) and each word goes to the cell it sits in; a borderless run of lines
/// with wide gaps becomes a grid by gap-separated segments; the remaining lines are <see cref="TextBlock"/>s. A ruled
/// table continued on the next page is one grid. All text is NFKC-normalised. Sources carry the page number.
/// </summary>
public static class PdfReader
{
    public const string NotPdf = "文件已损坏或不是 PDF 文件，无法解析";
    public const string Encrypted = "PDF 文件已加密，请提供未加密的文件";

    /// <summary>
    /// A table that runs over a page break: the next page opens with a ruled grid whose outer column lines are the same
    /// (within two points) as those of the grid that closed the page before; both halves are placed on the column lines
    /// of either (<see cref="OnColumns"/>). Its rows are appended; the cells keep their own page in <see cref="Cell.Source"/>. Where a merged cell was cut, the new page starts with blank cells, as a
    /// flattened table does.
    /// </summary>
    /// <remarks>
    /// Where the break cut a row in two (<paramref name="rowWasCut"/>: the closing grid has no bottom border and the
    /// new one no top border), the first row on the new page is the rest of that row: its text joins the cell above it
    /// as a wrapped line does, and a merged cell running on grows by the rows it covers on the new page.
    /// </remarks>
    private static CellGrid Continue(CellGrid start, CellGrid continuation, bool rowWasCut)
    {
        var offset = rowWasCut ? start.RowCount - 1 : start.RowCount;
        var cells = new List<Cell>(start.Cells.Count + continuation.Cells.Count);
        cells.AddRange(start.Cells);
        foreach (var cell in continuation.Cells)
        {
            var at = !rowWasCut || cell.Row > 0
                ? -1
                : cells.FindIndex(c => c.Row <= offset && c.Row + c.RowSpan > offset && c.Column <= cell.Column && c.Column + c.ColumnSpan > cell.Column);
            if (at < 0)
            {
                cells.Add(cell with { Row = cell.Row + offset });
                continue;
            }

            var above = cells[at];
            cells[at] = above with
            {
                Text = JoinCut(above.Text, cell.Text),
                RowSpan = Math.Max(above.RowSpan, offset - above.Row + cell.RowSpan),
            };
        }

        return new CellGrid(cells);
    }

    /// <summary>
    /// The two halves of a cell's text split by a page break. Nothing in the page says whether the break fell inside a
    /// paragraph or after one; inside is by far the likelier (a break between paragraphs of one cell is rare), so the
    /// halves join as wrapped lines do: no space between CJK characters, one between two Latin letters or digits.
    /// </summary>
    private static string JoinCut(string before, string after)
    {
        if (before.Length == 0) return after;
        if (after.Length == 0) return before;
        var separator = char.IsAsciiLetterOrDigit(before[^1]) && char.IsAsciiLetterOrDigit(after[0]) ? " " : "";
        return before + separator + after;
    }

    /// <summary>
    /// Whether a grid opening the next page can continue the one that closed the page before: the same outer edges. The
    /// lines between may differ: the rows on one page (a funds block) can draw fewer column lines than those on the
    /// other (the indicator rows), and the table is still one.
    /// </summary>
    private static bool SameEdges(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Count >= 2 && b.Count >= 2 && Math.Abs(a[0] - b[0]) <= 2 && Math.Abs(a[^1] - b[^1]) <= 2;

    /// <summary>The column lines of both halves of a table, one line where the two are within two points.</summary>
    private static List<double> UnionColumns(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var all = new List<double>(a.Count + b.Count);
        foreach (var x in a.Concat(b).Order())
            if (all.Count == 0 || x - all[^1] > 2) all.Add(x);
        return all;
    }

    /// <summary>
    /// A grid's cells placed on the column lines of the whole table: each cell starts at the line its left edge is on and
    /// spans to the line of its right edge, so the two halves of a table line up by position on the page.
    /// </summary>
    private static CellGrid OnColumns(CellGrid grid, IReadOnlyList<double> columns, IReadOnlyList<double> all)
    {
        if (ReferenceEquals(columns, all)) return grid;
        int At(int line)
        {
            var x = columns[Math.Clamp(line, 0, columns.Count - 1)];
            var i = 0;
            while (i < all.Count - 1 && all[i] < x - 2) i++;
            return i;
        }

        var cells = new List<Cell>(grid.Cells.Count);
        foreach (var cell in grid.Cells)
        {
            var start = At(cell.Column);
            cells.Add(cell with { Column = start, ColumnSpan = Math.Max(1, At(cell.Column + cell.ColumnSpan) - start) });
        }

        return new CellGrid(cells, grid.Sheet);
    }

    private static bool SameColumns(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (Math.Abs(a[i] - b[i]) > 2) return false;
        return true;
    }

    /// <summary>"3", "- 3 -", "第 3 页", "第3页 共12页", "3/12".</summary>
    private static bool LooksLikePageNumber(string text) =>
        text.Length <= 16 && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '—' or '/' or '第' or '页' or '共');

    public static ReadDocument Read(Stream stream, string path) => Read(stream, ReadBudget.For(path, null));

    public static ReadDocument Read(Stream stream, string path, ReadLimits limits) => Read(stream, ReadBudget.For(path, limits));

    internal static ReadDocument Read(Stream stream, ReadBudget budget)
    {
        var path = budget.Path;
        var input = ReadInput.Seekable(stream, budget);
        try
        {
            Span<byte> head = stackalloc byte[1024];
            var got = ReadInput.Peek(input, head);
            if (head[..got].IndexOf("%PDF-"u8) < 0) throw new DocumentReadException(path, NotPdf);
            PdfStreams.Check(input, budget);

            using var document = PdfDocument.Open(input, new ParsingOptions { UseLenientParsing = true, ClipPaths = false });
            budget.Pages(document.NumberOfPages);
            var blocks = new List<DocumentBlock>();
            IReadOnlyList<double>? openColumns = null;
            var openCutAtBottom = false;
            var openPage = 0;
            var held = new List<DocumentBlock>();
            foreach (var page in document.GetPages())
            {
                budget.Time($"第 {page.Number} 页");
                foreach (var (block, columns, cutAtTop, cutAtBottom) in PdfPageLayout.Read(page, budget))
                {
                    // A page number between the two halves of a table must not keep them apart.
                    if (openColumns is not null && block is TextBlock { Text: var text } && LooksLikePageNumber(text))
                    {
                        held.Add(block);
                        continue;
                    }

                    if (openColumns is not null && columns is not null && page.Number == openPage + 1 && SameEdges(openColumns, columns)
                        && block is CellGrid continuation && blocks[^1] is CellGrid start)
                    {
                        var all = SameColumns(openColumns, columns) ? columns : UnionColumns(openColumns, columns);
                        blocks[^1] = Continue(OnColumns(start, openColumns, all), OnColumns(continuation, columns, all), openCutAtBottom && cutAtTop);
                        openColumns = all;
                        openCutAtBottom = cutAtBottom;
                        openPage = page.Number;
                        continue;
                    }

                    blocks.AddRange(held);
                    held.Clear();
                    blocks.Add(block);
                    openColumns = columns;
                    openCutAtBottom = cutAtBottom;
                    openPage = page.Number;
                }
            }

            blocks.AddRange(held);
            return new ReadDocument(path, blocks);
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentReadException(path, Encrypted, e);
        }
        catch (Exception e)
        {
            throw new DocumentReadException(path, NotPdf, e);
        }
        finally
        {
            if (!ReferenceEquals(input, stream)) input.Dispose();
        }
    }
}

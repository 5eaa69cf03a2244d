using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using UglyToad.PdfPig.Content;

namespace Jixiao.Documents.Pdf;

/// <summary>Turns one page's words and ruling lines into grids and text blocks, top to bottom.</summary>
internal static class PdfPageLayout
{
    /// <summary>Points within which two ruling lines are the same line (borders are drawn as ~0.75 pt rectangles).</summary>
    private const double Tolerance = 2.0;

    /// <summary>A rectangle thinner than this is a ruling line, not a filled area.</summary>
    private const double Thin = 2.5;

    /// <summary>A gap wider than this share of the font size is a space (a CJK font's space is about a fifth).</summary>
    private const double WordGap = 0.15;

    /// <summary>
    /// One block of a page. A ruled grid comes with its column lines, left to right, and whether a page break cut its
    /// first or last row (that row has side borders but no border on the cut side).
    /// </summary>
    public readonly record struct PageBlock(DocumentBlock Block, IReadOnlyList<double>? Columns, bool CutAtTop, bool CutAtBottom);

    /// <summary>The page's blocks top to bottom.</summary>
    public static List<PageBlock> Read(Page page, ReadBudget budget)
    {
        var words = Words(page);
        budget.Text(words.Count, $"第 {page.Number} 页");
        var (horizontals, verticals) = Rulings(page, budget);
        var frames = Frames(horizontals, verticals);
        budget.Time($"第 {page.Number} 页");
        var framed = frames.Select(_ => new List<PdfWord>()).ToList();
        var loose = new List<PdfWord>();
        foreach (var word in words)
        {
            var at = frames.FindIndex(f => f.Contains(word.CenterX, word.CenterY));
            if (at >= 0) framed[at].Add(word);
            else loose.Add(word);
        }

        var items = new List<(double Top, PageBlock Block)>();
        for (var i = 0; i < frames.Count; i++)
        {
            var cells = frames[i].Cells(framed[i], page.Number, budget);
            if (cells.Count > 0)
                items.Add((frames[i].Top, new PageBlock(new CellGrid(cells), frames[i].Columns, frames[i].CutAtTop, frames[i].CutAtBottom)));
        }

        items.AddRange(LooseBlocks(loose, page.Number, page.Width).Select(b => (b.Top, new PageBlock(b.Block, null, false, false))));
        return [.. items.OrderByDescending(i => i.Top).Select(i => i.Block)];
    }

    /// <summary>
    /// The page's glyphs, one by one. Grouping into words is left to the line and cell logic (by gaps), so a word
    /// never runs across a ruling line between two cells set without padding.
    /// </summary>
    private static List<PdfWord> Words(Page page)
    {
        var glyphs = new List<PdfWord>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value)) continue;
            var text = PdfText.Normalize(letter.Value);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var size = letter.PointSize >= 2 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 10);
            var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            if (right - left < 0.01) right = left + letter.BoundingBox.Width;
            glyphs.Add(new PdfWord(text.Trim(), left, right, letter.StartBaseLine.Y, size));
        }

        return glyphs;
    }

    /// <remarks>
    /// Tables are found by pairing every horizontal line with every vertical one, so the lines of a page are counted
    /// against <see cref="ReadLimits.MaxDrawingsPerPage"/>: a page of a hundred thousand rectangles took minutes.
    /// </remarks>
    private static (List<HLine>, List<VLine>) Rulings(Page page, ReadBudget budget)
    {
        var horizontals = new List<HLine>();
        var verticals = new List<VLine>();
        var pieces = 0;
        foreach (var path in page.Paths)
        {
            if (!path.IsFilled && !path.IsStroked) continue;
            foreach (var subpath in path)
            {
                budget.Drawings(Math.Max(++pieces, horizontals.Count + verticals.Count), page.Number);
                if (subpath.GetBoundingRectangle() is not { } box) continue;
                if (box.Height <= Thin && box.Width > Thin) horizontals.Add(new HLine((box.Bottom + box.Top) / 2, box.Left, box.Right));
                else if (box.Width <= Thin && box.Height > Thin) verticals.Add(new VLine((box.Left + box.Right) / 2, box.Bottom, box.Top));
                else if (path.IsStroked && box.Width > Thin && box.Height > Thin && subpath.Commands.Count >= 4)
                {
                    // A stroked rectangle is a cell border drawn in one go.
                    horizontals.Add(new HLine(box.Bottom, box.Left, box.Right));
                    horizontals.Add(new HLine(box.Top, box.Left, box.Right));
                    verticals.Add(new VLine(box.Left, box.Bottom, box.Top));
                    verticals.Add(new VLine(box.Right, box.Bottom, box.Top));
                }
            }
        }

        return (horizontals, verticals);
    }

    /// <summary>Groups of crossing ruling lines with at least two lines each way: one table each.</summary>
    private static List<Frame> Frames(List<HLine> horizontals, List<VLine> verticals)
    {
        var parent = Enumerable.Range(0, horizontals.Count + verticals.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var h = 0; h < horizontals.Count; h++)
        for (var v = 0; v < verticals.Count; v++)
        {
            var hl = horizontals[h];
            var vl = verticals[v];
            if (vl.X >= hl.X1 - Tolerance && vl.X <= hl.X2 + Tolerance && hl.Y >= vl.Y1 - Tolerance && hl.Y <= vl.Y2 + Tolerance)
                parent[Find(h)] = Find(horizontals.Count + v);
        }

        // Chromium draws a collapsed border cell by cell, so one ruling line comes as abutting pieces. A piece that
        // crosses no line of the other direction (the border above a row of narrow cells whose own column lines stop
        // there) still belongs to the table its neighbour belongs to.
        for (var a = 0; a < horizontals.Count; a++)
        for (var b = a + 1; b < horizontals.Count; b++)
        {
            var (ha, hb) = (horizontals[a], horizontals[b]);
            if (Math.Abs(ha.Y - hb.Y) <= Tolerance && ha.X1 <= hb.X2 + Tolerance && hb.X1 <= ha.X2 + Tolerance) parent[Find(a)] = Find(b);
        }

        for (var a = 0; a < verticals.Count; a++)
        for (var b = a + 1; b < verticals.Count; b++)
        {
            var (va, vb) = (verticals[a], verticals[b]);
            if (Math.Abs(va.X - vb.X) <= Tolerance && va.Y1 <= vb.Y2 + Tolerance && vb.Y1 <= va.Y2 + Tolerance)
                parent[Find(horizontals.Count + a)] = Find(horizontals.Count + b);
        }

        var frames = new List<Frame>();
        foreach (var group in Enumerable.Range(0, parent.Length).GroupBy(Find))
        {
            var hs = group.Where(i => i < horizontals.Count).Select(i => horizontals[i]).ToList();
            var vs = group.Where(i => i >= horizontals.Count).Select(i => verticals[i - horizontals.Count]).ToList();
            if (hs.Count < 2 || vs.Count < 2) continue;
            var xs = Cluster(vs.Select(v => v.X));
            var ys = Cluster(hs.Select(h => h.Y));
            ys.Reverse();
            // Where a page break cuts a row, chromium draws its side borders but no top (or bottom) border: the
            // verticals reaching past the outermost horizontal close the row.
            var top = vs.Max(v => v.Y2);
            var cutAtTop = ys.Count > 0 && top > ys[0] + Tolerance;
            if (cutAtTop)
            {
                ys.Insert(0, top);
                hs.Add(new HLine(top, xs[0], xs[^1]));
            }

            var bottom = vs.Min(v => v.Y1);
            var cutAtBottom = ys.Count > 0 && bottom < ys[^1] - Tolerance;
            if (cutAtBottom)
            {
                ys.Add(bottom);
                hs.Add(new HLine(bottom, xs[0], xs[^1]));
            }

            // A box with no inner column line is a framed paragraph or a table ruled only outside: its lines are
            // left to the gap analysis rather than read as one giant cell.
            if (xs.Count >= 3 && ys.Count >= 2) frames.Add(new Frame(xs, ys, hs, vs, cutAtTop, cutAtBottom));
        }

        return frames;
    }

    private static List<double> Cluster(IEnumerable<double> values)
    {
        var result = new List<double>();
        var members = 0;
        foreach (var value in values.Order())
        {
            if (result.Count > 0 && value - result[^1] <= Tolerance)
            {
                result[^1] = (result[^1] * members + value) / (members + 1);
                members++;
            }
            else
            {
                result.Add(value);
                members = 1;
            }
        }

        return result;
    }

    /// <summary>
    /// Words outside ruled tables, as lines. A run of two or more lines that each break into segments at wide gaps is
    /// a borderless table; any other line is a paragraph.
    /// </summary>
    private static IEnumerable<(double Top, DocumentBlock Block)> LooseBlocks(List<PdfWord> words, int page, double pageWidth)
    {
        var lines = Lines(words);
        var result = new List<(double Top, DocumentBlock Block)>();
        var lineNumber = 0;
        // The text column's right edge, taking the margins as symmetric: a page of short lines then has no line that
        // reaches it, so nothing is joined by mistake.
        var right = lines.Count == 0 ? 0 : pageWidth - lines.Min(l => l[0].Left);
        var paragraph = -1;
        for (var i = 0; i < lines.Count;)
        {
            var run = i;
            while (run < lines.Count && Segments(lines[run]).Count >= 2) run++;
            if (run - i >= 2)
            {
                result.Add((lines[i][0].Baseline + lines[i][0].Size, BorderlessGrid(lines[i..run], lineNumber, page)));
                lineNumber += run - i;
                paragraph = -1;
                i = run;
                continue;
            }

            lineNumber++;
            var text = string.Join(" ", Segments(lines[i]));
            if (paragraph >= 0 && ContinuesParagraph(lines[i - 1], lines[i], right))
            {
                var (top, block) = result[paragraph];
                var before = ((TextBlock)block).Text;
                var separator = char.IsAsciiLetterOrDigit(before[^1]) && char.IsAsciiLetterOrDigit(text[0]) ? " " : "";
                result[paragraph] = (top, new TextBlock(before + separator + text, ((TextBlock)block).Source));
            }
            else
            {
                paragraph = result.Count;
                result.Add((lines[i][0].Baseline + lines[i][0].Size, new TextBlock(text, new SourcePosition(lineNumber, 0, null, page))));
            }

            i++;
        }

        return result;
    }

    /// <summary>
    /// A line continues the paragraph above when the line above ran to the right margin (wrapped, not ended) and
    /// follows at ordinary line spacing.
    /// </summary>
    private static bool ContinuesParagraph(List<PdfWord> above, List<PdfWord> line, double right)
    {
        var size = above[^1].Size;
        return above[^1].Right >= right - (2.5 * size) && above[0].Baseline - line[0].Baseline <= 2 * size;
    }

    private static CellGrid BorderlessGrid(List<List<PdfWord>> lines, int firstLine, int page)
    {
        var starts = Cluster(lines.SelectMany(SegmentStarts));
        var cells = new List<Cell>();
        for (var row = 0; row < lines.Count; row++)
        {
            var segments = Segments(lines[row]);
            var lefts = SegmentStarts(lines[row]).ToList();
            var placed = new Dictionary<int, string>();
            for (var s = 0; s < segments.Count; s++)
            {
                var column = starts.FindLastIndex(x => x <= lefts[s] + Tolerance);
                column = Math.Max(column, 0);
                placed[column] = placed.TryGetValue(column, out var before) ? before + " " + segments[s] : segments[s];
            }

            foreach (var (column, text) in placed.OrderBy(p => p.Key))
                cells.Add(new Cell(row, column, text, Source: new SourcePosition(firstLine + row + 1, column + 1, null, page)));
        }

        return new CellGrid(cells);
    }

    /// <remarks>
    /// Glyphs are ordered by their middles, not their left edges: chromium trims the blank half of full-width
    /// punctuation after other punctuation by moving the glyph's origin back half an em, so "[（" has （ starting left of
    /// [ although it is drawn after it.
    /// </remarks>
    private static List<List<PdfWord>> Lines(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var word in words.OrderByDescending(w => w.Baseline).ThenBy(w => w.CenterX))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1][0].Baseline - word.Baseline) <= 0.4 * word.Size) lines[^1].Add(word);
            else lines.Add([word]);
        }

        foreach (var line in lines) line.Sort((a, b) => a.CenterX.CompareTo(b.CenterX));
        return lines;
    }

    /// <summary>A line's texts split where the gap is wider than one and a half characters.</summary>
    private static List<string> Segments(List<PdfWord> line)
    {
        var segments = new List<string>();
        var current = new StringBuilder(line[0].Text);
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - line[i - 1].Right;
            if (gap > 1.5 * line[i].Size)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else if (gap > WordGap * line[i].Size) current.Append(' ');

            current.Append(line[i].Text);
        }

        segments.Add(current.ToString());
        return segments;
    }

    private static IEnumerable<double> SegmentStarts(List<PdfWord> line)
    {
        yield return line[0].Left;
        for (var i = 1; i < line.Count; i++)
            if (line[i].Left - line[i - 1].Right > 1.5 * line[i].Size) yield return line[i].Left;
    }

    private readonly record struct PdfWord(string Text, double Left, double Right, double Baseline, double Size)
    {
        public double CenterX => (Left + Right) / 2;

        /// <summary>A little above the baseline: the middle of a CJK glyph.</summary>
        public double CenterY => Baseline + Size * 0.3;
    }

    private readonly record struct HLine(double Y, double X1, double X2);

    private readonly record struct VLine(double X, double Y1, double Y2);

    /// <summary>A ruled table: its column lines left to right, its row lines top to bottom.</summary>
    private sealed class Frame(List<double> xs, List<double> ys, List<HLine> horizontals, List<VLine> verticals, bool cutAtTop, bool cutAtBottom)
    {
        public double Top => ys[0];

        public bool CutAtTop => cutAtTop;

        public bool CutAtBottom => cutAtBottom;

        public IReadOnlyList<double> Columns => xs;

        public bool Contains(double x, double y) => x >= xs[0] && x <= xs[^1] && y <= ys[0] && y >= ys[^1];

        public List<Cell> Cells(List<PdfWord> words, int page, ReadBudget budget)
        {
            var rows = ys.Count - 1;
            var columns = xs.Count - 1;
            if ((long)rows * columns > budget.Limits.MaxPageTablePositions)
                throw budget.Exceeded(ReadLimit.Cells, $"表格规模（{rows} 行 × {columns} 列）超过 {budget.Limits.MaxPageTablePositions} 个单元格", $"第 {page} 页");
            IndexLines();
            var slot = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                slot[r, c] = -1;

            var areas = new List<(int Row, int Column, int RowSpan, int ColumnSpan)>();
            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                if (slot[r, c] >= 0) continue;
                var columnSpan = 1;
                while (c + columnSpan < columns && slot[r, c + columnSpan] < 0 && !HasVertical(c + columnSpan, r)) columnSpan++;
                var rowSpan = 1;
                while (r + rowSpan < rows && CanExtendDown(slot, r + rowSpan, c, columnSpan)) rowSpan++;
                for (var rr = r; rr < r + rowSpan; rr++)
                for (var cc = c; cc < c + columnSpan; cc++)
                    if (slot[rr, cc] < 0) slot[rr, cc] = areas.Count;
                areas.Add((r, c, rowSpan, columnSpan));
            }

            var contents = areas.Select(_ => new List<PdfWord>()).ToList();
            foreach (var word in words)
            {
                var c = Math.Clamp(xs.FindLastIndex(x => x <= word.CenterX), 0, columns - 1);
                var r = Math.Clamp(ys.FindLastIndex(y => y >= word.CenterY), 0, rows - 1);
                contents[slot[r, c]].Add(word);
            }

            var cells = new List<Cell>();
            for (var i = 0; i < areas.Count; i++)
            {
                var a = areas[i];
                var text = contents[i].Count == 0 ? "" : CellText(contents[i], xs[a.Column + a.ColumnSpan]);
                if (text.Length == 0 && a.RowSpan == 1 && a.ColumnSpan == 1) continue;
                cells.Add(new Cell(a.Row, a.Column, text, a.RowSpan, a.ColumnSpan, new SourcePosition(a.Row + 1, a.Column + 1, null, page)));
            }

            return cells;
        }

        /// <summary>
        /// Whether row <paramref name="row"/> continues the area: no border above it under any of the area's columns and
        /// no border between them in it. (Chromium leaves out the borders of a rowspan cell cut by a page break, so an
        /// area found by its first row alone could swallow the rows below.)
        /// </summary>
        private bool CanExtendDown(int[,] slot, int row, int column, int columnSpan)
        {
            for (var c = column; c < column + columnSpan; c++)
                if (slot[row, c] >= 0 || HasHorizontal(row, c)) return false;
            for (var c = column + 1; c < column + columnSpan; c++)
                if (HasVertical(c, row)) return false;
            return true;
        }

        private List<VLine>[] verticalsAt = [];
        private List<HLine>[] horizontalsAt = [];

        /// <summary>
        /// The lines near each column and row line, so a border lookup scans the few pieces drawn there rather than
        /// every line of the page (rows × columns lookups over all lines took minutes on a page of fine rectangles).
        /// </summary>
        private void IndexLines()
        {
            verticalsAt = xs.Select(_ => new List<VLine>()).ToArray();
            horizontalsAt = ys.Select(_ => new List<HLine>()).ToArray();
            foreach (var v in verticals)
                for (var c = 0; c < xs.Count; c++)
                    if (Math.Abs(v.X - xs[c]) <= Tolerance) verticalsAt[c].Add(v);
            foreach (var h in horizontals)
                for (var r = 0; r < ys.Count; r++)
                    if (Math.Abs(h.Y - ys[r]) <= Tolerance) horizontalsAt[r].Add(h);
        }

        private bool HasVertical(int column, int row)
        {
            var y = (ys[row] + ys[row + 1]) / 2;
            return verticalsAt[column].Exists(v => y >= v.Y1 - Tolerance && y <= v.Y2 + Tolerance);
        }

        private bool HasHorizontal(int row, int column)
        {
            var x = (xs[column] + xs[column + 1]) / 2;
            return horizontalsAt[row].Exists(h => x >= h.X1 - Tolerance && x <= h.X2 + Tolerance);
        }

        /// <summary>
        /// The words of a cell, line by line. A line that ran up to the cell's right edge (within two and a half characters: line-start punctuation pulls the
        /// last character down with it) wrapped and continues on the
        /// next line; a line that stopped short ended a paragraph, so a newline follows it.
        /// </summary>
        private static string CellText(List<PdfWord> words, double cellRight)
        {
            var text = new StringBuilder();
            List<PdfWord>? previous = null;
            foreach (var line in Lines(words))
            {
                if (previous is not null)
                {
                    var size = previous[^1].Size;
                    var wrapped = previous[^1].Right >= cellRight - (2.5 * size + 6);
                    if (!wrapped) text.Append('\n');
                    else if (char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(line[0].Text[0]) && NextGlyphFitted(previous[^1], line[0], cellRight)) text.Append(' ');
                }

                for (var i = 0; i < line.Count; i++)
                {
                    if (i > 0 && line[i].Left - line[i - 1].Right > WordGap * line[i].Size) text.Append(' ');
                    text.Append(line[i].Text);
                }

                previous = line;
            }

            return text.ToString();
        }

        /// <summary>
        /// Whether the first glyph of the next line would have fitted after the line above, inside the cell's padding
        /// (about a millimetre). A line that wraps between two words leaves room for more than one glyph before the edge
        /// where a layout breaking anywhere (CSS word-break: break-all, as the print view sets) cuts a number like "10"
        /// only when its next digit does not fit; such a cut is inside one word and takes no space.
        /// </summary>
        private static bool NextGlyphFitted(PdfWord last, PdfWord next, double cellRight) =>
            cellRight - last.Right >= next.Right - next.Left + 3.5;
    }
}

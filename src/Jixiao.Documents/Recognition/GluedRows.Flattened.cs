using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A whole table run onto a few long lines with nothing between its cells ("…三级指标年度指标值全年完成值产出指标数量指标
/// 库存数量真实率100%100%质量指标…"), what a web page's flattened docx gives. The indicator header is found inside the line as
/// the longest run of column words (each word the longest the lexicon knows at that point, the run the one with most
/// words); the text after it, continued over the following lines (a converter's page number "2、" at a line's start
/// dropped), is cut into rows at the values: a row ends where as many values as the header has value columns stand one
/// after another (a percent sign or a unit ends a value, a comparator stays with the figures after it). What comes
/// before a row's name and is a known tree word is its 一级 / 二级; text before those that holds no values is a row that
/// lost its values and is kept in doubt. Every cut that could have gone another way (digits of two cells touching, a
/// row that lost its values) is a typed doubt on its row. Work is linear in the line: each position is tried against
/// words of bounded length once.
/// </summary>
internal sealed partial class GluedRows
{
    /// <summary>Lines shorter than this are rows, not flattened tables.</summary>
    private const int FlattenedLine = 200;

    /// <summary>A flattened table has few sentences; a narrative paragraph has many.</summary>
    private const int MostSentences = 1;

    private const int LongestJoin = 40;

    /// <summary>A stretch between two rows' values longer than this is no row: the table has ended.</summary>
    private const int LongestRow = 80;

    private const int FewestRows = 2;

    private const int LongestUnit = 4;

    private const int ShortestTitle = 4;

    private const int LongestTitle = 70;

    private const decimal MostFigure = decimal.MaxValue;

    private sealed record Flat(List<SourceRow> Rows, int Next);

    private Flat? Flattened(List<SourceRow> rows, int at)
    {
        var row = rows[at];
        if (row.NonEmptyCount != 1) return null;
        var raw = row.Raw[row.FirstNonEmpty];
        if (raw.Length < FlattenedLine || raw.Count(ch => ch is '。') > MostSentences) return null;
        var first = Strip(raw);
        if (FindHeader(first) is not { } found) return null;
        var roles = found.Header.Select(h => h.Column).ToArray();
        var values = Enumerable.Range(0, roles.Length).Where(c => roles[c] is IndicatorColumn.Target or IndicatorColumn.Actual).ToArray();
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        // The values close each row, or the weight and the score printed after them do (GluedRows.Scored).
        var points = Enumerable.Range(0, roles.Length).Where(c => roles[c] is IndicatorColumn.Weight or IndicatorColumn.Score).ToArray();
        if (nameColumn < 0 || values.Length == 0 || values.Min() < nameColumn
            || (points.Length > 0 && (points.Min() < values.Max() || points.Length > 2 || values.Length != 2 || IsSpaced(raw)))) return null;

        // The body: the rest of this line and the lines that continue it, each line's start remembered.
        var marker = PageMarker(first, 0);
        var body = new System.Text.StringBuilder(first[found.End..]);
        var starts = new List<int> { 0 };
        var next = at + 1;
        while (next < rows.Count && next <= at + LongestJoin && rows[next].NonEmptyCount == 1 && rows[next].IsParagraph == row.IsParagraph)
        {
            var line = Strip(rows[next].Raw[rows[next].FirstNonEmpty]);
            if (line.Length == 0) break;
            if (marker is { } m && PageMarker(line, m + 1) is { } n)
            {
                line = line[(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1)..];
                marker = n;
            }
            else marker = null;
            starts.Add(body.Length);
            body.Append(line);
            next++;
        }
        var text = body.ToString();
        int end;
        var cuts = points.Length == 0 ? CutBody(text, roles, values, nameColumn, out end) : CutScoredBody(text, roles, values, points, nameColumn, out end);
        if (cuts.Count(c => !c.Lost) < FewestRows) return null;

        var source = row.Source;
        var made = new List<SourceRow>();
        if (found.Start > 0)
        {
            // The title the line starts with opens the form, as it would on a line of its own.
            var before = first[..found.Start];
            var title = 0;
            for (var t = Math.Min(before.Length, LongestTitle); t >= ShortestTitle && title == 0; t--)
                if (words.TitleKind(TextNorm.Key(before[..t])) is not null) title = t;
            if (title > 0) made.Add(Row([before[..title]], source));
            if (title < before.Length) made.AddRange(HeadRows(before[title..], source));
        }
        made.Add(Row(["", .. found.Header.Select(h => h.Text)], source));
        foreach (var cut in cuts)
        {
            // Each row its own place in the line, so a doubt on one row covers that row only.
            var r = Row(["", .. cut.Cells], source is null ? null : source with { Word = cut.Offset + 1 });
            if (cut.Lost || cut.Ambiguous)
            {
                r.Uncertain = cut.Doubted ?? [.. values.Select(v => roles[v] == IndicatorColumn.Target ? CellRole.Target : CellRole.Actual)];
                r.UncertainReason = cut.Reason ?? (cut.Lost ? DoubtReason.StrayFragment : DoubtReason.AmbiguousNumber);
                r.UncertainAssumed = string.Join(" / ", values.Select(v => cut.Cells[v]));
            }
            made.Add(r);
        }
        // What follows the table stays as printed: the rest of the line it ended in, then the lines after it untouched.
        var line0 = starts.FindLastIndex(s => s <= end);
        var lineEnd = line0 + 1 < starts.Count ? starts[line0 + 1] : text.Length;
        if (end < lineEnd) made.Add(Row([text[end..lineEnd]], rows[at + line0].Source));
        return new Flat(made, at + line0 + 1);
    }

    /// <summary>
    /// A line whose cells are still parted by spaces (a few spaces inside cells aside): a token stream's shape
    /// (<see cref="TokenStream"/>), where the spaces, not the values, tell the cells apart.
    /// </summary>
    private static bool IsSpaced(string raw)
    {
        var pieces = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return pieces * SpacedPiece > raw.Length;
    }

    /// <summary>Spaces between the cells leave pieces shorter than this on average; spaces inside a few cells, longer.</summary>
    private const int SpacedPiece = 20;

    /// <summary>The number a converter put before a page's text ("2、…"), when it is the one expected (any, for the first line).</summary>
    private static int? PageMarker(string line, int expected)
    {
        var k = 0;
        while (k < line.Length && k < 3 && char.IsAsciiDigit(line[k])) k++;
        if (k == 0 || k >= line.Length || line[k] != '、') return null;
        var n = int.Parse(line.AsSpan(0, k), System.Globalization.CultureInfo.InvariantCulture);
        return expected == 0 || n == expected ? n : null;
    }

    private sealed record FoundHeader(int Start, int End, List<(string Text, IndicatorColumn Column)> Header);

    /// <summary>
    /// The run of column words with the most words in the line that names the indicator's name and a value column: for
    /// each position, the most words a run from there can hold (right to left, each word at most <see cref="LongestWord"/>).
    /// <paramref name="accepts"/>, when given, says which runs of columns are a header instead.
    /// </summary>
    private FoundHeader? FindHeader(string text, Func<List<IndicatorColumn>, bool>? accepts = null)
    {
        var n = text.Length;
        var count = new int[n + 1];
        var next = new int[n + 1];
        var column = new IndicatorColumn[n + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = Math.Min(n, i + LongestWord); j >= i + 2; j--)
            {
                if (count[j] + 1 <= count[i]) continue;
                var c = ColumnOf(text[i..j]);
                if (c == IndicatorColumn.None) continue;
                count[i] = count[j] + 1;
                next[i] = j;
                column[i] = c;
            }
        for (var i = 0; i < n; i++)
        {
            if (count[i] < FewestColumns || (i > 0 && count[i - 1] > count[i])) continue;
            var header = new List<(string, IndicatorColumn)>();
            var k = i;
            while (count[k] > 0)
            {
                header.Add((text[k..next[k]], column[k]));
                k = next[k];
            }
            // Words match by what they contain, so the first word may carry the text before it and the last the row after
            // it: each is cut to the shortest piece that still names its column.
            var start = i;
            var (firstText, firstColumn) = header[0];
            for (var t = firstText.Length - 2; t >= 0 && t > firstText.Length - LongestWord; t--)
                if (ColumnOf(firstText[t..]) == firstColumn)
                {
                    start = i + t;
                    header[0] = (firstText[t..], firstColumn);
                    break;
                }
            var (lastText, lastColumn) = header[^1];
            for (var t = 2; t < lastText.Length; t++)
                if (ColumnOf(lastText[..t]) == lastColumn)
                {
                    k -= lastText.Length - t;
                    header[^1] = (lastText[..t], lastColumn);
                    break;
                }
            i = start;
            var columns = header.Select(h => h.Item2).ToList();
            if (accepts?.Invoke(columns) ?? (columns.Contains(IndicatorColumn.Name) && columns.Any(c => c is IndicatorColumn.Target or IndicatorColumn.Actual)
                && columns.Distinct().Count() == columns.Count))
                return new FoundHeader(i, k, header);
        }
        return null;
    }

    /// <summary>A row of a flattened body; <paramref name="Doubted"/> names the cells in doubt when they are not the values.</summary>
    private sealed record BodyCut(string[] Cells, bool Lost, bool Ambiguous, int Offset, CellRole[]? Doubted = null, DoubtReason? Reason = null);

    /// <summary>The rows of a flattened body, up to where it stops being rows; <paramref name="end"/> is where it stopped.</summary>
    private List<BodyCut> CutBody(string text, IndicatorColumn[] roles, int[] values, int nameColumn, out int end)
    {
        var cuts = new List<BodyCut>();
        var from = 0;
        end = 0;
        var p = 0;
        while (p < text.Length)
        {
            if (p - from > LongestRow) break;
            // Values start at a comparator or a figure that does not continue a figure of the name.
            if (!(IsComparator(text[p]) || char.IsAsciiDigit(text[p])) || (p > from && (char.IsAsciiDigit(text[p - 1]) || text[p - 1] == '.')))
            {
                p++;
                continue;
            }
            if (ValueRun(text, p, values.Length) is not { } run || p == from)
            {
                p++;
                continue;
            }
            var cells = new string[roles.Length];
            Array.Fill(cells, "");
            for (var k = 0; k < values.Length; k++) cells[values[k]] = run.Items[k];
            var lost = Place(text[from..p], from, roles, nameColumn, cells, cuts);
            if (cells[nameColumn].Length == 0) break;
            cuts.Add(new BodyCut(cells, false, run.Ambiguous || lost, from));
            from = run.End;
            end = run.End;
            p = run.End;
        }
        return cuts;
    }

    /// <summary>
    /// The tree words and the name of the text before a row's values. Text before the last group of tree words is a row
    /// that lost its values (added in doubt); returns whether the row itself could be cut another way.
    /// </summary>
    private bool Place(string text, int offset, IndicatorColumn[] roles, int nameColumn, string[] cells, List<BodyCut> cuts)
    {
        var level1 = Array.IndexOf(roles, IndicatorColumn.Level1);
        var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
        // The last group of two or more tree words, or one at the very start.
        int groupStart = -1, groupEnd = -1;
        for (var s = 0; s < text.Length - 1; s++)
        {
            var e = s;
            var words2 = 0;
            while (e < text.Length && TreeWordAt(text, e) is var len and > 0)
            {
                e += len;
                words2++;
            }
            if (words2 == 0 || (s > 0 && words2 < 2)) continue;
            groupStart = s;
            groupEnd = e;
            s = e - 1;
        }
        var lost = false;
        var at = 0;
        if (groupStart >= 0)
        {
            if (groupStart > 0)
            {
                // A row whose values were not where values stand: kept by its name, in doubt, unless its values are
                // words the text itself tells apart ("…安全性高高", one value printed twice).
                var orphan = new string[roles.Length];
                Array.Fill(orphan, "");
                if (OrphanWithValues(text[..groupStart], roles, nameColumn, orphan) is { } ambiguous)
                    cuts.Add(new BodyCut(orphan, false, ambiguous, offset));
                else
                {
                    Array.Fill(orphan, "");
                    orphan[nameColumn] = text[..groupStart];
                    cuts.Add(new BodyCut(orphan, true, true, offset));
                    lost = true;
                }
            }
            for (var k = groupStart; k < groupEnd;)
            {
                var len = TreeWordAt(text, k);
                var word = text.Substring(k, len);
                var kind = words.Classify(TextNorm.Key(word));
                if (kind == TreeWord.Level1 && level1 >= 0) cells[level1] = word;
                else if (level2 >= 0) cells[level2] = word;
                k += len;
            }
            at = groupEnd;
        }
        cells[nameColumn] = text[at..];
        return lost;
    }

    private sealed record Run(string[] Items, int End, bool Ambiguous);

    /// <summary>
    /// Exactly <paramref name="count"/> values from <paramref name="p"/>: comparators, a printed figure, then a percent
    /// sign or a short unit. Touching bare digits ("00") are split only where every way gives the same cut; otherwise
    /// the run is taken in doubt.
    /// </summary>
    private Run? ValueRun(string text, int p, int count)
    {
        var items = new List<string>();
        var ambiguous = false;
        var k = p;
        while (items.Count < count && k < text.Length)
        {
            var s = k;
            while (k < text.Length && IsComparator(text[k])) k++;
            var d = k;
            while (k < text.Length && (char.IsAsciiDigit(text[k]) || text[k] == '.')) k++;
            if (k == d) return null;
            var digits = text[d..k];
            if (k < text.Length && text[k] == '%')
            {
                if (!IsPrinted(digits)) return null;
                items.Add(text[s..++k]);
                continue;
            }
            var unit = UnitAt(text, k, items.Count > 0 ? UnitOf(items[^1]) : null);
            if (!IsPrinted(digits))
            {
                // Bare digits of two cells run together ("00"): split in two printed figures, in doubt.
                if (items.Count != 0 || count != 2 || unit > 0) return null;
                var splits = Splits(digits, MostFigure);
                if (splits.Count != 1) return null;
                items.Add(text[s..d] + splits[0].Target);
                items.Add(splits[0].Points);
                ambiguous = true;
                break;
            }
            if (unit == 0 && items.Count + 1 < count)
            {
                // Touching bare figures: every cut is as good as another.
                var splits = Splits(digits, MostFigure);
                if (count - items.Count != 2 || splits.Count == 0) return null;
                items.Add(text[s..d] + splits[0].Target);
                items.Add(splits[0].Points);
                ambiguous = true;
                break;
            }
            k += unit;
            items.Add(text[s..k]);
        }
        if (items.Count != count) return null;
        // The values must end here: a figure or a unit right after them is a longer run, which this is not.
        if (k < text.Length && (char.IsAsciiDigit(text[k]) || text[k] == '%' || IsComparator(text[k]))) return null;
        // A bare figure last may be the start of a figure with words ("500吨成品粮"): only a tree word or the end closes it.
        if (k < text.Length && char.IsAsciiDigit(items[^1][^1]) && TreeWordAt(text, k) == 0) return null;
        return new Run([.. items], k, ambiguous);
    }

    /// <summary>The words after the figures of a value ("起" of "0起"), empty for a bare figure or a percentage.</summary>
    private static string UnitOf(string item)
    {
        var k = item.Length;
        while (k > 0 && !char.IsAsciiDigit(item[k - 1])) k--;
        var unit = item[k..];
        return unit == "%" ? "" : unit;
    }

    /// <summary>The length of a measure unit at <paramref name="k"/> that the next value or a tree word follows, else 0.</summary>
    private int UnitAt(string text, int k, string? previous)
    {
        if (previous is { Length: > 0 } && string.CompareOrdinal(text, k, previous, 0, previous.Length) == 0) return previous.Length;
        for (var len = Math.Min(LongestUnit, text.Length - k); len >= 1; len--)
        {
            var unit = text.Substring(k, len);
            if (unit.Any(ch => char.IsAsciiDigit(ch) || IsComparator(ch) || ch is '%' or '.')) continue;
            if (!Jixiao.Core.Notation.IndicatorValue.Parse("1" + unit).IsQuantitative) continue;
            var after = k + len;
            // A unit is only a unit where the next value, or the end, comes after it; "吨稻谷" is part of a name.
            if (after == text.Length || char.IsAsciiDigit(text[after]) || IsComparator(text[after]) || TreeWordAt(text, after) > 0) return len;
        }
        return 0;
    }
}

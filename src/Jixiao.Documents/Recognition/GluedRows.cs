using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A table whose cells a converter ran together with no separator at all, one row per line ("评价指标评价内容指标名称…",
/// "产出数量指标享受资助人数达到预计值210010"). The header line is known when it is nothing but column words of an
/// indicator header, one after another; each line under it is cut by what the columns hold: a known tree word (and the
/// words before it, the 一级) at its start, the name, then the values at its end in header order — a percent sign ends a
/// value, the weight and the score are the bare numbers the line ends with. Where a target and a weight touch with no
/// sign between them ("210010") the digits are split where the weight is at most 100, and the row's cells stay in doubt
/// unless the weights then add up to the total the table states. The rows are rebuilt as a grid under the header and go
/// through the form builder like any table. Lines that are not such a header are left alone.
/// </summary>
internal sealed partial class GluedRows(Vocabulary words)
{
    /// <summary>The longest key a header word is matched in.</summary>
    private const int LongestWord = 14;

    private const int ShortestHeader = 6;

    private const int LongestHeader = 80;

    private const int FewestColumns = 3;

    /// <summary>How far into a row its first tree word may stand (after the 一级 words of a merged cell).</summary>
    private const int TreeWordReach = 8;

    private const int LongestTreeWord = 10;

    /// <summary>Blank lines a table may have between its rows and its total.</summary>
    private const int BlankLines = 3;

    private const decimal MostPoints = 100m;

    public static List<SourceRow> Split(List<SourceRow> rows, Vocabulary words) => new GluedRows(words).Split(rows);

    private List<SourceRow> Split(List<SourceRow> rows)
    {
        List<SourceRow>? result = null;
        var i = 0;
        while (i < rows.Count)
        {
            if ((Explained(rows, i) ?? Flattened(rows, i) ?? Head(rows, i)) is { } flat)
            {
                result ??= rows.GetRange(0, i);
                result.AddRange(flat.Rows);
                i = flat.Next;
                continue;
            }
            // A glued header is followed by a glued row, which ends in its figures: a cheap test before the header's words.
            if (i + 1 >= rows.Count || !EndsInFigure(rows[i + 1]) || Header(rows[i]) is not { } header)
            {
                result?.Add(rows[i]);
                i++;
                continue;
            }
            result ??= rows.GetRange(0, i);
            i = Block(rows, i, header, result);
        }
        return result ?? rows;
    }

    private static bool EndsInFigure(SourceRow row)
    {
        if (row.NonEmptyCount != 1) return false;
        var text = row.Text[row.FirstNonEmpty];
        return text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text[^1] == '%');
    }

    /// <summary>The column words of a header line that is nothing else, in order; null for any other line.</summary>
    private List<(string Text, IndicatorColumn Column)>? Header(SourceRow row)
    {
        if (row.NonEmptyCount != 1) return null;
        var text = row.Raw[row.FirstNonEmpty].Trim();
        if (text.Length is < ShortestHeader or > LongestHeader) return null;
        foreach (var ch in text)
            if (char.IsWhiteSpace(ch)) return null;  // spaced rows are SpacedRows' shape
        // Most lines start with no column word: two to fourteen keys tried at the start settle them.
        var starts = false;
        for (var j = 2; j <= Math.Min(LongestWord, text.Length) && !starts; j++) starts = ColumnOf(text[..j]) != IndicatorColumn.None;
        if (!starts) return null;
        // Cut the whole line into column words, as many as it holds: the words match by what they contain ("一级…"),
        // so a longer piece can always swallow the next word; ties go to the longer word first.
        var n = text.Length;
        var next = new int[n + 1];
        var count = new int[n + 1];
        var ok = new bool[n + 1];
        ok[n] = true;
        for (var i = n - 1; i >= 0; i--)
            for (var j = Math.Min(n, i + LongestWord); j >= i + 2; j--)
            {
                if (!ok[j] || (ok[i] && count[j] + 1 <= count[i]) || ColumnOf(text[i..j]) == IndicatorColumn.None) continue;
                ok[i] = true;
                next[i] = j;
                count[i] = count[j] + 1;
            }
        if (!ok[0]) return null;
        var header = new List<(string, IndicatorColumn)>();
        for (var i = 0; i < n; i = next[i]) header.Add((text[i..next[i]], ColumnOf(text[i..next[i]])));
        var columns = header.Select(h => h.Item2).ToList();
        if (header.Count < FewestColumns || !columns.Contains(IndicatorColumn.Name)
            || !columns.Any(c => c is IndicatorColumn.Target or IndicatorColumn.Actual)) return null;
        return header;
    }

    private IndicatorColumn ColumnOf(string text)
    {
        var column = words.IndicatorColumnOf(TextNorm.Key(text)).Column;
        return column == IndicatorColumn.Label ? IndicatorColumn.None : column;
    }

    private sealed record Cut(string[] Cells, bool Split, bool CouldSplit, bool Ambiguous);

    /// <summary>The header as a grid row, then the rows under it; returns the index of the first line not taken.</summary>
    private int Block(List<SourceRow> rows, int at, List<(string Text, IndicatorColumn Column)> header, List<SourceRow> result)
    {
        var roles = header.Select(h => h.Column).ToArray();
        var source = rows[at].Source;
        result.Add(Row(["", .. header.Select(h => h.Text)], source));
        var weight = Array.IndexOf(roles, IndicatorColumn.Weight);
        var cuts = new List<(SourceRow Row, Cut Cut)>();
        decimal? statedWeights = null;
        var i = at + 1;
        var blanks = 0;
        while (i < rows.Count)
        {
            var row = rows[i];
            if (row.NonEmptyCount == 0)
            {
                if (++blanks > BlankLines) break;
                i++;
                continue;
            }
            if (row.NonEmptyCount != 1) break;
            var text = Strip(row.Raw[row.FirstNonEmpty]);
            if (words.IsTotalLabel(TextNorm.Key(text)) || TotalWithFigure(text) is not null)
            {
                i = Total(rows, i, text, roles, result, out statedWeights);
                break;
            }
            if (CutRow(text, roles) is not { } cut) break;
            var made = Row(["", .. cut.Cells], row.Source);
            result.Add(made);
            cuts.Add((made, cut));
            blanks = 0;
            i++;
        }
        // The weights adding up to the stated total settle every split; otherwise the split rows, and the rows whose
        // digits could have been split, stay in doubt.
        var sum = 0m;
        var summed = weight >= 0 && cuts.All(c => c.Cut.Cells[weight].Length == 0 || TextNorm.TryAmount(c.Cut.Cells[weight], out _));
        if (summed)
            foreach (var (_, cut) in cuts)
                if (TextNorm.TryAmount(cut.Cells[weight], out var w)) sum += w;
        var settled = summed && statedWeights is { } total && total == sum;
        foreach (var (row, cut) in cuts)
        {
            if ((settled && !cut.Ambiguous) || !(cut.Split || cut.CouldSplit)) continue;
            row.Uncertain = [CellRole.Target, CellRole.Weight];
            row.UncertainReason = DoubtReason.AmbiguousNumber;
            var target = Array.IndexOf(roles, IndicatorColumn.Target);
            row.UncertainAssumed = string.Create(CultureInfo.InvariantCulture, $"{(target >= 0 ? cut.Cells[target] : "")} / {cut.Cells[weight]}");
        }
        return i;
    }

    /// <summary>"总分100" on one line, or the label alone.</summary>
    private string? TotalWithFigure(string text)
    {
        var end = text.Length;
        while (end > 0 && (char.IsAsciiDigit(text[end - 1]) || text[end - 1] == '.')) end--;
        return end > 0 && end < text.Length && words.IsTotalLabel(TextNorm.Key(text[..end])) ? text[end..] : null;
    }

    /// <summary>The total row: its figure on the same line or alone on a line after it, under the score column, or under the weight's where the table has no score.</summary>
    private int Total(List<SourceRow> rows, int at, string text, IndicatorColumn[] roles, List<SourceRow> result, out decimal? statedWeights)
    {
        statedWeights = null;
        var figure = TotalWithFigure(text);
        var label = figure is null ? text : text[..^figure.Length];
        var i = at + 1;
        if (figure is null)
            for (var k = i; k < rows.Count && k <= at + 1 + BlankLines; k++)
            {
                if (rows[k].NonEmptyCount == 0) continue;
                var candidate = rows[k].NonEmptyCount == 1 ? Strip(rows[k].Raw[rows[k].FirstNonEmpty]) : "";
                if (TextNorm.TryAmount(candidate, out _))
                {
                    figure = candidate;
                    i = k + 1;
                }
                break;
            }
        var cells = new string[roles.Length + 1];
        Array.Fill(cells, "");
        cells[1] = label;
        var column = Array.IndexOf(roles, IndicatorColumn.Score) is var s and >= 0 ? s : Array.IndexOf(roles, IndicatorColumn.Weight);
        if (figure is not null && column >= 0)
        {
            cells[column + 1] = figure;
            if (roles[column] == IndicatorColumn.Weight && TextNorm.TryAmount(figure, out var w)) statedWeights = w;
        }
        result.Add(Row(cells, rows[at].Source));
        return i;
    }

    /// <summary>
    /// One line cut under the columns: tree words at its start, then the name, then the values at its end. Null when the
    /// line does not end in the numbers the weight and score columns need or has no name.
    /// </summary>
    private Cut? CutRow(string text, IndicatorColumn[] roles)
    {
        var cells = new string[roles.Length];
        Array.Fill(cells, "");
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        var values = Enumerable.Range(nameColumn + 1, roles.Length - nameColumn - 1)
            .Where(c => roles[c] is IndicatorColumn.Target or IndicatorColumn.Actual).ToArray();
        var numbers = Enumerable.Range(nameColumn + 1, roles.Length - nameColumn - 1)
            .Where(c => roles[c] is IndicatorColumn.Weight or IndicatorColumn.Score).ToArray();
        // The values must come before the numbers, as the line is read from its end.
        if (values.Length == 0 || (numbers.Length > 0 && numbers.Min() < values.Max())) return null;

        // The figures the line ends with, each ended by a percent sign or by the next.
        var end = text.Length;
        while (end > 0 && (char.IsAsciiDigit(text[end - 1]) || text[end - 1] is '.' or '%')) end--;
        var items = Items(text[end..]);
        if (items is null) return null;
        var rest = text[..end];
        var split = false;
        var couldSplit = false;
        var ambiguous = false;
        for (var k = numbers.Length - 1; k >= 0; k--)
        {
            if (items.Count == 0 || items[^1].EndsWith('%')) return null;
            cells[numbers[k]] = items[^1];
            items.RemoveAt(items.Count - 1);
        }
        if (items.Count > values.Length) return null;
        // A comparator before the first figure is that value's ("≥95%").
        if (items.Count > 0)
        {
            var sign = rest.Length;
            while (sign > 0 && IsComparator(rest[sign - 1])) sign--;
            items[0] = rest[sign..] + items[0];
            rest = rest[..sign];
        }
        for (var k = 0; k < items.Count; k++) cells[values[values.Length - items.Count + k]] = items[k];
        if (items.Count == 0 && TrailingValue(rest) is { } value)
        {
            // A value with words after its figures ("95%以上") stands before the numbers.
            cells[values[^1]] = value;
            rest = rest[..^value.Length];
        }
        else if (items.Count == 0 && numbers.Length > 0)
        {
            // Nothing between the name and the numbers: the first number may hold the target's digits too.
            var first = numbers[0];
            var candidates = Splits(cells[first]);
            if (TextNorm.TryAmount(cells[first], out var whole) && whole > MostPoints)
            {
                if (candidates.Count == 0) return null;
                cells[values[^1]] = candidates[0].Target;
                cells[first] = candidates[0].Points;
                split = true;
                ambiguous = candidates.Count > 1;
            }
            else couldSplit = candidates.Count > 0;
        }

        // Tree words at the start: the first known one within reach, the words before it its 一级, and those after it.
        var at = 0;
        for (var start = 0; start <= Math.Min(TreeWordReach, rest.Length - 2) && at == 0; start++)
        {
            var length = TreeWordAt(rest, start);
            if (length == 0) continue;
            var word = rest.Substring(start, length);
            var kind = words.Classify(TextNorm.Key(word));
            var level1 = Array.IndexOf(roles, IndicatorColumn.Level1);
            var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
            if (kind == TreeWord.Level1 && start == 0 && level1 >= 0) cells[level1] = word;
            else if (level2 >= 0)
            {
                if (start > 0)
                {
                    if (level1 < 0) continue;
                    cells[level1] = rest[..start];
                }
                cells[level2] = word;
            }
            else continue;
            at = start + length;
            // A 二级 right after a 一级.
            if (kind == TreeWord.Level1 && level2 >= 0 && TreeWordAt(rest, at) is var more and > 0)
            {
                cells[level2] = rest.Substring(at, more);
                at += more;
            }
        }
        var name = rest[at..];
        if (name.Length == 0) return null;
        cells[nameColumn] = name;
        return new Cut(cells, split, couldSplit, ambiguous);
    }

    /// <summary>The length of the longest known tree word starting at <paramref name="start"/>, or 0.</summary>
    private int TreeWordAt(string text, int start)
    {
        for (var length = Math.Min(LongestTreeWord, text.Length - start); length >= 2; length--)
            if (words.IsKnownTreeWord(TextNorm.Key(text.Substring(start, length)))) return length;
        return 0;
    }

    /// <summary>
    /// The figures of a run without separators: a percent sign ends each; null when a piece is not a number as printed
    /// (a leading zero, two decimal points).
    /// </summary>
    private static List<string>? Items(string run)
    {
        var items = new List<string>();
        var from = 0;
        for (var k = 0; k < run.Length; k++)
        {
            if (run[k] != '%') continue;
            items.Add(run[from..(k + 1)]);
            from = k + 1;
        }
        if (from < run.Length) items.Add(run[from..]);
        foreach (var item in items)
            if (!IsPrinted(item.TrimEnd('%'))) return null;
        return items;
    }

    /// <summary>A number as a table prints it: digits, at most one decimal point inside, no leading zero before another digit.</summary>
    private static bool IsPrinted(string digits)
    {
        if (digits.Length == 0 || digits[0] == '.' || digits[^1] == '.') return false;
        if (digits.Length > 1 && digits[0] == '0' && digits[1] != '.') return false;
        var dots = 0;
        foreach (var ch in digits)
            if (ch == '.' && ++dots > 1) return false;
        return true;
    }

    /// <summary>Every way to cut digits into a target and points (more than 0, at most 100), the points last.</summary>
    private static List<(string Target, string Points)> Splits(string digits, decimal most = MostPoints)
    {
        var result = new List<(string, string)>();
        for (var k = 1; k < digits.Length; k++)
        {
            var target = digits[..k];
            var points = digits[k..];
            if (!IsPrinted(target) || !IsPrinted(points)) continue;
            if (!decimal.TryParse(points, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || (most == MostPoints && p <= 0m) || p > most) continue;
            result.Add((target, points));
        }
        return result;
    }

    /// <summary>
    /// A value at the end of the words before the numbers: a comparator, figures, a percent sign or a short unit, and at
    /// most two words after it ("≥95%以上", "2100人").
    /// </summary>
    private static string? TrailingValue(string text)
    {
        var end = text.Length;
        var tail = 0;
        while (end > 0 && !char.IsAsciiDigit(text[end - 1]) && tail < 3)
        {
            end--;
            tail++;
        }
        if (end == 0 || !char.IsAsciiDigit(text[end - 1])) return null;
        var start = end;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] == '.')) start--;
        while (start > 0 && IsComparator(text[start - 1])) start--;
        // A name must be left, and the figures must not be part of a word ("第3批").
        if (start == 0 || !IsPrinted(text[start..end].TrimStart('≥', '≤', '>', '<', '=', '≧', '≦'))) return null;
        var value = text[start..];
        return Jixiao.Core.Notation.IndicatorValue.Parse(value).IsQuantitative ? value : null;
    }

    private static bool IsComparator(char ch) => ch is '≥' or '≤' or '>' or '<' or '=' or '≧' or '≦';

    private static string Strip(string text)
    {
        var compatible = TextNorm.Compatible(text);
        var sb = new StringBuilder(compatible.Length);
        foreach (var ch in compatible)
            if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.ToString();
    }

    private static SourceRow Row(string[] cells, SourcePosition? source) =>
        SourceRow.FromCells(cells, [.. cells.Select(_ => source)]);
}

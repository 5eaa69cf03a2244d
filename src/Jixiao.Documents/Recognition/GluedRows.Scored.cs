using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A flattened table whose rows end in their points ("…成本控制不超过预算不超过预算10质量指标保证…"): a row ends at a bare
/// figure of at most 100 (the score, or the weight and the score run together) that no unit or percent sign follows. The
/// text before it holds the tree words, the name, the target and the actual with nothing between them; they are told
/// apart only where the text itself shows where they start: two figures with their units or percent signs at its end
/// ("…达到5亿元5亿元6.47亿元"; the target in doubt when the name too ends in such a figure), or the same value twice
/// ("…不超过预算不超过预算", what a target met word for word gives; read with the target in doubt, since a longer target
/// would end the same way). A row whose values cannot be told apart keeps its name and is read without them, in doubt;
/// the excerpt stopping inside the last row leaves that row in doubt. The total after the last row ("总分10098") is
/// cut as a row's points are.
/// </summary>
internal sealed partial class GluedRows
{
    /// <summary>The points of a row are at most this many characters ("100", "10", "7.5", "1010" for weight and score).</summary>
    private const int LongestPoints = 6;

    private List<BodyCut> CutScoredBody(string text, IndicatorColumn[] roles, int[] values, int[] points, int nameColumn, out int end)
    {
        var cuts = new List<BodyCut>();
        var from = 0;
        end = 0;
        var p = 0;
        var stopped = false;
        while (p < text.Length)
        {
            if (p - from > LongestRow)
            {
                stopped = true;
                break;
            }
            // Points start at a figure after words or after a value's percent sign, never inside a figure or after a comparator.
            if (!char.IsAsciiDigit(text[p]) || p == from || char.IsAsciiDigit(text[p - 1]) || text[p - 1] == '.' || IsComparator(text[p - 1]))
            {
                p++;
                continue;
            }
            var e = p;
            while (e < text.Length && (char.IsAsciiDigit(text[e]) || text[e] == '.')) e++;
            // What follows the figure says whether it closes a row: the next row's tree word or the end certainly, a
            // unit or a percent sign never (a value), anything else only when the row before it can be cut.
            var strong = e == text.Length || TreeWordAt(text, e) > 0 || StemAt(text, e) > 0;
            if (e - p > LongestPoints || (!strong && (text[e] == '%' || ValueUnitAt(text, e) > 0)) || Points(text[p..e], points.Length) is not { } pts)
            {
                p = e;
                continue;
            }
            // The total's label before its figures ends the rows (TotalAt reads it).
            if (words.IsTotalLabel(TextNorm.Key(text[from..p]))) break;
            var scratch = new List<BodyCut>();
            var cells = new string[roles.Length];
            Array.Fill(cells, "");
            var lost = Place(text[from..p], from, roles, nameColumn, cells, scratch);
            var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
            if (scratch.Count == 0 && level2 >= 0 && cells[level2].Length == 0 && StemAt(cells[nameColumn], 0) is var stem and > 0
                && stem < cells[nameColumn].Length)
            {
                // A 二级 printed without its ending ("时效") at the row's start: the row's 二级.
                cells[level2] = cells[nameColumn][..stem];
                cells[nameColumn] = cells[nameColumn][stem..];
            }
            var split = SplitValues(cells[nameColumn]);
            if (split is null && !strong)
            {
                p = e;
                continue;
            }
            cuts.AddRange(scratch);
            for (var k = 0; k < points.Length; k++) cells[points[k]] = pts.Items[k];
            CellRole[]? doubted = null;
            var pointRoles = points.Select(c => roles[c] == IndicatorColumn.Weight ? CellRole.Weight : CellRole.Score);
            if (split is { } s)
            {
                cells[nameColumn] = s.Name;
                cells[values[0]] = s.Target;
                cells[values[1]] = s.Actual;
                if (s.Ambiguous || lost) doubted = [CellRole.Target];
                if (pts.Ambiguous) doubted = [.. doubted ?? [], .. pointRoles];
                cuts.Add(new BodyCut(cells, false, doubted is not null, from, doubted));
            }
            else
                // The row's values cannot be told from its name: the name is kept, the values and the points are in doubt.
                cuts.Add(new BodyCut(cells, true, true, from, [CellRole.Target, CellRole.Actual, .. pointRoles]));
            from = e;
            end = e;
            p = e;
        }
        if (!stopped && TotalAt(text, from, roles, points) is { } total)
        {
            cuts.Add(total.Cut);
            end = total.End;
            return cuts;
        }
        // The excerpt stopping inside a row: what is left is that row, short and with nothing after it, in doubt.
        var rest = text[from..];
        if (!stopped && cuts.Count >= FewestRows && rest.Length is > 0 and <= LongestRow && rest.IndexOf('。') < 0
            && !words.IsNote(TextNorm.Key(rest)) && !words.IsTotalLabel(TextNorm.Key(rest)) && TotalWithFigure(rest) is null)
        {
            var cells = new string[roles.Length];
            Array.Fill(cells, "");
            var scratch = new List<BodyCut>();
            Place(rest, from, roles, nameColumn, cells, scratch);
            if (scratch.Count == 0 && CutInTheRepeat(cells[nameColumn]) is { } repeat)
            {
                cells[nameColumn] = repeat.Name;
                cells[values[0]] = repeat.Target;
                cells[values[1]] = repeat.Actual;
                cuts.Add(new BodyCut(cells, false, true, from, [CellRole.Target, CellRole.Actual], DoubtReason.CutOff));
                end = text.Length;
            }
            else if (scratch.Count == 0 && cells[nameColumn].Length > 0)
            {
                cuts.Add(new BodyCut(cells, true, true, from, [CellRole.Target, CellRole.Actual]));
                end = text.Length;
            }
        }
        return cuts;
    }

    /// <summary>Longer than this, the words before a figure are no total's label.</summary>
    private const int LongestTotalLabel = 8;

    private sealed record TotalCut(BodyCut Cut, int End);

    /// <summary>
    /// The total after the last row ("总分10098"): its label, then its figures under the points columns, cut as a row's
    /// points are (the weights' sum at most 100, the score's at most that). Null when the text there is no total.
    /// </summary>
    private TotalCut? TotalAt(string text, int from, IndicatorColumn[] roles, int[] points)
    {
        var d = from;
        while (d < text.Length && !char.IsAsciiDigit(text[d]) && d - from <= LongestTotalLabel) d++;
        if (d == from || d >= text.Length || !char.IsAsciiDigit(text[d]) || !words.IsTotalLabel(TextNorm.Key(text[from..d]))) return null;
        var e = d;
        while (e < text.Length && (char.IsAsciiDigit(text[e]) || text[e] == '.')) e++;
        if (e < text.Length && (text[e] == '%' || ValueUnitAt(text, e) > 0) || Points(text[d..e], points.Length) is not { } pts) return null;
        var cells = new string[roles.Length];
        Array.Fill(cells, "");
        cells[0] = text[from..d];
        for (var k = 0; k < points.Length; k++) cells[points[k]] = pts.Items[k];
        CellRole[]? doubted = pts.Ambiguous ? [CellRole.StatedWeightTotal, CellRole.StatedTotal] : null;
        return new TotalCut(new BodyCut(cells, false, pts.Ambiguous, from, doubted), e);
    }

    private sealed record PointsRun(string[] Items, bool Ambiguous);

    /// <summary>
    /// The points a figure holds: the score alone, or the weight and the score run together, each at most 100 and the
    /// score at most the weight; in doubt when more than one cut fits. Null when none does.
    /// </summary>
    private static PointsRun? Points(string digits, int count)
    {
        if (count == 1)
            return IsPrinted(digits) && TextNorm.TryAmount(digits, out var v) && v <= MostPoints ? new PointsRun([digits], false) : null;
        var fits = new List<(string, string)>();
        foreach (var (weight, score) in Splits(digits))
            if (TextNorm.TryAmount(weight, out var w) && TextNorm.TryAmount(score, out var s) && w <= MostPoints && s <= w) fits.Add((weight, score));
        if (fits.Count == 0) return null;
        return new PointsRun([fits[0].Item1, fits[0].Item2], fits.Count > 1);
    }

    private sealed record ValueSplit(string Name, string Target, string Actual, bool Ambiguous);

    /// <summary>
    /// The name, the target and the actual of a row's text, where the text settles them: two figures with their units
    /// at its end, or one value printed twice. Null otherwise.
    /// </summary>
    private ValueSplit? SplitValues(string text)
    {
        // Two figures, each closed by its unit or percent sign ("5亿元6.47亿元", "≥95%96%").
        if (ValueBefore(text, text.Length) is { } actual && ValueBefore(text, actual) is { } target && target > 0)
        {
            var name = text[..target];
            return new ValueSplit(name, text[target..actual], text[actual..], ValueBefore(name, name.Length) is not null);
        }
        // One value printed twice: the longest that leaves a name. The actual is the last of them; the target stays in
        // doubt, as a target longer than its actual ("提升明显" / "明显") would end the same way.
        var found = 0;
        for (var length = (text.Length - 1) / 2; length >= 1 && found == 0; length--)
            if (string.CompareOrdinal(text, text.Length - length, text, text.Length - 2 * length, length) == 0) found = length;
        if (found == 0) return null;
        var value = text[^found..];
        // A single digit or sign repeated is no value of its own.
        if (found == 1 && !char.IsLetter(value[0])) return null;
        return new ValueSplit(text[..^(2 * found)], value, value, true);
    }

    /// <summary>
    /// A row of a flattened body without points whose values are words ("可持续影响指标…安全性高高"): its tree words at its
    /// start, then the name and the two values where <see cref="SplitValues"/> tells them apart. Whether the cut is in
    /// doubt; null when the text is not such a row.
    /// </summary>
    private bool? OrphanWithValues(string text, IndicatorColumn[] roles, int nameColumn, string[] cells)
    {
        var values = Enumerable.Range(0, roles.Length).Where(c => roles[c] is IndicatorColumn.Target or IndicatorColumn.Actual).ToArray();
        if (values.Length != 2) return null;
        var level1 = Array.IndexOf(roles, IndicatorColumn.Level1);
        var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
        var at = 0;
        while (TreeWordAt(text, at) is var length and > 0 && at + length < text.Length)
        {
            var word = text.Substring(at, length);
            if (words.Classify(TextNorm.Key(word)) == TreeWord.Level1 && level1 >= 0) cells[level1] = word;
            else if (level2 >= 0) cells[level2] = word;
            else return null;
            at += length;
        }
        if (SplitValues(text[at..]) is not { Name.Length: > 0 } split)
        {
            if (EmptyActual(text[at..]) is not { } empty) return null;
            cells[nameColumn] = empty.Name;
            cells[values[0]] = empty.Target;
            cells[values[1]] = empty.Actual;
            if (Array.IndexOf(roles, IndicatorColumn.Explanation) is var reason and >= 0) cells[reason] = empty.Rest;
            return true;
        }
        cells[nameColumn] = split.Name;
        cells[values[0]] = split.Target;
        cells[values[1]] = split.Actual;
        return split.Ambiguous;
    }

    /// <summary>
    /// Where a value that ends at <paramref name="end"/> starts: comparators, a printed figure, then a percent sign or a
    /// measure unit; null when the text does not end so.
    /// </summary>
    private static int? ValueBefore(string text, int end)
    {
        var k = end;
        if (k > 0 && text[k - 1] == '%') k--;
        else
        {
            var unit = 0;
            for (var length = Math.Min(LongestUnit, k); length >= 1; length--)
            {
                var candidate = text.Substring(k - length, length);
                if (!Jixiao.Core.Notation.IndicatorValue.IsKnownUnit(candidate)) continue;
                if (k - length == 0 || !char.IsAsciiDigit(text[k - length - 1])) continue;
                unit = length;
                break;
            }
            if (unit == 0) return null;
            k -= unit;
        }
        var digitsEnd = k;
        while (k > 0 && (char.IsAsciiDigit(text[k - 1]) || text[k - 1] == '.')) k--;
        if (k == digitsEnd || !IsPrinted(text[k..digitsEnd])) return null;
        while (k > 0 && IsComparator(text[k - 1])) k--;
        return k;
    }

    /// <summary>The length of a measure unit right after a figure at <paramref name="k"/> ("万元", "年"), else 0.</summary>
    private static int ValueUnitAt(string text, int k)
    {
        for (var length = Math.Min(LongestUnit, text.Length - k); length >= 1; length--)
        {
            if (Jixiao.Core.Notation.IndicatorValue.IsKnownUnit(text.Substring(k, length))) return length;
        }
        return 0;
    }

    /// <summary>The length of a 二级 printed without its ending ("质量" for 质量指标) at <paramref name="start"/>, or 0.</summary>
    private int StemAt(string text, int start)
    {
        for (var length = Math.Min(LongestTreeWord, text.Length - start); length >= 2; length--)
            if (words.IsLevel2Stem(TextNorm.Key(text.Substring(start, length)))) return length;
        return 0;
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A funds block copied out of a spreadsheet page one header cell per line, its rows after it with spaces between the
/// cells: "年初部门预算安排金额" / "历年结余结转" / "年中调整金额③ 小计" / "④ = ①+② +③" / … / "财政资金小计 2537695 213722.82 0 …".
/// The column words are the parts of the lines right above the first figure row, read back from it until there are as
/// many as the row has figures; the formulas printed under them (④=①+②+③) and the circled numbers that name the
/// columns are left out, a "(%)" on its own line stays with the word before it. The block is taken only when the first
/// column word and at least one more are money columns the lexicon knows, so a run of short lines that happens to
/// stand above figures is left alone. The header becomes one grid row, each figure row a row of cells under it (label
/// rows without figures between them as rows with empty cells), so the form builder reads them as it reads the grid.
/// </summary>
internal sealed class StackedFundsHeader(Vocabulary words)
{
    /// <summary>How many lines above the first figure row a header may take.</summary>
    private const int LongestHeader = 24;

    private const int FewestColumns = 3;

    private const int LongestLabel = 24;

    public static List<SourceRow> Split(List<SourceRow> rows, Vocabulary words) => new StackedFundsHeader(words).Split(rows);

    private List<SourceRow> Split(List<SourceRow> rows)
    {
        List<SourceRow>? result = null;
        var i = 0;
        while (i < rows.Count)
        {
            if (FigureRow(rows[i]) is { } first && Header(rows, i, first.Figures.Count) is { } header)
            {
                // The lines taken for the header were copied before it was found: drop them again.
                if (result is null) result = rows.GetRange(0, header.Start);
                else result.RemoveRange(result.Count - (i - header.Start), i - header.Start);
                result.Add(Grid(["", .. header.Columns], rows[header.Start]));
                i = Body(rows, i, header.Columns.Count, result);
                continue;
            }
            result?.Add(rows[i]);
            i++;
        }
        return result ?? rows;
    }

    private sealed record FigureLine(string Label, List<string> Figures);

    private sealed record Found(int Start, List<string> Columns);

    /// <summary>A line of label words followed by figures only ("合 计 2537695 … 93% …"); null for any other line.</summary>
    private static FigureLine? FigureRow(SourceRow row)
    {
        if (!row.IsParagraph || row.NonEmptyCount != 1) return null;
        var parts = row.Raw[row.FirstNonEmpty].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var label = 0;
        while (label < parts.Length && !IsFigure(parts[label])) label++;
        if (label == 0 || label == parts.Length) return null;
        for (var k = label; k < parts.Length; k++)
            if (!IsFigure(parts[k])) return null;
        var text = string.Join(" ", parts.Take(label));
        if (text.Length > LongestLabel) return null;
        return new FigureLine(text, [.. parts.Skip(label)]);
    }

    /// <summary>The column words of the lines above <paramref name="at"/>, exactly <paramref name="count"/> of them.</summary>
    private Found? Header(List<SourceRow> rows, int at, int count)
    {
        if (count < FewestColumns) return null;
        var columns = new List<string>();
        var start = at;
        string? unit = null;
        for (var k = at - 1; k >= 0 && k >= at - LongestHeader && columns.Count < count; k--)
        {
            var row = rows[k];
            if (!row.IsParagraph || row.NonEmptyCount != 1) return null;
            var parts = row.Raw[row.FirstNonEmpty].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.All(IsFormula))
            {
                start = k;
                continue;
            }
            if (parts.Length == 1 && IsUnitMark(parts[0]))
            {
                unit = parts[0] + unit;
                start = k;
                continue;
            }
            var words2 = parts.Where(p => !IsFormula(p)).Select(StripCircled).Where(p => p.Length > 0).ToList();
            if (words2.Count == 0 || words2.Any(p => p.Any(char.IsAsciiDigit))) return null;
            if (unit is not null)
            {
                words2[^1] += unit;
                unit = null;
            }
            columns.InsertRange(0, words2);
            start = k;
        }
        if (columns.Count != count || unit is not null) return null;
        var money = columns.Count(c => words.FundsColumnOf(TextNorm.Key(c)).Column is not (FundsColumn.None or FundsColumn.Weight or FundsColumn.Score));
        if (words.FundsColumnOf(TextNorm.Key(columns[0])).Column == FundsColumn.None || money < 2) return null;
        return new Found(start, columns);
    }

    /// <summary>The figure rows under the header and the label rows between them; returns the first line not taken.</summary>
    private int Body(List<SourceRow> rows, int at, int count, List<SourceRow> result)
    {
        var labels = new List<SourceRow>();
        var i = at;
        while (i < rows.Count)
        {
            var row = rows[i];
            if (FigureRow(row) is { } figures)
            {
                if (figures.Figures.Count != count) break;
                foreach (var label in labels) result.Add(Grid([label.Text[label.FirstNonEmpty], .. Enumerable.Repeat("", count)], label));
                labels.Clear();
                result.Add(Grid([figures.Label, .. figures.Figures], row));
                i++;
                continue;
            }
            // A label without figures is a row of the block only when a figure row follows it.
            if (row.IsParagraph && row.NonEmptyCount == 1 && row.Text[row.FirstNonEmpty].Length <= LongestLabel
                && !row.Text[row.FirstNonEmpty].Any(char.IsAsciiDigit))
            {
                labels.Add(row);
                i++;
                continue;
            }
            break;
        }
        return i - labels.Count;
    }

    private static bool IsFigure(string part)
    {
        var t = part.Trim();
        if (TextNorm.TryAmount(t, out _)) return true;
        return TextNorm.IsRate(t);
    }

    /// <summary>"④", "=①+②", "+③", "⑥=⑤/④": the arithmetic a header prints under its words.</summary>
    private static bool IsFormula(string part) => part.All(ch => IsCircled(ch) || ch is '=' or '+' or '-' or '/' or '×' or '*' or '＝' or '＋' or '－' or '／');

    private static bool IsUnitMark(string part) => part is "(%)" or "（%）" or "(万元)" or "（万元）" or "(元)" or "（元）";

    private static bool IsCircled(char ch) => ch is >= '\u2460' and <= '\u2473';

    private static string StripCircled(string part) => new([.. part.Where(ch => !IsCircled(ch))]);

    private static SourceRow Grid(string[] cells, SourceRow from)
    {
        var source = from.Sources[from.FirstNonEmpty];
        return SourceRow.FromCells(cells, [.. cells.Select(_ => source)]);
    }
}

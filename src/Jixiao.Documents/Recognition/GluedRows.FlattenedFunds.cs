using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// The funds block of a flattened table, before its indicator header ("…项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)
/// 年度资金总额194.9194.9100%其中:…资金194.9194.9100%其他资金…"). The header is the chain of funds column words (each the
/// shortest the lexicon knows at that point, with its bracket: "预算数(A)"); the block's label and unit are the text
/// before it. Each row is a funds label and its figures run together: a percent sign ends the 执行率, and the digits
/// before it are cut into the amounts and the rate only where one cut alone agrees with the rate printed (执行数 / 预算数
/// at the rate's printed precision). Any other cut is a doubt at the row's amounts, with the amounts left unread unless
/// an equal budget and execution is one of the cuts (then read under the doubt); the figures are never guessed silently.
/// </summary>
internal sealed partial class GluedRows
{
    private const int LongestFundsLabel = 30;

    /// <summary>Digits of one row's figures beyond this are no row (and would make the cuts many).</summary>
    private const int LongestFigures = 40;

    /// <summary>An amount has at most this many digits, so a rate computed from two of them cannot overflow.</summary>
    private const int LongestAmount = 20;

    private const int LongestBracket = 12;

    private sealed record FundsHead(int Start, int End, List<(string Text, FundsColumn Column)> Words);

    /// <summary>The head of a flattened table: its fields as one cell, then the funds header and rows when there are.</summary>
    private List<SourceRow> HeadRows(string text, SourcePosition? source)
    {
        if (FindFundsHeader(text) is not { } header) return [Row([text], source)];
        var columns = header.Words.Select(w => w.Column).ToArray();
        var labelStart = BlockLabelStart(text, header.Start);
        var made = new List<SourceRow>();
        if (labelStart > 0) made.Add(Row([text[..labelStart]], source));
        made.Add(Row([text[labelStart..header.Start], "", .. header.Words.Select(w => w.Text)], source));
        var p = header.End;
        while (p < text.Length)
        {
            var d = p;
            while (d < text.Length && !char.IsAsciiDigit(text[d]) && d - p <= LongestFundsLabel) d++;
            var label = text[p..d];
            if (d < text.Length && char.IsAsciiDigit(text[d]) && label.Length > 0 && words.FundsRowOf(TextNorm.Key(label)) is not null)
            {
                var e = d;
                while (e < text.Length && (char.IsAsciiDigit(text[e]) || text[e] is '.' or '%')) e++;
                if (FundsFigures(text[d..e], columns) is not { } figures) break;
                var row = Row(["", label, .. figures.Cells], source);
                if (figures.Doubted.Length > 0)
                {
                    row.Uncertain = figures.Doubted;
                    row.UncertainReason = DoubtReason.AmbiguousNumber;
                    row.UncertainAssumed = text[d..e];
                }
                made.Add(row);
                p = e;
                continue;
            }
            // A label with no figures ("其他资金"): the shortest start of the text that names a funds row.
            var named = 0;
            for (var length = 2; length <= Math.Min(LongestFundsLabel, text.Length - p) && named == 0; length++)
                if (words.FundsRowOf(TextNorm.Key(text.Substring(p, length))) is not null) named = length;
            if (named == 0 || text.Substring(p, named).Any(char.IsAsciiDigit)) break;
            made.Add(Row(["", text.Substring(p, named)], source));
            p += named;
        }
        if (p < text.Length) made.Add(Row([text[p..]], source));
        return made;
    }

    /// <summary>
    /// Where the funds block's label starts before its header: the shortest words before the brackets it ends with
    /// ("(万元)(20分)") that name a funds block or row ("预算执行情况", "资金"); the head fields before it stay apart, so
    /// that their label: value pairs are read as fields.
    /// </summary>
    private int BlockLabelStart(string text, int end)
    {
        var core = end;
        while (core > 0 && text[core - 1] == ')' && text.LastIndexOf('(', core - 1) is var open and >= 0 && core - open <= LongestBracket) core = open;
        for (var start = core - 2; start >= 0 && core - start <= LongestFundsLabel; start--)
        {
            var key = TextNorm.Key(text[start..core]);
            if (words.IsRow("executionLabel", key) || words.FundsRowOf(key) is not null) return start;
        }
        return core;
    }

    /// <summary>
    /// The first chain of funds column words with two money columns, one of them a budget or an execution, each column
    /// once. The first word is cut after the last bracket it holds ("资金(万元)全年预算数(A)" → "全年预算数(A)").
    /// </summary>
    private FundsHead? FindFundsHeader(string text)
    {
        for (var i = 0; i + 2 <= text.Length; i++)
        {
            if (FundsWordAt(text, i) is not { } first) continue;
            var found = new List<(string Text, FundsColumn Column)>();
            var k = i;
            while (k < text.Length && FundsWordAt(text, k) is { } word)
            {
                found.Add((text[k..word.End], word.Column));
                k = word.End;
            }
            var columns = found.Select(w => w.Column).ToList();
            var money = columns.Count(c => c is FundsColumn.InitialBudget or FundsColumn.Budget or FundsColumn.Executed or FundsColumn.Forecast or FundsColumn.Rate);
            if (money < 2 || !columns.Exists(c => c is FundsColumn.Budget or FundsColumn.Executed) || columns.Distinct().Count() != columns.Count
                || columns.Contains(FundsColumn.Extra))
                continue;
            var start = i;
            var (firstText, firstColumn) = found[0];
            var bracket = firstText.LastIndexOf(')', firstText.Length - 2 < 0 ? 0 : firstText.Length - 2);
            if (bracket >= 0 && bracket + 1 < firstText.Length && ColumnOfFunds(firstText[(bracket + 1)..]) == firstColumn)
            {
                start = i + bracket + 1;
                found[0] = (firstText[(bracket + 1)..], firstColumn);
            }
            return new FundsHead(start, k, found);
        }
        return null;
    }

    private FundsColumn ColumnOfFunds(string text) => words.FundsColumnOf(TextNorm.Key(text)).Column;

    /// <summary>
    /// The shortest funds column word at <paramref name="i"/>, with the bracket after it ("(A)", "(20分*执行率)"); a bracket
    /// a converter left open ends where the next column word starts.
    /// </summary>
    private (int End, FundsColumn Column)? FundsWordAt(string text, int i)
    {
        if (text[i] is '(' or ')') return null;
        for (var j = i + 2; j <= Math.Min(text.Length, i + LongestWord); j++)
        {
            var column = ColumnOfFunds(text[i..j]);
            if (column == FundsColumn.None) continue;
            // A word never holds a closing bracket it did not open.
            if (text[i..j].Count(ch => ch == ')') > text[i..j].Count(ch => ch == '(')) return null;
            var end = j;
            if (end < text.Length && text[end] == '(')
            {
                var close = text.IndexOf(')', end);
                var open = text.IndexOf('(', end + 1);
                if (close > 0 && close - end <= LongestBracket && (open < 0 || close < open)) end = close + 1;
                else
                {
                    end++;
                    while (end < text.Length && end - j <= LongestBracket && text[end] is not ('(' or ')') && !StartsFundsWord(text, end)) end++;
                }
            }
            return (end, column);
        }
        return null;
    }

    private bool StartsFundsWord(string text, int i)
    {
        for (var j = i + 2; j <= Math.Min(text.Length, i + ShortestHeader); j++)
            if (ColumnOfFunds(text[i..j]) != FundsColumn.None) return true;
        return false;
    }

    private sealed record FundsCut(string[] Cells, CellRole[] Doubted);

    /// <summary>
    /// A funds row's figures run together, cut under the columns: the amounts and the rate before the percent sign, the
    /// points after it. Null when the figures cannot be the row's (no percent sign where a rate column is, too long).
    /// </summary>
    private static FundsCut? FundsFigures(string run, FundsColumn[] columns)
    {
        if (run.Length > LongestFigures) return null;
        var cells = new string[columns.Length];
        Array.Fill(cells, "");
        var rate = Array.IndexOf(columns, FundsColumn.Rate);
        var percent = run.IndexOf('%', StringComparison.Ordinal);
        if (percent != run.LastIndexOf('%') || (percent >= 0 && rate < 0)) return null;
        // The columns before the percent sign (the amounts, and the rate) and those after it (the points).
        // Without a percent sign the figures are the amounts only (a 其中 row printing its budget and execution).
        var before = rate >= 0 && percent >= 0
            ? Enumerable.Range(0, rate + 1).ToArray()
            : Enumerable.Range(0, columns.Length).Where(c => columns[c] is not (FundsColumn.Rate or FundsColumn.Weight or FundsColumn.Score)).ToArray();
        var after = rate >= 0 && percent >= 0 ? Enumerable.Range(rate + 1, columns.Length - rate - 1).ToArray() : [];
        var head = percent >= 0 ? run[..percent] : run;
        var tail = percent >= 0 ? run[(percent + 1)..] : "";
        var doubted = new List<CellRole>();
        if (after.Length == 0 && tail.Length > 0) return null;
        if (after.Length > 0 && tail.Length > 0)
        {
            // The points after the rate: the weight and the score run together are cut as a row's points are.
            var pointColumns = after.Where(c => columns[c] is FundsColumn.Weight or FundsColumn.Score).ToArray();
            if (pointColumns.Length != after.Length || Points(tail, after.Length) is not { } pts) return null;
            for (var k = 0; k < after.Length; k++) cells[after[k]] = pts.Items[k];
            if (pts.Ambiguous) doubted.AddRange(after.Select(c => FormBuilder.FundsCell(columns[c])));
        }
        var cuts = Cuts(head, before.Length);
        var budget = Array.IndexOf(columns, FundsColumn.Budget);
        var executed = Array.IndexOf(columns, FundsColumn.Executed);
        var b = Array.IndexOf(before, budget);
        var x = Array.IndexOf(before, executed);
        var r = Array.IndexOf(before, rate);
        List<string[]> fits = percent >= 0 && b >= 0 && x >= 0 && r >= 0 ? cuts.FindAll(c => Agrees(c[b], c[x], c[r])) : cuts;
        if (fits.Count == 1)
        {
            for (var k = 0; k < before.Length; k++) cells[before[k]] = fits[0][k];
            if (percent >= 0 && r >= 0) cells[rate] += "%";
        }
        else
        {
            // No cut is forced: an equal budget and execution, when one of the cuts, is read in doubt; otherwise none.
            var equal = b >= 0 && x >= 0 ? fits.Find(c => c[b] == c[x]) : null;
            if (equal is not null)
            {
                for (var k = 0; k < before.Length; k++) cells[before[k]] = equal[k];
                if (percent >= 0 && r >= 0) cells[rate] += "%";
            }
            doubted.AddRange(before.Select(c => FormBuilder.FundsCell(columns[c])));
        }
        return new FundsCut(cells, [.. doubted]);
    }

    /// <summary>Every way to cut digits into <paramref name="count"/> numbers as printed, each at most <see cref="LongestAmount"/> digits.</summary>
    private static List<string[]> Cuts(string digits, int count)
    {
        var result = new List<string[]>();
        var parts = new string[count];
        void Cut(int from, int k)
        {
            if (k == count - 1)
            {
                var last = digits[from..];
                if (last.Length <= LongestAmount && IsPrinted(last))
                {
                    parts[k] = last;
                    result.Add((string[])parts.Clone());
                }
                return;
            }
            for (var to = from + 1; to < digits.Length && to - from <= LongestAmount; to++)
            {
                var piece = digits[from..to];
                if (!IsPrinted(piece)) continue;
                parts[k] = piece;
                Cut(to, k + 1);
            }
        }
        if (count > 0 && digits.Length > 0) Cut(0, 0);
        return result;
    }

    /// <summary>Whether the 执行率 printed (its points, without the sign) agrees with 执行数 / 预算数 at its printed precision.</summary>
    private static bool Agrees(string budget, string executed, string rate)
    {
        if (!decimal.TryParse(budget, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var b)
            || !decimal.TryParse(executed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x)
            || !Percentage.TryParse(rate + "%", out var r))
            return false;
        // Rates above 1000% are no execution rate (x / 10, not b × 10: a long run of digits would overflow the product).
        return x / 10m <= b && r.IsPrintedRatioOf(x, b);
    }
}

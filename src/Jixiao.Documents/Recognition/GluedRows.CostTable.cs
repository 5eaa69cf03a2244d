using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A cost table in the head of a flattened targets form, its cells run together ("…成本构成金额测算(公式)依据2020年实际
/// 执行数2021年实际执行数保安服务费191依据招标文件191191…合计814662.98794.55绩效目标…"): one amount column, then a text
/// column (the basis of the estimate) and more figures after it. The header is the chain of funds column words with at
/// most a short word of a column the lexicon does not know between them; each row is a label, the amount, the text and
/// the figures of the columns after it, a total row (合计) ending the table. Only the amount before the text is read: it
/// is the one figure there. The figures after the text run together and are not cut (a total's are: its amount is the
/// start that adds up the rows above it, read in doubt). Anything else is left as it was.
/// </summary>
internal sealed partial class GluedRows
{
    /// <summary>The longest word of a column the lexicon does not know between two funds column words ("测算(公式)依据").</summary>
    private const int LongestUnknownColumn = 10;

    private List<SourceRow> CostTable(string text, SourcePosition? source)
    {
        if (CostHeader(text) is not { } header || header.Words.Count(w => w.Column != FundsColumn.None) < 2) return [Row([text], source)];
        var columns = header.Words.Select(w => w.Column).ToArray();
        var amount = Array.FindIndex(columns, c => c is FundsColumn.Budget or FundsColumn.InitialBudget);
        var textColumn = amount + 1;
        if (amount < 0 || textColumn >= columns.Length || columns[textColumn] != FundsColumn.None) return [Row([text], source)];

        var rows = new List<(string Label, string Amount)>();
        var doubtedTotal = false;
        var p = header.End;
        var sum = 0m;
        while (p < text.Length)
        {
            var (label, d) = Words(text, p);
            var (digits, e) = Digits(text, d);
            if (label.Length is 0 or > LongestFundsLabel || digits.Length == 0 || words.IsGoalLabel(TextNorm.Key(label))) break;
            if (words.IsTotalLabel(TextNorm.Key(label)) || words.IsFundsRow("totalFunds", TextNorm.Key(label)))
            {
                // The total's digits run into the columns after it: its amount is the start that adds up the rows above.
                var start = TotalStart(digits, sum);
                if (start is null || rows.Count < FewestRows) break;
                rows.Add((label, start));
                doubtedTotal = start.Length < digits.Length;
                p = e;
                break;
            }
            if (!IsPrinted(digits) || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) break;
            var (basis, f) = Words(text, e);
            var (after, g) = Digits(text, f);
            if (basis.Length == 0 || after.Length == 0) break;
            rows.Add((label, digits));
            sum += value;
            p = g;
        }
        if (rows.Count < FewestRows) return [Row([text], source)];

        var made = new List<SourceRow>();
        if (header.Start > 0) made.Add(Row([text[..header.Start]], source));
        made.Add(Row(["", "", .. header.Words.Select(w => w.Text)], source));
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new string[columns.Length];
            Array.Fill(cells, "");
            cells[amount] = rows[r].Amount;
            var row = Row(["", rows[r].Label, .. cells], source);
            if (r == rows.Count - 1 && doubtedTotal)
            {
                row.Uncertain = [FormBuilder.FundsCell(columns[amount])];
                row.UncertainReason = DoubtReason.AmbiguousNumber;
                row.UncertainAssumed = rows[r].Amount;
            }
            made.Add(row);
        }
        if (p < text.Length) made.Add(Row([text[p..]], source));
        return made;
    }

    /// <summary>The funds column words from the first amount column on, a short unknown column word allowed between two.</summary>
    private FundsHead? CostHeader(string text)
    {
        for (var i = 0; i + 2 <= text.Length; i++)
        {
            if (FundsWordAt(text, i) is not { } first || first.Column is not (FundsColumn.Budget or FundsColumn.InitialBudget)) continue;
            var found = new List<(string Text, FundsColumn Column)> { (text[i..first.End], first.Column) };
            var k = first.End;
            while (k < text.Length)
            {
                if (FundsWordAt(text, k) is { } word)
                {
                    found.Add((text[k..word.End], word.Column));
                    k = word.End;
                    continue;
                }
                // A word the lexicon does not know, when a funds column word follows it closely: a text column.
                var next = -1;
                for (var j = k + 2; j <= Math.Min(text.Length - 2, k + LongestUnknownColumn) && next < 0; j++)
                    if (FundsWordAt(text, j) is not null) next = j;
                if (next < 0 || text.AsSpan(k, next - k).IndexOfAnyInRange('0', '9') >= 0) break;
                found.Add((text[k..next], FundsColumn.None));
                k = next;
            }
            if (found.Count >= 3 && found[^1].Column != FundsColumn.None) return new FundsHead(i, k, found);
        }
        return null;
    }

    private static (string Words, int End) Words(string text, int p)
    {
        var e = p;
        while (e < text.Length && !char.IsAsciiDigit(text[e])) e++;
        return (text[p..e], e);
    }

    private static (string Digits, int End) Digits(string text, int p)
    {
        var e = p;
        while (e < text.Length && (char.IsAsciiDigit(text[e]) || text[e] == '.')) e++;
        return (text[p..e], e);
    }

    /// <summary>The one start of a total's digits that reads as the sum of the rows above, or null.</summary>
    private static string? TotalStart(string digits, decimal sum)
    {
        string? found = null;
        for (var k = 1; k <= digits.Length && k <= LongestAmount; k++)
        {
            var piece = digits[..k];
            if (!IsPrinted(piece) || !decimal.TryParse(piece, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v != sum) continue;
            if (found is not null) return null;
            found = piece;
        }
        return found;
    }
}

using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

internal sealed partial class TokenStream
{
    /// <summary>More columns than this are not tried by arithmetic (every order of the figures is tried).</summary>
    private const int MostColumnsByArithmetic = 7;

    /// <summary>
    /// A total funds row whose figures PDF text scattered over the funds block (some right under the header, the rest
    /// among the head's and the goal's words) and whose label stands alone: the figures are placed by the arithmetic the
    /// row itself prints, when exactly one placement agrees with it — the one percentage is the 执行率 and equals
    /// executed ÷ budget at its printed precision, the weight is at most 100, and the score is weight × 执行率 at its
    /// printed precision. Every column takes one figure; the figures in the span must be exactly as many as the columns.
    /// Null when the span is not of that shape or two placements agree (nothing is guessed then).
    /// </summary>
    private SourceRow? TotalByArithmetic(List<Token> tokens, int from, int to, List<Token?[]> unlabelled, FundsColumn[] columns)
    {
        if (unlabelled.Count != 1 || columns.Length > MostColumnsByArithmetic || columns.Distinct().Count() != columns.Length) return null;
        var budget = Array.IndexOf(columns, FundsColumn.Budget) is var b and >= 0 ? b : Array.IndexOf(columns, FundsColumn.InitialBudget);
        var executed = Array.IndexOf(columns, FundsColumn.Executed);
        var rate = Array.IndexOf(columns, FundsColumn.Rate);
        var weight = Array.IndexOf(columns, FundsColumn.Weight);
        var score = Array.IndexOf(columns, FundsColumn.Score);
        if (budget < 0 || executed < 0 || rate < 0 || (weight < 0) != (score < 0)) return null;

        int? label = null;
        var loose = new List<int>();
        for (var k = from; k < to && k < tokens.Count; k++)
        {
            if (_taken.Contains(k)) continue;
            var token = tokens[k];
            if (IsFigure(token.Text))
            {
                if (!TextNorm.IsPlaceholder(token.Text)) loose.Add(k);
                continue;
            }
            if (token.Key.Length > 30 || words.FundsRowOf(token.Key) is null || words.MoneyUnitOf(token.Key) is not null) continue;
            if (label is not null) return null;
            label = k;
        }
        if (label is not { } at || !words.IsFundsRow("totalFunds", tokens[at].Key)) return null;

        var figures = unlabelled[0].OfType<Token>().Concat(loose.Select(k => tokens[k])).ToList();
        if (figures.Count != columns.Length || figures.Count(t => IsPercent(t.Text)) != 1) return null;
        var percent = figures.Single(t => IsPercent(t.Text));
        if (!Percentage.TryParse(percent.Text, out var stated)) return null;
        var others = figures.Where(t => !ReferenceEquals(t, percent)).ToList();
        var amounts = new decimal[others.Count];
        for (var k = 0; k < others.Count; k++)
            if (!TextNorm.TryAmount(others[k].Text, out amounts[k])) return null;
        var slots = Enumerable.Range(0, columns.Length).Where(c => c != rate).ToArray();

        Token?[]? found = null;
        string? foundKey = null;
        foreach (var order in Orders(others.Count))
        {
            decimal At(int column) => amounts[order[Array.IndexOf(slots, column)]];
            if (!stated.IsPrintedRatioOf(At(executed), At(budget))) continue;
            if (weight >= 0)
            {
                var w = At(weight);
                var s = At(score);
                var places = Decimals(others[order[Array.IndexOf(slots, score)]].Text);
                if (w is < 0m or > 100m || s < 0m || s > w
                    || Math.Round(w * stated.Fraction, places, MidpointRounding.AwayFromZero) != s) continue;
            }
            var cells = new Token?[columns.Length];
            cells[rate] = percent;
            for (var k = 0; k < slots.Length; k++) cells[slots[k]] = others[order[k]];
            // Equal figures swapped (two budgets of 20000) are one placement.
            var key = string.Join("|", cells.Select(t => TextNorm.TryAmount(t!.Text, out var v) ? v.ToString(CultureInfo.InvariantCulture) : t.Text));
            if (foundKey is not null && foundKey != key) return null;
            found = cells;
            foundKey = key;
        }
        if (found is null) return null;

        _taken.Add(at);
        foreach (var k in loose) _taken.Add(k);
        var name = tokens[at];
        return Row([name, .. found.Select(t => t ?? new Token("", "", name.Source))]);
    }

    private static int Decimals(string text)
    {
        var t = text.Trim();
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : t.Length - dot - 1;
    }

    /// <summary>Every order of 0..n-1 (n is at most <see cref="MostColumnsByArithmetic"/>).</summary>
    private static IEnumerable<int[]> Orders(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        return Permute(order, 0);

        static IEnumerable<int[]> Permute(int[] order, int k)
        {
            if (k == order.Length)
            {
                yield return (int[])order.Clone();
                yield break;
            }
            for (var i = k; i < order.Length; i++)
            {
                (order[k], order[i]) = (order[i], order[k]);
                foreach (var o in Permute(order, k + 1)) yield return o;
                (order[k], order[i]) = (order[i], order[k]);
            }
        }
    }
}

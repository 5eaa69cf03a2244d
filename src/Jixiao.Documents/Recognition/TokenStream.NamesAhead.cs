using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

internal sealed partial class TokenStream
{
    /// <summary>The most names a flattening may put ahead of their rows' values.</summary>
    private const int MostNamesAhead = 6;

    /// <summary>A piece this short among names is the end of the name before it, wrapped onto a line of its own.</summary>
    private const int LongestWrappedPiece = 2;

    /// <summary>
    /// Rows whose names a flattening put ahead of their values ("指标7:… 指标8:… 10人 9人 2 2 5场 4场 2 1.5"): a name
    /// wrapped over two lines comes out with the next row's name before the row's own values. Under a header whose
    /// columns after the name are values and points only, a run of two or more names followed by exactly as many value
    /// groups (a value for the target and the actual, a number for the weight and the score) is paired in order. A piece
    /// of at most two characters among the names is the name before it wrapped ("…报告" "数") and joins it, that row's
    /// name in doubt. Returns where the groups end, or <paramref name="at"/> when the tokens are not so.
    /// </summary>
    private int NamesAheadOfValues(List<Token> tokens, int at, IndicatorColumn[] roles, List<SourceRow> rows)
    {
        // Cheap test first: an ordinary row has a value right after its name.
        if (at + 1 >= tokens.Count || !IsNameAhead(tokens, at) || !IsNameAhead(tokens, at + 1)) return at;
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        if (nameColumn < 0) return at;
        var right = Enumerable.Range(nameColumn + 1, roles.Length - nameColumn - 1).ToArray();
        if (right.Any(c => roles[c] is not (IndicatorColumn.Target or IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score))
            || !right.Any(c => roles[c] is IndicatorColumn.Target or IndicatorColumn.Actual)
            || !right.Any(c => roles[c] is IndicatorColumn.Weight or IndicatorColumn.Score)) return at;

        var end = at;
        while (end < tokens.Count && end - at < MostNamesAhead && IsNameAhead(tokens, end)) end++;
        var names = new List<(Token Name, bool Joined)>();
        for (var k = at; k < end; k++)
        {
            if (names.Count > 0 && tokens[k].Key.Length <= LongestWrappedPiece)
            {
                var (name, _) = names[^1];
                names[^1] = (name with { Text = name.Text + tokens[k].Text, Key = name.Key + tokens[k].Key }, true);
                continue;
            }
            names.Add((tokens[k], false));
        }
        if (names.Count < 2) return at;

        var groups = new List<int>();
        var g = end;
        while (groups.Count < names.Count + 1 && g + right.Length <= tokens.Count)
        {
            var fits = true;
            for (var c = 0; c < right.Length && fits; c++)
                fits = roles[right[c]] is IndicatorColumn.Weight or IndicatorColumn.Score
                    ? TextNorm.TryAmount(tokens[g + c].Text, out _) && !IsPercent(tokens[g + c].Text)
                    : IsValue(tokens[g + c]);
            if (!fits) break;
            groups.Add(g);
            g += right.Length;
        }
        if (groups.Count != names.Count) return at;

        for (var r = 0; r < names.Count; r++)
        {
            var (name, joined) = names[r];
            var cells = new Token[roles.Length];
            Array.Fill(cells, new Token("", "", name.Source));
            cells[nameColumn] = name;
            for (var c = 0; c < right.Length; c++) cells[right[c]] = tokens[groups[r] + c];
            var row = Row([new Token("", "", name.Source), .. cells]);
            if (joined)
            {
                row.Uncertain = [CellRole.Name];
                row.UncertainAssumed = name.Text;
            }
            rows.Add(row);
        }
        return g;
    }

    /// <summary>A token that can only be a name here: no value, no tree word, nothing that ends the block.</summary>
    private bool IsNameAhead(List<Token> tokens, int i)
    {
        var token = tokens[i];
        return token.Key.Length > 0 && !IsValue(token) && !TextNorm.IsPlaceholder(token.Text) && !IsKnownTreeWord(token) && !Ends(tokens, i);
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

internal sealed partial class TokenStream
{
    /// <summary>The longest key a target or an actual written in words (及时, 达标) may have in a run of value groups.</summary>
    private const int ShortValueWord = 10;

    /// <summary>
    /// A scattered block whose PDF text put every row's values first, right after the last header word, and the rows'
    /// names after them among the tree words ("… 分值 得分 =100% 100% 10 10 及时 及时 20 20 … 100 98.62 产出指标 质量指标
    /// 名称甲 名称乙 … 总分"): the values are cut into groups, one cell per value column after the name (target, actual,
    /// weight, score in the header's order), each group's points a figure and its score no higher than its weight. The
    /// names are the words of the block that are neither header, tree nor value words — those among the header words
    /// first, then those after the groups up to the total label; a one-character piece is the end of the name before it
    /// (a wrapped cell). As many names as groups are paired in order, every row in doubt (the order is all that pairs
    /// them); otherwise no row is read, under the block's doubt. Two figures right after the groups, a
    /// weight total and a score no higher, are the total row's when a total label follows among the names. Returns where
    /// the rows end, or the block's start when no value groups or no names were found.
    /// </summary>
    private int ValuesBeforeNames(List<Token> tokens, Scattered header, List<SourceRow> rows)
    {
        var roles = header.Roles;
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        if (nameColumn < 0) return header.Start;
        var values = Enumerable.Range(nameColumn + 1, roles.Length - nameColumn - 1).ToArray();
        var weightAt = Array.FindIndex(values, c => roles[c] == IndicatorColumn.Weight);
        var scoreAt = Array.FindIndex(values, c => roles[c] == IndicatorColumn.Score);
        if (values.Length < 3 || weightAt < 0 || values.Any(c => roles[c] is not (IndicatorColumn.Target or IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score)))
            return header.Start;

        var groups = new List<Token[]>();
        var i = header.Start;
        while (i + values.Length <= tokens.Count && IsValueGroup(tokens, i, values, roles, weightAt, scoreAt, groups.Count == 0))
        {
            groups.Add(tokens.GetRange(i, values.Length).ToArray());
            i += values.Length;
        }
        if (groups.Count < 2) return header.Start;

        // The total row's two figures may follow the groups; they are the total's only when its label comes after.
        Token[]? totals = null;
        if (i + 1 < tokens.Count && TextNorm.TryAmount(tokens[i].Text, out var weightTotal) && TextNorm.TryAmount(tokens[i + 1].Text, out var scoreTotal)
            && !IsPercent(tokens[i].Text) && !IsPercent(tokens[i + 1].Text) && scoreTotal >= 0m && scoreTotal <= weightTotal)
            totals = [tokens[i], tokens[i + 1]];

        var names = new List<Token>();
        var groupWords = new List<Token>();
        // Among the header words, a piece of two characters is a header word's broken end (年度 / 指标值), not a name.
        for (var k = header.First; k < header.Start; k++)
            if (tokens[k].Key.Length > 2) AddName(names, groupWords, tokens[k]);
        var end = i + (totals?.Length ?? 0);
        Token? totalLabel = null;
        for (; end < tokens.Count; end++)
        {
            var token = tokens[end];
            if (words.IsTotalLabel(token.Key))
            {
                totalLabel = token;
                end++;
                break;
            }
            if (words.IsNote(token.Key) || words.TitleKind(token.Key) is not null || IndicatorHeaderLength(tokens, end) > 0 || FundsHeaderLength(tokens, end) > 0) break;
            AddName(names, groupWords, token);
        }
        if (names.Count == 0) return header.Start;

        // The 二级 words stand among the names in the same order; when they are as many, each row takes its own (the 一级
        // follows from it). Otherwise the tree is left out.
        var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
        var tree = level2 >= 0 && groupWords.Count == groups.Count;
        // Names and value groups not as many: which values are whose cannot be told. No row is read then (the block's
        // doubt says its values were not read), rather than one row taking another's values.
        for (var r = 0; r < groups.Count && names.Count == groups.Count; r++)
        {
            var source = groups[r][0].Source;
            var cells = new Token[roles.Length];
            Array.Fill(cells, new Token("", "", source));
            cells[nameColumn] = names[r];
            if (tree) cells[level2] = groupWords[r];
            for (var k = 0; k < values.Length; k++) cells[values[k]] = groups[r][k];
            var row = Row([new Token("", "", source), .. cells]);
            row.Uncertain = [CellRole.Name, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score];
            rows.Add(row);
        }
        if (totalLabel is null) return end;
        rows.Add(TotalRow(totals is null ? [totalLabel] : [totalLabel, .. totals], roles));
        return end;
    }

    /// <summary>One row's values: figures for the weight and the score (the score no higher), values or short words otherwise.</summary>
    private bool IsValueGroup(List<Token> tokens, int at, int[] values, IndicatorColumn[] roles, int weightAt, int scoreAt, bool first)
    {
        if (!TextNorm.TryAmount(tokens[at + weightAt].Text, out var weight) || IsPercent(tokens[at + weightAt].Text) || weight is < 0m or > 100m) return false;
        if (scoreAt >= 0 && (!TextNorm.TryAmount(tokens[at + scoreAt].Text, out var score) || IsPercent(tokens[at + scoreAt].Text) || score < 0m || score > weight))
            return false;
        for (var k = 0; k < values.Length; k++)
        {
            if (roles[values[k]] is IndicatorColumn.Weight or IndicatorColumn.Score) continue;
            var token = tokens[at + k];
            // The run starts with a value, never a name: rows printed whole are read the ordinary way.
            if (first && k == 0 && !IsComparedValue(token)) return false;
            if (!IsComparedValue(token) && !IsValueWord(tokens, at + k)) return false;
        }
        return true;
    }

    /// <summary>A value, or one written after its comparator (=100%, >=90%).</summary>
    private static bool IsComparedValue(Token token)
    {
        if (IsValue(token)) return true;
        var text = TextNorm.Compatible(token.Text.Trim()).TrimStart(Comparators);
        return text.Length > 0 && text.Length < token.Text.Trim().Length && IsValue(token with { Text = text });
    }

    private static readonly char[] Comparators = [.. "≥≧>=═≤≦<⩾⩽"];

    /// <summary>A target or an actual in words: short, no clause, no header, tree or total word.</summary>
    private bool IsValueWord(List<Token> tokens, int i)
    {
        var token = tokens[i];
        return token.Key.Length is > 0 and <= ShortValueWord && !IsSentence(token.Key) && !IsKnownTreeWord(token) && !IsWordOfAHeader(token.Key)
               && !words.IsBlockLabel(token.Key) && !Ends(tokens, i);
    }

    /// <summary>A row's name (or 二级 word) among the scattered words; a one-character piece continues the name before it.</summary>
    private void AddName(List<Token> names, List<Token> groupWords, Token token)
    {
        // A name may end like a funds column (…完成率): only the words of the indicator block and the form's own are left out.
        if (token.Key.Length == 0 || IsComparedValue(token) || words.IndicatorColumnOf(token.Key).Column != IndicatorColumn.None
            || words.IsBlockLabel(token.Key) || words.IsTotalLabel(token.Key) || words.FieldOf(token.Key) is not null || words.IsGoalLabel(token.Key)
            || TextNorm.IsPlaceholder(token.Text)) return;
        if (IsKnownTreeWord(token))
        {
            if (words.Classify(TextNorm.Key(words.SplitWeight(token.Text).Name)) == TreeWord.Level2) groupWords.Add(token);
            return;
        }
        if (token.Key.Length == 1)
        {
            if (names.Count > 0) names[^1] = names[^1] with { Text = names[^1].Text + token.Text, Key = names[^1].Key + token.Key };
            return;
        }
        names.Add(token);
    }
}

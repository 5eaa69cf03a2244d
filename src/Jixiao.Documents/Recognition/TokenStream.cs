using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// Tables whose row structure a converter lost: one cell per line ("项目名称", "临时救助", … each on its own line) or the
/// whole table flattened onto one line with spaces between the cells. The cells are still in reading order, so the
/// table is rebuilt from them as a token stream: header words name the columns of a block (项目资金 / 年初预算数 /
/// 全年预算数 …, 一级指标 / 二级指标 / 三级指标 / 年度指标值 …), and the tokens after a header are cut into rows by what
/// each column can hold — a funds row is a label followed by figures, an indicator row is its tree words, a name, a
/// target, an actual and numbers for the weight and the score. The rows rebuilt here go through the same form builder
/// as any table, which notes what it cannot place. Tables whose rows survived are left alone.
/// </summary>
internal sealed partial class TokenStream(Vocabulary words)
{
    /// <summary>The fewest one-cell rows that can hold a table's header and a row.</summary>
    private const int MinimumRun = 6;

    /// <summary>A paragraph this long, with this many spaces, is a flattened table rather than a sentence.</summary>
    private const int FlattenedLength = 60;

    private const int FlattenedParts = 10;

    private const int ScatteredWordLength = 6;

    private sealed record Token(string Text, string Key, SourcePosition? Source);

    /// <summary>The value type of each column of the indicator header being read (a comparator or a measure unit of its own).</summary>
    private Jixiao.Core.Templates.RoleType?[] _valueTypes = [];

    public static List<SourceRow> Reflow(List<SourceRow> rows, Vocabulary words) => new TokenStream(words).Reflow(rows);

    private List<SourceRow> Reflow(List<SourceRow> rows)
    {
        List<SourceRow>? result = null;
        var i = 0;
        while (i < rows.Count)
        {
            var end = i;
            while (end < rows.Count && rows[end].NonEmptyCount <= 1) end++;
            if (end == i) end = i + 1;
            // A long run of one-cell rows is one table; in a short run only a flattened line can be.
            var runs = end - i >= MinimumRun ? [(i, end)] : Enumerable.Range(i, end - i).Where(r => IsFlattened(rows[r])).Select(r => (r, r + 1)).ToList();
            var copied = i;
            foreach (var (start, stop) in runs)
            {
                var tokens = Tokens(rows, start, stop);
                if (!HasTableHeader(tokens) || Rebuild(tokens) is not { Count: > 0 } rebuilt) continue;
                result ??= rows.GetRange(0, i);
                result.AddRange(rows.GetRange(copied, start - copied));
                result.AddRange(rebuilt);
                copied = stop;
            }
            if (result is not null) result.AddRange(rows.GetRange(copied, end - copied));
            i = end;
        }
        return result ?? rows;
    }

    private static bool IsFlattened(SourceRow row)
    {
        if (row.NonEmptyCount != 1) return false;
        var text = row.Text[row.FirstNonEmpty];
        if (text.Length < FlattenedLength) return false;
        // Full-width digits count as CJK, so the cleaned text lost the spaces between them and the words around them
        // ("年度资金总额 ９９ ９９"): the cells are counted in the line with its full-width forms folded.
        if (TextNorm.NeedsCompatibilityNormalization(text)) text = TextNorm.Clean(TextNorm.Compatible(row.Raw[row.FirstNonEmpty]));
        var parts = 0;
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) parts++;
        return parts >= FlattenedParts;
    }

    private List<Token> Tokens(List<SourceRow> rows, int start, int end)
    {
        var raw = new List<(string Text, SourcePosition? Source)>();
        for (var r = start; r < end; r++)
        {
            var row = rows[r];
            if (row.NonEmptyCount == 0) continue;
            var c = row.FirstNonEmpty;
            var text = row.Raw[c];
            if (IsFlattened(row))
            {
                // Each word keeps its place in the line, so the rows cut from it keep apart where they started.
                var word = 0;
                foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    raw.Add((part, row.Sources[c] is { } at ? at with { Word = ++word } : null));
            }
            else
                raw.Add((text, row.Sources[c]));
        }
        return Join(raw);
    }

    /// <summary>
    /// PDF text breaks words at line ends ("年初预算 数", "年度 总体 目标"), and notes in brackets stand on lines of their
    /// own ("预算数(A)", "(20分)"): neighbouring pieces are joined where together they make a header word, and a
    /// bracketed note joins the header word before it.
    /// </summary>
    private List<Token> Join(List<(string Text, SourcePosition? Source)> raw)
    {
        var tokens = new List<Token>(raw.Count);
        // Each piece is judged once, not once per window it could take part in: a run of paragraphs (a report) is many
        // long pieces, and in a hostile file they are lines of prose millions of characters long. A piece with more
        // visible characters than a header key can hold is no fragment, and its key is never computed.
        var fragment = new bool[raw.Count];
        var keyLength = new int[raw.Count];
        for (var k = 0; k < raw.Count; k++)
        {
            if (VisibleLength(raw[k].Text) > LongestFragment || IsFigure(raw[k].Text)) continue;
            var key = TextNorm.Key(raw[k].Text);
            keyLength[k] = key.Length;
            // A cell closing on its points ("预算执行(15分)") is a rubric's heading, whole: no piece of a header word.
            fragment[k] = !IsWordOfAHeader(key) && !key.EndsWith("分)", StringComparison.Ordinal);
        }
        for (var i = 0; i < raw.Count; i++)
        {
            var joined = false;
            for (var n = 4; n >= 2 && !joined; n--)
            {
                if (i + n > raw.Count || Array.IndexOf(fragment, false, i, n) >= 0) continue;
                // Joined, the pieces make a header word only if their keys together are that short (below).
                var length = 0;
                for (var j = i; j < i + n; j++) length += keyLength[j];
                if (length > 14) continue;
                var text = string.Concat(raw.GetRange(i, n).Select(t => t.Text));
                var key = TextNorm.Key(text);
                if (key.Length > 14 || !IsWordOfAHeader(key)) continue;
                tokens.Add(new Token(TextNorm.Clean(text), key, raw[i].Source));
                i += n - 1;
                joined = true;
            }
            if (joined) continue;
            if (QualifiesNext(raw, fragment, keyLength, i) is { } qualified)
            {
                tokens.Add(qualified);
                i++;
                continue;
            }
            var cleaned = TextNorm.Clean(raw[i].Text);
            var k = TextNorm.Key(cleaned);
            if (k.Length == 0) continue;
            if (tokens.Count > 0 && ContinuesEnumeration(cleaned, tokens[^1].Text))
            {
                // "①…;" then "②…": the clauses of one cell a converter put on lines of their own.
                var previous = tokens[^1];
                var text = previous.Text + "\n" + cleaned;
                tokens[^1] = previous with { Text = text, Key = TextNorm.Key(text) };
                continue;
            }
            if (tokens.Count > 0 && !IsFigure(tokens[^1].Text) && AnnotatesPrevious(k, tokens[^1].Key))
            {
                var previous = tokens[^1];
                var text = previous.Text + cleaned;
                tokens[^1] = previous with { Text = text, Key = TextNorm.Key(text) };
                continue;
            }
            tokens.Add(new Token(cleaned, k, raw[i].Source));
        }
        return tokens;
    }

    /// <summary>A clause numbered ②…⑳ whose previous clause (①…⑲) ends the text before it: the same cell, wrapped.</summary>
    private static bool ContinuesEnumeration(string text, string previous)
    {
        var t = text.TrimStart();
        if (t.Length == 0 || t[0] is < '\u2461' or > '\u2473') return false;
        var before = (char)(t[0] - 1);
        var at = previous.LastIndexOf(before);
        return at >= 0 && (at == 0 || previous[at - 1] == '\n') && previous.IndexOf(t[0]) < 0;
    }

    /// <summary>
    /// A short qualifier a narrow header cell wrapped onto the line above its column word ("乡镇" over "自验", "区县" over
    /// "考评"): joined, they name the same indicator column the word alone names, so they are one header cell.
    /// </summary>
    private Token? QualifiesNext(List<(string Text, SourcePosition? Source)> raw, bool[] fragment, int[] keyLength, int i)
    {
        // Only lines of their own: the words of a flattened line may stand in a lost order (年度 实际 指标值 完成值).
        if (!fragment[i] || keyLength[i] is 0 or > 4 || i + 1 >= raw.Count || fragment[i + 1] || IsFigure(raw[i + 1].Text)
            || raw[i].Source?.Word is not null || raw[i + 1].Source?.Word is not null
            || VisibleLength(raw[i + 1].Text) > 12) return null;
        var role = words.IndicatorColumnOf(TextNorm.Key(raw[i + 1].Text)).Role;
        if (role is null) return null;
        var text = raw[i].Text + raw[i + 1].Text;
        var key = TextNorm.Key(text);
        return words.IndicatorColumnOf(key).Role?.Id == role.Id ? new Token(TextNorm.Clean(text), key, raw[i].Source) : null;
    }

    /// <summary>
    /// "(万元)", "(20分)", "(2022年度)" after a label, and a last character a line break cut off a header word ("年初预算"
    /// then "数") belong to the token before them.
    /// </summary>
    private bool AnnotatesPrevious(string key, string previousKey)
    {
        if (key[0] is '(' or '（' && key.Length <= 14 && key[^1] is ')' or '）') return true;
        return key.Length <= 2 && !IsWordOfAHeader(key) && IsWordOfAHeader(previousKey) && IsWordOfAHeader(previousKey + key)
               && !TextNorm.IsAmount(key);
    }

    /// <summary>Joined header words are keys of at most 14 characters; a piece far longer than that is text, whatever NFKC does to it.</summary>
    private const int LongestFragment = 64;

    private static int VisibleLength(string text)
    {
        var n = 0;
        foreach (var ch in text)
            if (!char.IsWhiteSpace(ch) && ++n > LongestFragment) break;
        return n;
    }

    private bool IsWordOfAHeader(string key) =>
        words.FieldOf(key) is not null || words.FundsColumnOf(key).Column != FundsColumn.None
        || words.IndicatorColumnOf(key).Column != IndicatorColumn.None || words.IsGoalLabel(key) || words.IsTotalLabel(key)
        || words.TitleKind(key) is not null;

    private bool HasTableHeader(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
            if (IndicatorHeaderLength(tokens, i) > 0 || FundsHeaderLength(tokens, i) > 0) return true;
        return ScatteredHeader(tokens) is not null;
    }

    private sealed record Scattered(int First, int Start, IndicatorColumn[] Roles, string[] Headers);

    /// <summary>
    /// The header words of an indicator block scattered through the stream (PDF text whose order was lost: "一级 指标 …
    /// 年度 实际 指标值 完成值 … 二级指标 三级指标 … 分值 得分"), when no run of them stands together: the columns they name in
    /// the order the default template of a project form prints them, where the first of them stands, and the token
    /// after the last. A tree column and two value columns at least; null otherwise.
    /// </summary>
    private Scattered? ScatteredHeader(List<Token> tokens, int from = 0)
    {
        var found = new Dictionary<string, IndicatorColumn>(StringComparer.Ordinal);
        int first = -1, last = -1;
        for (var i = from; i < tokens.Count; i++)
        {
            // The block ends where the next form's title stands.
            if (first >= 0 && words.TitleKind(tokens[i].Key) is not null) break;
            // Header words are short cells; a longer word containing one (自评得分为96分) is text.
            if (tokens[i].Key.Length > ScatteredWordLength) continue;
            var (column, role) = words.IndicatorColumnOf(tokens[i].Key);
            if (role is null || column is not (IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name or IndicatorColumn.Target
                    or IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score)) continue;
            // The block starts at its first tree column word; 分值/得分 of a funds header before it are the funds'.
            if (first < 0 && column is not (IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name)) continue;
            found.TryAdd(role.Id, column);
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0) return null;
        // Words a header run standing together names are read the ordinary way, when that run names them all.
        var together = new HashSet<string>(StringComparer.Ordinal);
        for (var i = first; i < tokens.Count; i++)
        {
            var n = IndicatorHeaderLength(tokens, i);
            for (var k = i; k < i + n; k++)
                if (words.IndicatorColumnOf(tokens[k].Key).Role is { } role) together.Add(role.Id);
            if (n > 0 && found.Keys.All(together.Contains)) return null;
            i += Math.Max(0, n - 1);
        }
        var tree = found.Values.Count(c => c is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name);
        if (tree == 0 || found.Count - tree < 2 || found.Count < 4) return null;
        var order = words.Registry.Default(FormKind.ProjectSelfEvaluation)?.Block("indicators")?.Columns.Select(c => c.Role).ToList() ?? [];
        var ids = found.Keys.OrderBy(id => order.IndexOf(id) is var k and >= 0 ? k : int.MaxValue).ToArray();
        return new Scattered(first, last + 1, [.. ids.Select(id => found[id])],
            [.. ids.Select(id => words.Lexicon.Role("indicators", id)?.Header ?? id)]);
    }

    /// <summary>The header words of an indicator block starting at <paramref name="at"/>: three or more, one naming a level.</summary>
    private int IndicatorHeaderLength(List<Token> tokens, int at)
    {
        var n = 0;
        var level = false;
        while (at + n < tokens.Count && words.IndicatorColumnOf(tokens[at + n].Key).Column is var role && role != IndicatorColumn.None
               && role != IndicatorColumn.Label)
        {
            if (role is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name) level = true;
            n++;
        }
        // A section label ending in a value word (年度绩效指标完成情况) before a header that starts with a tree column is
        // the block's label, not its first column. A weight word there heads the rubric's sections (项目权重 | 评价内容 | 分值).
        if (n >= 4 && level && words.IndicatorColumnOf(tokens[at].Key).Column is not (IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name or IndicatorColumn.Weight)
            && words.IndicatorColumnOf(tokens[at + 1].Key).Column is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name)
            return 0;
        return n >= 3 && level ? n : 0;
    }

    /// <summary>The header words of a funds block starting at <paramref name="at"/>: two or more money columns.</summary>
    private int FundsHeaderLength(List<Token> tokens, int at)
    {
        var n = 0;
        var money = 0;
        while (at + n < tokens.Count && words.FundsColumnOf(tokens[at + n].Key).Column is var role && role != FundsColumn.None)
        {
            if (role is not (FundsColumn.Weight or FundsColumn.Score)) money++;
            n++;
        }
        return money >= 2 ? n : 0;
    }

    /// <summary>Tokens a block read out of their place (a funds row's label standing after its figures): passed over later.</summary>
    private readonly HashSet<int> _taken = [];

    private List<SourceRow> Rebuild(List<Token> tokens)
    {
        var rows = new List<SourceRow>();
        var scattered = ScatteredHeader(tokens);
        _taken.Clear();
        var i = 0;
        while (i < tokens.Count)
        {
            if (_taken.Contains(i))
            {
                i++;
                continue;
            }
            if (scattered is not null && i >= scattered.First)
            {
                i = ScatteredRows(tokens, scattered, rows);
                scattered = null;
                continue;
            }
            var token = tokens[i];
            if (IndicatorHeaderLength(tokens, i) is var ih and > 0)
            {
                // A rubric's header holding the first of the scattered words: its items are read on their own, and the
                // scattered header's rows start after them.
                if (scattered is not null && scattered.First >= i && scattered.First < i + ih && RubricItems(tokens, i, ih, rows) is var end and > 0)
                {
                    i = end;
                    scattered = scattered with { First = end };
                    continue;
                }
                i = Indicators(tokens, i, ih, rows);
                continue;
            }
            if (SourcesAcross(tokens, i, rows) is var across and > 0)
            {
                i = across;
                continue;
            }
            if (FundsHeaderLength(tokens, i) is var fh and > 0)
            {
                i = Funds(tokens, i, fh, rows, scattered?.First ?? tokens.Count);
                continue;
            }
            if (words.IsGoalLabel(token.Key))
            {
                // The goal's texts end where a scattered indicator header's first word stands.
                i = Goals(tokens, i, rows, scattered is { First: var first } && first > i ? first : tokens.Count);
                continue;
            }
            var field = words.FieldOf(token.Key);
            if (field is not null && i + 1 < tokens.Count && !IsWordOfAHeader(tokens[i + 1].Key) && !_taken.Contains(i + 1))
            {
                rows.Add(Row([token, tokens[i + 1]]));
                i += 2;
                continue;
            }
            rows.Add(Row([token]));
            i++;
        }
        return rows;
    }

    /// <summary>Label of the block ("项目资金(万元)") when it stands right before the header, then the header and its rows.</summary>
    private int Funds(List<Token> tokens, int at, int headerLength, List<SourceRow> rows, int blockEnd)
    {
        var header = tokens.GetRange(at, headerLength);
        var label = rows.Count > 0 && rows[^1].NonEmptyCount == 1 && IsBlockLabel(rows[^1].Text[rows[^1].FirstNonEmpty]) ? rows[^1] : null;
        if (label is not null) rows.RemoveAt(rows.Count - 1);
        var first = label is null ? new Token("", "", header[0].Source) : new Token(label.Text[label.FirstNonEmpty], label.Keys[label.FirstNonEmpty], label.Source);
        rows.Add(Row([first, .. header]));
        var columns = header.Select(t => words.FundsColumnOf(t.Key).Column).ToArray();
        var i = at + headerLength;
        var unlabelled = FiguresBeforeLabels(tokens, ref i, columns);
        var before = unlabelled.Count > 0 ? WordsBeforeTheHeader(tokens, at, columns) : null;
        if (before?.Column is { } moved)
        {
            // A money column's word with its one figure standing before the header: that column, first in template order.
            rows[^1] = Row([first, moved.Word, .. header]);
            columns = [moved.Column, .. columns];
            for (var r = 0; r < unlabelled.Count; r++)
            {
                Token?[] widened = [r == 0 ? moved.Figure : null, .. unlabelled[r]];
                var doubted = _doubtedCells.Remove(unlabelled[r], out var cells) ? cells : [];
                _doubtedCells[widened] = r == 0 ? [.. doubted, FormBuilder.FundsCell(moved.Column)] : doubted;
                unlabelled[r] = widened;
            }
        }
        var labelled = new List<SourceRow>();
        while (i < tokens.Count && IsFundsLabel(tokens, i))
        {
            // After rows printed before their labels, a label with no figures is one of theirs.
            if (unlabelled.Count > 0 && (i + 1 >= tokens.Count || !IsFigure(tokens[i + 1].Text))) break;
            var row = new List<Token> { tokens[i++] };
            while (i < tokens.Count && row.Count <= headerLength && IsFigureOrPoints(tokens[i].Text)) row.Add(tokens[i++]);
            labelled.Add(Row(row));
        }
        if (unlabelled.Count > 0)
        {
            var end = Math.Min(blockEnd, NextBlock(tokens, i));
            if (LabelsAfter(tokens, i, end, unlabelled, columns, before?.Total) is { } placed) rows.AddRange(placed);
            else if (TotalByArithmetic(tokens, i, end, unlabelled, columns) is { } total) rows.Add(total);
            else i = at + headerLength;  // Not placeable: the figures are left to the ordinary reading, as before.
        }
        if (unlabelled.Count == 0 || i > at + headerLength) rows.AddRange(labelled);
        return i;
    }

    /// <summary>
    /// Figures right under a funds header, before any row label (PDF text that put a table's labels after its figures):
    /// cut into rows by the columns each figure can fill in header order (amounts, then a weight up to 100, a rate with
    /// '%', a score), a new row where the next figure fits no column left. The first row must fill every amount column;
    /// a later one with fewer amounts is a sub-row read in doubt (<see cref="ShortSubRow"/>).
    /// </summary>
    private List<Token?[]> FiguresBeforeLabels(List<Token> tokens, ref int i, FundsColumn[] columns)
    {
        _doubtedCells.Clear();
        var rows = new List<Token?[]>();
        var start = i;
        while (i < tokens.Count && IsFigure(tokens[i].Text))
        {
            var row = new Token?[columns.Length];
            var c = 0;
            while (i < tokens.Count && IsFigure(tokens[i].Text))
            {
                var next = c;
                while (next < columns.Length && !Fits(columns[next], tokens[i].Text)) next++;
                if (next >= columns.Length) break;
                row[next] = tokens[i++];
                c = next + 1;
            }
            var amounts = columns.Select((col, k) => (col, k)).Where(x => x.col is FundsColumn.InitialBudget or FundsColumn.Budget or FundsColumn.Executed).ToList();
            if (rows.Count > 0 && c > 0 && amounts.Count > 0 && ShortSubRow(row, [.. amounts.Select(x => x.k)], columns))
            {
                rows.Add(row);
                continue;
            }
            if (c == 0 || amounts.Count == 0 || amounts.Any(x => row[x.k] is null || !TextNorm.TryAmount(row[x.k]!.Text, out _)))
            {
                i = start;
                _doubtedCells.Clear();
                return [];
            }
            NoRateOverNothing(row, columns);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A figure ending in a percent sign, full width folded.</summary>
    private static bool IsPercent(string text)
    {
        var t = TextNorm.Compatible(text.Trim());
        return t.Length > 0 && t[^1] == '%';
    }

    private static bool Fits(FundsColumn column, string text)
    {
        var percent = IsPercent(text);
        var amount = TextNorm.TryAmount(text, out var value);
        return column switch
        {
            FundsColumn.Rate => percent,
            FundsColumn.Weight or FundsColumn.Score => TextNorm.IsPlaceholder(text) || (amount && value is >= 0m and <= 100m),
            FundsColumn.None or FundsColumn.Extra => false,
            _ => amount,
        };
    }

    /// <summary>
    /// The labels of rows read before them: the funds row words between the funds rows and the next block, in order, one
    /// for each row; the first row (the one with a weight and a score) takes a total word. A row left without its 执行率
    /// takes the one percentage standing alone in that span (the only cell of its kind left). Null when the words are
    /// not exactly as many as the rows: nothing is guessed.
    /// </summary>
    private List<SourceRow>? LabelsAfter(List<Token> tokens, int from, int to, List<Token?[]> rows, FundsColumn[] columns, int? totalBefore)
    {
        var labels = new List<int>();
        var percents = new List<int>();
        for (var k = from; k < to && k < tokens.Count; k++)
        {
            var key = tokens[k].Key;
            if (IsFigure(tokens[k].Text))
            {
                if (IsPercent(tokens[k].Text)) percents.Add(k);
                continue;
            }
            if (key.Length <= 30 && words.FundsRowOf(key) is not null && words.MoneyUnitOf(key) is null) labels.Add(k);
        }
        if (!LabelsWithTheTotalBefore(labels, rows, totalBefore, tokens)
            && (labels.Count != rows.Count || !words.IsFundsRow("totalFunds", tokens[labels[0]].Key))) return null;
        var weight = Array.IndexOf(columns, FundsColumn.Weight);
        var score = Array.IndexOf(columns, FundsColumn.Score);
        if (weight >= 0 && score >= 0 && (rows[0][weight] is null || rows[0][score] is null)) return null;
        var rate = Array.IndexOf(columns, FundsColumn.Rate);
        if (rate >= 0 && rows[0][rate] is null && rows.Skip(1).All(r => r[rate] is null) && percents.Count == 1)
        {
            rows[0][rate] = tokens[percents[0]];
            _taken.Add(percents[0]);
        }
        var built = new List<SourceRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var name = tokens[labels[r]];
            _taken.Add(labels[r]);
            var made = Row([name, .. rows[r].Select(t => t ?? new Token("", "", name.Source))]);
            if (_doubtedCells.TryGetValue(rows[r], out var doubted)) made.Uncertain = doubted;
            built.Add(made);
        }
        return built;
    }

    /// <summary>Where the next block (indicator header, funds header, another form's title, a note) starts.</summary>
    private int NextBlock(List<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Count; k++)
            if (IndicatorHeaderLength(tokens, k) > 0 || FundsHeaderLength(tokens, k) > 0 || words.TitleKind(tokens[k].Key) is not null || words.IsNote(tokens[k].Key))
                return k;
        return tokens.Count;
    }

    private bool IsBlockLabel(string text)
    {
        // "项目资金(万元)": the label over a funds header names its money unit or a funds row word.
        var key = TextNorm.Key(text);
        return key.Length <= 16 && !TextNorm.IsAmount(text) && (words.MoneyUnitOf(key) is not null || words.FundsRowOf(key) is not null);
    }

    /// <summary>
    /// A two-row header flattened: the second row's words (年度指标值 实际完成值) follow the first's, one of which is their
    /// parent (绩效指标值, read as the role one of them has). The parent's place takes them, in their order.
    /// </summary>
    private static void SplitParentHeader(ref List<Token> header, ref IndicatorColumn[] roles)
    {
        // The shortest run of two or more value words at the end whose role only the parent has before it.
        if (roles.Length < 3 || !IndicatorLayout.IsRightPart(roles[^1]) || roles[^1] == IndicatorColumn.Extra) return;
        for (var k = roles.Length - 2; k > 0; k--)
        {
            var sub = roles[k..];
            if (!IndicatorLayout.IsRightPart(roles[k]) || roles[k] == IndicatorColumn.Extra || Array.IndexOf(sub, roles[k], 1) >= 0) return;
            var before = roles[..k];
            var parent = Array.FindIndex(before, sub.Contains);
            if (parent < 0 || Array.FindIndex(before, parent + 1, sub.Contains) >= 0) continue;
            header = [.. header.Take(parent), .. header.Skip(k), .. header.Skip(parent + 1).Take(k - parent - 1)];
            roles = [.. roles.Take(parent), .. sub, .. roles.Skip(parent + 1).Take(k - parent - 1)];
            return;
        }
    }

    /// <summary>A funds row's label: words that are neither a figure nor the start of another block.</summary>
    private bool IsFundsLabel(List<Token> tokens, int i)
    {
        var token = tokens[i];
        if (IsFigure(token.Text) || token.Key.Length > 30) return false;
        if (words.IsGoalLabel(token.Key) || words.IsTotalLabel(token.Key) || words.FieldOf(token.Key) is not null) return false;
        if (IndicatorHeaderLength(tokens, i) > 0 || words.IndicatorColumnOf(token.Key).Column != IndicatorColumn.None || words.IsBlockLabel(token.Key)) return false;
        return true;
    }

    /// <summary>A figure, or points with their unit in the cell ("10分", as funds, indicator and total rows print them).</summary>
    private bool IsFigureOrPoints(string text) => IsFigure(text) || words.TryScore(text, out _);

    private static bool IsFigure(string text)
    {
        var t = text.Trim();
        if (TextNorm.IsPlaceholder(t) || TextNorm.TryAmount(t, out _) || Vocabulary.TryAmountWithUnit(t, out _, out _)) return true;
        return TextNorm.IsRate(t);
    }

    /// <summary>年度总体目标 with its 预期目标 / 实际完成情况 headers, then the two texts.</summary>
    private int Goals(List<Token> tokens, int at, List<SourceRow> rows, int stop)
    {
        var i = at + 1;
        var headers = new List<Token>();
        while (i < tokens.Count && headers.Count < 2 && tokens[i].Key.Length <= 12 && words.IsGoalHeader(tokens[i].Key)) headers.Add(tokens[i++]);
        rows.Add(Row([tokens[at], .. headers]));
        var texts = new List<Token>();
        // A figure a funds row took out of its place (its 执行率 standing after the goal label) is no part of the goal.
        for (; i < stop && !StartsBlock(tokens, i); i++)
            if (!_taken.Contains(i)) texts.Add(tokens[i]);
        if (texts.Count == 0) return i;
        // Two texts under two headers; a text broken by spaces is rejoined, split where a rule of dots separates them.
        var split = texts.FindIndex(t => t.Text.Trim('.', '。', '…', ' ').Length == 0);
        List<Token> parts = headers.Count < 2 || texts.Count == 1 ? [Joined(texts)]
            : split > 0 ? [Joined(texts[..split]), Joined(texts[(split + 1)..].Where(t => t.Text.Trim('.', '。', '…', ' ').Length > 0).ToList())]
            : [Joined(texts[..^1]), texts[^1]];
        rows.Add(Row([new Token("", "", texts[0].Source), .. parts]));
        return i;
    }

    private static Token Joined(List<Token> tokens) =>
        tokens.Count == 0 ? new Token("", "", null) : new Token(string.Join("", tokens.Select(t => t.Text)), "", tokens[0].Source);

    private bool StartsBlock(List<Token> tokens, int i) =>
        IndicatorHeaderLength(tokens, i) > 0 || FundsHeaderLength(tokens, i) > 0 || words.IsBlockLabel(tokens[i].Key)
        || words.IsTotalLabel(tokens[i].Key);

    /// <summary>
    /// The indicator header, then rows cut by what the columns hold: tree words (一级, 二级) where they appear, a name,
    /// one token for each value column, numbers for the weight and the score where the row has them (其中 sub-rows do
    /// not), and an explanation only when the token after it could not start a row itself.
    /// </summary>
    private int Indicators(List<Token> tokens, int at, int headerLength, List<SourceRow> rows)
    {
        var header = tokens.GetRange(at, headerLength);
        var roles = header.Select(t => words.IndicatorColumnOf(t.Key).Column).ToArray();
        SplitParentHeader(ref header, ref roles);
        // A header printed on two lines, the tree columns split under a cell spanning them (基本指标 over 一级 / 二级 /
        // 三级指标), comes out as the first line's words and then the tree words: the tree stands left of the values in
        // every layout, so it goes first.
        var firstTree = Array.FindIndex(roles, IsTreeColumn);
        if (firstTree > 0 && roles[firstTree..].All(IsTreeColumn))
        {
            header = [.. header[firstTree..], .. header[..firstTree]];
            roles = [.. roles[firstTree..], .. roles[..firstTree]];
        }
        _valueTypes = [.. header.Select(t => words.IndicatorColumnOf(t.Key).Role?.Type)];
        var headerRoles = header.Select(t => words.IndicatorColumnOf(t.Key).Role).ToArray();
        // A column of points the model keeps in Extra (复核分, a reviewer's 考评) holds figures only: where a blank rubric
        // prints none, the next row's words are not its value.
        _figuresOnly = [.. headerRoles.Select((r, c) => roles[c] == IndicatorColumn.Extra && r?.Type is RoleType.Score or RoleType.Weight or RoleType.Number)];
        // A scoring standard beside the name: a short word between the name and that sentence is the name wrapped on.
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        var afterName = nameColumn < 0 ? -1 : Array.FindIndex(roles, nameColumn + 1, r => r is not (IndicatorColumn.Weight or IndicatorColumn.Score));
        _standardColumn = afterName > 0 && headerRoles[afterName]?.Id == ScoringStandard ? afterName : -1;
        try
        {
            return Indicators(tokens, at + headerLength, header, roles, rows);
        }
        finally
        {
            _figuresOnly = null;
            _standardColumn = -1;
            _valueTypes = [];
        }
    }

    private const string ScoringStandard = "scoringStandard";

    private static bool IsTreeColumn(IndicatorColumn c) => c is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name;

    /// <summary>Columns of the indicator header being read that take figures only (null outside one).</summary>
    private bool[]? _figuresOnly;

    /// <summary>The scoring standard's column when it stands right after the name (the numbers aside), or -1.</summary>
    private int _standardColumn = -1;

    /// <summary>Set by <see cref="ParseRow"/> when it took a second short word into the name (a name wrapped over lines).</summary>
    private bool _wrappedName;

    private int Indicators(List<Token> tokens, int i, List<Token> header, IndicatorColumn[] roles, List<SourceRow> rows)
    {
        var label = rows.Count > 0 && rows[^1].NonEmptyCount == 1 && words.IsBlockLabel(rows[^1].Keys[rows[^1].FirstNonEmpty]) ? rows[^1] : null;
        if (label is not null) rows.RemoveAt(rows.Count - 1);
        // A header with values but no weight or score column, and a bare number where that header would stand (the
        // section's points, "50"): each row then ends in one unlabelled number. It is read as both the weight and the
        // score, each in doubt — at full marks the two are one figure, otherwise it could be either.
        var unlabelled = i < tokens.Count && Array.IndexOf(roles, IndicatorColumn.Target) >= 0
                         && !roles.Any(r => r is IndicatorColumn.Weight or IndicatorColumn.Score or IndicatorColumn.Level1Weight)
                         && IsPoints(tokens[i].Text);
        if (unlabelled)
        {
            var points = tokens[i++];
            roles = [.. roles, IndicatorColumn.Weight, IndicatorColumn.Score];
            header = [.. header, .. new[] { "weight", "score" }.Select(id => words.Lexicon.Role("indicators", id)?.Header ?? id)
                .Select(h => new Token(h, TextNorm.Key(h), points.Source))];
        }
        rows.Add(Row([label is null ? new Token("", "", header[0].Source) : new Token(label.Text[label.FirstNonEmpty], label.Keys[label.FirstNonEmpty], label.Source), .. header]));
        var weightColumn = Array.IndexOf(roles, IndicatorColumn.Weight);
        var scoreColumn = Array.IndexOf(roles, IndicatorColumn.Score);
        while (i < tokens.Count)
        {
            if (words.IsTotalLabel(tokens[i].Key))
            {
                var total = new List<Token> { tokens[i++] };
                while (i < tokens.Count && total.Count < 3 && IsFigureOrPoints(tokens[i].Text)) total.Add(tokens[i++]);
                rows.Add(TotalRow(total, roles));
                continue;
            }
            if (words.IsNote(tokens[i].Key) || words.TitleKind(tokens[i].Key) is not null || FundsHeaderLength(tokens, i) > 0) break;
            if (NamesAheadOfValues(tokens, i, roles, rows) is var ahead && ahead > i)
            {
                i = ahead;
                continue;
            }
            _wrappedName = false;
            _repeatedName = false;
            var next = ParseRow(tokens, i, roles, out var cells);
            if (next <= i) break;
            var row = Row([new Token("", "", tokens[i].Source), .. cells]);
            if (_wrappedName)
            {
                // One name wrapped over two lines, or two items sharing the merged standard cell: not to be told apart.
                row.Uncertain = [CellRole.Name];
                row.UncertainAssumed = cells[Array.IndexOf(roles, IndicatorColumn.Name)].Text.Replace("\n", "", StringComparison.Ordinal);
            }
            if (_repeatedName)
            {
                row.Uncertain = [CellRole.Actual];
                row.UncertainAssumed = cells[Array.IndexOf(roles, IndicatorColumn.Actual)].Text;
            }
            if (unlabelled && cells[weightColumn].Text.Length > 0)
            {
                row = Row([new Token("", "", tokens[i].Source), .. cells[..scoreColumn], cells[weightColumn], .. cells[(scoreColumn + 1)..]]);
                row.Uncertain = [CellRole.Weight, CellRole.Score];
                row.UncertainReason = DoubtReason.AmbiguousNumber;
                row.UncertainAssumed = cells[weightColumn].Text;
            }
            // The stream ends inside this row, in a text cell before its 指标值: the excerpt was cut in the row.
            var target = Array.IndexOf(roles, IndicatorColumn.Target);
            if (next >= tokens.Count && target > 0 && cells[target].Text.Length == 0 && Array.FindLastIndex(cells, t => t.Text.Length > 0) is var last
                && last >= 0 && last < target && roles[last] is IndicatorColumn.Content)
            {
                row.Uncertain = [CellRole.Target];
                row.UncertainReason = DoubtReason.CutOff;
            }
            rows.Add(row);
            i = next;
        }
        return i;
    }

    /// <summary>
    /// A rubric (评价内容 / 分值 / 自评分 / 评价标准) whose PDF text lost its order: the scoring standards' clauses and the
    /// groups' headings ("项目管理 13 分") stand between and around the items. An item is still a short name followed by
    /// its points and its score (a score no higher than the points), with a group heading at most between them. Items
    /// are read in the order printed up to the next header's tree word, without their group. Returns where the items
    /// end, or 0 when fewer than two items are found (nothing is read then).
    /// </summary>
    private int RubricItems(List<Token> tokens, int at, int headerLength, List<SourceRow> rows)
    {
        var roles = tokens.GetRange(at, headerLength).Select(t => words.IndicatorColumnOf(t.Key).Column).ToArray();
        if (Array.IndexOf(roles, IndicatorColumn.Weight) < 0 || roles.Count(IsTreeColumn) != 1) return 0;
        var items = new List<(Token Name, Token Weight, Token Score)>();
        var i = at + headerLength;
        for (; i < tokens.Count; i++)
        {
            if (words.TitleKind(tokens[i].Key) is not null || IndicatorHeaderLength(tokens, i) > 0 || FundsHeaderLength(tokens, i) > 0
                || words.IndicatorColumnOf(tokens[i].Key).Column is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name) break;
            if (IsGroupHeading(tokens, i))
            {
                i += 2;
                continue;
            }
            if (!IsItemName(tokens[i].Key)) continue;
            var k = i + 1;
            if (IsGroupHeading(tokens, k)) k += 3;
            if (k + 1 >= tokens.Count || !TextNorm.TryAmount(tokens[k].Text, out var weight) || !TextNorm.TryAmount(tokens[k + 1].Text, out var score)
                || IsPercent(tokens[k].Text) || IsPercent(tokens[k + 1].Text) || weight is <= 0m or > 100m || score < 0m || score > weight) continue;
            items.Add((tokens[i], tokens[k], tokens[k + 1]));
            i = k + 1;
        }
        if (items.Count < 2) return 0;
        // The group each item belongs to is not certain (a heading may stand after its first items): it is left out.
        var source = tokens[at].Source;
        var headers = new[] { "name", "weight", "score" }.Select(id => words.Lexicon.Role("indicators", id)?.Header ?? id);
        rows.Add(Row([new Token("", "", source), .. headers.Select(h => new Token(h, TextNorm.Key(h), source))]));
        foreach (var (name, weight, score) in items) rows.Add(Row([new Token("", "", name.Source), name, weight, score]));
        return i;
    }

    /// <summary>A group's heading with its points: a short word, a whole number, then "分" on its own.</summary>
    private bool IsGroupHeading(List<Token> tokens, int i) =>
        i + 2 < tokens.Count && IsItemName(tokens[i].Key) && IsPoints(tokens[i + 1].Text) && tokens[i + 2].Key == "分";

    /// <summary>
    /// The last line of a group's heading wrapped in its cell: a short piece of words, its points, then "分" on its own
    /// ("标 12 分" of 质量指标 12 分). Points followed by 分 are a heading's, never an item's weight or score.
    /// </summary>
    private bool IsHeadingPoints(List<Token> tokens, int i) =>
        i + 2 < tokens.Count && tokens[i].Key.Length is > 0 and <= 10 && !IsFigure(tokens[i].Text) && IsPoints(tokens[i + 1].Text)
        && words.Lexicon.ScoreUnits.Contains(tokens[i + 2].Key);

    /// <summary>An item's name in a rubric: a short word without figures or the punctuation of a standard's clauses.</summary>
    private bool IsItemName(string key) =>
        key.Length is >= 2 and <= 10 && !key.Any(char.IsAsciiDigit) && key.IndexOfAny([',', '，', ';', '。', '、', ':', '：', '(', ')', '%']) < 0
        && !IsWordOfAHeader(key) && !key.EndsWith('分');

    /// <summary>A section's points: a bare whole number up to 100.</summary>
    private static bool IsPoints(string text) =>
        TextNorm.TryAmount(text, out var value) && value is > 0m and <= 100m && value == decimal.Truncate(value) && !IsPercent(text);

    /// <summary>
    /// Rows under a scattered header: the header as the template prints it, marked uncertain (the form's doubt says the
    /// column order was assumed), then rows cut from the tokens after the last header word; tokens no row can start
    /// with are passed over, as the text around the header words was.
    /// </summary>
    private int ScatteredRows(List<Token> tokens, Scattered header, List<SourceRow> rows)
    {
        var source = tokens[header.First].Source;
        var head = Row([new Token("", "", source), .. header.Headers.Select(h => new Token(h, TextNorm.Key(h), source))]);
        head.Uncertain = [CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score];
        rows.Add(head);
        var i = SplitColumnRows(tokens, header, rows);
        if (i == header.Start) i = ValuesBeforeNames(tokens, header, rows);
        while (i < tokens.Count)
        {
            if (words.IsTotalLabel(tokens[i].Key))
            {
                var total = new List<Token> { tokens[i++] };
                while (i < tokens.Count && total.Count < 3 && IsFigureOrPoints(tokens[i].Text)) total.Add(tokens[i++]);
                rows.Add(TotalRow(total, header.Roles));
                continue;
            }
            if (words.IsNote(tokens[i].Key) || words.TitleKind(tokens[i].Key) is not null) break;
            // A value left over from rows the lost order scattered starts no row.
            var cells = Array.Empty<Token>();
            // A target written with its comparator (≥85%) is a value too, never a row's name.
            var value = IsValue(tokens[i]) || (tokens[i].Key.Length > 0 && char.IsAsciiDigit(tokens[i].Key[0]));
            // A heading's points ("数量指 | 标 | 15 | 分": the last line of a wrapped group cell) are the group's, no item's.
            if (!value && IsHeadingPoints(tokens, i))
            {
                i += 3;
                continue;
            }
            if (!value && NamesAheadOfValues(tokens, i, header.Roles, rows) is var ahead && ahead > i)
            {
                i = ahead;
                continue;
            }
            // One character is a piece of a cell a line break wrapped (the "公" of 公里), never an indicator's name.
            var next = value || tokens[i].Key.Length < 2 ? i : ParseRow(tokens, i, header.Roles, out cells);
            if (next <= i)
            {
                i++;
                continue;
            }
            rows.Add(Row([new Token("", "", tokens[i].Source), .. cells]));
            i = next;
        }
        return i;
    }

    /// <summary>
    /// The first rows of a scattered block flattened column group by column group: their left cells (a name, a target)
    /// stand among the header words, their right cells (actual, weight, score — the columns after the target) right
    /// after the last header word, before the first row that is whole ("指标1:… 500人 指标2:… … 分值 得分 480人 3 3
    /// 6场 1 1 …"). When the targets on the left and the groups on the right are as many, they are paired in order. The
    /// rows up to the first irregular left part (a name with one target each, the actual in the target's unit) are read
    /// as they stand; from there on the pairing is by order only and each row is marked uncertain. Returns where the
    /// ordinary rows start (the token after the groups), or the block's start when nothing was paired.
    /// </summary>
    private int SplitColumnRows(List<Token> tokens, Scattered header, List<SourceRow> rows)
    {
        var roles = header.Roles;
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        var targetColumn = Array.IndexOf(roles, IndicatorColumn.Target);
        if (nameColumn < 0 || targetColumn < 0) return header.Start;
        var right = Enumerable.Range(targetColumn + 1, roles.Length - targetColumn - 1).ToArray();
        if (right.Length == 0 || right.Any(c => roles[c] is not (IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score))) return header.Start;

        // The right groups: one token per right column, numbers where the column holds a weight or a score.
        var groups = new List<Token[]>();
        var i = header.Start;
        while (i + right.Length <= tokens.Count)
        {
            var group = tokens.GetRange(i, right.Length).ToArray();
            var fits = true;
            for (var k = 0; k < right.Length && fits; k++)
                fits = roles[right[k]] is IndicatorColumn.Weight or IndicatorColumn.Score ? TextNorm.TryAmount(group[k].Text, out _) : IsValue(group[k]);
            if (!fits) break;
            groups.Add(group);
            i += right.Length;
        }
        if (groups.Count == 0) return header.Start;

        // The left parts among the header words: a name and the targets after it, from the first name a value follows.
        var left = JoinUnits(tokens.GetRange(header.First, header.Start - header.First)
            .Where(t => !IsScatteredHeaderWord(t) && !IsKnownTreeWord(t) && !TextNorm.IsPlaceholder(t.Text)).ToList());
        var start = left.FindIndex(t => !IsValue(t));
        while (start >= 0 && (start + 1 >= left.Count || !IsValue(left[start + 1])))
            start = left.FindIndex(start + 1, t => !IsValue(t));
        if (start < 0) return header.Start;
        var paired = new List<(Token? Name, Token Target, bool Regular)>();
        var leftover = new List<Token>();
        Token? name = null;
        var regular = true;
        for (var k = start; k < left.Count; k++)
        {
            if (!IsValue(left[k]))
            {
                if (name is not null) leftover.Add(name);
                name = left[k];
                continue;
            }
            // A second target after a name, or a target with no name before it: the order of the cells is lost here.
            if (name is null) regular = false;
            paired.Add((name, left[k], regular && (k + 1 >= left.Count || !IsValue(left[k + 1]))));
            if (k + 1 < left.Count && IsValue(left[k + 1])) regular = false;
            name = null;
        }
        if (name is not null) leftover.Add(name);
        if (paired.Count != groups.Count) return header.Start;

        // Names left without a target belong to the last rows without a name, in order (the cells of a taller name cell
        // come out after the rows it spans).
        var names = paired.Select(p => p.Name).ToArray();
        var unnamed = Enumerable.Range(0, names.Length).Where(k => names[k] is null).ToList();
        var m = Math.Min(leftover.Count, unnamed.Count);
        for (var k = 0; k < m; k++) names[unnamed[unnamed.Count - m + k]] = leftover[leftover.Count - m + k];

        var sure = true;
        for (var r = 0; r < paired.Count; r++)
        {
            var source = paired[r].Target.Source;
            var cells = new Token[roles.Length];
            Array.Fill(cells, new Token("", "", source));
            if (names[r] is { } n) cells[nameColumn] = n;
            cells[targetColumn] = paired[r].Target;
            for (var k = 0; k < right.Length; k++) cells[right[k]] = groups[r][k];
            var actual = Array.IndexOf(roles, IndicatorColumn.Actual);
            sure = sure && paired[r].Regular && names[r] is not null && (actual < 0 || SameUnit(paired[r].Target.Text, cells[actual].Text));
            var row = Row([new Token("", "", source), .. cells]);
            if (!sure) row.Uncertain = [CellRole.Name, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score];
            rows.Add(row);
        }
        return i;
    }

    private bool IsScatteredHeaderWord(Token token) =>
        token.Key.Length <= ScatteredWordLength && words.IndicatorColumnOf(token.Key).Column is not (IndicatorColumn.None or IndicatorColumn.Label);

    /// <summary>A figure or a quantity ("500人", "不少于3场"); a name with a number in it ("指标1:…") is not one.</summary>
    private static bool IsValue(Token token) => IsFigure(token.Text) || Jixiao.Core.Notation.IndicatorValue.Parse(token.Text).IsQuantitative;

    /// <summary>A measure unit a line break cut from its number ("不少于3" "场") joins it when together they read as that quantity.</summary>
    private static List<Token> JoinUnits(List<Token> tokens)
    {
        var joined = new List<Token>(tokens.Count);
        foreach (var t in tokens)
        {
            if (joined.Count > 0 && t.Key.Length is > 0 and <= 2 && !IsValueLike(t.Key) && joined[^1].Key.Length > 0 && char.IsAsciiDigit(joined[^1].Key[^1])
                && Jixiao.Core.Notation.IndicatorValue.Parse(joined[^1].Text + t.Text) is { Kind: Jixiao.Core.Notation.ValueKind.Quantity } value && value.Unit == t.Key)
            {
                var text = joined[^1].Text + t.Text;
                joined[^1] = joined[^1] with { Text = text, Key = TextNorm.Key(text) };
                continue;
            }
            joined.Add(t);
        }
        return joined;
    }

    /// <summary>A target and an actual in the same measure unit (both without one counts as the same).</summary>
    private static bool SameUnit(string target, string actual) =>
        Jixiao.Core.Notation.IndicatorValue.Parse(target).Unit == Jixiao.Core.Notation.IndicatorValue.Parse(actual).Unit;

    private SourceRow TotalRow(List<Token> total, IndicatorColumn[] roles)
    {
        // 总分 | 分值合计 | 得分合计 under the weight and score columns; a single figure is the score.
        var cells = new Token[roles.Length + 1];
        var empty = new Token("", "", total[0].Source);
        Array.Fill(cells, empty);
        cells[1] = total[0];
        var weight = Array.IndexOf(roles, IndicatorColumn.Weight);
        var score = Array.IndexOf(roles, IndicatorColumn.Score);
        if (total.Count == 3 && weight >= 0 && score >= 0)
        {
            cells[weight + 1] = total[1];
            cells[score + 1] = total[2];
        }
        else if (total.Count >= 2 && score >= 0) cells[score + 1] = total[^1];
        return Row(cells);
    }

    private int ParseRow(List<Token> tokens, int at, IndicatorColumn[] roles, out Token[] cells)
    {
        var empty = new Token("", "", tokens[at].Source);
        cells = new Token[roles.Length];
        Array.Fill(cells, empty);
        var i = at;
        var c = 0;
        var named = false;
        // A two-level tree with no 三级 column (一级 | 二级 | 分值 …) names each indicator in its 二级 cell.
        var level2Names = Array.IndexOf(roles, IndicatorColumn.Name) < 0;
        for (; c < roles.Length && roles[c] is IndicatorColumn.Level1 or IndicatorColumn.Level1Weight or IndicatorColumn.Level2; c++)
        {
            if (i >= tokens.Count) return at;
            var key = TextNorm.Key(words.SplitWeight(tokens[i].Text).Name);
            // Short words ending in 指标 or 管理 name levels (数量指标, 预算管理); a long one is prose that ends the same way.
            var word = words.IsKnownTreeWord(key) || key.Length <= 8 ? words.Classify(key) : TreeWord.Text;
            // 成本指标 is a 一级 word in 2021+ trees and a 二级 word in 2020's: it heads a 一级 block only when a 二级
            // word follows it.
            var either = word == TreeWord.Either && roles[c] == IndicatorColumn.Level1 && Array.IndexOf(roles, IndicatorColumn.Level2) > c
                         && !(i + 1 < tokens.Count && words.Classify(TextNorm.Key(words.SplitWeight(tokens[i + 1].Text).Name)) == TreeWord.Level2);
            var fits = roles[c] switch
            {
                IndicatorColumn.Level1 => word is TreeWord.Level1 || (word is TreeWord.Either && !either) || WeightedSection(tokens, i, roles, c),
                IndicatorColumn.Level2 => word is TreeWord.Level2 or TreeWord.Either || WeightedHeading(tokens, i, roles, c),
                _ => false,
            };
            if (fits) cells[c] = tokens[i++];
            else if (level2Names && roles[c] == IndicatorColumn.Level2 && word == TreeWord.Text && !IsFigure(tokens[i].Text) && !Ends(tokens, i))
            {
                cells[c] = tokens[i++];
                named = true;
            }
        }
        for (; c < roles.Length; c++)
        {
            if (i >= tokens.Count) break;
            var token = tokens[i];
            if (Ends(tokens, i)) break;
            switch (roles[c])
            {
                case IndicatorColumn.Weight or IndicatorColumn.Score:
                    if (words.TryScore(token.Text, out _) || TextNorm.IsPlaceholder(token.Text)) { cells[c] = token; i++; }
                    break;
                case IndicatorColumn.Name:
                    // A dash where a weighted 二级 would have its 三级: that 二级 is scored as it stands.
                    if (TextNorm.IsPlaceholder(token.Text) && !named && c > 0 && roles[c - 1] == IndicatorColumn.Level2 && cells[c - 1].Text.Length > 0
                        && words.SplitWeight(cells[c - 1].Text).Weight is not null)
                    {
                        cells[c] = token;
                        named = true;
                        i++;
                        break;
                    }
                    if (IsFigure(token.Text)) return at;
                    if (!named && IsTemplateRowBefore(cells, roles, c, token, TreeWord.Level1) && i > at)
                        // A 一级 where the name belongs: the tree cells before it were template rows left empty.
                        return ParseRow(tokens, i, roles, out cells);
                    if (!named && IsTemplateRowBefore(cells, roles, c, token, TreeWord.Level2))
                    {
                        // A 二级 of the tree where the name belongs: the 二级 before it was a template row left empty
                        // (经济效益指标 with nothing under it); this 二级 takes its place and the name follows.
                        cells[Array.IndexOf(roles, IndicatorColumn.Level2)] = token;
                        i++;
                        c--;
                        break;
                    }
                    cells[c] = token;
                    named = true;
                    i++;
                    if (_standardColumn > c && IsWrappedName(tokens, i))
                    {
                        cells[c] = token with { Text = token.Text + "\n" + tokens[i].Text, Key = token.Key + tokens[i].Key };
                        _wrappedName = true;
                        i++;
                    }
                    break;
                case IndicatorColumn.Explanation or IndicatorColumn.Improvement or IndicatorColumn.Remark:
                    // A template's placeholder (……, 指标2) is a row of its own, ending where the next row starts.
                    if (words.IsPlaceholderName(token.Text) || CanStartRow(tokens, i, roles)) return Finish(named, i, at);
                    cells[c] = token;
                    i++;
                    break;
                case IndicatorColumn.Extra when _figuresOnly is { } figures && c < figures.Length && figures[c]:
                    if (IsFigure(token.Text)) { cells[c] = token; i++; }
                    break;
                default:
                    // A value column (target, actual, content …): a tree word there means this row ended early.
                    if (IsKnownTreeWord(token)) return Finish(named, i, at);
                    if (RepeatsTheName(tokens, i, cells, roles, c))
                    {
                        token = tokens[++i];
                        _repeatedName = true;
                    }
                    // A comparator or a measure unit in a column of its own: a qualitative row (按期完工) leaves both blank,
                    // and its words go on to the target and the actual.
                    if (!FitsOwnColumn(tokens, i, cells, roles, c)) break;
                    cells[c] = token;
                    i++;
                    break;
            }
        }
        return Finish(named, i, at);
    }

    private static int Finish(bool named, int i, int at) => named ? i : at;

    private bool _repeatedName;

    /// <summary>
    /// The row's name printed again where its actual begins (the 全年完成值 cell holding the name and the figure), a value
    /// following it: the value is the actual, read in doubt, and the repeated name is no cell.
    /// </summary>
    private bool RepeatsTheName(List<Token> tokens, int i, Token[] cells, IndicatorColumn[] roles, int c)
    {
        if (roles[c] != IndicatorColumn.Actual || i + 1 >= tokens.Count) return false;
        var name = Array.IndexOf(roles, IndicatorColumn.Name);
        var target = Array.IndexOf(roles, IndicatorColumn.Target);
        if (name < 0 || target < 0 || cells[name].Key.Length == 0 || cells[target].Key.Length == 0 || tokens[i].Key != cells[name].Key) return false;
        var next = tokens[i + 1];
        return next.Key != cells[name].Key && !IsKnownTreeWord(next) && !Ends(tokens, i + 1) && IsValue(next);
    }

    private bool FitsOwnColumn(List<Token> tokens, int i, Token[] cells, IndicatorColumn[] roles, int c)
    {
        if (_valueTypes.Length != roles.Length) return true;
        var text = tokens[i].Text.Trim();
        switch (_valueTypes[c])
        {
            case Jixiao.Core.Templates.RoleType.Tick:
                // A yes/no column (是否核心指标) takes its mark only — a tick, a box, a dash or one other character (the
                // "no" mark) — and a row without one leaves the cell blank: its target is never taken for the mark.
                return words.IsTick(text) || words.Lexicon.Boxes.Contains(text) || TextNorm.IsPlaceholder(text) || text.Length == 1 && !IsFigure(text);
            case Jixiao.Core.Templates.RoleType.Comparator:
                return text.Length is > 0 and <= 2 && text.All(ch => "≥≧>=═≤≦<＞＜＝⩾⩽".Contains(ch, StringComparison.Ordinal));
            case Jixiao.Core.Templates.RoleType.MeasureUnit:
                if (IsFigure(text) || IsValueLike(text) || tokens[i].Key.Length > 5) return false;
                // A unit follows a number: the target before it, or (a unit printed before the target) the figure after it.
                var target = Array.IndexOf(roles, IndicatorColumn.Target);
                if (target >= 0 && target < c) return IsValueLike(cells[target].Text);
                return i + 1 < tokens.Count && (IsFigure(tokens[i + 1].Text) || tokens[i + 1].Text.Trim() is { Length: > 0 and <= 2 } next
                    && next.All(ch => "≥≧>=═≤≦<＞＜＝⩾⩽".Contains(ch, StringComparison.Ordinal)));
            default:
                return true;
        }
    }

    /// <summary>
    /// A short word (no points, no punctuation, no figure, no tree word) between a name and the sentence of a scoring
    /// standard: the rest of a name a narrow cell wrapped ("秸秆还田" / "冬绿肥种植" / "实行秸秆…").
    /// </summary>
    private bool IsWrappedName(List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count) return false;
        var (word, next) = (tokens[i], tokens[i + 1]);
        if (word.Key.Length is 0 or > 8 || IsFigure(word.Text) || words.SplitWeight(word.Text).Weight is not null || IsKnownTreeWord(word)
            || IsSentence(word.Key) || Ends(tokens, i)) return false;
        return IsSentence(next.Key) && !IsFigure(next.Text) && words.SplitWeight(next.Text).Weight is null;
    }

    /// <summary>Text that reads as a sentence: its key (full width folded) has a clause or full stop in it.</summary>
    private static bool IsSentence(string key) => key.IndexOfAny([',', '。', ';']) >= 0;

    /// <summary>
    /// A rubric's own 一级 (水稻种植情况(40分)), known by its points when the next cell is a weighted 二级 of the same shape:
    /// a new section always opens with its first group on the same printed row.
    /// </summary>
    private bool WeightedSection(List<Token> tokens, int i, IndicatorColumn[] roles, int column)
    {
        var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
        return level2 > column && words.SplitWeight(tokens[i].Text).Weight is not null && i + 1 < tokens.Count
               && !IsFigure(tokens[i + 1].Text) && WeightedHeading(tokens, i + 1, roles, level2);
    }

    /// <summary>
    /// A rubric's 二级 is its own words (预算配置, 资金管理), known by the points it carries ("预算配置(15分)") when a 三级
    /// column follows and the next cell is words: an item's name carries no points where 分值 is a column of its own.
    /// </summary>
    private bool WeightedHeading(List<Token> tokens, int i, IndicatorColumn[] roles, int column) =>
        words.SplitWeight(tokens[i].Text).Weight is not null && Array.IndexOf(roles, IndicatorColumn.Name) > column
        && Array.IndexOf(roles, IndicatorColumn.Weight) > column && i + 1 < tokens.Count
        && (!IsFigure(tokens[i + 1].Text) || TextNorm.IsPlaceholder(tokens[i + 1].Text))
        && words.SplitWeight(tokens[i + 1].Text).Weight is null;

    private bool IsTemplateRowBefore(Token[] cells, IndicatorColumn[] roles, int nameColumn, Token token, TreeWord kind)
    {
        var level2 = Array.IndexOf(roles, IndicatorColumn.Level2);
        if (level2 < 0 || level2 >= nameColumn || cells[level2].Text.Length == 0 || !IsKnownTreeWord(token)) return false;
        var word = words.Classify(TextNorm.Key(words.SplitWeight(token.Text).Name));
        return kind == TreeWord.Level1 ? word is TreeWord.Level1 or TreeWord.Either : word == TreeWord.Level2;
    }

    private bool IsKnownTreeWord(Token token) => words.IsKnownTreeWord(TextNorm.Key(words.SplitWeight(token.Text).Name));

    private bool Ends(List<Token> tokens, int i) =>
        words.IsTotalLabel(tokens[i].Key) || words.IsNote(tokens[i].Key) || words.TitleKind(tokens[i].Key) is not null
        || IndicatorHeaderLength(tokens, i) > 0 || FundsHeaderLength(tokens, i) > 0;

    /// <summary>Whether a row could start at <paramref name="i"/>: a tree word, or a name followed by values and a number.</summary>
    private bool CanStartRow(List<Token> tokens, int i, IndicatorColumn[] roles)
    {
        if (Ends(tokens, i)) return true;
        if (tokens[i].Key.Length <= 2 && !IsFigure(tokens[i].Text)) return false;
        if (IsKnownTreeWord(tokens[i])) return true;
        var wrapped = _wrappedName;
        var next = ParseRow(tokens, i, roles, out var cells);
        _wrappedName = wrapped;
        if (next <= i) return false;
        var weight = Array.IndexOf(roles, IndicatorColumn.Weight);
        var score = Array.IndexOf(roles, IndicatorColumn.Score);
        var target = Array.IndexOf(roles, IndicatorColumn.Target);
        var hasNumbers = (weight >= 0 && cells[weight].Text.Length > 0) || (score >= 0 && cells[score].Text.Length > 0);
        // Without numbers (其中 sub-rows carry no weight), a row needs a target that reads as a value: "无" before a
        // name is an explanation, not a row named 无 whose target is the next row's name. On a scoring sheet, a name and
        // its standard that run to the end of the excerpt are the row it was cut in.
        return hasNumbers || (target >= 0 && IsValueLike(cells[target].Text))
               || (next >= tokens.Count && _standardColumn >= 0 && cells[_standardColumn].Text.Length > 0);
    }

    private static bool IsValueLike(string text)
    {
        foreach (var ch in text)
            if (char.IsAsciiDigit(ch)) return true;
        return false;
    }

    private static SourceRow Row(IReadOnlyList<Token> cells) =>
        SourceRow.FromCells(cells.Select(t => t.Text).ToArray(), cells.Select(t => t.Source).ToArray());
}

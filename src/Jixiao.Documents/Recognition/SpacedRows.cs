using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A table copied out of a PDF viewer or a web page arrives one row per line with spaces between the cells
/// ("产出指标 数量指标 出差人数 正向 = 8 4"). The spaces are the only separators left, and an empty cell leaves no trace,
/// so the cells cannot be placed by counting. This pass finds the header lines by their column words (an indicator
/// header: every word after the block's label names a column; a funds header: money columns, with the 资金来源 /
/// 年度资金总额 word over the labels) and places each following line's cells under the columns by what each can hold:
/// tree words under 一级/二级, a figure of at most 100 under 分值/得分, a comparator under 指标性质/指标方向, a short unit
/// under 计量单位, text under names, targets and notes. When two placements fit a line equally well the row goes on
/// with its cells marked uncertain (<see cref="SourceRow.Uncertain"/>), never with a guess. Header field lines
/// ("项目名称 再生资源回收市场管理经费") become label | value rows. Lines that are not tables are left alone.
/// </summary>
internal sealed class SpacedRows(Vocabulary words)
{
    private const int Impossible = 1_000;

    private enum Mode { None, Funds, Goals, Indicators, AmountsUnder }

    /// <summary>What a column of a spaced table can hold.</summary>
    private enum Slot { Label, Level1, Level2, Name, Text, Number, Comparator, Unit }

    private Mode _mode;
    private Slot[] _slots = [];
    private IndicatorColumn[] _roles = [];
    private int _fundsValueColumns;
    private readonly List<string> _pending = [];
    private SourceRow? _pendingRow;
    private bool _headerJustRead;

    /// <summary>Empty cells before the amounts of a line under a line of funds labels (under all but the block's own label).</summary>
    private int _amountsOffset;

    public static List<SourceRow> Split(List<SourceRow> rows, Vocabulary words) => new SpacedRows(words).Split(rows);

    private List<SourceRow> Split(List<SourceRow> rows)
    {
        List<SourceRow>? result = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var parts = Parts(row);
            var next = i + 1 < rows.Count ? Parts(rows[i + 1]) : null;
            var made = parts is null ? Reset(row) : Line(row, parts, next);
            if (made is not null && result is null) result = rows.GetRange(0, i);
            if (result is null) continue;
            if (made is { Count: > 0 }) result.AddRange(made);
            else if (made is null) result.Add(row);
        }
        return result ?? rows;
    }

    private List<SourceRow>? Reset(SourceRow row)
    {
        // A table row that kept its cells ends a spaced table.
        if (row.NonEmptyCount > 1 || row.NonEmptyCount == 1 && !row.IsParagraph)
        {
            _mode = Mode.None;
            _pending.Clear();
        }
        return null;
    }

    /// <summary>The space-separated parts of a paragraph row, "(万元)" joined to the word before it; null for anything else.</summary>
    private static List<string>? Parts(SourceRow row)
    {
        if (!row.IsParagraph || row.NonEmptyCount != 1) return null;
        var raw = row.Raw[row.FirstNonEmpty];
        var pieces = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parts = new List<string>(pieces.Length);
        foreach (var p in pieces)
        {
            if (parts.Count > 0 && p.Length >= 3 && p[0] is '(' or '（' && p[^1] is ')' or '）' && !char.IsAsciiDigit(p[1])
                && !IsPlainFigure(parts[^1]))
            {
                parts[^1] += p;
                continue;
            }
            parts.Add(p);
        }
        return parts;
    }

    /// <summary>The rows one line becomes: null to keep it as it is, empty when it was held back (a merged cell's text).</summary>
    private List<SourceRow>? Line(SourceRow row, List<string> parts, List<string>? next)
    {
        if (parts.Count >= 2 && IndicatorHeader(parts) is { } header)
        {
            var cells = new List<string> { string.Join(" ", parts.Take(header)) };
            cells.AddRange(parts.Skip(header));
            _roles = [IndicatorColumn.Label, .. parts.Skip(header).Select(p => words.IndicatorColumnOf(TextNorm.Key(p)).Column)];
            _slots = [Slot.Label, .. parts.Skip(header).Select(SlotOf)];
            _mode = Mode.Indicators;
            _pending.Clear();
            _headerJustRead = true;
            return [Make(row, cells)];
        }
        var afterHeader = _headerJustRead;
        _headerJustRead = false;
        if (afterHeader && _mode == Mode.Indicators && SecondHeaderLine(row, parts) is { } second) return [second];
        if (parts.Count >= 2 && FundsHeader(parts) is { } funds)
        {
            var cells = new List<string>();
            if (funds.Label > 0) cells.Add(string.Join(" ", parts.Take(funds.Label)));
            else cells.Add("");
            cells.AddRange(parts.Skip(funds.Label));
            _fundsValueColumns = funds.Values;
            _mode = Mode.Funds;
            return [Make(row, cells)];
        }
        if (parts.Count >= 2 && words.IsGoalLabel(TextNorm.Key(parts[0])) && parts.Skip(1).All(p => words.IsGoalHeader(TextNorm.Key(p))))
        {
            // 年度总体目标 | 预期目标 | 实际完成情况: the two texts follow on the next line.
            _mode = Mode.Goals;
            return [Make(row, parts)];
        }
        switch (_mode)
        {
            case Mode.Goals:
                _mode = Mode.None;
                // Two texts under the two headers; anything else is one text (its spaces may be the text's own).
                if (parts.Count == 2) return [Make(row, ["", .. parts])];
                return null;
            case Mode.Indicators:
                return IndicatorLine(row, parts, next);
            case Mode.Funds when FundsLine(row, parts) is { } made:
                return [made];
            case Mode.AmountsUnder when parts.TrueForAll(IsPlainFigure):
                _mode = Mode.None;
                return [Make(row, [.. Enumerable.Repeat("", _amountsOffset), .. parts])];
        }
        _mode = Mode.None;
        if (IsFundsPairs(parts)) return [Make(row, parts)];
        if (AmountsOffset(parts, next) is { } offset)
        {
            _mode = Mode.AmountsUnder;
            _amountsOffset = offset;
            return [Make(row, parts)];
        }
        return parts.Count >= 2 ? FieldLine(row, parts) : null;
    }

    /// <summary>
    /// The second line of a two-row header: value column words (年度指标值 实际完成值) under a parent word of the first
    /// (绩效指标值) that names one of them. The parent's column becomes theirs; the line is placed under it, so that the
    /// indicator layout splits the parent the same way.
    /// </summary>
    private SourceRow? SecondHeaderLine(SourceRow row, List<string> parts)
    {
        if (parts.Count < 2) return null;
        var roles = parts.Select(p => words.IndicatorColumnOf(TextNorm.Key(p)).Column).ToList();
        if (roles.Exists(r => !IndicatorLayout.IsRightPart(r) || r == IndicatorColumn.Extra) || roles.Distinct().Count() != roles.Count) return null;
        var parent = Array.FindIndex(_roles, roles.Contains);
        if (parent < 0) return null;
        _roles = [.. _roles.Take(parent), .. roles, .. _roles.Skip(parent + 1)];
        _slots = [.. _slots.Take(parent), .. parts.Select(SlotOf), .. _slots.Skip(parent + 1)];
        return Make(row, [.. Enumerable.Repeat("", parent), .. parts]);
    }

    /// <summary>How many leading parts are the block's label, when every part after them names an indicator column.</summary>
    private int? IndicatorHeader(List<string> parts)
    {
        var start = 0;
        while (start < parts.Count && words.IndicatorColumnOf(TextNorm.Key(parts[start])).Column is IndicatorColumn.None or IndicatorColumn.Label)
            start++;
        if (parts.Count - start < 3 || start > 2) return null;
        var tree = false;
        for (var i = start; i < parts.Count; i++)
        {
            var column = words.IndicatorColumnOf(TextNorm.Key(parts[i])).Column;
            if (column is IndicatorColumn.None or IndicatorColumn.Label) return null;
            if (column is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name) tree = true;
        }
        return tree ? start : null;
    }

    /// <summary>
    /// A funds header: money columns after the label words (项目资金(万元), 资金来源, 年度资金总额), and nothing else. One
    /// money column is enough when a word over the labels or a money unit says the block is funds.
    /// </summary>
    private (int Label, int Values)? FundsHeader(List<string> parts)
    {
        var first = parts.FindIndex(p => words.FundsColumnOf(TextNorm.Key(p)).Column != FundsColumn.None);
        if (first < 0) return null;
        var money = 0;
        for (var i = first; i < parts.Count; i++)
        {
            var column = words.FundsColumnOf(TextNorm.Key(parts[i])).Column;
            if (column == FundsColumn.None) return null;
            if (column is not (FundsColumn.Weight or FundsColumn.Score)) money++;
        }
        var labelled = parts.Take(first).Any(p => words.FundsRowOf(TextNorm.Key(p)) is not null || words.MoneyUnitOf(TextNorm.Key(p)) is not null);
        if (money < 1 || (money < 2 && !labelled)) return null;
        // The label column is the last part before the columns; words before it name the block.
        return (Math.Max(0, first - 1), parts.Count - first);
    }

    /// <summary>A funds row: its label (the words), then its figures in the value columns, in order.</summary>
    private SourceRow? FundsLine(SourceRow row, List<string> parts)
    {
        var label = 0;
        while (label < parts.Count && !IsFigure(parts[label])) label++;
        if (label == 0 || label == parts.Count || words.FundsRowOf(TextNorm.Key(string.Concat(parts.Take(label)))) is null && label > 3)
            return null;
        for (var i = label; i < parts.Count; i++)
            if (!IsFigure(parts[i])) return null;
        var cells = new List<string> { "", string.Join(" ", parts.Take(label)) };
        cells.AddRange(parts.Skip(label));
        return Make(row, cells);
    }

    /// <summary>"项目总预算(万元) 75.00 项目当年预算(万元) 25.00": funds labels, each followed by its amount.</summary>
    private bool IsFundsPairs(List<string> parts)
    {
        // Two pairs at least: one label and a figure is as often a row and its 行次 ("地方财政资金(万元) 3").
        if (parts.Count < 4 || parts.Count % 2 != 0) return false;
        for (var i = 0; i < parts.Count; i += 2)
            if (IsPlainFigure(parts[i]) || words.FundsRowOf(TextNorm.Key(parts[i])) is null || !IsPlainFigure(parts[i + 1])) return false;
        return true;
    }

    /// <summary>
    /// A line of funds labels over a line of amounts only ("项目资金来源情况(万元) 其中:上级财政补助 其中:同级财政 其他" /
    /// "0.00 25.00 0.00"): as many amounts as labels stand one under each; one fewer stand under all but the first, when
    /// the first names the block (资金来源, or a money unit). How many empty cells go before the amounts; null otherwise.
    /// </summary>
    private int? AmountsOffset(List<string> parts, List<string>? next)
    {
        if (parts.Count < 2 || next is not { Count: >= 2 } || next.Count > parts.Count || !next.TrueForAll(IsPlainFigure)) return null;
        if (parts.Exists(IsPlainFigure) || parts.Count(p => words.FundsRowOf(TextNorm.Key(p)) is not null) < 2) return null;
        var offset = parts.Count - next.Count;
        if (offset > 1) return null;
        var first = TextNorm.Key(parts[0]);
        if (offset == 1 && !words.IsFundsRow("sourceFunds", first) && !words.IsFundsRow("structureFunds", first) && words.MoneyUnitOf(first) is null) return null;
        return offset;
    }

    /// <summary>"项目名称 xxx 主管部门 yyy": each field word with the words after it, up to the next field word.</summary>
    private List<SourceRow>? FieldLine(SourceRow row, List<string> parts)
    {
        if (words.FieldOf(TextNorm.Key(parts[0])) is null || parts.Count > 8) return null;
        var cells = new List<string>();
        var value = new List<string>();
        foreach (var part in parts)
        {
            if (words.FieldOf(TextNorm.Key(part)) is not null)
            {
                if (cells.Count > 0) cells.Add(string.Join(" ", value));
                value.Clear();
                cells.Add(part);
                continue;
            }
            value.Add(part);
        }
        cells.Add(string.Join(" ", value));
        return [Make(row, cells)];
    }

    private List<SourceRow>? IndicatorLine(SourceRow row, List<string> parts, List<string>? next)
    {
        // A tree word's points wrapped onto a line of their own ("产出指标" / "(60分)") stay with it.
        if (parts.Count == 1 && _pending.Count > 0 && IsTreeWord(_pending[^1]) && words.SplitWeight(_pending[^1]).Weight is null
            && words.SplitWeight(_pending[^1] + parts[0]) is { Weight: not null } split && TextNorm.Key(split.Name) == TextNorm.Key(_pending[^1]))
        {
            _pending[^1] += parts[0];
            return [];
        }
        // A word a line break cut ("项目效益" / "指标"): joined to the word before it when together they make a tree word.
        if (parts.Count == 1 && _pending.Count > 0 && (!IsTreeWord(_pending[^1]) || IsEnding(parts[0])) && IsTreeWord(_pending[^1] + parts[0]))
        {
            _pending[^1] += parts[0];
            return [];
        }
        var all = _pending.Concat(parts).ToList();
        // Tree words alone on a line are merged cells printed once: they lead the next row.
        if (all.TrueForAll(p => IsTreeWord(p) || IsLabelWord(p) || (next is { Count: 1 } && IsTreeWord(p + next[0]))))
        {
            _pending.Clear();
            _pending.AddRange(all);
            _pendingRow ??= row;
            return [];
        }
        if (Place(all) is not { } placed)
        {
            _mode = Mode.None;
            _pending.Clear();
            return null;
        }
        _pending.Clear();
        var made = Make(_pendingRow ?? row, placed.Cells);
        _pendingRow = null;
        if (placed.Uncertain.Count > 0) made.Uncertain = placed.Uncertain;
        return [made];
    }

    private sealed record Placement(List<string> Cells, List<CellRole> Uncertain);

    /// <summary>
    /// Places the parts under the columns in order (each part in one column, a column holding at most one part, names and
    /// notes taking several) at the least cost of misfits. Ties between placements that put a part in different columns
    /// make those columns uncertain. Null when nothing fits.
    /// </summary>
    private Placement? Place(List<string> parts)
    {
        var n = parts.Count;
        var m = _slots.Length;
        if (words.IsTotalLabel(TextNorm.Key(parts[0])))
        {
            // TryTotalRow reads the figures after the label wherever they stand.
            return new Placement([.. parts], []);
        }
        // best[i, j]: least cost of placing parts[i..] in columns[j..].
        var best = new int[n + 1, m + 1];
        for (var i = 0; i < n; i++) best[i, m] = Impossible;
        for (var j = m - 1; j >= 0; j--) best[n, j] = best[n, j + 1] + Skip(j);
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
            {
                var cost = best[i, j + 1] + Skip(j);
                for (var k = i; k < n && k < i + MaxParts(j); k++)
                    cost = Math.Min(cost, Take(parts, i, k, j) + best[k + 1, j + 1]);
                best[i, j] = Math.Min(cost, Impossible);
            }
        if (best[0, 0] >= Impossible) return null;

        // Every placement of least cost (a few at most in real rows); a value column they fill differently is uncertain.
        var found = new List<string[]>();
        var cells = new string[m];
        Array.Fill(cells, "");
        void Walk(int i, int j)
        {
            if (found.Count >= 32) return;
            if (i == n)
            {
                found.Add((string[])cells.Clone());
                return;
            }
            if (j == m) return;
            if (best[i, j + 1] + Skip(j) == best[i, j]) Walk(i, j + 1);
            for (var k = i; k < n && k < i + MaxParts(j); k++)
            {
                if (Take(parts, i, k, j) + best[k + 1, j + 1] != best[i, j]) continue;
                cells[j] = string.Join(" ", parts.Skip(i).Take(k - i + 1));
                Walk(k + 1, j + 1);
                cells[j] = "";
            }
        }
        Walk(0, 0);
        var uncertain = new List<CellRole>();
        for (var j = 0; j < m; j++)
            if (ValueCell(_roles[j]) is { } role && found.Exists(f => f[j] != found[0][j])) uncertain.Add(role);
        return new Placement([.. found[0]], uncertain);
    }

    /// <summary>The cost of column <paramref name="column"/> holding parts[i..k]: their misfits, and one for each join.</summary>
    private int Take(List<string> parts, int i, int k, int column)
    {
        var cost = 0;
        for (var p = i; p <= k && cost < Impossible; p++)
        {
            cost += Fit(parts[p], column);
            // Words of one cell broken by spaces join cheaply; two figures in one cell are two cells.
            if (p > i) cost += IsFigure(parts[p]) && IsFigure(parts[p - 1]) ? 5 : 1;
        }
        return Math.Min(cost, Impossible);
    }

    private static CellRole? ValueCell(IndicatorColumn column) => column switch
    {
        IndicatorColumn.Target => CellRole.Target,
        IndicatorColumn.Actual => CellRole.Actual,
        IndicatorColumn.Weight => CellRole.Weight,
        IndicatorColumn.Score => CellRole.Score,
        IndicatorColumn.MidYearProgress => CellRole.MidYearProgress,
        _ => null,
    };

    private int MaxParts(int column) => _slots[column] is Slot.Name or Slot.Text ? 4 : 1;

    /// <summary>Leaving a column empty costs a little, so that a part is not pushed past a column that could hold it.</summary>
    private int Skip(int column) => _slots[column] is Slot.Label ? 0 : 1;

    private int Fit(string part, int column)
    {
        var key = TextNorm.Key(part);
        var figure = IsFigure(part);
        var tree = words.SplitWeight(part).Name is var w && !figure ? words.Classify(TextNorm.Key(w)) : TreeWord.Text;
        return _slots[column] switch
        {
            Slot.Label => IsLabelWord(part) ? 0 : Impossible,
            Slot.Level1 => tree is TreeWord.Level1 or TreeWord.Either ? 0 : tree == TreeWord.Level2 ? 2 : Impossible,
            Slot.Level2 => tree is TreeWord.Level2 or TreeWord.Either ? 0 : Impossible,
            Slot.Name => figure || IsComparator(part) ? Impossible : tree == TreeWord.Text ? 0 : 3,
            Slot.Number => words.TryScore(part, out var v) && v is >= 0 and <= 100 ? 0 : Impossible,
            Slot.Comparator => IsComparator(part) ? 0 : !figure && key.Length <= 3 && tree == TreeWord.Text ? 1 : Impossible,
            Slot.Unit => !figure && key.Length <= 5 && !IsComparator(part) && tree == TreeWord.Text && !HasDigit(part) ? 1
                : figure && !HasDigit(part[..1]) ? Impossible : figure ? 4 : Impossible,
            // Figures belong in value columns (targets, actuals); in a note column they are a worse fit than in 分值.
            // A template's placeholder (指标2, ……) stands where the name would.
            _ => tree != TreeWord.Text ? 3 : figure && ValueCell(_roles[column]) is null ? 2 : words.IsPlaceholderName(part) ? 1 : 0,
        };
    }

    private Slot SlotOf(string header)
    {
        var (column, role) = words.IndicatorColumnOf(TextNorm.Key(header));
        return column switch
        {
            IndicatorColumn.Level1 => Slot.Level1,
            IndicatorColumn.Level2 => Slot.Level2,
            IndicatorColumn.Name => Slot.Name,
            IndicatorColumn.Weight or IndicatorColumn.Score or IndicatorColumn.Level1Weight => Slot.Number,
            _ => role?.Type switch
            {
                RoleType.Comparator => Slot.Comparator,
                RoleType.MeasureUnit => Slot.Unit,
                RoleType.Weight or RoleType.Score or RoleType.Number => Slot.Number,
                _ when role?.Id == "direction" => Slot.Comparator,
                _ => Slot.Text,
            },
        };
    }

    private bool IsTreeWord(string part) => !IsFigure(part) && words.Classify(TextNorm.Key(words.SplitWeight(part).Name)) != TreeWord.Text;

    /// <summary>"指标" alone: the end of a tree word a line break cut, never a cell of its own.</summary>
    private bool IsEnding(string part) => words.Lexicon.Level2Endings.Contains(TextNorm.Key(part));

    private bool IsLabelWord(string part)
    {
        var key = TextNorm.Key(part);
        return words.IsBlockLabel(key) || words.IndicatorColumnOf(key).Column == IndicatorColumn.Label;
    }

    private static bool HasDigit(string text)
    {
        foreach (var ch in text)
            if (char.IsAsciiDigit(ch)) return true;
        return false;
    }

    private static bool IsComparator(string text)
    {
        var t = text.Trim();
        return t.Length is > 0 and <= 2 && t.All(ch => ch is '≥' or '≧' or '>' or '=' or '═' or '≤' or '≦' or '<' or '＞' or '＜' or '＝' or '⩾' or '⩽');
    }

    /// <summary>A figure, points with their unit in the cell ("10分") included.</summary>
    private bool IsFigure(string text) => IsPlainFigure(text) || words.TryScore(text.Trim(), out _);

    private static bool IsPlainFigure(string text)
    {
        var t = text.Trim();
        if (TextNorm.IsPlaceholder(t) || TextNorm.TryAmount(t, out _) || Vocabulary.TryAmountWithUnit(t, out _, out _)) return true;
        return t.Length > 1 && TextNorm.Compatible(t)[^1] == '%' && Percentage.TryParse(t, out _);
    }

    private static SourceRow Make(SourceRow row, List<string> cells)
    {
        var source = row.Sources[row.FirstNonEmpty];
        return SourceRow.FromCells([.. cells], [.. cells.Select(_ => source)]);
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// Funds figures a flattening printed before their labels (<see cref="FiguresBeforeLabels"/>), when the rest of the block
/// lost its place too: a sub-row printing fewer amounts than the header has amount columns, the total row's word and a
/// money column's word with its figure standing before the header among the form's head fields ("年初预算数 0 项目资金
/// (万元) 年度资金总额 实施单位 … 全年预算数 全年执行数 分值 执行率 得分 0 207.45 10 100% 10 207.45 — 100% — 其中:当年财政拨款
/// …"). Every cell placed by assumption is a typed doubt at its row.
/// </summary>
internal sealed partial class TokenStream
{
    /// <summary>How far before a funds header its displaced words are looked for.</summary>
    private const int DisplacedReach = 8;

    /// <summary>Cells of the unlabelled funds rows being read that were placed by assumption.</summary>
    private readonly Dictionary<Token?[], CellRole[]> _doubtedCells = new(ReferenceEqualityComparer.Instance);

    private sealed record Displaced(int? Total, (Token Word, Token Figure, FundsColumn Column)? Column);

    /// <summary>
    /// A sub-row (after the total) with fewer amounts than amount columns: which column each belongs to is not printed.
    /// The amounts go to the last amount columns (全年执行数 is the figure a self-evaluation's row always states), and
    /// the row's amount cells and rate are in doubt.
    /// </summary>
    private bool ShortSubRow(Token?[] row, int[] amounts, FundsColumn[] columns)
    {
        var filled = amounts.Where(k => row[k] is not null).Select(k => row[k]!).ToList();
        if (filled.Count == 0 || filled.Count == amounts.Length || filled.Any(t => !TextNorm.TryAmount(t.Text, out _))) return false;
        foreach (var k in amounts) row[k] = null;
        for (var n = 0; n < filled.Count; n++) row[amounts[amounts.Length - filled.Count + n]] = filled[n];
        _doubtedCells[row] = [.. amounts.Select(k => FormBuilder.FundsCell(columns[k])), CellRole.Rate];
        return true;
    }

    /// <summary>
    /// A 全年预算数 of 0 beside a positive 全年执行数 and a stated 执行率: no rate is stated over nothing, so the 0 is not
    /// the budget (a lost text order put another column's figure there). The budget is left blank, in doubt.
    /// </summary>
    private void NoRateOverNothing(Token?[] row, FundsColumn[] columns)
    {
        var budget = Array.IndexOf(columns, FundsColumn.Budget);
        var executed = Array.IndexOf(columns, FundsColumn.Executed);
        var rate = Array.IndexOf(columns, FundsColumn.Rate);
        if (budget < 0 || executed < 0 || rate < 0 || row[rate] is null || row[budget] is not { } b || row[executed] is not { } e) return;
        if (!TextNorm.TryAmount(b.Text, out var zero) || zero != 0m || !TextNorm.TryAmount(e.Text, out var spent) || spent <= 0m) return;
        row[budget] = null;
        _doubtedCells[row] = [CellRole.Budget];
    }

    /// <summary>
    /// The words of a funds block standing before its header: the total row's word, and 年初预算数 with its one figure
    /// when the header lacks that column (its figure is the total row's: only the total states a 年初预算数 alone).
    /// </summary>
    private Displaced? WordsBeforeTheHeader(List<Token> tokens, int at, FundsColumn[] columns)
    {
        int? total = null;
        (Token, Token, FundsColumn)? column = null;
        for (var k = at - 1; k >= 0 && k >= at - DisplacedReach; k--)
        {
            var key = tokens[k].Key;
            if (words.IsGoalLabel(key) || words.TitleKind(key) is not null || IndicatorHeaderLength(tokens, k) > 0) break;
            if (total is null && key.Length <= 30 && words.IsFundsRow("totalFunds", key) && words.MoneyUnitOf(key) is null) total = k;
            if (column is null && words.FundsColumnOf(key).Column is FundsColumn.InitialBudget && Array.IndexOf(columns, FundsColumn.InitialBudget) < 0
                && k + 1 < at && IsFigure(tokens[k + 1].Text) && TextNorm.TryAmount(tokens[k + 1].Text, out _) && (k + 2 == at || !IsFigure(tokens[k + 2].Text)))
                column = (tokens[k], tokens[k + 1], FundsColumn.InitialBudget);
        }
        return total is null && column is null ? null : new Displaced(total, column);
    }

    /// <summary>
    /// The labels after the figures lack the total's word, which stands before the header: it labels the first row, and
    /// the labels after label the rest in order. More labels than rows (sub-rows printed blank have no figures) pair by
    /// order only, each such row in doubt. Returns whether <paramref name="labels"/> now labels the rows.
    /// </summary>
    private bool LabelsWithTheTotalBefore(List<int> labels, List<Token?[]> rows, int? totalBefore, List<Token> tokens)
    {
        if (totalBefore is not { } total || rows.Count < 2 || labels.Count + 1 < rows.Count
            || (labels.Count > 0 && words.IsFundsRow("totalFunds", tokens[labels[0]].Key))) return false;
        var byOrder = labels.Count + 1 > rows.Count;
        labels.Insert(0, total);
        labels.RemoveRange(rows.Count, labels.Count - rows.Count);
        if (byOrder)
            for (var r = 1; r < rows.Count; r++)
                _doubtedCells[rows[r]] = [CellRole.InitialBudget, CellRole.Budget, CellRole.Executed, CellRole.Weight, CellRole.Rate, CellRole.Score];
        return true;
    }
}

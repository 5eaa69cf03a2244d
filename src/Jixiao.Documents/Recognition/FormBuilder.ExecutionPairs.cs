using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// The funds of a 转移支付 区域 form printed beside their block label as label/amount pairs instead of under a header
/// ("预算执行情况 | 预算数: | 2.38 | 执行数: | 2.38 | 20"), the part rows under it repeating their label before each side
/// ("其中:中央补助 | 2.38 万元 | 其中:中央补助 | 2.38万元"). The cells are taken as one sequence, so the same reading holds
/// for a grid and for text printed one cell per line. A lone number after the pairs is the block's points: without a
/// header it may be 分值 or 得分, so it is read as both under a doubt. Until the first pair is complete nothing is
/// decided: rows that turn out to be something else (a 预算执行情况(20分) label over a funds header) are read as usual.
/// </summary>
internal sealed partial class FormBuilder
{
    private sealed class ExecutionPairs
    {
        public readonly List<SourceRow> Rows = [];
        public readonly List<FundsRow> Funds = [];
        public readonly List<FundsColumn> Order = [];
        public FundsColumn? Pending;
        public int PartIndex = -1;
        public bool RepeatSeen;
        public bool Committed;
        public bool PointsRead;
    }

    private ExecutionPairs? _pairs;
    private bool _pairsDeclined;

    private bool TryExecutionPairs(SourceRow row)
    {
        if (_pairs is null)
        {
            if (_pairsDeclined || _funds is not null || Form.Funds.Count > 0 || _section == Section.Indicators) return false;
            var first = row.FirstNonEmpty;
            if (!_words.IsRow("executionLabel", row.Keys[first])) return false;
            var (name, weight) = _words.SplitWeight(row.Text[first]);
            _pairs = new ExecutionPairs();
            _pairs.Funds.Add(new FundsRow { Label = name, Role = FundsRowRole.Total, Weight = weight, Source = row.Sources[first] });
            _pairs.Rows.Add(row);
            for (var c = first + 1; c < row.Width; c++)
                if (row.Text[c].Length > 0 && !row.IsCoveredFromAbove(c) && !PairCell(row, c))
                    return EndPairs(row, c);
            return true;
        }
        _pairs.Rows.Add(row);
        for (var c = 0; c < row.Width; c++)
            if (row.Text[c].Length > 0 && !row.IsCoveredFromAbove(c) && !PairCell(row, c))
                return EndPairs(row, c);
        return true;
    }

    /// <summary>
    /// The pairs stop at a cell that is none of theirs. Before the first pair was complete they were no pairs: every row
    /// held back is read as usual. After it, the funds read stand, and a row that starts with the stopping cell is read as
    /// usual (the next block's label).
    /// </summary>
    private bool EndPairs(SourceRow row, int column)
    {
        var pairs = _pairs!;
        _pairs = null;
        if (!pairs.Committed)
        {
            _pairsDeclined = true;
            foreach (var held in pairs.Rows) Add(held);
            return true;
        }
        Form.Funds.AddRange(pairs.Funds);
        _seenRoles.Add(("funds", "budget"));
        _seenRoles.Add(("funds", "executed"));
        _section = Section.Header;
        return column != row.FirstNonEmpty;
    }

    private bool PairCell(SourceRow row, int c)
    {
        var pairs = _pairs!;
        var text = row.Text[c];
        var key = row.Keys[c];
        var current = pairs.Funds[^1];
        var isAmount = IsAmountText(text);
        if (pairs.PartIndex < 0)
        {
            // The block's own row: column word, amount, column word, amount …, then its points.
            if (!isAmount && _words.FundsColumnOf(key).Column is FundsColumn.InitialBudget or FundsColumn.Budget or FundsColumn.Executed or FundsColumn.Forecast
                && pairs.Pending is null)
            {
                var column = _words.FundsColumnOf(key).Column;
                if (pairs.Order.Contains(column)) return false;
                pairs.Pending = column;
                pairs.Order.Add(column);
                return true;
            }
            if (isAmount && pairs.Pending is { } pending)
            {
                if (!Amount(text, current.Label, current.Source, FundsCell(pending), out var amount)) return false;
                Set(current, pending, amount);
                pairs.Pending = null;
                pairs.Committed = true;
                return true;
            }
            if (pairs.Committed && pairs.Pending is null && !pairs.PointsRead && _words.TryScore(text, out var points) && !IsPercentText(text))
            {
                pairs.PointsRead = true;
                current.Weight ??= points;
                current.StatedScore = points;
                Doubt(new ReadingDoubt
                {
                    Reason = DoubtReason.AmbiguousNumber, Block = FormBlock.Funds, Row = current.Source, Cells = [CellRole.Weight, CellRole.Score],
                    RowLabel = current.Label, Text = text,
                });
                return true;
            }
        }
        if (!pairs.Committed || pairs.Pending is not null) return false;
        // The part rows: a funds row label, then its amounts in the block's column order, the label printed again before
        // the next side; a money unit alone is a side left blank.
        if (!isAmount && _words.FundsRowOf(key) is not null && _words.MoneyUnitOf(key) is null)
        {
            if (pairs.PartIndex >= 0 && !pairs.RepeatSeen && TextNorm.Key(current.Label) == key)
            {
                pairs.RepeatSeen = true;
                return true;
            }
            pairs.Funds.Add(new FundsRow { Label = text, Role = FundsRowRole.Part, Source = row.Sources[c] });
            pairs.PartIndex = 0;
            pairs.RepeatSeen = false;
            return true;
        }
        if (pairs.PartIndex < 0 || pairs.PartIndex >= pairs.Order.Count) return false;
        if (isAmount)
        {
            if (!Amount(text, current.Label, current.Source, FundsCell(pairs.Order[pairs.PartIndex]), out var amount)) return false;
            Set(current, pairs.Order[pairs.PartIndex++], amount);
            return true;
        }
        if (_words.MoneyUnitOf(key) is not null && !key.Any(char.IsAsciiDigit) && key.Length <= 4)
        {
            pairs.PartIndex++;
            return true;
        }
        return false;
    }

    private static void Set(FundsRow row, FundsColumn column, decimal amount)
    {
        switch (column)
        {
            case FundsColumn.InitialBudget: row.InitialBudget = amount; break;
            case FundsColumn.Budget: row.Budget = amount; break;
            case FundsColumn.Executed: row.Executed = amount; break;
            case FundsColumn.Forecast: row.ForecastExecuted = amount; break;
        }
    }
}

/// <summary>
/// The head of a 转移支付 区域 form prints its 自评得分 as a label with its value under it, at the end of the next row
/// (one cell per line, after that row's other cells): the first bare number of the head after a score label that has
/// nothing beside it is the stated total.
/// </summary>
internal sealed partial class FormBuilder
{
    private bool _headTotalPending;

    /// <summary>True when the row was only the total's number and is read.</summary>
    private bool TryHeadTotal(SourceRow row)
    {
        if (_funds is not null || Form.Funds.Count > 0 || _layout is not null || _section != Section.Header || Form.StatedTotal is not null)
        {
            _headTotalPending = false;
            return false;
        }
        var last = -1;
        for (var c = 0; c < row.Width; c++)
            if (row.Text[c].Length > 0 && !row.IsCoveredFromAbove(c)) last = c;
        if (last < 0) return false;
        if (_headTotalPending && _words.TryScore(row.Text[last], out var total) && TextNorm.TryAmount(row.Text[last], out _) && !IsPercentText(row.Text[last]))
        {
            _headTotalPending = false;
            Form.StatedTotal = total;
            return row.NonEmptyCount == 1;
        }
        if (_words.FundsColumnOf(row.Keys[last]).Column != FundsColumn.Score) return false;
        for (var c = 0; c < last; c++)
            if (_words.FundsColumnOf(row.Keys[c]).Column != FundsColumn.None) return false;
        _headTotalPending = true;
        return false;
    }
}

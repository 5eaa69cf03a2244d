using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// Two parts of a form head some provinces print (the Hubei 项目绩效目标自评表): the 自评总分 beside the project's name
/// ("项目名称 | … | 自评总分: | 95"), and a funds block that lists its sources across (项目资金 | 来源 | 中央 | 省、地 | 本级 |
/// 其他 | 合计 | 执行数 | 执行率) with one row of figures under them.
/// </summary>
internal sealed partial class FormBuilder
{
    /// <summary>A total label alone on its line ("自评总分:"), its number on the next.</summary>
    private bool _headScoreLabelPending;

    /// <summary>The columns of a funds block listing its sources across, waiting for its row of figures.</summary>
    private (int Total, int Executed, int Rate, string Label)? _sourcesAcross;

    /// <summary>
    /// A score total stated in the head (a total label naming points, 自评总分 or 总得分, with a number beside it or, alone on
    /// its line, on the next): the form's stated total. 合计 or 总计 in the head could be anything's sum, and is left alone.
    /// </summary>
    private bool TryHeadScoreTotal(SourceRow row)
    {
        if (_section != Section.Header || _layout is not null || Form.StatedTotal is not null)
        {
            _headScoreLabelPending = false;
            return false;
        }
        var pending = _headScoreLabelPending;
        _headScoreLabelPending = false;
        if (pending && row.NonEmptyCount == 1 && TotalNumber(row.Text[row.FirstNonEmpty]) is { } alone)
        {
            Form.StatedTotal = alone;
            return true;
        }
        for (var c = 0; c < row.Width; c++)
        {
            if (!IsScoreTotalLabel(row.Keys[c])) continue;
            var v = c + 1;
            while (v < row.Width && row.Text[v].Length == 0) v++;
            if (v < row.Width && TotalNumber(row.Text[v]) is { } total) Form.StatedTotal = total;
            else if (v >= row.Width && row.NonEmptyCount == 1) _headScoreLabelPending = true;
            return false;
        }
        return false;
    }

    private bool IsScoreTotalLabel(string key) =>
        _words.IsTotalLabel(key) && _words.Lexicon.ScoreUnits.Any(unit => key.Contains(unit, StringComparison.Ordinal));

    private decimal? TotalNumber(string text) =>
        TextNorm.TryAmount(text, out _) && !IsPercentText(text) && _words.TryScore(text, out var total) && total is >= 0m and <= 100m ? total : null;

    /// <summary>
    /// A funds header that lists the sources across (中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率), with no budget
    /// column: the budget is the total column's. Which source holds the money is the sources' business and is not read; the
    /// total column, the execution and the rate make one total row, labelled as the column is.
    /// </summary>
    private bool TrySourcesAcrossHeader(SourceRow row)
    {
        if (_funds is not null || Form.Funds.Count > 0 || _layout is not null || row.NonEmptyCount < 4) return false;
        int total = -1, executed = -1, rate = -1, sources = 0;
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0 || row.IsCoveredFromAbove(c)) continue;
            var key = row.Keys[c];
            var (column, _) = _words.FundsColumnOf(key);
            switch (column)
            {
                case FundsColumn.Executed when executed < 0 && total >= 0: executed = c; continue;
                case FundsColumn.Rate when rate < 0 && executed >= 0: rate = c; continue;
                case FundsColumn.None when total < 0 && _words.IsFundsRow("totalFunds", key) && !_words.IsFundsRow("sourceFunds", key): total = c; continue;
                case FundsColumn.None when total < 0: sources++; continue;
                case FundsColumn.None or FundsColumn.Extra: continue;
                default: return false;  // a budget column: the ordinary funds header
            }
        }
        // The sources stand before the total: the block label and at least two source columns.
        if (total < 0 || executed < 0 || sources < 3) return false;
        var unitAt = Enumerable.Range(0, row.Width).Select(c => _words.MoneyUnitOf(row.Keys[c])).FirstOrDefault(u => u is not null);
        Form.MoneyUnit ??= unitAt;
        var label = row.Text[total];
        var bracket = label.IndexOfAny(['(', '（', '\n']);
        if (bracket > 0) label = label[..bracket].Trim();
        _sourcesAcross = (total, executed, rate, label);
        _seenRoles.Add(("funds", "budget"));
        _seenRoles.Add(("funds", "executed"));
        if (rate >= 0) _seenRoles.Add(("funds", "rate"));
        return true;
    }

    /// <summary>The row of figures under a sources-across header: one total row, or nothing if the figures are not there.</summary>
    private bool TrySourcesAcrossRow(SourceRow row)
    {
        if (_sourcesAcross is not { } at) return false;
        _sourcesAcross = null;
        if (!TextNorm.TryAmount(row.At(at.Total), out _) && !TextNorm.TryAmount(row.At(at.Executed), out _)) return false;
        var fr = new FundsRow { Label = at.Label, Role = FundsRowRole.Total, Source = row.Sources[at.Total] ?? row.Source };
        if (row.At(at.Total).Length > 0 && Amount(row.At(at.Total), at.Label, fr.Source, CellRole.Budget, out var budget)) fr.Budget = budget;
        if (row.At(at.Executed).Length > 0 && Amount(row.At(at.Executed), at.Label, fr.Source, CellRole.Executed, out var executed)) fr.Executed = executed;
        // "100 %": the percent sign a narrow cell wrapped away from its number.
        if (at.Rate >= 0 && Rate(row.At(at.Rate).Replace(" ", "", StringComparison.Ordinal)) is { } rate) fr.StatedRate = rate;
        Form.Funds.Add(fr);
        return true;
    }
}

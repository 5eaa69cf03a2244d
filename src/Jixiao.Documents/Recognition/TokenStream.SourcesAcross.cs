using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A funds block listing its sources across (中央 省、地 本级 其他 合计 执行数 执行率) in PDF text that lost its order: the
/// header's words stand together, but the figures under them are scattered among the head's other cells ("309 309 来源
/// … 项目资金 日 309 100 %"). Which source holds the money cannot be told; the total and the execution can, when every
/// amount printed is the same: any order of them puts that amount under 合计 and under 执行数.
/// </summary>
internal sealed partial class TokenStream
{
    /// <summary>How far after the header the block's figures may be scattered.</summary>
    private const int SourcesAcrossReach = 24;

    /// <summary>
    /// The sources-across header starting at <paramref name="at"/> and its figures, rebuilt as a header row and one row of
    /// figures under the total, the execution and the rate (what <see cref="FormBuilder"/> reads from a printed grid);
    /// the figures are passed over later. Returns the token after the header, or 0 when this is no such block.
    /// </summary>
    private int SourcesAcross(List<Token> tokens, int at, List<SourceRow> rows)
    {
        // A run of source words already scanned from an earlier token of it ends where it ended then: each token is
        // looked at once, not once per position it could start a block from.
        if (!ReferenceEquals(tokens, _sourcesScanned))
        {
            _sourcesScanned = tokens;
            _sourcesScanEnd = 0;
        }
        if (at < _sourcesScanEnd) return 0;
        // Three source words or more (short words no header names), then the total's word, then the execution's.
        var i = at;
        while (i < tokens.Count && IsSourceWord(tokens[i])) i++;
        _sourcesScanEnd = i;
        var sources = i - at;
        if (sources < 3 || i + 1 >= tokens.Count || !IsTotalColumnWord(tokens[i])) return 0;
        var total = tokens[i++];
        var executedKey = WithoutMoneyUnits(tokens[i].Key);
        var executedLength = ExecutedPrefix(executedKey);
        if (executedLength == 0) return 0;
        var executed = tokens[i++];
        // The rate's word may be broken after the execution's ("执行数执行(万元)…" then "率").
        var rateKey = executedKey[executedLength..];
        var hasRate = rateKey.Length > 0 && words.FundsColumnOf(rateKey).Column == FundsColumn.Rate;
        if (!hasRate && rateKey.Length > 0 && i < tokens.Count && words.FundsColumnOf(rateKey + tokens[i].Key).Column == FundsColumn.Rate)
        {
            hasRate = true;
            i++;
        }
        else if (!hasRate && i < tokens.Count && words.FundsColumnOf(WithoutMoneyUnits(tokens[i].Key)).Column == FundsColumn.Rate)
        {
            hasRate = true;
            i++;
        }
        var headerEnd = i;

        // The figures: amounts all the same, up to the rate's percentage (the last column).
        var taken = new List<int>();
        var amounts = 0;
        Token? amount = null, rate = null;
        for (var k = headerEnd; k < tokens.Count && k < headerEnd + SourcesAcrossReach && rate is null; k++)
        {
            if (IndicatorHeaderLength(tokens, k) > 0 || FundsHeaderLength(tokens, k) > 0 || words.IsGoalLabel(tokens[k].Key)) break;
            var text = tokens[k].Text;
            if (IsPercent(text) || (TextNorm.TryAmount(text, out _) && k + 1 < tokens.Count && tokens[k + 1].Key == "%"))
            {
                if (!hasRate) return 0;
                rate = IsPercent(text) ? tokens[k] : tokens[k] with { Text = text.Trim() + "%" };
                taken.Add(k);
                if (!IsPercent(text)) taken.Add(k + 1);
                continue;
            }
            if (!TextNorm.TryAmount(text, out var value)) continue;
            if (amount is not null && (!TextNorm.TryAmount(amount.Text, out var first) || first != value)) return 0;
            amount ??= tokens[k];
            amounts++;
            taken.Add(k);
        }
        // Each of 合计 and 执行数 printed, and (with a rate column) the rate.
        if (amount is null || amounts < 2 || (hasRate && rate is null)) return 0;

        var empty = new Token("", "", total.Source);
        // The execution's word as the lexicon prints it, with the money unit the header printed.
        var unit = words.MoneyUnitOf(executed.Key) is { } u ? "(" + u.Symbol() + ")" : "";
        var executedHeader = Header("executed") + unit;
        var header = new List<Token>(tokens.GetRange(at, sources)) { total, executed with { Text = executedHeader, Key = TextNorm.Key(executedHeader) } };
        if (hasRate) header.Add(executed with { Text = Header("rate"), Key = TextNorm.Key(Header("rate")) });
        rows.Add(Row(header));
        var figures = Enumerable.Repeat(empty, sources).Append(amount with { Source = total.Source }).Append(amount with { Source = total.Source }).ToList();
        if (rate is not null) figures.Add(rate);
        rows.Add(Row(figures));
        foreach (var k in taken) _taken.Add(k);
        return headerEnd;
    }

    private List<Token>? _sourcesScanned;
    private int _sourcesScanEnd;

    private string Header(string role) => words.Lexicon.Role("funds", role)?.Header ?? role;

    /// <summary>A source's name in the header: a short word naming no column or row of any block (中央, 省、地, 本级, 其他).</summary>
    private bool IsSourceWord(Token token) =>
        token.Key.Length is > 0 and <= 4 && !IsFigure(token.Text) && !IsWordOfAHeader(token.Key) && words.FundsRowOf(token.Key) is null;

    private bool IsTotalColumnWord(Token token)
    {
        var key = WithoutMoneyUnits(token.Key);
        return key.Length is > 0 and <= 4 && words.IsFundsRow("totalFunds", key);
    }

    /// <summary>The length of the shortest execution's word at the start of the key ("执行数" of "执行数执行"), or 0.</summary>
    private int ExecutedPrefix(string key)
    {
        for (var n = 2; n <= key.Length; n++)
            if (words.FundsColumnOf(key[..n]).Column == FundsColumn.Executed) return n;
        return 0;
    }

    /// <summary>The header's money units, broken off their words onto a line of their own and joined back ("(万元)(万元)").</summary>
    private string WithoutMoneyUnits(string key)
    {
        foreach (var unit in Vocabulary.MoneyUnitsLargestFirst)
            key = key.Replace("(" + unit.Symbol() + ")", "", StringComparison.Ordinal);
        return key;
    }
}

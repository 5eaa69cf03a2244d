using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// The head of a form run into a long paragraph with nothing between its cells, the table cut after its amounts (a
/// notice whose attachment was pasted into the page: "…附件2某某资金绩效目标表(2025年度)项目名称某某补助主管部门…资金总额:
/// 35其中:财政拨款35其他资金总体目标…"). A title counts only where a header field word (项目名称) follows it at once, so a
/// title named in the notice's own sentences opens nothing. The field's value runs to the next field word; then each
/// figure is an amount whose label is the words before it since the last bracket or figure, taken only when the lexicon
/// knows that label as a funds row (资金总额, 其中:…, …资金): a code number beside a field word is no amount.
/// </summary>
internal sealed partial class GluedRows
{
    private const int LongestFieldWord = 12;

    private const int LongestHeadFundsLabel = 16;

    private const int FewestAmounts = 2;

    private Flat? Head(List<SourceRow> rows, int at)
    {
        var row = rows[at];
        if (row.NonEmptyCount != 1 || !row.IsParagraph) return null;
        var raw = row.Raw[row.FirstNonEmpty];
        if (raw.Length < FlattenedLine) return null;
        var line = Strip(raw);
        for (var from = 0; TitleInside(line, from) is { } found; from = found.End)
        {
            var title = (found.Start, End: AfterQualifier(line, found.End));
            if (FieldAt(line, title.End) is not { } field) continue;
            var valueEnd = NextField(line, title.End + field);
            if (valueEnd < 0) continue;
            var amounts = Amounts(line, valueEnd, out var end);
            if (amounts.Count < FewestAmounts) continue;

            var source = row.Source;
            var made = new List<SourceRow>();
            if (title.Start > 0) made.Add(Row([line[..title.Start]], source));
            made.Add(Row([line[title.Start..title.End]], source));
            made.Add(Row([line[title.End..(title.End + field)], line[(title.End + field)..valueEnd]], source));
            foreach (var (label, amount, within) in amounts)
            {
                var pair = Row([label, amount], source);
                if (within is not null)
                {
                    pair.Uncertain = [CellRole.Label];
                    pair.UncertainReason = DoubtReason.NestedParts;
                    pair.UncertainAssumed = within;
                }
                made.Add(pair);
            }
            if (end < line.Length) made.Add(Row([line[end..]], source));
            return new Flat(made, at + 1);
        }
        return null;
    }

    /// <summary>A short bracketed qualifier right after a title ("(2025年度)") is part of it.</summary>
    private static int AfterQualifier(string line, int end)
    {
        if (end >= line.Length || line[end] is not ('(' or '（')) return end;
        var close = line.IndexOfAny([')', '）'], end);
        return close > end && close - end <= LongestFieldWord ? close + 1 : end;
    }

    /// <summary>
    /// The length of a header field word starting at <paramref name="at"/> (the longest: 项目名称, not 项目), or null.
    /// </summary>
    private int? FieldAt(string line, int at)
    {
        for (var len = Math.Min(LongestFieldWord, line.Length - at); len >= 2; len--)
            if (words.FieldOf(TextNorm.Key(line.Substring(at, len))) is not null) return len;
        return null;
    }

    /// <summary>Where the next field word starts after a value (a value has at least two characters), or -1.</summary>
    private int NextField(string line, int from)
    {
        for (var p = from + 2; p < line.Length && p <= from + LongestTitle; p++)
            if (FieldAt(line, p) is not null) return p;
        return -1;
    }

    /// <summary>
    /// The amounts after the head field, each with the funds-row label before it, up to the first figure that has no
    /// such label once one was found; <paramref name="end"/> is where the last amount ends. A money unit printed right
    /// after a figure (10.5万元) stays with it, not with the next label. Amounts inside a bracket opened by 其中 after an
    /// amount ("财政拨款:8万元(其中:上级资金:8万元)") break that amount down: they are marked with the part they belong to.
    /// </summary>
    private List<(string Label, string Amount, string? Within)> Amounts(string line, int from, out int end)
    {
        var amounts = new List<(string, string, string?)>();
        end = from;
        var start = from;
        string? within = null;
        var p = from;
        while (p < line.Length)
        {
            if (!char.IsAsciiDigit(line[p]))
            {
                if (line[p] is ')' or '）')
                {
                    start = p + 1;
                    within = null;
                }
                else if (line[p] is '(' or '（' && amounts.Count > 0 && within is null
                         && words.IsFundsRow("partFunds", TextNorm.Key(line[(p + 1)..Math.Min(line.Length, p + 1 + LongestHeadFundsLabel)])))
                {
                    start = p + 1;
                    within = amounts[^1].Item1.TrimEnd(':', '：');
                }
                p++;
                continue;
            }
            var q = p;
            while (q < line.Length && (char.IsAsciiDigit(line[q]) || line[q] == '.')) q++;
            var label = line[start..p];
            var figure = line[p..q];
            var unit = UnitAfter(line, q, figure);
            if (label.Length is > 1 and <= LongestHeadFundsLabel && IsPrinted(figure) && words.FundsRowOf(TextNorm.Key(label)) is not null)
            {
                amounts.Add((label, line[p..(q + unit)], within));
                end = q + unit;
            }
            else if (amounts.Count > 0) break;
            start = q + unit;
            p = q + unit;
        }
        return amounts;
    }

    /// <summary>The length of the money unit (万元, 万, 元) printed right after <paramref name="figure"/> at <paramref name="at"/>, or 0.</summary>
    private static int UnitAfter(string line, int at, string figure)
    {
        for (var length = Math.Min(2, line.Length - at); length > 0; length--)
            if (Vocabulary.TryAmountWithUnit(figure + line.Substring(at, length), out _, out _)) return length;
        return 0;
    }
}

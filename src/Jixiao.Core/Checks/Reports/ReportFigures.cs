using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Core.Checks.Reports;

public enum FigureKind
{
    /// <summary>An amount of money (万元, 元, 亿元).</summary>
    Amount,
    /// <summary>A percentage.</summary>
    Percent,
    /// <summary>A score (…得分96分, 总分90分).</summary>
    Score,
    /// <summary>A grade (等级为优).</summary>
    Grade,
    /// <summary>A count (2个, 15人, 9项).</summary>
    Count,
}

/// <summary>
/// One figure a report states: its value as printed, the clause before it (its label), and where it sits in its sentence.
/// </summary>
public sealed record ReportFigure(FigureKind Kind, decimal Value, string Printed, string? Unit, string Label, int Start, int End, string? Grade = null)
{
    public int Decimals => Value.Scale;

    /// <summary>An amount in 万元, whatever unit it was printed in.</summary>
    public decimal Wan => Unit switch
    {
        "元" => Value / 10_000m,
        "亿元" => Value * 10_000m,
        _ => Value,
    };

    /// <summary>Half a unit of the last printed digit, in 万元 (what rounding may hide).</summary>
    public decimal WanHalfUnit => Unit switch
    {
        "元" => Numbers.HalfUnit(Decimals) / 10_000m,
        "亿元" => Numbers.HalfUnit(Decimals) * 10_000m,
        _ => Numbers.HalfUnit(Decimals),
    };
}

/// <summary>One sentence of a report with its figures.</summary>
public sealed record ReportSentence(int Number, string Text, IReadOnlyList<ReportFigure> Figures)
{
    /// <summary>Figures no report could state (Forms.DomainRanges): left out of <see cref="Figures"/>, reported as value-out-of-range.</summary>
    public IReadOnlyList<ReportFigure> OutOfRange { get; init; } = [];
}

/// <summary>
/// Extracts the figures a narrative report states (§2.6), sentence by sentence. Lines broken by a page break inside a
/// sentence are joined again first, so "…专家服务合作 / 团队采购 88.20 万元" stays one sentence.
/// </summary>
public static partial class ReportFigures
{
    public static IReadOnlyList<ReportSentence> Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var sentences = new List<ReportSentence>();
        var normalized = Nfkc.Of(text);
        // The joined text lives in a pooled buffer only until it is cut into sentences: a report is several thousand
        // characters, and a builder plus its string were two copies of it made for nothing.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(normalized.Length);
        var joined = buffer.AsSpan(0, JoinBrokenLines(normalized, buffer));
        foreach (var sentence in Sentences(joined))
        {
            var figures = Figures(sentence);
            IReadOnlyList<ReportFigure> outOfRange = [];
            if (figures.Exists(static f => !InRange(f)))
            {
                outOfRange = figures.FindAll(static f => !InRange(f));
                figures.RemoveAll(static f => !InRange(f));
            }
            sentences.Add(new ReportSentence(sentences.Count, sentence, figures) { OutOfRange = outOfRange });
        }
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return sentences;
    }

    /// <summary>
    /// Joins a long line that does not end a sentence with the next non-empty line (a page break cut it). Short lines are
    /// headings and stay on their own. Writes into <paramref name="joined"/> (never longer than the text) and returns the length.
    /// </summary>
    private static int JoinBrokenLines(string text, Span<char> joined)
    {
        var length = 0;
        var pendingJoin = false;
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOf('\n');
            var line = (end < 0 ? span : span[..end]).Trim();
            span = end < 0 ? [] : span[(end + 1)..];
            if (line.Length == 0) continue;
            if (length > 0 && !pendingJoin) joined[length++] = '\n';
            line.CopyTo(joined[length..]);
            length += line.Length;
            pendingJoin = line.Length >= 40 && !SentenceEnds.Contains(line[^1]);
        }
        return length;
    }

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？!?；;：:");

    // NFKC has already turned ！ and ？ into ! and ?; four characters are searched faster than a set.
    private static readonly System.Buffers.SearchValues<char> SentenceBreaks = System.Buffers.SearchValues.Create("。!?\n");

    private static List<string> Sentences(ReadOnlySpan<char> text)
    {
        var sentences = new List<string>();
        // Searched (vectorised) rather than tested character by character: a report is thousands of characters long.
        for (var start = 0; start <= text.Length;)
        {
            var length = text[start..].IndexOfAny(SentenceBreaks);
            if (length < 0) length = text.Length - start;
            var s = text.Slice(start, length).Trim();
            if (s.Length > 0) sentences.Add(s.ToString());
            start += length + 1;
        }
        return sentences;
    }

    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create("，,；;、：:（(）)");

    private static readonly string[] Units = ["万元", "亿元", "元", "%", "分", "个", "项", "人", "名", "次", "条", "件", "台", "套"];

    private static List<ReportFigure> Figures(string sentence)
    {
        var figures = new List<ReportFigure>();
        var previousEnd = 0;
        // A hand-written scan: a regex with a look-behind at every position of a long CJK text cost a millisecond a report.
        for (var i = 0; i < sentence.Length; i++)
        {
            // Most of a sentence is words: jump to the next digit.
            var next = sentence.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0) break;
            i += next;
            if (i > 0 && (char.IsAsciiDigit(sentence[i - 1]) || sentence[i - 1] == '.')) continue;
            var end = NumberEnd(sentence, i);
            var unitStart = end;
            while (unitStart < sentence.Length && sentence[unitStart] == ' ') unitStart++;
            var unit = UnitAt(sentence, unitStart);
            var figureEnd = unit.Length > 0 ? unitStart + unit.Length : end;
            var start = i;
            i = end - 1;
            var kind = unit switch
            {
                "万元" or "元" or "亿元" => FigureKind.Amount,
                "%" => FigureKind.Percent,
                "分" => FigureKind.Score,
                "" => (FigureKind?)null,
                _ => FigureKind.Count,
            };
            if (kind is null) continue;
            var printed = Printed(sentence, start, end);
            var label = Label(sentence, previousEnd, start);
            // "3分" is a weight unless the clause says it is a score.
            if (kind == FigureKind.Score && !IsScoreLabel(label)) continue;
            if (!decimal.TryParse(printed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) continue;
            figures.Add(new ReportFigure(kind.Value, value, printed, unit, label, start, figureEnd));
            previousEnd = figureEnd;
        }
        if (MayStateGrade(sentence))
        {
            foreach (Match m in GradePattern().Matches(sentence))
                figures.Add(new ReportFigure(FigureKind.Grade, 0m, m.Groups["grade"].Value, null, Label(sentence, 0, m.Index) + m.Groups["lead"].Value,
                    m.Index, m.Index + m.Length, m.Groups["grade"].Value));
            figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
        return figures;
    }

    /// <summary>
    /// Whether the rules may relate a figure: an amount or count within <see cref="Forms.DomainRanges.MaxAmount"/>, a
    /// percentage within the rate range, a score within the score range, each printed with at most six decimals. Inside
    /// these bounds every sum and quotient the report rules take is finite.
    /// </summary>
    private static bool InRange(ReportFigure f) => f.Decimals <= Forms.DomainRanges.MaxDecimals && f.Kind switch
    {
        FigureKind.Percent => f.Value <= Forms.DomainRanges.MaxRate * 100m,
        FigureKind.Score => f.Value <= Forms.DomainRanges.MaxScore,
        _ => f.Value <= Forms.DomainRanges.MaxAmount,
    };

    private static string UnitAt(string sentence, int at)
    {
        if (at >= sentence.Length) return "";
        foreach (var unit in Units)
            if (sentence[at] == unit[0] && string.CompareOrdinal(sentence, at, unit, 0, unit.Length) == 0) return unit;
        return "";
    }

    /// <summary>Where the number at <paramref name="i"/> ends: "1,112.50" is one number, with thousands separators only in groups of three.</summary>
    private static int NumberEnd(string s, int i)
    {
        var j = i;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        var lead = j - i;
        while (lead <= 3 && j + 3 < s.Length && s[j] == ',' && char.IsAsciiDigit(s[j + 1]) && char.IsAsciiDigit(s[j + 2]) && char.IsAsciiDigit(s[j + 3])
               && (j + 4 >= s.Length || !char.IsAsciiDigit(s[j + 4])))
            j += 4;
        if (j + 1 < s.Length && s[j] == '.' && char.IsAsciiDigit(s[j + 1]))
        {
            j++;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        }
        return j;
    }

    /// <summary>"1,112.50" → "1112.50".</summary>
    private static string Printed(string s, int start, int end)
    {
        var printed = s[start..end];
        return printed.Contains(',') ? printed.Replace(",", "", StringComparison.Ordinal) : printed;
    }

    /// <summary>The clause before a figure: back to the previous figure or clause mark.</summary>
    private static string Label(string sentence, int from, int to)
    {
        var start = to;
        while (start > from && !ClauseMarks.Contains(sentence[start - 1])) start--;
        return sentence.AsSpan(start, to - start).Trim().ToString();
    }

    /// <summary>得分, 总分, 评分 (自评分), 综合得分 or 分数: "3分" is a score only in such a clause.</summary>
    private static bool IsScoreLabel(string label) =>
        label.Contains("得分", StringComparison.Ordinal) || label.Contains("总分", StringComparison.Ordinal)
        || label.Contains("评分", StringComparison.Ordinal) || label.Contains("分数", StringComparison.Ordinal);

    /// <summary>
    /// Whether <see cref="GradePattern"/> can match: a lead word (等级, 等次, …结果) with the first character of a grade
    /// somewhere after it. Most sentences fail this; right after reading, running the pattern on the few that name 结果
    /// or 等级 only in a heading was ≈ 18 µs of a report's ≈ 45 µs figure scan.
    /// </summary>
    private static bool MayStateGrade(string sentence)
    {
        // Most sentences have neither character and are done with one search.
        if (sentence.AsSpan().IndexOfAny('等', '结') < 0) return false;
        var first = -1;
        foreach (var lead in GradeLeads)
        {
            var at = sentence.IndexOf(lead, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first >= 0 && sentence.AsSpan(first).ContainsAny(GradeStarts);
    }

    // Every lead of the pattern contains one of these; every grade starts with one of those characters.
    private static readonly string[] GradeLeads = ["等级", "等次", "结果"];

    private static readonly System.Buffers.SearchValues<char> GradeStarts = System.Buffers.SearchValues.Create("优良中不合较差");

    [GeneratedRegex(@"(?<lead>等级|评价结果|评定结果|自评结果|评价等次|等次)(?:为|是|：|:|评定为|确定为|\s)*[“""「]?(?<grade>优秀|良好|优|良|中等|中|不合格|合格|较差|差)[”""」]?(?![\u4e00-\u9fff])")]
    private static partial Regex GradePattern();
}

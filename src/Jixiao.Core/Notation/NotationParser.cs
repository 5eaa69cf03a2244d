using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Core.Notation;

/// <summary>
/// The grammar of §3.1: [label][comparator]number[unit][comparator suffix][remark], products (7*24小时), ranges
/// (80%-90%), else a completion word, else text. Anything doubtful stays text: a wrong number is worse than none.
/// </summary>
internal static partial class NotationParser
{
    // Longest first, so 个工作日 wins over 工作日 and 个.
    private static readonly string[] KnownUnits =
    [
        "个工作日", "平方公里", "平方米", "工作日", "万人次", "个月", "万元", "亿元", "千元", "小时", "分钟", "毫秒", "人次", "户次", "万人",
        "万条", "万件", "公里", "%", "‰", "元", "秒", "个", "项", "套", "人", "次", "天",
        "日", "周", "月", "年", "条", "家", "台", "件", "份", "张", "篇", "户", "所", "场", "期", "米", "吨", "间", "辆", "本", "部", "批",
        "处", "类", "座", "册", "头", "亩", "株", "棵",
    ];

    /// <summary>Whether <paramref name="unit"/> is one of the measure units the notation reads by name.</summary>
    public static bool IsKnownUnit(string unit) => Array.IndexOf(KnownUnits, unit) >= 0;

    private static readonly (string Word, Comparator Comparator)[] PrefixComparators =
    [
        (">=", Comparator.AtLeast), ("<=", Comparator.AtMost), ("≥", Comparator.AtLeast), ("≤", Comparator.AtMost),
        (">", Comparator.GreaterThan), ("<", Comparator.LessThan), ("=", Comparator.EqualTo),
        ("大于等于", Comparator.AtLeast), ("小于等于", Comparator.AtMost), ("不低于", Comparator.AtLeast),
        ("不少于", Comparator.AtLeast), ("不高于", Comparator.AtMost), ("不超过", Comparator.AtMost), ("不多于", Comparator.AtMost),
        ("达到", Comparator.AtLeast), ("大于", Comparator.GreaterThan), ("小于", Comparator.LessThan), ("超过", Comparator.GreaterThan),
        ("高于", Comparator.GreaterThan), ("低于", Comparator.LessThan), ("达", Comparator.AtLeast),
    ];

    private static readonly (string Word, Comparator Comparator)[] SuffixComparators =
    [
        ("及以上", Comparator.AtLeast), ("及以下", Comparator.AtMost), ("以上", Comparator.AtLeast), ("以下", Comparator.AtMost),
        ("以内", Comparator.AtMost), ("之内", Comparator.AtMost),
    ];

    private static readonly string[] EmptyMarks = ["", "-", "--", "---", "—", "——", "/", "／", "无", "空"];

    // Characters that make a label or remark a sentence or a formula rather than a phrase around one number.
    private const string SentenceMarks = "，,。；;：:、/=()（）[]【】*+";

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<a>\d+(?:\.\d+)?)(?<ua>天|日|周)?[*xX](?<b>\d+(?:\.\d+)?)(?<ub>小时|时|h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductPattern();

    public static IndicatorValue Parse(string text, QualitativeVocabulary vocabulary)
    {
        var s = IndicatorValue.Normalize(text);
        if (EmptyMarks.Contains(s)) return new IndicatorValue { Text = text, Kind = ValueKind.Empty };

        var parsed = TryProduct(text, s) ?? TryNumbers(text, s);
        if (parsed is not null) return parsed;

        if (IsPhrase(s) && vocabulary.Match(s) is { } match)
            return new IndicatorValue { Text = text, Kind = ValueKind.Qualitative, Tier = match.Tier, TierWord = match.Matched };
        return new IndicatorValue { Text = text, Kind = ValueKind.Text };
    }

    /// <summary>A qualitative phrase is short and no formula: "重点工作实际完成数/交办数" is not a 完成.</summary>
    private static bool IsPhrase(string s) => s.Length <= 40 && s.IndexOfAny(['=', '/', '*']) < 0;

    private static IndicatorValue? TryProduct(string text, string s)
    {
        var m = ProductPattern().Match(s);
        if (!m.Success) return null;
        var a = ParseNumber(m.Groups["a"].Value);
        var b = ParseNumber(m.Groups["b"].Value);
        if (a is null || b is null) return null;
        // Each factor is within the domain; their product may not be (10^15 × 10^15), and then it is no service window.
        if (b.Value.Value != 0m && Math.Abs(a.Value.Value) > Forms.DomainRanges.MaxQuantity / Math.Abs(b.Value.Value)) return null;
        return new IndicatorValue
        {
            Text = text,
            Kind = ValueKind.Quantity,
            Number = a.Value.Value * b.Value.Value,
            Factors = [a.Value.Value, b.Value.Value],
            Unit = m.Groups["ub"].Success ? "小时" : null,
        };
    }

    private static IndicatorValue? TryNumbers(string text, string s)
    {
        var numbers = NumberPattern().Matches(s);
        if (numbers.Count is 0 or > 2) return null;
        var first = numbers[0];
        var prefix = s[..first.Index];
        var negative = false;
        if (prefix.EndsWith('-') && (prefix.Length == 1 || !char.IsLetterOrDigit(prefix[^2])))
        {
            negative = true;
            prefix = prefix[..^1];
        }
        var comparator = Comparator.None;
        foreach (var (word, cmp) in PrefixComparators)
        {
            if (!prefix.EndsWith(word, StringComparison.Ordinal)) continue;
            comparator = cmp;
            prefix = prefix[..^word.Length];
            break;
        }
        if (!IsCleanWords(prefix)) return null;
        var number = ParseNumber(first.Value);
        if (number is null) return null;
        var value = negative ? -number.Value.Value : number.Value.Value;
        var after = s[(first.Index + first.Length)..];
        var unit = ReadUnit(ref after);

        if (numbers.Count == 2)
        {
            var between = s[(s.Length - after.Length)..numbers[1].Index];
            return TryRange(text, s, prefix, comparator, value, number.Value.Decimals, unit, between, numbers[1]);
        }

        var suffix = Comparator.None;
        foreach (var (word, cmp) in SuffixComparators)
        {
            if (!after.StartsWith(word, StringComparison.Ordinal)) continue;
            suffix = cmp;
            after = after[word.Length..];
            break;
        }
        if (comparator != Comparator.None && suffix != Comparator.None && comparator != suffix) return null;
        if (!IsCleanWords(after)) return null;
        return new IndicatorValue
        {
            Text = text,
            Kind = ValueKind.Quantity,
            Comparator = comparator != Comparator.None ? comparator : suffix,
            Number = value,
            Decimals = number.Value.Decimals,
            Unit = unit,
            Label = prefix.Length > 0 ? prefix : null,
            Remark = after.Length > 0 ? after : null,
        };
    }

    private static IndicatorValue? TryRange(string text, string s, string prefix, Comparator comparator, decimal low, int decimals,
        string? unit, string between, Match second)
    {
        if (comparator != Comparator.None || between.Length != 1 || !"-~至—".Contains(between[0], StringComparison.Ordinal))
            return null;
        var high = ParseNumber(second.Value);
        if (high is null) return null;
        var rest = s[(second.Index + second.Length)..];
        var upperUnit = ReadUnit(ref rest);
        if (rest.Length > 0 || (unit is not null && upperUnit is not null && unit != upperUnit)) return null;
        if (high.Value.Value < low) return null;
        return new IndicatorValue
        {
            Text = text,
            Kind = ValueKind.Range,
            Number = low,
            UpperNumber = high.Value.Value,
            Decimals = Math.Max(decimals, high.Value.Decimals),
            Unit = unit ?? upperUnit,
            Label = prefix.Length > 0 ? prefix : null,
        };
    }

    private static string? ReadUnit(ref string after)
    {
        // Latin units are read whole (ms, Mbps, Mbit), so a known prefix (M) never cuts an unknown one short.
        var letters = 0;
        while (letters < after.Length && char.IsAsciiLetter(after[letters])) letters++;
        if (letters > 0)
        {
            var u = after[..letters];
            after = after[letters..];
            return u;
        }
        foreach (var u in KnownUnits)
        {
            if (!after.StartsWith(u, StringComparison.Ordinal)) continue;
            after = after[u.Length..];
            return u + Per(ref after);
        }
        // An unknown one-character unit (e.g. 10棵) counts only where nothing but a comparator follows it.
        if (after.Length > 0 && IsCjk(after[0]))
        {
            var rest = after[1..];
            if (rest.Length == 0 || SuffixComparators.Any(c => rest == c.Word))
            {
                var u = after[..1];
                after = rest;
                return u;
            }
        }
        return null;
    }

    /// <summary>
    /// The "per" part of a rate unit that follows it to the end of the value — 元/户, 元/人·月 (printed 元/人*月) — so a
    /// standard (≤5300元/户) is a number with its unit rather than text. The separators are written one way (/ and ·), so
    /// a target and an actual printed with different ones still share their unit. Empty when no such part follows.
    /// </summary>
    private static string Per(ref string after)
    {
        if (after.Length < 2 || after[0] is not ('/' or '／')) return "";
        var i = 1;
        var per = new System.Text.StringBuilder("/");
        var run = 0;
        while (i < after.Length)
        {
            var c = after[i];
            if (IsCjk(c) && run < 3) { per.Append(c); run++; i++; continue; }
            if (c is '*' or '·' or '×' or '•' && run > 0 && i + 1 < after.Length && IsCjk(after[i + 1])) { per.Append('·'); run = 0; i++; continue; }
            break;
        }
        if (run == 0) return "";
        var rest = after[i..];
        if (rest.Length > 0 && !SuffixComparators.Any(c => rest == c.Word)) return "";
        after = rest;
        return per.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static bool IsCleanWords(string words) =>
        words.IndexOfAny(SentenceMarks.ToCharArray()) < 0 && !words.Any(c => c is '<' or '>' or '≥' or '≤' or '%');

    private static (decimal Value, int Decimals)? ParseNumber(string token)
    {
        var plain = token.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            return null;
        // Trailing zeros go from the value (100.00 → 100) and are kept as the printed precision instead.
        value /= 1.0000000000000000000000000000m;
        var mantissa = plain.Split('e', 'E')[0];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        // A number no form could state (10^20, 28 decimals, 1e-9) is not read as a number: a wrong number is worse than none.
        if (!Forms.DomainRanges.IsQuantity(value) || decimals > Forms.DomainRanges.MaxDecimals) return null;
        return (value, decimals);
    }
}

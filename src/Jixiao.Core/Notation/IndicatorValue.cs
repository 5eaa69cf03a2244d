using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Notation;

/// <summary>
/// A 年度指标值 or 实际完成值 read into a typed value (§3.1). <see cref="Text"/> always keeps what was written.
/// Percentages stay in points (95 with unit "%"), because targets and actuals are compared in the unit they share.
/// </summary>
public sealed record IndicatorValue
{
    /// <summary>The text as written.</summary>
    public string Text { get; init; } = "";

    public ValueKind Kind { get; init; }

    public Comparator Comparator { get; init; }

    /// <summary>The number (the lower bound of a range, the product of 7*24).</summary>
    public decimal? Number { get; init; }

    /// <summary>The upper bound of a range.</summary>
    public decimal? UpperNumber { get; init; }

    /// <summary>The factors of a product such as 7*24小时 (empty otherwise).</summary>
    public IReadOnlyList<decimal> Factors { get; init; } = [];

    /// <summary>Decimals the number was printed with (100.00% → 2).</summary>
    public int Decimals { get; init; }

    /// <summary>The unit as written (%, 个, 万元, 个工作日 …); unknown units are kept too; null when none.</summary>
    public string? Unit { get; init; }

    /// <summary>The words before the number in a phrase (满意度 in 满意度达95%).</summary>
    public string? Label { get; init; }

    /// <summary>The words after the number and unit (值守 in 24 小时值守).</summary>
    public string? Remark { get; init; }

    /// <summary>The tier of a qualitative text.</summary>
    public QualitativeTier? Tier { get; init; }

    /// <summary>The phrase of the text that decided the tier (so a user sees which mapping was used).</summary>
    public string? TierWord { get; init; }

    public bool IsQuantitative => Kind is ValueKind.Quantity or ValueKind.Range;

    /// <summary>The number as a <see cref="Percentage"/> when the unit is %, with its printed decimals (to compare with a computed rate).</summary>
    public Percentage? AsPercentage => Kind == ValueKind.Quantity && Unit == "%" && Factors.Count == 0 && Number is { } n
        ? new Percentage(n / 100m, Decimals)
        : null;

    /// <summary>What this value, read as a target, asks for.</summary>
    public Direction Direction => Kind switch
    {
        ValueKind.Empty => Direction.None,
        ValueKind.Qualitative or ValueKind.Text => Direction.Qualitative,
        ValueKind.Range => Direction.Within,
        ValueKind.Quantity => Comparator switch
        {
            Comparator.AtMost or Comparator.LessThan => Direction.Reverse,
            Comparator.None or Comparator.EqualTo when Number == 0m => Direction.Equality,
            _ => Direction.Positive,
        },
        _ => Direction.None,
    };

    /// <summary>Reads <paramref name="text"/> with the national vocabulary. Never throws.</summary>
    public static IndicatorValue Parse(string? text) => Parse(text, QualitativeVocabulary.Default);

    /// <summary>Reads <paramref name="text"/> with a rulebook's vocabulary. Never throws.</summary>
    /// <remarks>
    /// Cached per vocabulary: "100%", "≥90%", "基本完成" recur across thousands of rows and forms, and the checker, the
    /// scorer and the facts each read a form's values again on every save; parsing dominated the checker's time. A value
    /// is immutable, so one instance serves every caller. Bounded in entries and in their length, so a long-running server
    /// does not grow it without end.
    /// </remarks>
    public static IndicatorValue Parse(string? text, QualitativeVocabulary vocabulary)
    {
        var key = text ?? "";
        if (key.Length > CachedLengthLimit) return NotationParser.Parse(key, vocabulary);
        var cache = ParsedValues.GetValue(vocabulary, static _ => new ConcurrentDictionary<string, IndicatorValue>(StringComparer.Ordinal));
        if (cache.TryGetValue(key, out var value)) return value;
        if (cache.Count >= ParsedValuesLimit) cache.Clear();
        value = NotationParser.Parse(key, vocabulary);
        cache.TryAdd(key, value);
        return value;
    }

    private static readonly ConditionalWeakTable<QualitativeVocabulary, ConcurrentDictionary<string, IndicatorValue>> ParsedValues = new();

    private const int ParsedValuesLimit = 50_000;

    // Values that recur are short ("≥95%", "7×24小时", "按期完成"); a long text is rare, and caching it would let the
    // cache's size follow the texts' length.
    private const int CachedLengthLimit = 100;

    /// <summary>
    /// Whether <paramref name="unit"/> is one of the measure units the notation knows (万元, 年, 人次 …), not merely a
    /// character after a figure: where cells ran together, only a known unit shows that a figure belongs to a value.
    /// </summary>
    public static bool IsKnownUnit(string unit) => NotationParser.IsKnownUnit(unit);

    /// <summary>The number with its unit as a person writes it (90%, 7×24小时, 2 小时).</summary>
    public string NumberText(decimal? number = null)
    {
        var n = number ?? Number;
        if (n is null) return Text;
        if (Factors.Count > 1 && number is null)
            return string.Join("×", Factors.Select(FormatNumber)) + (Unit ?? "");
        return FormatNumber(n.Value) + (Unit ?? "");
    }

    /// <summary>A normalised rendering: "≥90%", "80%–90%", "[基本完成 → 部分达成]", or the text itself.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Empty => "",
        ValueKind.Quantity => Comparator.Symbol() + NumberText(),
        ValueKind.Range => FormatNumber(Number!.Value) + (Unit ?? "") + "–" + FormatNumber(UpperNumber!.Value) + (Unit ?? ""),
        ValueKind.Qualitative => Text + "（" + Tier!.Value.ChineseName() + "）",
        _ => Text,
    };

    private static string FormatNumber(decimal n) => n.ToString(CultureInfo.InvariantCulture);

    public bool Equals(IndicatorValue? other) =>
        other is not null && Text == other.Text && Kind == other.Kind && Comparator == other.Comparator
        && Number == other.Number && UpperNumber == other.UpperNumber && Factors.SequenceEqual(other.Factors)
        && Decimals == other.Decimals && Unit == other.Unit && Label == other.Label && Remark == other.Remark
        && Tier == other.Tier && TierWord == other.TierWord;

    public override int GetHashCode() => HashCode.Combine(Text, Kind, Comparator, Number, Unit, Tier);

    internal static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            b.Append(c switch
            {
                '≧' or '⩾' => '≥',
                '≦' or '⩽' => '≤',
                '−' or '–' or '－' => '-',
                '～' or '〜' => '~',
                '×' or 'Ｘ' => '*',
                _ => c,
            });
        }
        return b.ToString();
    }
}

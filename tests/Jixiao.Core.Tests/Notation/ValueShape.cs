using System.Globalization;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Tests;

/// <summary>A compact rendering of a parsed value so a table of cases reads like the forms they came from.</summary>
internal static class ValueShape
{
    public static string Of(IndicatorValue v) => v.Kind switch
    {
        ValueKind.Empty => "empty",
        ValueKind.Text => "text",
        ValueKind.Qualitative => "tier " + v.Tier,
        ValueKind.Range => $"range {N(v.Number)}–{N(v.UpperNumber)}{v.Unit}",
        ValueKind.Quantity => "qty " + v.Comparator.Symbol()
            + (v.Factors.Count > 1 ? string.Join("×", v.Factors.Select(f => N(f))) + "=" : "")
            + N(v.Number) + v.Unit
            + (v.Label is null ? "" : " label=" + v.Label)
            + (v.Remark is null ? "" : " remark=" + v.Remark),
        _ => "?",
    };

    private static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "null";
}

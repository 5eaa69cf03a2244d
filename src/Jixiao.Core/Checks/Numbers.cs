using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks;

/// <summary>Printed precision and formatting: every comparison is made at the precision the form printed.</summary>
internal static class Numbers
{
    /// <summary>The decimals a value was printed with (decimal keeps the scale of the text it was parsed from).</summary>
    public static int Decimals(decimal value) => value.Scale;

    public static decimal Round(decimal value, int decimals) =>
        Math.Round(value, Math.Clamp(decimals, 0, 28), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Half a unit of the last printed digit: what rounding at that precision may hide. A precision beyond decimal's
    /// 0..28 (only an out-of-range stated rate has one) takes the nearest.
    /// </summary>
    public static decimal HalfUnit(int decimals) => HalfUnits[Math.Clamp(decimals, 0, 28)];

    // Computed once: decimal division is slow, and the report rules ask for a half unit for every pair of figures they relate.
    private static readonly decimal[] HalfUnits = [.. Enumerable.Range(0, 29).Select(d => 0.5m / Pow10(d))];

    public static decimal Pow10(int decimals)
    {
        var p = 1m;
        for (var i = 0; i < decimals; i++) p *= 10m;
        return p;
    }

    /// <summary>
    /// A score agrees when it differs from the rule's value (rounded to 2 decimals) by no more than what the stated
    /// precision can hide: "10" for 9.9994 is fine, "9.26" for 10.00 is not.
    /// </summary>
    public static bool ScoreAgrees(decimal stated, decimal expected)
    {
        var decimals = Math.Min(Decimals(stated), 2);
        return decimals >= 2
            ? Round(expected, 2) == Round(stated, 2)
            : Math.Abs(stated - Round(expected, 2)) <= HalfUnit(decimals);
    }

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal value, int decimals) =>
        Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A plain number without trailing zeros beyond what is needed (for weights and sums).</summary>
    public static string Plain(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction, int decimals) => new Percentage(fraction, decimals).ToString();
}

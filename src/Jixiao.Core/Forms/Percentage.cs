using System.Globalization;

namespace Jixiao.Core.Forms;

/// <summary>
/// A percentage as a decimal fraction (0.9999 for 99.99%) that remembers how many decimals it was printed with,
/// because a stated rate is only as precise as its print (§3.3: 215457.60 / 250000 prints 86.18%).
/// </summary>
public readonly record struct Percentage(decimal Fraction, int Decimals)
{
    /// <summary>
    /// The value in percentage points (99.99 for 99.99%). A fraction beyond decimal's range in points (no form's rate,
    /// see <see cref="DomainRanges.IsPercentage(Percentage)"/>) gives the largest decimal of its sign rather than an overflow.
    /// </summary>
    public decimal Points => Math.Abs(Fraction) <= decimal.MaxValue / 100m ? Fraction * 100m : Fraction > 0m ? decimal.MaxValue : decimal.MinValue;

    /// <summary>The points rounded half away from zero at the printed precision.</summary>
    public decimal PrintedPoints => Math.Round(Points, PrintDecimals, MidpointRounding.AwayFromZero);

    // A precision outside decimal's 0..28 (an API's −1 or 99) is out of the domain and reported by the checker; printing
    // it at the nearest possible precision keeps every caller that only shows it from throwing.
    private int PrintDecimals => Math.Clamp(Decimals, 0, 28);

    /// <summary>
    /// numerator / denominator, to be printed with <paramref name="decimals"/> decimals; null when the denominator is zero
    /// or the quotient is no rate a form could state (<see cref="DomainRanges.Rate"/>).
    /// </summary>
    public static Percentage? Ratio(decimal numerator, decimal denominator, int decimals = 2) =>
        DomainRanges.Rate(numerator, denominator) is { } fraction ? new Percentage(fraction, decimals) : null;

    /// <summary>
    /// Whether <paramref name="numerator"/> / <paramref name="denominator"/> prints as this value at its precision (a
    /// stated 执行率 against 执行数 ÷ 预算数, §3.3): how a reader tells which of several cuts of run-together figures is right.
    /// </summary>
    public bool IsPrintedRatioOf(decimal numerator, decimal denominator) =>
        denominator > 0m && Ratio(numerator, denominator, Decimals) is { } computed && computed.PrintedPoints == PrintedPoints;

    /// <summary>This value printed at another precision (to compare a computed rate with a stated one).</summary>
    public Percentage AtPrecision(int decimals) => this with { Decimals = decimals };

    public override string ToString() =>
        PrintedPoints.ToString("F" + PrintDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Parses "99.99%", "100%", "１００％", " 234.00 % ". Only text that is a bare percentage within the domain parses
    /// (at most six decimals, at most <see cref="DomainRanges.MaxRate"/>): anything else is no printed rate.
    /// </summary>
    public static bool TryParse(string? text, out Percentage value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Normalize(System.Text.NormalizationForm.FormKC).Trim().Replace(" ", "", StringComparison.Ordinal);
        if (!s.EndsWith('%')) return false;
        var number = s[..^1].Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var points))
            return false;
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var parsed = new Percentage(points / 100m, dot < 0 ? 0 : number.Length - dot - 1);
        if (!DomainRanges.IsPercentage(parsed)) return false;
        value = parsed;
        return true;
    }
}

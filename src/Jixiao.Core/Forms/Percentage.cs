using System.Globalization;

namespace Jixiao.Core.Forms;

/// <summary>
/// A percentage as a decimal fraction (0.9999 for 99.99%) that remembers how many decimals it was printed with,
/// because a stated rate is only as precise as its print (§3.3: 215457.60 / 250000 prints 86.18%).
/// </summary>
public readonly record struct Percentage(decimal Fraction, int Decimals)
{
    /// <summary>The value in percentage points (99.99 for 99.99%).</summary>
    public decimal Points => Fraction * 100m;

    /// <summary>The points rounded half away from zero at the printed precision.</summary>
    public decimal PrintedPoints => Math.Round(Points, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>The largest ratio a percentage holds: its points (× 100) and their rounding must still fit a decimal.</summary>
    public const decimal MaxFraction = 1_000_000_000_000_000_000_000_000m;

    /// <summary>
    /// numerator / denominator, to be printed with <paramref name="decimals"/> decimals; null when the denominator is zero
    /// or the ratio is beyond any meaning (a tiny denominator under a huge numerator would overflow).
    /// </summary>
    public static Percentage? Ratio(decimal numerator, decimal denominator, int decimals = 2)
    {
        if (denominator == 0m) return null;
        try
        {
            var fraction = numerator / denominator;
            return Math.Abs(fraction) > MaxFraction ? null : new Percentage(fraction, decimals);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>This value printed at another precision (to compare a computed rate with a stated one).</summary>
    public Percentage AtPrecision(int decimals) => this with { Decimals = decimals };

    public override string ToString() =>
        PrintedPoints.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>Parses "99.99%", "100%", "１００％", " 234.00 % ". Only text that is a bare percentage parses.</summary>
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
        value = new Percentage(points / 100m, dot < 0 ? 0 : number.Length - dot - 1);
        return true;
    }
}

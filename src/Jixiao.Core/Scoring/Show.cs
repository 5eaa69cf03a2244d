using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Scoring;

/// <summary>How numbers appear in explanations: amounts as printed (thousands separators, their own decimals), scores at rulebook precision.</summary>
internal static class Show
{
    /// <summary>42456311.08 → "42,456,311.08"; 868 → "868"; keeps the decimals the amount was written with.</summary>
    public static string Amount(decimal d) =>
        d.ToString("N" + d.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Score(decimal d, int decimals) =>
        d.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A number without trailing zeros (0.8, 1.3, 90).</summary>
    public static string Plain(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Percent(Percentage p) => p.ToString();

    /// <summary>A fraction at four decimals of a percent, for "computed from the unrounded rate" notes.</summary>
    public static string FinePercent(decimal fraction) =>
        Math.Round(fraction * 100m, 4, MidpointRounding.AwayFromZero).ToString("F4", CultureInfo.InvariantCulture) + "%";
}

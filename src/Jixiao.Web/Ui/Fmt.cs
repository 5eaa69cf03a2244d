using System.Globalization;

namespace Jixiao.Web.Ui;

/// <summary>How numbers are shown on screen: invariant digits, scores at the rulebook's precision, half away from zero.</summary>
public static class Fmt
{
    public static string Amount(decimal d) => d.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Score(decimal d, int decimals) =>
        Math.Round(d, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// An amount on screen: thousands separators, no decimals for a whole number and at least two otherwise, whatever
    /// decimals the stored value carries (1,100,000 not 1,100,000.0; 12,345.50; 0.125).
    /// </summary>
    public static string Grouped(decimal d)
    {
        var plain = d / 1.0000000000000000000000000000m;
        var decimals = plain.Scale == 0 ? 0 : Math.Max(2, (int)plain.Scale);
        return plain.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Without trailing zeros: 50, 12.5.</summary>
    public static string Plain(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Jixiao.Web.Ui;

/// <summary>How numbers are shown on screen: invariant digits, scores at the rulebook's precision, half away from zero.</summary>
public static class Fmt
{
    public static string Amount(decimal d) => d.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Score(decimal d, int decimals) =>
        Math.Round(d, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Without trailing zeros: 50, 12.5.</summary>
    public static string Plain(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.Layout;

/// <summary>
/// How figures are printed on the official tables: invariant culture, rounded half away from zero at the printed
/// precision. Amounts in 元 print to the fen with thousands separators (as the Shanghai forms do); amounts in 万元 print
/// with two decimals, more only where the data has them (up to the fen, six decimals), so nothing is lost.
/// </summary>
public static class Printing
{
    public const string YuanFormat = "#,##0.00";
    public const string WanYuanFormat = "0.00####";
    public const string ScoreFormat = "0.00";

    public static int MoneyDecimals(decimal amount, MoneyUnit? unit)
    {
        var max = unit == MoneyUnit.TenThousandYuan ? 6 : 2;
        var decimals = 2;
        while (decimals < max && Math.Round(amount, decimals, MidpointRounding.AwayFromZero) != amount) decimals++;
        return decimals;
    }

    public static string Money(decimal amount, MoneyUnit? unit)
    {
        var decimals = MoneyDecimals(amount, unit);
        var rounded = Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        var pattern = unit == MoneyUnit.Yuan ? "#,##0." : "0.";
        return rounded.ToString(pattern + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    public static string MoneyFormat(MoneyUnit? unit) => unit == MoneyUnit.Yuan ? YuanFormat : WanYuanFormat;

    /// <summary>Scores and weights: two decimals, as the 分值/得分 columns print them.</summary>
    public static string Score(decimal score) =>
        Math.Round(score, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A weight inside a label ("产出指标（50分）"): no trailing zeros.</summary>
    public static string Plain(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Percentages always print with two decimals.</summary>
    public static string Percent(Percentage rate) => rate.AtPrecision(2).ToString();

    /// <summary>An amount converted to 万元 and rounded to two decimals, the precision reports quote.</summary>
    public static decimal ToWanYuan(decimal amount, MoneyUnit? unit) =>
        Math.Round(unit == MoneyUnit.Yuan ? amount / 10_000m : amount, 2, MidpointRounding.AwayFromZero);

    public static string WanYuan(decimal wanYuan) =>
        Math.Round(wanYuan, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "万元";
}

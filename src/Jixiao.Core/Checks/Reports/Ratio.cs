namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// Percentages a text derives from its own printed amounts. Amounts in a report are rounded (万元 to two decimals), so a
/// stated percentage agrees when some pair of values inside the amounts' rounding intervals gives it at its printed
/// precision: the checker only objects to what no rounding can explain.
/// </summary>
internal static class Ratio
{
    /// <summary>The interval of numerator / denominator when each may be off by its half unit.</summary>
    public static (decimal Low, decimal High)? Interval(decimal numerator, decimal numeratorHalf, decimal denominator, decimal denominatorHalf)
    {
        var dLow = denominator - denominatorHalf;
        if (dLow <= 0m) return null;
        var dHigh = denominator + denominatorHalf;
        var nLow = numerator - numeratorHalf;
        var nHigh = numerator + numeratorHalf;
        return (Math.Min(nLow / dHigh, nLow / dLow), Math.Max(nHigh / dLow, nHigh / dHigh));
    }

    /// <summary>True when the stated percentage (± its own half unit) overlaps the interval.</summary>
    public static bool Explains(ReportFigure percent, (decimal Low, decimal High)? interval)
    {
        if (interval is not { } i) return false;
        var half = Numbers.HalfUnit(percent.Decimals);
        var low = (percent.Value - half) / 100m;
        var high = (percent.Value + half) / 100m;
        return high >= i.Low && low <= i.High;
    }

    public static (decimal Low, decimal High)? Of(ReportFigure numerator, ReportFigure denominator) =>
        Interval(numerator.Wan, numerator.WanHalfUnit, denominator.Wan, denominator.WanHalfUnit);

    public static string Percent(decimal fraction, int decimals) => Numbers.Percent(fraction, decimals);
}

namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// Percentages a text derives from its own printed amounts. Amounts in a report are rounded (万元 to two decimals), so a
/// stated percentage agrees when some pair of values inside the amounts' rounding intervals gives it at its printed
/// precision: the checker only objects to what no rounding can explain.
/// </summary>
internal static class Ratio
{
    /// <summary>
    /// The interval of numerator / denominator when each may be off by its half unit; null when the denominator may be
    /// zero or a quotient is no rate (Forms.DomainRanges.Rate: 10^15 亿元 over 0.000001 元 is no share of anything).
    /// </summary>
    public static (decimal Low, decimal High)? Interval(decimal numerator, decimal numeratorHalf, decimal denominator, decimal denominatorHalf)
    {
        var dLow = denominator - denominatorHalf;
        if (dLow <= 0m) return null;
        var dHigh = denominator + denominatorHalf;
        var nLow = numerator - numeratorHalf;
        var nHigh = numerator + numeratorHalf;
        if (Of(nLow, dHigh) is not { } a || Of(nLow, dLow) is not { } b || Of(nHigh, dLow) is not { } c || Of(nHigh, dHigh) is not { } d) return null;
        return (Math.Min(a, b), Math.Max(c, d));
    }

    /// <summary>numerator ÷ denominator as a rate, null when there is none (zero or out-of-range base).</summary>
    public static decimal? Of(decimal numerator, decimal denominator) => Forms.DomainRanges.Rate(numerator, denominator);

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

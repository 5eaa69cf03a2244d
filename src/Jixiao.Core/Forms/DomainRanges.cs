namespace Jixiao.Core.Forms;

/// <summary>
/// The ranges a number on a performance form can take, decided once. A number outside them is no form's number (a
/// misreading, a typing slip, a hostile request): the checker reports it (value-out-of-range), the notation parser keeps
/// such text as text, and every computation leaves it out and says why. Inside them no sum, product or quotient the
/// rules take can overflow a decimal, so arithmetic on the domain never throws.
/// </summary>
public static class DomainRanges
{
    /// <summary>
    /// The largest amount, in the unit the form prints (元 or 万元): 10^15. China's whole general public budget spends
    /// about 2.5 × 10^13 元 a year (2020: 24.6万亿元), so no budget form, of any unit at any level, can hold more than a
    /// fortieth of this; sums of thousands of rows of it stay far inside decimal's 7.9 × 10^28.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>
    /// The largest weight, score or total: 1000. Every form is scored on a 100-point scale (the rulebooks' total weight,
    /// §3.4); ten times that leaves room for any layout's subtotals and still keeps w × rate products small.
    /// </summary>
    public const decimal MaxScore = 1000m;

    /// <summary>
    /// The largest quantity in a 年度指标值 / 实际完成值 (counts, hours, percentages, amounts in a target): 10^15, the same
    /// bound as money (the largest quantities written are amounts and visit counts such as 1.2亿人次).
    /// </summary>
    public const decimal MaxQuantity = MaxAmount;

    /// <summary>
    /// The most decimals a printed number has: 6. Forms print money to 2 decimals (元) or 4–6 (万元 to the 分), rates to
    /// 0–2, scores to 0–2; a 7th decimal is no print, and bounding it keeps every quotient of two numbers finite.
    /// </summary>
    public const int MaxDecimals = 6;

    /// <summary>The most decimals a percentage is printed with (0..6, see <see cref="MaxDecimals"/>).</summary>
    public const int MaxPercentDecimals = MaxDecimals;

    /// <summary>
    /// The largest rate as a fraction: 10,000 (1,000,000%). The highest rates seen are execution rates of a few hundred
    /// percent (seed 000: 234.10%) and growth rates of a few thousand in reports; a larger quotient means a mistyped base.
    /// </summary>
    public const decimal MaxRate = 10_000m;

    /// <summary>
    /// The largest rate computed from two amounts, as a fraction: 10^22. A computed rate far beyond any stated one (an
    /// 执行数 over a budget typed a million times too small) is kept, so that the checker can show it and call it
    /// implausible (issue 15: "an execution rate of 10²¹ % is kept and flagged"); the bound keeps its percentage points
    /// (× 100), their rounding and a score (× a weight of at most <see cref="MaxScore"/>) inside decimal's 7.9 × 10^28.
    /// </summary>
    public const decimal MaxComputedRate = 10_000_000_000_000_000_000_000m;

    /// <summary>True when <paramref name="amount"/> is an amount a budget form can hold.</summary>
    public static bool IsAmount(decimal amount) => Math.Abs(amount) <= MaxAmount;

    /// <summary>True when a nullable amount is absent or within range.</summary>
    public static bool IsAmount(decimal? amount) => amount is not { } a || IsAmount(a);

    /// <summary>True when <paramref name="score"/> is a weight, score or total a form can state.</summary>
    public static bool IsScore(decimal score) => Math.Abs(score) <= MaxScore;

    /// <summary>True when a nullable weight or score is absent or within range.</summary>
    public static bool IsScore(decimal? score) => score is not { } s || IsScore(s);

    /// <summary>True when a quantity of a target or actual is within range and printed with at most <see cref="MaxDecimals"/> decimals.</summary>
    public static bool IsQuantity(decimal quantity) => Math.Abs(quantity) <= MaxQuantity && Significant(quantity) <= MaxDecimals;

    /// <summary>True when a stated percentage has a printable precision (0..6 decimals) and a rate no form states beyond.</summary>
    public static bool IsPercentage(Percentage percentage) =>
        percentage.Decimals is >= 0 and <= MaxPercentDecimals && Math.Abs(percentage.Fraction) <= MaxRate;

    /// <summary>True when a nullable percentage is absent or within range.</summary>
    public static bool IsPercentage(Percentage? percentage) => percentage is not { } p || IsPercentage(p);

    /// <summary>
    /// numerator ÷ denominator as a rate: null when the denominator is zero (no rate exists) or the quotient lies beyond
    /// <see cref="MaxComputedRate"/>. Never throws, whatever the two numbers.
    /// </summary>
    public static decimal? Rate(decimal numerator, decimal denominator)
    {
        if (denominator == 0m) return null;
        // |n| / |d| > MaxComputedRate exactly when |n| > MaxComputedRate × |d|; the product is taken only where it cannot overflow.
        var n = Math.Abs(numerator);
        var d = Math.Abs(denominator);
        if (d <= decimal.MaxValue / MaxComputedRate && n > MaxComputedRate * d) return null;
        return numerator / denominator;
    }

    /// <summary>The decimals a value needs (trailing zeros ignored): 1.50 needs 1, 1e-28 needs 28.</summary>
    private static int Significant(decimal value) => (value / 1.0000000000000000000000000000m).Scale;
}

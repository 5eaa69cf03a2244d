using System.Globalization;

namespace Jixiao.Core.Scoring;

/// <summary>The scores a qualitative row may have: [Min, Max] or [Min, Max).</summary>
public readonly record struct ScoreInterval(decimal Min, decimal Max, bool MaxInclusive)
{
    public bool Contains(decimal score) => score >= Min && (MaxInclusive ? score <= Max : score < Max);

    /// <summary>
    /// The allowed score nearest to <paramref name="score"/> at the printed precision: for [6, 8) a stated 10 becomes 7.99.
    /// </summary>
    public decimal Nearest(decimal score, int decimals)
    {
        if (Contains(score)) return score;
        if (score < Min) return Min;
        if (MaxInclusive) return Max;
        var step = new decimal(1, 0, 0, false, (byte)decimals);
        return Math.Max(Min, Max - step);
    }

    public string ToString(int decimals) =>
        "[" + Min.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ", "
        + Max.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (MaxInclusive ? "]" : ")");

    public override string ToString() =>
        "[" + Min.ToString(CultureInfo.InvariantCulture) + ", " + Max.ToString(CultureInfo.InvariantCulture) + (MaxInclusive ? "]" : ")");
}

namespace Jixiao.Documents.Recognition;

/// <summary>Whether two organisation names mean the same unit, as the recogniser compares words (<see cref="TextNorm.Key"/>).</summary>
public static class UnitNames
{
    /// <summary>
    /// Equal after normalising (full-width, 繁體, spacing), or one contained in the other: a form often names its unit
    /// with a qualifier ("…（本级）") or the unit's short name. Either name missing: nothing to compare, so the same.
    /// </summary>
    public static bool Same(string? a, string? b)
    {
        var (x, y) = (TextNorm.Key(a), TextNorm.Key(b));
        if (x.Length == 0 || y.Length == 0) return true;
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }
}

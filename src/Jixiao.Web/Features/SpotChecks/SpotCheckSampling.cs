namespace Jixiao.Web.Features.SpotChecks;

/// <summary>
/// Draws a spot-check sample reproducibly. Each form gets a number u in (0, 1) from the seed and its own id alone
/// (SplitMix64), so the same seed over the same forms always draws the same sample, whatever order they were read in
/// and whichever .NET runs it. Uniform sampling takes the forms with the largest u; risk-weighted sampling takes the
/// largest ln(u) ÷ w with w = 1 + risk (Efraimidis–Spirakis sampling without replacement: a form's chance grows with
/// its weight, and a form with no risk still has a chance).
/// </summary>
public static class SpotCheckSampling
{
    public sealed record Candidate(int FormId, decimal Risk);

    public static IReadOnlyList<int> Draw(IEnumerable<Candidate> population, int size, long seed, bool weighted) =>
        population
            .Select(c => (c.FormId, Key: weighted ? Math.Log(Uniform(seed, c.FormId)) / (1d + (double)Math.Max(c.Risk, 0m)) : Uniform(seed, c.FormId)))
            .OrderByDescending(c => c.Key).ThenBy(c => c.FormId)
            .Take(Math.Max(size, 0))
            .Select(c => c.FormId)
            .ToList();

    /// <summary>The size a rate asks of a population: rounded up, so a non-zero rate always draws at least one form.</summary>
    public static int SizeOf(decimal rate, int population) =>
        (int)Math.Min(population, Math.Ceiling(rate * population));

    private static double Uniform(long seed, int formId)
    {
        var x = SplitMix64(unchecked((ulong)seed ^ (0x9E3779B97F4A7C15UL * (ulong)(uint)formId)));
        return ((x >> 11) + 0.5d) / (1UL << 53);
    }

    private static ulong SplitMix64(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

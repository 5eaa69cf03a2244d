using Jixiao.Fuzz;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// The CI round of bench/Jixiao.Fuzz: a fixed seed and a few hundred mutated files per format through read, recognise,
/// score and check. A refusal is an answer; any other exception, or a case over five seconds, is a defect. At least half
/// of each format's mutations must get past the reader, or the round would only test the format checks.
/// </summary>
/// <remarks>
/// It runs alone (its own collection, not in parallel with other tests) and calls a case hung after 15 s rather than the
/// long round's 5 s: wall-clock time on a shared CI machine is not the measure (docs/reliability.md is); an endless loop
/// is caught either way.
/// </remarks>
[Collection(nameof(A_short_fuzz_round_finds_no_crash))]
[CollectionDefinition(nameof(A_short_fuzz_round_finds_no_crash), DisableParallelization = true)]
public sealed class A_short_fuzz_round_finds_no_crash
{
    private static readonly Lazy<Dictionary<string, List<byte[]>>> Valid = new(() => Inputs.BuildAsync(renderPdf: true, pdfForms: 2).GetAwaiter().GetResult());

    private static readonly Dictionary<string, Lazy<FormatResult>> Rounds = Inputs.Formats.ToDictionary(f => f, f => new Lazy<FormatResult>(() =>
        FuzzRound.Run(f, Valid.Value[f], new FuzzOptions { CasesPerFormat = f == "pdf" ? 100 : 200, Seed = 20201231, HangAfter = TimeSpan.FromSeconds(15) })));

    public static TheoryData<string> Formats => new(Inputs.Formats);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reading_and_recognising_mutated_files_raise_no_exception_and_none_hangs(string format)
    {
        var result = Rounds[format].Value;

        Assert.True(result.CrashesByStage.GetValueOrDefault("read") == 0 && result.CrashesByStage.GetValueOrDefault("recognise") == 0 && result.Hangs == 0,
            string.Join('\n', result.Failures.Where(f => !f.Contains("Crash in check", StringComparison.Ordinal))));
        Assert.True(result.ReachedShare >= 0.5, $"only {result.Reached} of {result.Cases} reached the recogniser");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Scoring_and_checking_the_forms_of_mutated_files_raise_no_exception(string format)
    {
        var result = Rounds[format].Value;

        Assert.True(result.CrashesByStage.GetValueOrDefault("check") == 0, string.Join('\n', result.Failures));
    }
}

using System.Diagnostics;
using System.Globalization;
using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Xlsx;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Bench;

/// <summary>
/// Forms per second by processor time instead of wall time: on a machine shared with other jobs (our CI, our
/// two-core workstations under parallel builds) wall-clock medians measure the queue, not the code. Runs in-process on
/// one thread, after a warm-up long enough for tiered JIT to finish.
/// </summary>
internal static class CpuTime
{
    public static void Run(TextWriter output, IReadOnlyCollection<string> only)
    {
        bool Wanted(string format, string seed) =>
            (!only.Any(o => o is "text" or "xlsx") || only.Contains(format)) && (!only.Any(o => o.All(char.IsAsciiDigit)) || only.Contains(seed));
        foreach (var seed in new[] { "000", "002", "003" })
        {
            if (!Wanted("text", seed)) continue;
            var text = File.ReadAllText(RepoPaths.Seed(seed));
            MeasurePair(output, "text", seed, () => FormRecognizer.Recognize(TextReader.Read(text, seed)).Count,
                () => Check(seed, FormRecognizer.Recognize(TextReader.Read(text, seed))));
        }
        foreach (var seed in new[] { "000", "003" })
        {
            if (!Wanted("xlsx", seed)) continue;
            var bytes = SeedWorkbook.Build(seed);
            MeasurePair(output, "xlsx", seed, () => FormRecognizer.Recognize(XlsxReader.Read(new MemoryStream(bytes), seed + ".xlsx")).Count,
                () => Check(seed + ".xlsx", FormRecognizer.Recognize(XlsxReader.Read(new MemoryStream(bytes), seed + ".xlsx"))));
        }
    }

    /// <summary>
    /// Reading alone and reading + checking, their rounds interleaved: the ratio of the two is the issue-4 criterion, and
    /// a load that changes during the run (other jobs on the machine) then weighs on both alike.
    /// </summary>
    private static void MeasurePair(TextWriter output, string format, string seed, Func<int> read, Func<int> readAndCheck)
    {
        var forms = read();
        WarmUp(read);
        WarmUp(readAndCheck);
        Thread.Sleep(500);
        var readSamples = new List<double>();
        var checkSamples = new List<double>();
        for (var round = 0; round < 15; round++)
        {
            readSamples.Add(Round(read));
            checkSamples.Add(Round(readAndCheck));
        }
        var readMedian = Median(readSamples);
        var checkMedian = Median(checkSamples);
        Report(output, format, seed, forms, readMedian);
        Report(output, format + "+check", seed, forms, checkMedian);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format}+check seed {seed}: {checkMedian / readMedian:F2}× the time of reading alone (issue 4: checking must not halve throughput, so below 2.00×)"));
    }

    /// <summary>
    /// Runs an operation for at least three seconds: a fixed count finished before tiered JIT had recompiled the checker's
    /// many rarely-taken paths, and the first rounds then measured the compiler, not the checker.
    /// </summary>
    private static void WarmUp(Func<int> operation)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2000 || clock.Elapsed < TimeSpan.FromSeconds(3); i++) operation();
    }

    internal static double Round(Func<int> operation)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        const int operations = 200;
        for (var i = 0; i < operations; i++) operation();
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalMicroseconds / operations;
    }

    internal static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static void Report(TextWriter output, string format, string seed, int forms, double median) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format} seed {seed}: {forms} forms per document, median {median:F1} µs processor time → {forms / median * 1e6:F0} forms/s"));

    // Issue 4: checking must not halve reading's throughput, so read+check is measured as one operation, the way the
    // CLI's check command runs it (all forms of the document as one set, so duplicate and report rules run too).
    private static int Check(string document, IReadOnlyList<Jixiao.Core.Forms.PerformanceForm> forms)
    {
        Checker.Check([.. forms.Select(form => new DocumentForm(document, form))], Rulebooks.Default);
        return forms.Count;
    }

}

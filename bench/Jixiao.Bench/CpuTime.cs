using System.Diagnostics;
using System.Globalization;
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
    public static void Run(TextWriter output)
    {
        foreach (var seed in new[] { "000", "002", "003" })
        {
            var text = File.ReadAllText(RepoPaths.Seed(seed));
            Measure(output, "text", seed, () => FormRecognizer.Recognize(TextReader.Read(text, seed)).Count);
        }
        foreach (var seed in new[] { "000", "003" })
        {
            var bytes = SeedWorkbook.Build(seed);
            Measure(output, "xlsx", seed, () => FormRecognizer.Recognize(XlsxReader.Read(new MemoryStream(bytes), seed + ".xlsx")).Count);
        }
    }

    private static void Measure(TextWriter output, string format, string seed, Func<int> operation)
    {
        var process = Process.GetCurrentProcess();
        var forms = 0;
        for (var i = 0; i < 2000; i++) forms = operation();
        Thread.Sleep(500);
        var samples = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            const int operations = 300;
            for (var i = 0; i < operations; i++) operation();
            process.Refresh();
            samples.Add((process.TotalProcessorTime - start).TotalMicroseconds / operations);
        }
        samples.Sort();
        var median = samples[samples.Count / 2];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format} seed {seed}: {forms} forms per document, median {median:F1} µs processor time → {forms / median * 1e6:F0} forms/s"));
    }
}

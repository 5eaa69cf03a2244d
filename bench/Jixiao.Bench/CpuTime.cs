using System.Diagnostics;
using System.Globalization;
using Jixiao.Documents.Recognition;
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
        var process = Process.GetCurrentProcess();
        foreach (var seed in new[] { "000", "002", "003" })
        {
            var text = File.ReadAllText(RepoPaths.Seed(seed));
            var forms = 0;
            for (var i = 0; i < 3000; i++) forms = FormRecognizer.Recognize(TextReader.Read(text, seed)).Count;
            Thread.Sleep(500);
            var samples = new List<double>();
            for (var round = 0; round < 9; round++)
            {
                process.Refresh();
                var start = process.TotalProcessorTime;
                const int operations = 500;
                for (var i = 0; i < operations; i++) FormRecognizer.Recognize(TextReader.Read(text, seed));
                process.Refresh();
                samples.Add((process.TotalProcessorTime - start).TotalMicroseconds / operations);
            }
            samples.Sort();
            var median = samples[samples.Count / 2];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}: {forms} forms per document, median {median:F1} µs processor time → {forms / median * 1e6:F0} forms/s"));
        }
    }
}

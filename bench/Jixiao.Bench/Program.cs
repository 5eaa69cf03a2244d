using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Jixiao.Bench;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

if (args is ["cpu", .. var only])
{
    // "cpu 002 xlsx": only those seeds and formats (all when none is named).
    CpuTime.Run(Console.Out, only);
    return;
}

if (args is ["library"])
{
    LibraryBenchmarks.Run(Console.Out);
    return;
}

if (args is ["rules", var profiledSeed])
{
    CheckProfile.Run(Console.Out, profiledSeed);
    return;
}

// One core: the target (≥ 5,000 text forms/s) is per core, and CI machines have two shared by parallel jobs.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithIterationCount(10).WithAffinity(1).WithId("one-core"));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(TextReadingBenchmarks).Assembly).Run(args, config);

foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } stats || report.BenchmarkCase.Parameters["Seed"] is not string seed) continue;
        var forms = FormRecognizer.Recognize(TextReader.Read(File.ReadAllText(RepoPaths.Seed(seed)), seed)).Count;
        var perSecond = forms / (stats.Median / 1e9);
        var format = report.BenchmarkCase.Descriptor.Type == typeof(XlsxReadingBenchmarks) ? "xlsx" : "text";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format} seed {seed}: {forms} forms per document, median {stats.Median / 1000:F1} µs → {perSecond:F0} forms/s on one core"));
    }
}

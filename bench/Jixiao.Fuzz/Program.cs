using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Jixiao.Fuzz;

// dotnet run -c Release --project bench/Jixiao.Fuzz -- [--cases N per format] [--minutes M per format] [--seed S] [--formats txt,xlsx]
//     [--save DIR] [--no-chromium] [--hostile-only] [--no-hostile] [--case N (one case again, with --seed and --formats)]
//     [--first N (start at case N: a long round in chunks, so a harness that dies loses one chunk)]
var options = new FuzzOptions();
var renderPdf = true;
var hostileOnly = false;
var hostile = true;
var casesGiven = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--cases": options = options with { CasesPerFormat = int.Parse(args[++i], CultureInfo.InvariantCulture) }; casesGiven = true; break;
        case "--minutes": options = options with { Duration = TimeSpan.FromMinutes(double.Parse(args[++i], CultureInfo.InvariantCulture)) }; break;
        case "--seed": options = options with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--formats": options = options with { Formats = args[++i].Split(',') }; break;
        case "--first": options = options with { FirstCase = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--no-hostile": hostile = false; break;
        case "--case": options = options with { OnlyCase = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--save": options = options with { SaveDirectory = args[++i] }; break;
        case "--no-chromium": renderPdf = false; break;
        case "--hostile-only": hostileOnly = true; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}

// A time alone means as many cases as fit in it.
if (options.Duration is not null && !casesGiven) options = options with { CasesPerFormat = int.MaxValue };

Console.WriteLine($"Jixiao fuzz round: seed {options.Seed}, {Environment.ProcessorCount} cores, {RuntimeInformationText()}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}");
Console.WriteLine();
if (hostile)
{
    Console.WriteLine("Hostile files (issue 14), each alone after a full collection; time of a first (cold) and a second run:");
    Console.WriteLine($"{"file",-22} {"size",9} {"cold",8} {"warm",8} {"peak WS",9}  answer");
}

var worst = 0L;
foreach (var (name, build) in hostile ? HostileFiles.All : [])
{
    var bytes = build();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var cold = FuzzRound.RunCase(bytes, name, options);
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var result = FuzzRound.RunCase(bytes, name, options);
    result = result with { PeakBytes = Math.Max(result.PeakBytes, cold.PeakBytes) };
    worst = Math.Max(worst, result.PeakBytes);
    var answer = result.Outcome switch
    {
        Outcome.Refused => $"refused, limit {result.Limit?.ToString() ?? "none"}: {result.Detail}",
        Outcome.Read => $"read: {result.Detail}",
        _ => $"{result.Outcome} in {result.Stage}: {result.Detail}",
    };
    Console.WriteLine($"{name,-22} {Size(bytes.Length),9} {cold.Elapsed.TotalSeconds,7:F2}s {result.Elapsed.TotalSeconds,7:F2}s {Size(result.PeakBytes),9}  {answer}");
}

if (hostileOnly) return 0;

Console.WriteLine();
var inputs = await Inputs.BuildAsync(renderPdf);
Console.WriteLine("Valid inputs: " + string.Join(", ", inputs.Select(p => $"{p.Key} {p.Value.Count}")));
var results = new List<FormatResult>();
var clock = Stopwatch.StartNew();
foreach (var format in options.Formats)
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    results.Add(FuzzRound.Run(format, inputs[format], options, Console.Out));
}

Console.WriteLine();
Console.WriteLine($"cases {options.OnlyCase ?? options.FirstCase} to {(options.OnlyCase is { } only ? only : options.FirstCase + options.CasesPerFormat - 1)}");
Console.WriteLine("(slowest: the most processor time one case took; wall: the most clock time, waiting for a core included)");
Console.WriteLine($"{"format",-6} {"cases",7} {"refused",8} {"reached",8} {"share",6} {"crashes",8} {"hangs",6} {"slowest",8} {"peak WS",9}  {"wall",8} crashes by stage");
foreach (var r in results)
    Console.WriteLine($"{r.Format,-6} {r.Cases,7} {r.Refused,8} {r.Reached,8} {r.ReachedShare,6:P0} {r.Crashes,8} {r.Hangs,6} {r.Slowest.TotalSeconds,7:F2}s {Size(r.PeakBytes),9}  {r.SlowestWall.TotalSeconds,7:F2}s "
        + string.Join(", ", r.CrashesByStage.Select(s => $"{s.Key} {s.Value}")));
Console.WriteLine($"total {clock.Elapsed.TotalMinutes:F1} min; process peak working set {Size(Process.GetCurrentProcess().PeakWorkingSet64)}");
foreach (var r in results)
{
    Console.WriteLine($"{r.Format} slowest: {r.SlowestCase}");
    Console.WriteLine($"{r.Format} mutations (refused/made): " + string.Join(", ",
        r.Kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {r.RefusedByKind.GetValueOrDefault(k.Key)}/{k.Value}")));
    foreach (var failure in r.Failures.Take(20)) Console.WriteLine("  " + failure);
}

return results.Any(r => r.Crashes > 0 || r.Hangs > 0) ? 1 : 0;

static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (1024.0 * 1024):F0} MB" : $"{bytes / 1024.0:F0} KB";

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

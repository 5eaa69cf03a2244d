using System.Diagnostics;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;

namespace Jixiao.Fuzz;

public sealed record FuzzOptions
{
    /// <summary>Cases per format; the round stops at this count or at <see cref="Duration"/>, whichever comes first.</summary>
    public int CasesPerFormat { get; init; } = 500;

    /// <summary>Time per format, or null for no time bound.</summary>
    public TimeSpan? Duration { get; init; }

    public int Seed { get; init; } = 14;

    public IReadOnlyList<string> Formats { get; init; } = Inputs.Formats;

    /// <summary>
    /// A case that has used this much processor time is a hang; the round goes on without it. Processor time, not the
    /// clock: on a shared machine at load 40 a case waits for a core far longer than it runs.
    /// </summary>
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A case still running after this much wall-clock time is a hang whatever its processor time (a wait, a starved machine).</summary>
    public TimeSpan WallClockBound { get; init; } = TimeSpan.FromSeconds(60);

    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>The first case number: a long round run in chunks continues where the last chunk stopped.</summary>
    public int FirstCase { get; init; }

    /// <summary>Run only this case number (to look again at one the round reported).</summary>
    public int? OnlyCase { get; init; }

    /// <summary>Where to save the bytes of each crashing or hanging case (none when null).</summary>
    public string? SaveDirectory { get; init; }
}

/// <summary>What one case came to.</summary>
public enum Outcome { Read, Refused, Crash, Hang }

/// <summary>One case: <see cref="Elapsed"/> is the worker thread's processor time (wall-clock where the system cannot tell), <see cref="Wall"/> the clock's.</summary>
public sealed record CaseResult(Outcome Outcome, string Stage, string Detail, ReadLimit? Limit, TimeSpan Elapsed, long PeakBytes, TimeSpan Wall = default);

public sealed record FormatResult(string Format, int Cases, int Refused, int Reached, int Crashes, int Hangs, long PeakBytes, TimeSpan Slowest,
    IReadOnlyList<string> Failures, IReadOnlyDictionary<string, int> Kinds, IReadOnlyDictionary<string, int> CrashesByStage,
    IReadOnlyDictionary<string, int> RefusedByKind, string SlowestCase, TimeSpan SlowestWall = default)
{
    public double ReachedShare => Cases == 0 ? 0 : (double)Reached / Cases;
}

/// <summary>
/// Runs mutated files through what an upload goes through — read, recognise, score and check — in this process, each
/// case on a worker with a deadline, and counts clean refusals (a <see cref="DocumentReadException"/>), crashes (any
/// other exception, at any stage), hangs and the peak working set.
/// </summary>
public static class FuzzRound
{
    public static FormatResult Run(string format, IReadOnlyList<byte[]> valid, FuzzOptions options, TextWriter? progress = null)
    {
        // The first file of a format compiles its parsers (seconds on a busy machine): that is start-up, not a hang.
        RunCase(valid[0], "warm-up." + format, options with { HangAfter = TimeSpan.FromMinutes(1), WallClockBound = TimeSpan.FromMinutes(5) });
        var clock = Stopwatch.StartNew();
        int cases = 0, refused = 0, reached = 0, crashes = 0, hangs = 0;
        long peak = 0;
        var slowest = TimeSpan.Zero;
        var slowestWall = TimeSpan.Zero;
        var slowestCase = "";
        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        var byStage = new Dictionary<string, int>();
        var refusedByKind = new Dictionary<string, int>();
        var first = options.OnlyCase ?? options.FirstCase;
        var last = options.OnlyCase is { } only ? only + 1 : options.FirstCase + options.CasesPerFormat;
        for (var i = first; i < last && (options.Duration is not { } d || clock.Elapsed < d); i++)
        {
            // Not HashCode or string.GetHashCode: both are randomised per process, and a case must be the same every run.
            var random = new Random(unchecked((options.Seed * 1_000_003) + (StableHash(format) * 10_007) + i));
            var source = valid[random.Next(valid.Count)];
            var (bytes, kind) = Mutator.Mutate(format, source, random);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var name = $"case-{options.Seed}-{i}.{format}";
            var result = RunCase(bytes, name, options);
            cases++;
            peak = Math.Max(peak, result.PeakBytes);
            if (result.Wall > slowestWall) slowestWall = result.Wall;
            if (result.Elapsed > slowest)
            {
                slowest = result.Elapsed;
                slowestCase = $"{name} ({kind})";
            }
            switch (result.Outcome)
            {
                case Outcome.Refused:
                    refused++;
                    refusedByKind[kind] = refusedByKind.GetValueOrDefault(kind) + 1;
                    break;
                case Outcome.Read: reached++; break;
                case Outcome.Crash or Outcome.Hang:
                    if (result.Outcome == Outcome.Crash)
                    {
                        crashes++;
                        byStage[result.Stage] = byStage.GetValueOrDefault(result.Stage) + 1;
                    }
                    else
                    {
                        hangs++;
                        reached++;
                    }
                    if (result.Outcome == Outcome.Crash && result.Stage != "read") reached++;
                    failures.Add($"{name} ({kind}): {result.Outcome} in {result.Stage}: {result.Detail}");
                    if (options.SaveDirectory is { } dir)
                    {
                        Directory.CreateDirectory(dir);
                        File.WriteAllBytes(Path.Combine(dir, name), bytes);
                    }
                    break;
            }

            if (options.OnlyCase is not null) progress?.WriteLine($"  {name} ({kind}): {result.Outcome} in {result.Elapsed.TotalSeconds:F2} s: {result.Detail}");
            if (progress is not null && (i + 1) % 500 == 0)
                progress.WriteLine($"  {format}: {i + 1} cases, {crashes} crashes, {hangs} hangs, {clock.Elapsed.TotalSeconds:F0} s");
        }

        return new FormatResult(format, cases, refused, reached, crashes, hangs, peak, slowest, failures, kinds, byStage, refusedByKind, slowestCase, slowestWall);
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var ch in text) hash = unchecked((hash * 31) + ch);
        return hash;
    }

    /// <summary>
    /// One file through the pipeline on a worker thread, watched for <see cref="FuzzOptions.HangAfter"/>; the working
    /// set is sampled meanwhile. A worker that overruns is left running (a thread cannot be stopped) and reported.
    /// </summary>
    public static CaseResult RunCase(byte[] bytes, string name, FuzzOptions options)
    {
        var stage = "read";
        var outcome = Outcome.Read;
        var detail = "";
        ReadLimit? limit = null;
        var clock = Stopwatch.StartNew();
        string? statPath = null;
        TimeSpan? finalCpu = null;
        using var started = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            statPath = ThreadCpu.StatPathOfCurrentThread();
            started.Set();
            try
            {
                var document = DocumentReader.Read(new MemoryStream(bytes, writable: false), name, options.Limits);
                var read = clock.Elapsed;
                stage = "recognise";
                var forms = FormRecognizer.Recognize(document);
                var recognised = clock.Elapsed;
                detail = $"{forms.Count} forms (read {read.TotalSeconds:F2} s, recognise {(recognised - read).TotalSeconds:F2} s)";
                stage = "check";
                var rulebook = Rulebooks.Default;
                foreach (var form in forms)
                    if (form.Kind is FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation) Scorer.Score(form, rulebook);
                Checker.Check(forms.Select(f => new DocumentForm(name, f)).ToList(), rulebook);
                detail = $"{detail[..^1]}, check {(clock.Elapsed - recognised).TotalSeconds:F2} s)";
                stage = "done";
            }
            catch (DocumentReadException e) when (stage == "read")
            {
                outcome = Outcome.Refused;
                limit = e.Limit;
                detail = e.Message;
            }
            catch (Exception e)
            {
                outcome = Outcome.Crash;
                // The first frame of the product's own code says where, more than the runtime's frame that threw.
                var frames = e.StackTrace?.Split('\n') ?? [];
                detail = $"{e.GetType().Name}: {e.Message} at {(frames.FirstOrDefault(f => f.Contains("Jixiao.", StringComparison.Ordinal)) ?? frames.FirstOrDefault())?.Trim()}";
            }
            finally
            {
                finalCpu = ThreadCpu.Of(statPath);
            }
        }, maxStackSize: 0) { IsBackground = true, Name = name };

        long peak = Environment.WorkingSet;
        worker.Start();
        started.Wait();
        while (!worker.Join(10))
        {
            peak = Math.Max(peak, Environment.WorkingSet);
            // A thread that ended between the join and the look at its /proc entry has no entry left: it is done, not hung.
            var measured = ThreadCpu.Of(statPath);
            if (measured is null && statPath is not null && clock.Elapsed <= options.WallClockBound) continue;
            var cpu = measured ?? clock.Elapsed;
            if (cpu > options.HangAfter || clock.Elapsed > options.WallClockBound)
                return new CaseResult(Outcome.Hang, stage, $"still running after {cpu.TotalSeconds:F1} s of processor time, {clock.Elapsed.TotalSeconds:F0} s by the clock",
                    null, cpu, peak, clock.Elapsed);
        }

        peak = Math.Max(peak, Environment.WorkingSet);
        return new CaseResult(outcome, stage, detail, limit, finalCpu ?? clock.Elapsed, peak, clock.Elapsed);
    }
}

/// <summary>A thread's processor time, from Linux's /proc (null elsewhere, where the harness falls back to the clock).</summary>
internal static class ThreadCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux the project runs on

    public static string? StatPathOfCurrentThread()
    {
        try
        {
            return new FileInfo("/proc/thread-self").LinkTarget is { } target ? $"/proc/{target}/stat" : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static TimeSpan? Of(string? statPath)
    {
        if (statPath is null) return null;
        try
        {
            var stat = File.ReadAllText(statPath);
            // Fields after the command name (which may hold spaces) in brackets: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Reports;
using Jixiao.Core.Checks.Sets;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Bench;

/// <summary>
/// Where checking a document's forms spends its processor time, rule by rule, over forms already read: the cpu mode says
/// how much checking costs against reading, this says which rule to look at first.
/// </summary>
internal static class CheckProfile
{
    public static void Run(TextWriter output, string seed)
    {
        var forms = FormRecognizer.Recognize(TextReader.Read(File.ReadAllText(RepoPaths.Seed(seed)), seed))
            .Select(form => new DocumentForm(seed, form)).ToList();
        var rulebook = Rulebooks.Default;
        var parts = new List<(string Name, Action Operation)>();
        foreach (var (form, index) in forms.Select((f, i) => (f.Form, i)))
        {
            var name = $"form {index} {form.Kind}";
            if (!string.IsNullOrEmpty(form.Text))
                parts.Add(($"{name}: report sentences", () => ReportFigures.Extract(form.Text)));
            foreach (var rule in Checker.Rules)
                parts.Add(($"{name}: {rule.GetType().Name}", () => rule.Check(new CheckContext(form, rulebook)).Count()));
        }
        parts.Add(("set: DuplicateFormRule", () => DuplicateFormRule.Check(forms).Count()));
        parts.Add(("set: ReportTableRule", () => ReportTableRule.Check(forms, rulebook).Count()));
        parts.Add(("whole: Checker.Check", () => Checker.Check(forms, rulebook)));

        // Every part runs for a while before any is measured: tiered JIT recompiles the shared helpers only after many calls.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
            foreach (var (_, operation) in parts) operation();
        var results = new List<(string Name, double Micros)>();
        foreach (var (name, operation) in parts)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMilliseconds(300)) operation();
            results.Add((name, Measure(operation)));
        }
        // A rule's time includes building its CheckContext (and extracting report sentences for the report rules).
        var context = results.Where(r => r.Name.EndsWith(": ReadingUncertainRule", StringComparison.Ordinal)).Sum(r => r.Micros);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: contexts + ReadingUncertainRule ≈ {context:F1} µs"));
        foreach (var (name, micros) in results.Where(r => r.Micros >= 0.5).OrderByDescending(r => r.Micros))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{micros,8:F1} µs  {name}"));
    }

    private static double Measure(Action operation)
    {
        var samples = new List<double>();
        for (var round = 0; round < 7; round++) samples.Add(CpuTime.Round(() => { operation(); return 0; }));
        return CpuTime.Median(samples);
    }
}

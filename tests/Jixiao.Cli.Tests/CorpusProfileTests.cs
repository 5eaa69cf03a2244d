using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data.Generation;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// The generator's profile (src/Jixiao.Data/Generation/profile.json) is what the real corpus measures with today's
/// readers and checker. Run with JIXIAO_UPDATE_PROFILE=1 to rewrite the file after the corpus or the readers change.
/// </summary>
public class CorpusProfileTests
{
    private static readonly Lazy<CorpusProfile> Measured = new(Measure);

    /// <summary>Reads every corpus document (and the audited forms) and measures what the generator imitates.</summary>
    internal static CorpusProfile Measure()
    {
        var files = Directory.GetFiles(RepoPaths.Corpus, "*.txt").Concat(Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "audited"), "*.txt"))
            .Concat(Directory.GetFiles(RepoPaths.Seeds, "*.txt")).Order(StringComparer.Ordinal).ToList();
        var results = CheckedDocuments.Check(files.Select(f => (Path.GetFileName(f), f)));
        var forms = results.Select(r => r.Form).ToList();
        var trees = new[] { 2020, 2021 }.SelectMany(y => Core.Rulebooks.Rulebooks.NationalFor(y).Forms)
            .SelectMany(t => t.Blocks).SelectMany(b => b.Children).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var rows = forms.SelectMany(f => f.Indicators).Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        var level2 = rows.Where(r => r.Level2 is not null && trees.Contains(r.Level2)).ToList();
        var shapes = rows.Select(r => ValueShapes.Of(r.Target)).OfType<string>().ToList();
        var units = forms.Where(f => f.MoneyUnit is not null && f.Funds.Count > 0).ToList();
        var tables = results.Where(r => r.Form.Kind != FormKind.Report || r.Form.Text is not null).ToList();
        return new CorpusProfile
        {
            Source = "../shared/corpus/*.txt, corpus/audited/*.txt and seeds/*.txt through TextReader, FormRecognizer and Checker (national-2020), measured by tests/Jixiao.Cli.Tests/CorpusProfileTests",
            Documents = files.Count,
            FormsByKind = forms.GroupBy(f => f.Kind.Code()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            IndicatorRows = forms.Where(f => f.Indicators.Any(r => !string.IsNullOrWhiteSpace(r.Name))).GroupBy(f => f.Kind.Code())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Spread.Of(g.Select(f => (decimal)f.Indicators.Count(r => !string.IsNullOrWhiteSpace(r.Name))).ToList())),
            Level2Shares = level2.GroupBy(r => r.Level2!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Share(g.Count(), level2.Count)),
            TargetShapes = ValueShapes.All.ToDictionary(s => s, s => Share(shapes.Count(x => x == s), shapes.Count)),
            YuanShare = Share(units.Count(f => f.MoneyUnit == MoneyUnit.Yuan), units.Count),
            ReportLength = Spread.Of(forms.Where(f => f.Kind == FormKind.Report && !string.IsNullOrWhiteSpace(f.Text)).Select(f => (decimal)f.Text!.Length).ToList()),
            GoalLength = Spread.Of(forms.Select(f => f.PlannedGoal).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (decimal)t!.Length).ToList()),
            IndicatorNameLength = Spread.Of(rows.Select(r => (decimal)r.Name!.Trim().Length).ToList()),
            ErrorShare = tables.GroupBy(r => r.Form.Kind.Code()).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Share(g.Count(r => r.Findings.Any(f => f.Severity == Severity.Error)), g.Count())),
            ErrorCodes = results.SelectMany(r => r.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code).Distinct())
                .GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            AuditedErrorShare = AuditedErrorShare(),
        };
    }

    /// <summary>The share of audited forms in which the auditor found a definite inconsistency (a "- [A]" line in AUDIT.md).</summary>
    private static decimal AuditedErrorShare()
    {
        var sections = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "audited", "AUDIT.md")).Split("\n## ").Skip(1).ToList();
        return Share(sections.Count(s => s.Contains("\n- [A] ", StringComparison.Ordinal)), sections.Count);
    }

    private static decimal Share(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 3, MidpointRounding.AwayFromZero);

    [Fact]
    public void The_shipped_profile_is_what_the_corpus_measures()
    {
        var measured = Measured.Value;
        if (Environment.GetEnvironmentVariable("JIXIAO_UPDATE_PROFILE") == "1")
            File.WriteAllText(Path.Combine(RepoPaths.Root, "src", "Jixiao.Data", "Generation", "profile.json"),
                JsonSerializer.Serialize(measured, CorpusProfile.Json) + "\n");
        var shipped = CorpusProfile.Shipped;
        Assert.Equal(measured.Documents, shipped.Documents);
        // Readers improve under other issues; the profile follows within a tolerance instead of breaking on every fix.
        Assert.Equal(measured.FormsByKind.Keys.Order(), shipped.FormsByKind.Keys.Order());
        foreach (var (kind, count) in measured.FormsByKind) Assert.InRange(shipped.FormsByKind[kind], count * 0.7, count * 1.3 + 1);
        foreach (var (kind, spread) in measured.IndicatorRows) Assert.InRange(shipped.IndicatorRows[kind].Mean, spread.Mean * 0.7m, spread.Mean * 1.3m + 1);
        foreach (var (shape, share) in measured.TargetShapes) Assert.InRange(shipped.TargetShapes[shape], share - 0.1m, share + 0.1m);
        foreach (var (kind, share) in measured.ErrorShare) Assert.InRange(shipped.ErrorShare.GetValueOrDefault(kind), share - 0.15m, share + 0.15m);
        Assert.InRange(shipped.ReportLength.Median, measured.ReportLength.Median * 0.7m, measured.ReportLength.Median * 1.3m);
        Assert.Equal(measured.AuditedErrorShare, shipped.AuditedErrorShare);
        Assert.InRange(shipped.YuanShare, measured.YuanShare - 0.1m, measured.YuanShare + 0.1m);
    }
}

/// <summary>Generated names are made from word lists, never taken from the published documents the profile was measured on.</summary>
public class GeneratedNamesAreNotFromTheCorpusTests
{
    [Fact]
    public void No_generated_organisation_or_project_name_occurs_in_a_corpus_or_seed_document()
    {
        var texts = Directory.GetFiles(RepoPaths.Corpus, "*.txt", SearchOption.AllDirectories).Concat(Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
            .Select(File.ReadAllText).ToList();
        var generator = new ProvinceGenerator(11, 400);
        var names = generator.Organisations.Select(o => o.Name)
            .Concat(Enumerable.Range(0, 40).SelectMany(i => generator.Unit(i).Projects.Select(p => p.Name))).Distinct().ToList();
        Assert.True(names.Count > 400);
        var found = names.Where(n => texts.Any(t => t.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.True(found.Count == 0, string.Join("、", found));
    }
}

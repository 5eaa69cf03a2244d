using Jixiao.Core.Checks;
using Jixiao.Data.Generation;

namespace Jixiao.Data.Tests.Generation;

/// <summary>
/// Generated forms are valid checker input: a form generated clean gets no error finding, every mistake put in on purpose
/// is found by the checker under its code, so the share of forms with error findings is the share given a mistake.
/// </summary>
public class GeneratedFormsAreCheckerTestBedTests
{
    private static readonly Lazy<List<(GeneratedForm Form, IReadOnlyList<Finding> Findings)>> Checked = new(() =>
        new ProvinceGenerator(20261204, 30).Units().SelectMany(u => u.Forms)
            .Select(f => (f, Checker.Check(f.Form, ProvinceGenerator.RulebookFor(f.Form.Year!.Value)))).ToList());

    [Fact]
    public void Forms_generated_clean_get_no_error_finding()
    {
        var clean = Checked.Value.Where(c => !c.Form.HasErrorDefect).ToList();
        Assert.NotEmpty(clean);
        var wrong = clean.Where(c => c.Findings.Any(f => f.Severity == Severity.Error))
            .Select(c => $"{c.Form.Form.Kind} {c.Form.Form.Project}: " + string.Join("; ", c.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code + " " + f.Message)))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
    }

    [Fact]
    public void Every_mistake_put_in_is_found_under_its_code()
    {
        var injected = Checked.Value.Where(c => c.Form.Defects.Count > 0).ToList();
        Assert.NotEmpty(injected);
        var missed = injected.Where(c => c.Form.Defects.Any(d => !c.Findings.Any(f => f.Code == d.Code && f.Severity == d.Severity)))
            .Select(c => $"{c.Form.Form.Kind} {string.Join(",", c.Form.Defects.Select(d => d.Code))}: found " + string.Join(", ", c.Findings.Select(f => f.Code)))
            .ToList();
        Assert.True(missed.Count == 0, string.Join("\n", missed.Take(10)));
    }

    [Fact]
    public void The_share_of_forms_with_error_findings_is_the_share_given_a_mistake()
    {
        var all = Checked.Value;
        var withErrors = all.Count(c => c.Findings.Any(f => f.Severity == Severity.Error));
        Assert.Equal(all.Count(c => c.Form.HasErrorDefect), withErrors);
    }

    [Fact]
    public void Each_mistake_the_corpus_shows_occurs_in_a_generated_city()
    {
        var codes = Checked.Value.SelectMany(c => c.Form.Defects.Select(d => d.Code)).ToHashSet();
        foreach (var kind in Enum.GetValues<Core.Forms.FormKind>())
            foreach (var code in Defects.CodesFor(kind).Where(c => CorpusProfile.Shipped.ErrorCodes.GetValueOrDefault(c) > 0))
                Assert.Contains(code, codes);
    }
}

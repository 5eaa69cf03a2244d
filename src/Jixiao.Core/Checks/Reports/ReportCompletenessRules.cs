using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// A 自评报告 with no text at all (report-empty): nothing of what a report must say is said, so it cannot pass as one.
/// </summary>
public sealed class ReportEmptyRule : ICheckRule
{
    public string Code => CheckCodes.ReportEmpty;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Report || !string.IsNullOrWhiteSpace(form.Text)) yield break;
        var sections = ReportSections.For(form);
        var titles = sections.Count == 0 ? "" : $"（应写明{string.Join("、", sections.Select(s => s.Title))}）";
        yield return new Finding(
            CheckCodes.ReportEmpty, Severity.Error,
            $"自评报告没有正文{titles}。",
            "The self-evaluation report has no text.",
            new FindingLocation(Blocks.Report, null, "报告正文"));
    }
}

/// <summary>
/// A report that says something but lacks a section its template requires, or has the heading with nothing under it
/// (report-section-missing). Sections are recognised by their headings (<see cref="ReportOutline"/>), so a report
/// written elsewhere is held to the same outline as one written section by section in the editor. A text without any
/// heading the template knows is not held to the outline (a fragment, or a report laid out in some other way): only a
/// report organised by the template's sections, as every report written in the editor is, can be said to lack one.
/// </summary>
public sealed class ReportSectionMissingRule : ICheckRule
{
    public string Code => CheckCodes.ReportSectionMissing;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Report || string.IsNullOrWhiteSpace(form.Text)) yield break;
        var sections = ReportSections.For(form);
        if (sections.Count == 0) yield break;
        var parts = ReportOutline.Split(form.Text, sections);
        if (!parts.Any(p => p.HasHeading)) yield break;
        foreach (var part in parts)
        {
            if (!part.Section.Required || !string.IsNullOrWhiteSpace(part.Body)) continue;
            var what = part.HasHeading ? $"有“{part.Section.Title}”的标题但下面没有内容" : $"缺少“{part.Section.Title}”部分";
            yield return new Finding(
                CheckCodes.ReportSectionMissing, Severity.Warning,
                $"自评报告{what}。{(part.Section.Hint is { } hint ? "应写明：" + hint + "。" : "")}",
                $"The report's section {part.Section.Id} is {(part.HasHeading ? "empty" : "missing")}.",
                new FindingLocation(Blocks.Report, null, part.Section.Title));
        }
    }
}

/// <summary>
/// A part of the generated draft left for people to write and still in the report (report-draft-gap): the
/// 【请填写：…】 marker of <see cref="ReportOutline.DraftGap"/>, named with the section it sits in.
/// </summary>
public sealed class ReportDraftGapRule : ICheckRule
{
    public string Code => CheckCodes.ReportDraftGap;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Report || form.Text is not { } text || !text.Contains(ReportOutline.DraftGap, StringComparison.Ordinal)) yield break;
        var sections = ReportSections.For(form);
        var parts = sections.Count == 0 ? [] : ReportOutline.Split(text, sections);
        IEnumerable<(string? Field, string Body)> places = parts.Count == 0 ? [(null, text)] : parts.Select(p => ((string?)p.Section.Title, p.Body));
        foreach (var (field, body) in places)
        {
            var gaps = Gaps(body);
            if (gaps.Count == 0) continue;
            var shown = string.Join("、", gaps.Take(3)) + (gaps.Count > 3 ? $"等 {gaps.Count} 处" : "");
            yield return new Finding(
                CheckCodes.ReportDraftGap, Severity.Warning,
                $"自评报告{(field is null ? "" : $"“{field}”部分")}还留着草稿中待填写的内容：{shown}。",
                $"The report still holds {gaps.Count} part(s) of the draft left to write.",
                new FindingLocation(Blocks.Report, null, field ?? "报告正文"), gaps[0]);
        }
    }

    /// <summary>The markers in a text, each up to its closing bracket.</summary>
    private static List<string> Gaps(string text)
    {
        var gaps = new List<string>();
        for (var at = text.IndexOf(ReportOutline.DraftGap, StringComparison.Ordinal); at >= 0; at = text.IndexOf(ReportOutline.DraftGap, at + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf('】', at);
            gaps.Add(end < 0 ? text[at..Math.Min(text.Length, at + 30)] : text[at..(end + 1)]);
        }
        return gaps;
    }
}

/// <summary>The sections a report is held to: those of the report template it names, else of the default report template.</summary>
public static class ReportSections
{
    public static IReadOnlyList<ReportSectionTemplate> For(PerformanceForm form, TemplateRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        registry ??= TemplateRegistry.BuiltIn;
        // An evaluation carries its evaluator's report: that report's sections are the rubric template's.
        var kind = form.Kind == FormKind.Evaluation ? FormKind.Evaluation : FormKind.Report;
        var named = registry.Find(form.TemplateId, form.TemplateVersion);
        var template = named is { Sections.Count: > 0 } && named.Kind == kind ? named : registry.Default(kind, form.Year);
        return template?.Sections ?? [];
    }
}

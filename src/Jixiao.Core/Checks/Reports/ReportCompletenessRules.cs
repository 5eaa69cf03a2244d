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

/// <summary>The sections a report is held to: those of the report template it names, else of the default report template.</summary>
public static class ReportSections
{
    public static IReadOnlyList<ReportSectionTemplate> For(PerformanceForm form, TemplateRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        registry ??= TemplateRegistry.BuiltIn;
        var named = registry.Find(form.TemplateId, form.TemplateVersion);
        var template = named is { Kind: FormKind.Report } ? named : registry.Default(FormKind.Report, form.Year);
        return template?.Sections ?? [];
    }
}

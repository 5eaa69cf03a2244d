using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// Template text left in a filled form: placeholders (≥**平方米) and instructions (请填写…) that the unit should have
/// replaced with its own figures and words; the rulebook lists the marks. One finding per row (or goal), at its first
/// such cell.
/// </summary>
public sealed class TemplateTextRule : ICheckRule
{
    public string Code => CheckCodes.TemplateTextLeft;

    private static readonly (string Field, CellRole Role, Func<IndicatorRow, string?> Get)[] Cells =
    [
        ("三级指标", CellRole.Name, r => r.Name),
        ("指标内容", CellRole.Content, r => r.Content),
        ("年度指标值", CellRole.Target, r => r.Target),
        ("实际完成值", CellRole.Actual, r => r.Actual),
        ("偏差原因分析", CellRole.Explanation, r => r.Explanation),
    ];

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var settings = context.Rulebook.Checks;
        if (settings.TemplateMarkers.Count == 0 || context.Form.Kind == FormKind.Report) yield break;
        var form = context.Form;
        foreach (var (field, text) in new[] { ("年度总体目标", form.PlannedGoal), ("目标完成情况", form.ActualGoal) })
            if (Marked(settings, text) is { } mark)
                yield return Make(new FindingLocation(Blocks.Header, null, field, field), field, text!, mark);
        var rows = form.Indicators;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            foreach (var (field, role, get) in Cells)
            {
                var text = get(row);
                if (Marked(settings, text) is not { } mark || context.IsDoubtful(row.Source, role)) continue;
                yield return Make(Locations.Indicator(row, i, field), Locations.Label(row), text!, mark);
                break;
            }
        }
    }

    private static string? Marked(Rulebooks.RulebookChecks settings, string? text) =>
        Rulebooks.RulebookChecks.FirstOf(settings.TemplateStarts, settings.TemplateMarkers, text);

    private Finding Make(FindingLocation location, string label, string text, string mark) => new(
        Code, Severity.Warning,
        $"“{label}”中保留了模板文字“{Locations.Clean(text)}”（含“{mark}”），应替换为实际内容。",
        $"{label}: template text \"{text}\" left in the form.",
        location, Locations.Clean(text), "实际填写的内容", $"模板标记“{mark}”");
}

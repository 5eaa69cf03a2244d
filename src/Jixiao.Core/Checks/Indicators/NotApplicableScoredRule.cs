using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// Points given to an indicator the unit itself declares not applicable (不涉及, 无经济效益 — the rulebook's words):
/// an indicator with nothing to measure cannot have earned its weight; its weight belongs to indicators that apply.
/// </summary>
public sealed class NotApplicableScoredRule : ICheckRule
{
    public string Code => CheckCodes.NotApplicableScored;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        var settings = context.Rulebook.Checks;
        if (settings.NotApplicableWords.Count == 0) yield break;
        foreach (var r in context.Weighted)
        {
            if (r.Row.StatedScore is not { } score || score <= 0m || r.Weight is not > 0m) continue;
            if (NotApplicable(settings, r.Row) is not { } said) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Name, CellRole.Target, CellRole.Actual, CellRole.Score)) continue;
            var label = Locations.Label(r.Row);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”填写为“{said}”，表明该指标不适用，却得{Numbers.Format(score)}分（分值{Numbers.Format(r.Weight!.Value)}）。",
                $"{label}: declared not applicable (\"{said}\") yet scored {Numbers.Format(score)}.",
                Locations.Indicator(r.Row, r.Index, "得分"),
                Numbers.Format(score), "不适用的指标不计分，分值调整到适用的指标",
                "不适用的指标没有可衡量的产出或效益，不能据以得分");
        }
    }

    private static string? NotApplicable(Rulebooks.RulebookChecks settings, IndicatorRow row)
    {
        foreach (var text in new[] { row.Target, row.Actual, row.Name })
            if (Rulebooks.RulebookChecks.FirstOf(settings.NotApplicableStarts, settings.NotApplicableWords, text) is not null)
                return Locations.Clean(text!);
        return null;
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A published table that is still the blank template: indicator rows with their names (the template's tree and
/// headings) but not one target, actual, weight or score filled in, and no amounts in the funds block. One finding for
/// the form rather than a blank per row: what is missing is the whole self-evaluation (§5: a published form states the
/// unit's own figures).
/// </summary>
public sealed class FormUnfilledRule : ICheckRule
{
    public string Code => CheckCodes.FormUnfilled;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation or FormKind.Targets)) yield break;
        var named = form.Indicators.Count(r => !string.IsNullOrWhiteSpace(r.Name));
        // A single row or a reading in doubt says too little: a cut-off excerpt or shifted cells also leave rows empty.
        if (named < 2 || form.ReadingDoubts.Count > 0) yield break;
        if (form.Indicators.Any(r => !string.IsNullOrWhiteSpace(r.Target) || !string.IsNullOrWhiteSpace(r.Actual) || r.Weight is not null || r.StatedScore is not null)) yield break;
        if (form.Funds.Any(f => f.Budget is not null || f.Executed is not null || f.InitialBudget is not null)) yield break;
        yield return new Finding(
            Code, Severity.Warning,
            $"本表{named}项绩效指标均未填写年度指标值、实际完成值、分值和得分，项目资金也未填写金额：公开的是空白模板，而不是自评结果。",
            $"None of the {named} indicators has a target, actual, weight or score, and the funds block has no amounts: an unfilled template.",
            new FindingLocation(Blocks.Form, null, null, null),
            "空白", "填写完整的自评表", $"{named} 行指标、{form.Funds.Count} 行资金均无数值");
    }
}

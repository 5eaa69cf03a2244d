using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.Sheets;

/// <summary>
/// The amounts of an ex-ante conclusion: a reduced amount above the requested one; 调减后通过 without the reduced amount;
/// a reduced amount beside a conclusion that reduces nothing.
/// </summary>
public sealed class ReducedAmountRule : ICheckRule
{
    public string Code => CheckCodes.ReducedAmountMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.ExAnteAssessment) yield break;
        var requested = ExAnteFields.Requested(form);
        var reduced = ExAnteFields.Reduced(form);
        var conclusion = context.Rulebook.ExAnte?.Read(form.Extra.GetValueOrDefault(ExAnteFields.Conclusion));
        if (requested is { } r && reduced is { } d && d > r)
            yield return new Finding(
                Code, Severity.Error,
                $"调减后金额{Numbers.Plain(d)}万元超过申请金额{Numbers.Plain(r)}万元。",
                $"The reduced amount {Numbers.Plain(d)} exceeds the requested {Numbers.Plain(r)} (万元).",
                new FindingLocation(Blocks.Header, null, "调减后金额"), Numbers.Plain(d), "≤ " + Numbers.Plain(r));
        else if (conclusion == ExAnteConclusion.PassReduced && reduced is null && !ExAnteFields.IsUnreadableAmount(form, ExAnteFields.ReducedAmount))
            yield return new Finding(
                Code, Severity.Warning,
                "评估结论为调减后通过，但未填写调减后金额。",
                "The conclusion reduces the amount but states no reduced amount.",
                new FindingLocation(Blocks.Header, null, "调减后金额"));
        else if (conclusion is ExAnteConclusion.Pass or ExAnteConclusion.Fail && reduced is { } stated && stated != requested)
            yield return new Finding(
                Code, Severity.Warning,
                $"评估结论为“{context.Rulebook.ExAnte!.For(conclusion.Value).Label}”，却填写了调减后金额{Numbers.Plain(stated)}万元。",
                "A reduced amount is stated beside a conclusion that reduces nothing.",
                new FindingLocation(Blocks.Header, null, "调减后金额"), Numbers.Plain(stated));
    }
}

/// <summary>
/// An ex-ante conclusion the grade does not allow by the rulebook (优 → 通过, 差 → 不通过 …): the stated grade, or where
/// none is stated the grade of the stated total.
/// </summary>
public sealed class ConclusionGradeRule : ICheckRule
{
    public string Code => CheckCodes.ConclusionGradeMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.ExAnteAssessment || context.Rulebook.ExAnte is not { } rules) yield break;
        if (rules.Read(form.Extra.GetValueOrDefault(ExAnteFields.Conclusion)) is not { } conclusion) yield break;
        var grade = form.StatedGrade is { } g ? Indicators.GradeMismatchRule.Normalize(g)
            : form.StatedTotal is { } t && DomainRanges.IsScore(t) ? context.Rulebook.GradeFor(context.Rulebook.Round(t)).Grade : null;
        if (grade is null) yield break;
        var rule = rules.For(conclusion);
        if (rule.Grades.Contains(grade, StringComparer.Ordinal)) yield break;
        var allowed = string.Join("，", rules.Conclusions.Select(c => $"{c.Label}：{string.Join("/", c.Grades)}"));
        yield return new Finding(
            Code, Severity.Error,
            $"评估结论为“{rule.Label}”，但等级为“{grade}”；按{context.Rulebook.Label}，“{rule.Label}”只能由{string.Join("、", rule.Grades)}得出。",
            $"The conclusion {rule.Label} does not follow from the grade {grade}.",
            new FindingLocation(Blocks.Header, null, "评估结论"), rule.Label, Allowed(rules, grade), allowed);
    }

    private static string? Allowed(ExAnteRules rules, string grade) =>
        string.Join(" 或 ", rules.Conclusions.Where(c => c.Grades.Contains(grade, StringComparer.Ordinal)).Select(c => c.Label)) is { Length: > 0 } s ? s : null;
}

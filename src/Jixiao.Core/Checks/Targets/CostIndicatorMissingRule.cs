using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Targets;

/// <summary>
/// No 成本指标 in an indicator set where the rulebook's year requires one (from 2021 central guidance makes 成本 an
/// indicator of every project, §2.1). Not reported on a table cut off before its end: the block may be on the lost part.
/// </summary>
public sealed class CostIndicatorMissingRule : ICheckRule
{
    public string Code => CheckCodes.CostIndicatorMissing;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (!context.Rulebook.Checks.CostIndicatorRequired || form.Indicators.Count == 0 || form.Incomplete) yield break;
        if (form.Kind is not (FormKind.Targets or FormKind.ProjectSelfEvaluation or FormKind.Monitoring)) yield break;
        if (context.SumIsDoubtful(FormBlock.Indicators, CellRole.Level1, CellRole.Level2)) yield break;
        if (form.Indicators.Exists(r => (r.Level1 ?? "").Contains("成本", StringComparison.Ordinal) || (r.Level2 ?? "").Contains("成本", StringComparison.Ordinal)))
            yield break;
        var levels = string.Join("、", form.Indicators.Select(r => Locations.Clean(r.Level1 ?? "")).Where(l => l.Length > 0).Distinct());
        yield return new Finding(
            Code, Severity.Warning,
            $"指标体系（{levels}）中没有成本指标，而{context.Rulebook.Label}要求设置成本指标。",
            $"No 成本指标 among the indicators, which {context.Rulebook.Name} requires.",
            new FindingLocation(Blocks.Indicators, null, "成本指标"),
            levels, "含成本指标", $"{context.Rulebook.Label}：成本指标为必设指标");
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Monitoring;

/// <summary>
/// A monitoring row that says both: 完成目标可能性 确定能, and a 全年预计完成 short of its own target (§2.4: the likelihood
/// is judged from the projection). Whatever the cause, one of the two statements is wrong; a reason for the shortfall
/// (monitoring-deviation-unexplained) does not reconcile them.
/// </summary>
public sealed class MonitoringLikelihoodMismatchRule : ICheckRule
{
    public string Code => CheckCodes.MonitoringLikelihoodMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind != FormKind.Monitoring) yield break;
        var rows = context.Form.Indicators;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Likelihood != CompletionLikelihood.Certain || context.IsDoubtful(row.Source, CellRole.Target, CellRole.ExpectedCompletion, CellRole.Likelihood)) continue;
            if (MonitoringDeviationUnexplainedRule.Shortfall(context, row) is not { } shortfall) continue;
            var label = Locations.Label(row);
            var target = Locations.Clean(row.Target ?? "");
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”全年预计完成{shortfall}低于目标{target}，完成目标可能性却填“确定能”：两者必有一处不实。",
                $"{label}: the projection {shortfall} falls short of the target {target}, yet completion is marked certain.",
                Locations.Indicator(row, i, "完成目标可能性"),
                "确定能", "有可能或完全不可能（或更正全年预计完成）", $"全年预计完成 {shortfall} < 目标 {target}");
        }
    }
}

using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Monitoring;

/// <summary>
/// §2.4: where 全年预计完成 falls short of the target, or 完成目标可能性 is not 确定能, a cause must be ticked and explained.
/// </summary>
public sealed class MonitoringDeviationUnexplainedRule : ICheckRule
{
    public string Code => CheckCodes.MonitoringDeviationUnexplained;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind != FormKind.Monitoring) yield break;
        var rows = context.Form.Indicators;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var doubtful = row.Likelihood is CompletionLikelihood.Possible or CompletionLikelihood.Impossible;
            var shortfall = Shortfall(context, row);
            if (!doubtful && shortfall is null) continue;
            var ticked = row.Causes != DeviationCauses.None;
            var explained = !string.IsNullOrWhiteSpace(row.Explanation) || !string.IsNullOrWhiteSpace(row.Remark);
            if (ticked && explained) continue;
            var label = Locations.Label(row);
            var why = doubtful
                ? $"完成目标可能性为“{(row.Likelihood == CompletionLikelihood.Possible ? "有可能" : "完全不可能")}”"
                : $"全年预计完成{shortfall}低于目标{Locations.Clean(row.Target ?? "")}";
            var lacking = ticked ? "未说明原因" : explained ? "未勾选偏差原因" : "未勾选偏差原因也未说明";
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”{why}，但{lacking}。",
                $"{label}: a predicted shortfall or doubtful completion without a ticked and explained cause.",
                Locations.Indicator(row, i, "偏差原因分析"),
                lacking, "勾选偏差原因并填写原因说明", why);
        }
    }

    internal static string? Shortfall(CheckContext context, IndicatorRow row)
    {
        var target = context.Parse(row.Target);
        var expected = context.Parse(row.ExpectedCompletion);
        if (expected.Kind == ValueKind.Qualitative && expected.Tier is QualitativeTier.PartlyAchieved or QualitativeTier.NotAchieved)
            return Locations.Clean(expected.Text);
        if (RowScoring.Quantitative(context, row.Target, row.ExpectedCompletion, 1m) is { Missed: true })
            return expected.NumberText();
        return null;
    }
}

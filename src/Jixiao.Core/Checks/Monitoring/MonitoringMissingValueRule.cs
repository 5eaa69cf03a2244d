using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Monitoring;

/// <summary>
/// The blanks of a monitoring table (§2.4) that the layout asks for: 全年预计执行数 of the whole budget, and for each
/// indicator with a target its 1-N月执行情况 and 全年预计完成情况 — the projection is what the table is for. Reported
/// with the code of the other blanks, <see cref="CheckCodes.MissingValue"/>.
/// </summary>
public sealed class MonitoringMissingValueRule : ICheckRule
{
    public string Code => CheckCodes.MissingValue;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Monitoring) yield break;
        var total = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total);
        if (total is { ForecastExecuted: null } && (total.Budget ?? total.InitialBudget) is not null
            && !context.IsDoubtful(total.Source, CellRole.Forecast))
            yield return Make(new FindingLocation(Blocks.Funds, total.Source?.Row, "全年预计执行数", Locations.Clean(total.Label)),
                Locations.Clean(total.Label), ["全年预计执行数"]);

        // A layout without a 全年预计完成情况 column (the Hubei table: 指标值 / 半年度执行情况 / 完成目标可能性) leaves every
        // projection blank: a column no row fills is one the form does not have. Likewise the progress column.
        var hasProgress = form.Indicators.Exists(r => !string.IsNullOrWhiteSpace(r.MidYearProgress));
        var hasProjection = form.Indicators.Exists(r => !string.IsNullOrWhiteSpace(r.ExpectedCompletion));
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            if (string.IsNullOrWhiteSpace(row.Target)) continue;
            var blank = new List<string>(2);
            if (hasProgress && string.IsNullOrWhiteSpace(row.MidYearProgress) && !context.IsDoubtful(row.Source, CellRole.MidYearProgress)) blank.Add("执行情况");
            if (hasProjection && string.IsNullOrWhiteSpace(row.ExpectedCompletion) && !context.IsDoubtful(row.Source, CellRole.ExpectedCompletion)) blank.Add("全年预计完成情况");
            if (blank.Count > 0) yield return Make(Locations.Indicator(row, i, blank[0]), Locations.Label(row), blank);
        }
    }

    private Finding Make(FindingLocation location, string label, List<string> blank) => new(
        Code, Severity.Warning,
        $"“{label}”未填写{string.Join("、", blank)}。",
        $"{label}: {string.Join(", ", blank)} left blank.",
        location, "", string.Join("、", blank), "监控表须填写执行情况和全年预计数");
}

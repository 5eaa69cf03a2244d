using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A required target, actual, weight or score left blank, one finding per row naming every blank field. Which fields are
/// required depends on the form kind: the department layout often has no 年度指标值 column, a targets table no actuals.
/// </summary>
public sealed class MissingValueRule : ICheckRule
{
    public string Code => CheckCodes.MissingValue;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        var kind = form.Kind;
        if (kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation or FormKind.Targets)) yield break;

        foreach (var row in form.Funds.Where(r => r.Role == FundsRowRole.Total).Take(1))
        {
            var blank = new List<string>();
            if (row.Budget is null && kind != FormKind.Targets) blank.Add("全年预算数");
            if (row.Executed is null && kind != FormKind.Targets) blank.Add("全年执行数");
            if (blank.Count > 0) yield return Make(Locations.Funds(row, blank[0]), Locations.Clean(row.Label), blank);
        }

        var anyActuals = form.Indicators.Any(r => !string.IsNullOrWhiteSpace(r.Actual));
        // A layout without a 分值 column (the Yunnan 年初目标值 / 实际完成值 / 得分 table) leaves every weight blank: a column
        // no row fills is a column the form does not have, not a blank cell (a wholly blank table is form-unfilled).
        var anyWeights = context.Weighted.Any(r => r.Weight is not null);
        // The same for 得分: a results table of 目标值 / 实际完成值 alone (a report's 自评结果 table) scores no row.
        var anyScores = anyWeights || form.Indicators.Exists(r => r.StatedScore is not null);
        // And for 指标值: a self-evaluation whose rows hold points and scores but no row a target or an actual is a scoring
        // sheet's items (决策/过程 items with 分值 and 自评分 only), which has no 指标值 column to leave blank.
        var targetColumn = kind == FormKind.Targets || anyActuals || form.Indicators.Exists(r => !string.IsNullOrWhiteSpace(r.Target));
        // A table cut off after a row may have cut that row too: its empty cells are what the cut left.
        var cutAfter = form.ReadingDoubts.Any(d => d.Reason == DoubtReason.CutOff && d.Block == FormBlock.Indicators && !string.IsNullOrEmpty(d.RowLabel))
            && form.Indicators.Count > 0 ? form.Indicators[^1] : null;
        // A block whose column order the reader had to assume (a header rebuilt from scattered words) may hold values it
        // could not place: an empty cell there is not evidence of a blank one.
        var unplaced = form.ReadingDoubts.Any(d => d.Scope == DoubtScope.Block && d.Block == FormBlock.Indicators && d.Reason == DoubtReason.ShiftedCells);
        foreach (var r in context.Weighted)
        {
            if (unplaced) break;
            if (WeightSumRule.IsPlaceholder(r) || ReferenceEquals(r.Row, cutAfter) || context.IsDoubtful(r.Row.Source, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score)) continue;
            if (string.IsNullOrWhiteSpace(r.Row.Name) && string.IsNullOrWhiteSpace(r.Row.Content)
                && string.IsNullOrWhiteSpace(r.Row.Target) && string.IsNullOrWhiteSpace(r.Row.Actual)) continue;
            var blank = new List<string>();
            // Department-wide tables print one 指标值 cell spanning a whole block (投入管理 "根据…办法规定填报") or none at
            // all: a row without its own target there is not a blank cell.
            if (string.IsNullOrWhiteSpace(r.Row.Target) && kind != FormKind.DepartmentSelfEvaluation && targetColumn) blank.Add("年度指标值");
            if (kind != FormKind.Targets && string.IsNullOrWhiteSpace(r.Row.Actual) && anyActuals) blank.Add("实际完成值");
            if (r.Weight is null && anyWeights) blank.Add("分值");
            if (kind != FormKind.Targets && r.Row.StatedScore is null && anyScores) blank.Add("得分");
            if (blank.Count > 0) yield return Make(Locations.Indicator(r.Row, r.Index, blank[0]), Locations.Label(r.Row), blank);
        }

        if (kind != FormKind.Targets && !form.Incomplete && form.StatedTotal is null && form.Indicators.Count > 0)
            yield return Make(Locations.Total(form, "得分"), "总分", ["总分"]);
    }

    private Finding Make(FindingLocation location, string label, List<string> blank) => new(
        Code, Severity.Warning,
        $"“{label}”未填写{string.Join("、", blank)}。",
        $"{label}: {string.Join(", ", blank)} left blank.",
        location, "", string.Join("、", blank), "必填项为空");
}

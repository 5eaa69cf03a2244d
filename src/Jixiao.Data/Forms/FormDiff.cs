using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Data.Forms;

/// <summary>
/// One field that differs between two states of a form. <see cref="Path"/> is stable for programs
/// ("funds[2].budget"); <see cref="Label"/> is what a reviewer reads ("资金 第2行（其中：当年财政拨款） 全年预算数").
/// </summary>
public sealed record FieldChange(string Path, string Label, string? Before, string? After);

/// <summary>Field-level comparison of two forms: header, funds rows, indicator rows, basic data, staffing and totals.</summary>
public static class FormDiff
{
    /// <summary>A compared field; an amount (<see cref="Number"/>) is compared as a number and shown only when it changed.</summary>
    private sealed record Field<T>(string Path, string Label, Func<T, string?> Get, Func<T, decimal?>? Number = null)
    {
        // decimal equality ignores scale, as D does: 25.0 and 25.0000 are the same amount.
        public bool Same(T before, T after) =>
            Number is { } n ? n(before) == n(after) : string.Equals(Get(before), Get(after), StringComparison.Ordinal);
    }

    private static Field<T> Amount<T>(string path, string label, Func<T, decimal?> number) => new(path, label, x => D(number(x)), number);

    // Scale is not part of the value: SQLite hands back 25.0 for a stored 25.0000, and that is no change.
    private static string? D(decimal? v) => v?.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string? P(Percentage? p) => p?.ToString();

    private static readonly Field<PerformanceForm>[] Header =
    [
        new("kind", "表单类型", f => f.Kind.ChineseName()),
        new("year", "年度", f => f.Year?.ToString(CultureInfo.InvariantCulture)),
        new("title", "标题", f => f.Title),
        new("project", "项目名称", f => f.Project),
        new("department", "主管部门", f => f.Department),
        new("unit", "实施单位", f => f.Unit),
        new("moneyUnit", "金额单位", f => f.MoneyUnit?.Symbol()),
        new("monitoringMonths", "监控月数", f => f.MonitoringMonths?.ToString(CultureInfo.InvariantCulture)),
        new("plannedGoal", "预期目标", f => f.PlannedGoal),
        new("actualGoal", "实际完成情况", f => f.ActualGoal),
        new("functions", "部门职能概述", f => f.Functions),
        Amount("statedWeightTotal", "总分分值", (PerformanceForm f) => f.StatedWeightTotal),
        Amount("statedTotal", "总分", (PerformanceForm f) => f.StatedTotal),
        new("statedGrade", "等级", f => f.StatedGrade),
        Amount("staffing.authorized", "编制数", (PerformanceForm f) => f.Staffing?.Authorized),
        Amount("staffing.actual", "实际在职人数", (PerformanceForm f) => f.Staffing?.Actual),
        new("staffing.statedControlRate", "控制率", f => P(f.Staffing?.StatedControlRate)),
        new("text", "报告正文", f => f.Text),
        new("filler", "填报人", f => f.Filler),
        new("head", "单位负责人", f => f.Head),
        new("incomplete", "不完整", f => f.Incomplete ? "是" : "否"),
        new("readingNotes", "读取说明", f => f.ReadingDoubts.Count == 0 ? null : string.Join("；", ReadingDoubtText.Sentences(f))),
    ];

    private static readonly Field<FundsRow>[] FundsFields =
    [
        new("label", "项目", r => r.Label),
        new("role", "行类型", r => r.Role.ToString()),
        Amount("initialBudget", "年初预算数", (FundsRow r) => r.InitialBudget),
        Amount("budget", "全年预算数", (FundsRow r) => r.Budget),
        Amount("executed", "全年执行数", (FundsRow r) => r.Executed),
        Amount("transfer", "上级财政移动支付", (FundsRow r) => r.Transfer),
        Amount("forecastExecuted", "全年预计执行数", (FundsRow r) => r.ForecastExecuted),
        Amount("weight", "分值", (FundsRow r) => r.Weight),
        new("statedRate", "执行率", r => P(r.StatedRate)),
        Amount("statedScore", "得分", (FundsRow r) => r.StatedScore),
    ];

    private static readonly Field<IndicatorRow>[] IndicatorFields =
    [
        new("level1", "一级指标", r => r.Level1),
        Amount("level1Weight", "一级指标分值", (IndicatorRow r) => r.Level1Weight),
        new("level2", "二级指标", r => r.Level2),
        Amount("level2Weight", "二级指标分值", (IndicatorRow r) => r.Level2Weight),
        new("name", "三级指标", r => r.Name),
        new("content", "指标内容", r => r.Content),
        new("target", "年度指标值", r => r.Target),
        new("actual", "实际完成值", r => r.Actual),
        Amount("weight", "分值", (IndicatorRow r) => r.Weight),
        Amount("statedScore", "得分", (IndicatorRow r) => r.StatedScore),
        new("explanation", "偏差原因分析", r => r.Explanation),
        new("improvement", "改进措施", r => r.Improvement),
        new("midYearProgress", "1-N月执行情况", r => r.MidYearProgress),
        new("expectedCompletion", "全年预计完成情况", r => r.ExpectedCompletion),
        new("causes", "偏差原因", r => r.Causes == DeviationCauses.None ? null : r.Causes.ToString()),
        new("likelihood", "完成目标可能性", r => r.Likelihood?.ToString()),
        new("remark", "备注", r => r.Remark),
    ];

    private static readonly Field<BasicDataRow>[] BasicDataFields =
    [
        new("label", "项目", r => r.Label),
        new("depth", "层级", r => r.Depth.ToString(CultureInfo.InvariantCulture)),
        Amount("priorYearFinal", "上年决算数", (BasicDataRow r) => r.PriorYearFinal),
        Amount("budget", "本年预算数", (BasicDataRow r) => r.Budget),
        Amount("final", "本年决算数", (BasicDataRow r) => r.Final),
        new("text", "文字说明", r => r.Text),
    ];

    /// <summary>Sums a reviewer looks at first; a change in any row shows here too.</summary>
    private static readonly Field<PerformanceForm>[] Totals =
    [
        Amount("totals.fundsBudget", "合计 资金总额行全年预算数", (PerformanceForm f) => Sum(f.Funds.Where(r => r.Role == FundsRowRole.Total).Select(r => r.Budget))),
        Amount("totals.fundsExecuted", "合计 资金总额行全年执行数", (PerformanceForm f) => Sum(f.Funds.Where(r => r.Role == FundsRowRole.Total).Select(r => r.Executed))),
        Amount("totals.indicatorWeight", "合计 指标分值", (PerformanceForm f) => Sum(f.Indicators.Select(r => r.Weight))),
        Amount("totals.indicatorScore", "合计 指标得分", (PerformanceForm f) => Sum(f.Indicators.Select(r => r.StatedScore))),
    ];

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (var v in values)
            if (v is { } x) total = (total ?? 0m) + x;
        return total;
    }

    public static IReadOnlyList<FieldChange> Compare(PerformanceForm before, PerformanceForm after)
    {
        var changes = new List<FieldChange>();
        foreach (var field in Header) Add(changes, field, before, after, field.Path, field.Label);
        Rows(changes, "funds", "资金", before.Funds, after.Funds, FundsFields, r => r.Label);
        Rows(changes, "indicators", "指标", before.Indicators, after.Indicators, IndicatorFields, r => r.Name);
        Rows(changes, "basicData", "基础数据", before.BasicData, after.BasicData, BasicDataFields, r => r.Label);
        foreach (var field in Totals) Add(changes, field, before, after, field.Path, field.Label);
        return changes;
    }

    // A save compares every field of every row and usually finds one or two changed: paths, labels and amounts are
    // written out only for those (building them for all was a sixth of a save's allocations).
    private static void Rows<T>(List<FieldChange> changes, string path, string block, List<T> before, List<T> after, Field<T>[] fields, Func<T, string?> label)
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var b = i < before.Count ? before[i] : default;
            var a = i < after.Count ? after[i] : default;
            var rowPath = $"{path}[{i + 1}]";
            string RowLabel()
            {
                var name = label((a ?? b)!);
                return $"{block} 第{i + 1}行" + (string.IsNullOrEmpty(name) ? "" : $"（{name}）");
            }
            if (b is null) { changes.Add(new(rowPath, RowLabel(), null, "（新增行）")); continue; }
            if (a is null) { changes.Add(new(rowPath, RowLabel(), "（删除行）", null)); continue; }
            string? rowLabel = null;
            foreach (var field in fields)
                if (!field.Same(b, a))
                {
                    rowLabel ??= RowLabel();
                    changes.Add(new($"{rowPath}.{field.Path}", $"{rowLabel} {field.Label}", field.Get(b), field.Get(a)));
                }
        }
    }

    private static void Add<T>(List<FieldChange> changes, Field<T> field, T before, T after, string path, string label)
    {
        if (!field.Same(before, after)) changes.Add(new(path, label, field.Get(before), field.Get(after)));
    }
}

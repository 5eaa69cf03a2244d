using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Writers.Docx;
using Jixiao.Documents.Writers.Layout;
using Jixiao.Documents.Writers.OpenData;

namespace Jixiao.Documents.Writers.Report;

/// <summary>
/// Drafts the 自评报告 of a unit for a year from its forms. Every amount is printed in 万元 at two decimals, and every
/// percentage is computed (<see cref="Percentage.Ratio"/>) from the amounts printed in the same sentence — never copied
/// from a form — so the draft cannot state 134.71% where its own amounts give 234.71%. Totals, scores and grades are
/// the ones the tables state. Sums are sums of the printed amounts, so a 合计 always equals its parts.
/// </summary>
public static class ReportDrafts
{
    public const string Fill = Jixiao.Core.Templates.ReportOutline.DraftGap;

    /// <param name="rulebook">The rulebook whose grade bands turn a total into 优/良/中/差 (national 2020 by default).</param>
    public static ReportDraft Build(IEnumerable<PerformanceForm> forms, string unit, int year, Rulebook? rulebook = null)
    {
        var grades = rulebook ?? Rulebooks.Default;
        string grade(decimal total) => grades.GradeFor(total).Grade;
        var key = StableIds.Normalise(unit);
        var mine = forms.Where(f => f.Year == year && StableIds.Normalise(f.Unit) == key && f.Kind != FormKind.Report).ToList();
        var department = mine.FirstOrDefault(f => f.Kind == FormKind.DepartmentSelfEvaluation);
        var basic = mine.FirstOrDefault(f => f.Kind == FormKind.DepartmentBasicData);
        var projects = mine.Where(f => f.Kind == FormKind.ProjectSelfEvaluation).ToList();
        var y = year.ToString(CultureInfo.InvariantCulture);

        return new ReportDraft
        {
            Title = $"{y}年度{unit.Trim()}部门整体支出绩效自评报告",
            Unit = unit.Trim(),
            Year = year,
            Sections =
            [
                new("一、部门（单位）概况", Overview(department, basic)),
                new("二、预算及执行情况", Budget(department, projects, y)),
                new("三、绩效目标完成情况", Goals(department, projects, grade)),
                new("四、存在的问题", Problems(department, projects)),
                new("五、改进措施", Improvements(department, projects)),
                new("六、自评等级", GradeSection(department, projects, unit.Trim(), y, grade)),
            ],
        };
    }

    private static List<ReportParagraph> Overview(PerformanceForm? department, PerformanceForm? basic)
    {
        var paragraphs = new List<ReportParagraph>();
        if (!string.IsNullOrWhiteSpace(department?.Functions))
            paragraphs.Add(P(S("（一）部门职能。"), S(OneLine(department.Functions))));
        else
            paragraphs.Add(P(S("（一）部门职能。"), Gap("部门（单位）主要职能职责")));

        if (basic?.Staffing is { Authorized: { } authorized, Actual: { } actual } && Percentage.Ratio(actual, authorized) is { } control)
            paragraphs.Add(P(S($"（二）人员情况。编制数{Count(authorized)}人，实际在职人数{Count(actual)}人，在职人员控制率{control}。")));
        else
            paragraphs.Add(P(S("（二）人员情况。"), Gap("编制数、实际在职人数")));
        paragraphs.Add(P(S("（三）机构设置和年度重点工作。"), Gap("内设机构、年度重点工作计划")));
        return paragraphs;
    }

    private static List<ReportParagraph> Budget(PerformanceForm? department, List<PerformanceForm> projects, string year)
    {
        var paragraphs = new List<ReportParagraph>();
        if (department is not null)
        {
            var unit = department.MoneyUnit;
            var whole = Whole(department);
            if (whole.Count > 0 && whole.All(HasAmounts))
            {
                var budget = whole.Sum(r => Wan(r.Budget!.Value, unit));
                var executed = whole.Sum(r => Wan(r.Executed!.Value, unit));
                paragraphs.Add(P(S($"（一）整体支出。{year}年度部门整体支出全年预算数{Money(budget, unit)}，全年执行数{Money(executed, unit)}{Rate("，执行率", executed, budget)}。")));
            }

            var structure = department.Funds.Where(r => r.Role == FundsRowRole.Structure && r.Executed is { } e && DomainRanges.IsAmount(e)).ToList();
            if (structure.Count > 0)
            {
                var parts = structure.Select(r => (Label: Label(r.Label), Amount: Wan(r.Executed!.Value, unit))).ToList();
                var sum = parts.Sum(p => p.Amount);
                var shares = string.Join("，", parts.Select(p => $"{p.Label}{Money(p.Amount, unit)}{Rate("，占比", p.Amount, sum)}"));
                paragraphs.Add(P(S($"（二）支出结构。全年执行数按支出性质分合计{Money(sum, unit)}，其中{shares}。")));
                foreach (var row in structure.Where(r => r.Budget is { } b && DomainRanges.IsAmount(b)))
                {
                    var budget = Wan(row.Budget!.Value, unit);
                    var executed = Wan(row.Executed!.Value, unit);
                    paragraphs.Add(P(S($"{Label(row.Label)}全年预算数{Money(budget, unit)}，全年执行数{Money(executed, unit)}{Rate("，执行率", executed, budget)}。")));
                }
            }
        }

        if (projects.Count > 0)
        {
            paragraphs.Add(P(S($"（三）项目支出。本年度共{projects.Count.ToString(CultureInfo.InvariantCulture)}个项目填报绩效自评表。")));
            var budgets = new List<decimal>();
            var executions = new List<decimal>();
            var index = 0;
            var sameUnit = projects.Select(p => p.MoneyUnit).Distinct().Count() == 1 ? projects[0].MoneyUnit : MoneyUnit.TenThousandYuan;
            foreach (var project in projects)
            {
                index++;
                var total = TotalRow(project);
                var budgetValue = total?.Budget ?? total?.InitialBudget;
                if (total is null || budgetValue is null || total.Executed is null || !DomainRanges.IsAmount(budgetValue) || !DomainRanges.IsAmount(total.Executed))
                {
                    paragraphs.Add(P(S($"{index.ToString(CultureInfo.InvariantCulture)}. {project.Project}："), Gap("该项目自评表未列明全年预算数和全年执行数")));
                    continue;
                }
                var budget = Wan(budgetValue.Value, project.MoneyUnit);
                var executed = Wan(total.Executed.Value, project.MoneyUnit);
                budgets.Add(budget);
                executions.Add(executed);
                var budgetName = total.Budget is null ? "年初预算数" : "全年预算数";
                paragraphs.Add(P(S($"{index.ToString(CultureInfo.InvariantCulture)}. {project.Project}：{budgetName}{Money(budget, project.MoneyUnit)}，全年执行数{Money(executed, project.MoneyUnit)}{Rate("，执行率", executed, budget)}。")));
            }
            if (budgets.Count > 1)
                paragraphs.Add(P(S($"以上项目预算数合计{Money(budgets.Sum(), sameUnit)}，全年执行数合计{Money(executions.Sum(), sameUnit)}{Rate("，执行率", executions.Sum(), budgets.Sum())}。")));
        }

        paragraphs.Add(P(S("（四）资金管理情况。"), Gap("预算调整、资金管理和使用情况")));
        return paragraphs;
    }

    private static List<ReportParagraph> Goals(PerformanceForm? department, List<PerformanceForm> projects, Func<decimal, string> grade)
    {
        var paragraphs = new List<ReportParagraph>();
        if (department is not null)
        {
            if (!string.IsNullOrWhiteSpace(department.PlannedGoal)) paragraphs.Add(P(S("（一）年初设定目标：" + OneLine(department.PlannedGoal))));
            if (!string.IsNullOrWhiteSpace(department.ActualGoal)) paragraphs.Add(P(S("目标完成情况：" + OneLine(department.ActualGoal))));
            paragraphs.Add(P(S(IndicatorSummary("部门整体支出绩效自评表", department, grade))));
        }
        var index = 0;
        foreach (var project in projects)
        {
            index++;
            var line = $"{index.ToString(CultureInfo.InvariantCulture)}. {project.Project}：{IndicatorSummary("", project, grade)}";
            paragraphs.Add(P(S(line + (string.IsNullOrWhiteSpace(project.ActualGoal) ? "" : "实际完成情况：" + OneLine(project.ActualGoal)))));
        }
        paragraphs.Add(P(S("主要工作成效："), Gap("年度主要工作成效和亮点")));
        return paragraphs;
    }

    private static string IndicatorSummary(string name, PerformanceForm form, Func<decimal, string> grade)
    {
        var rows = form.Indicators.Where(r => r.Weight is not null && r.StatedScore is not null).ToList();
        var full = rows.Count(r => r.StatedScore >= r.Weight);
        var text = $"{name}设置三级指标{form.Indicators.Count.ToString(CultureInfo.InvariantCulture)}项，其中得满分{full.ToString(CultureInfo.InvariantCulture)}项";
        if (form.StatedTotal is { } total)
        {
            text += $"，自评总分{Printing.Plain(total)}分";
            if (form.StatedWeightTotal is { } weight) text += $"（满分{Printing.Plain(weight)}分）";
            text += $"，等级为“{form.StatedGrade ?? grade(total)}”";
        }
        return text + "。";
    }

    // An indicator's own score is printed as 实得N分, never 得分N分: 得分/总分 before a score is how a report states the
    // form's total, and the checker's report-table rule compares those with the table's 总分.
    private static List<ReportParagraph> Problems(PerformanceForm? department, List<PerformanceForm> projects)
    {
        var paragraphs = new List<ReportParagraph>();
        var number = 0;
        if (department is not null && Whole(department) is { Count: > 0 } whole && whole.All(HasAmounts))
        {
            var budget = whole.Sum(r => Wan(r.Budget!.Value, department.MoneyUnit));
            var executed = whole.Sum(r => Wan(r.Executed!.Value, department.MoneyUnit));
            if (budget != 0m && executed != budget)
            {
                number++;
                var what = executed < budget ? "预算未全部执行" : "执行数超出预算数，全年预算数未包含年中追加调整";
                paragraphs.Add(P(
                    S($"{number.ToString(CultureInfo.InvariantCulture)}. 部门整体支出全年预算数{Money(budget, department.MoneyUnit)}，全年执行数{Money(executed, department.MoneyUnit)}{Rate("，执行率", executed, budget)}，{what}。原因："),
                    Gap("预算执行偏差的原因")));
            }
        }
        foreach (var project in projects)
        {
            var total = TotalRow(project);
            if (total is null || !HasAmounts(total) || total.Budget is not { } budgetValue || total.Executed is not { } executedValue || budgetValue == 0m) continue;
            var budget = Wan(budgetValue, project.MoneyUnit);
            var executed = Wan(executedValue, project.MoneyUnit);
            if (executed == budget) continue;
            number++;
            var what = executed < budget ? "预算未全部执行" : "执行数超出预算数，预算未包含年中追加";
            paragraphs.Add(P(
                S($"{number.ToString(CultureInfo.InvariantCulture)}. {project.Project}全年预算数{Money(budget, project.MoneyUnit)}，全年执行数{Money(executed, project.MoneyUnit)}{Rate("，执行率", executed, budget)}，{what}。原因："),
                Gap("预算执行偏差的原因")));
        }

        foreach (var form in Owners(department, projects))
            foreach (var row in form.Indicators.Where(r => r.Weight is { } w && r.StatedScore is { } s && s < w && DomainRanges.IsScore(w) && DomainRanges.IsScore(s)))
            {
                number++;
                var owner = form.Kind == FormKind.DepartmentSelfEvaluation ? "部门整体支出" : form.Project;
                var lost = row.Weight!.Value - row.StatedScore!.Value;
                var head = $"{number.ToString(CultureInfo.InvariantCulture)}. {owner}“{row.Name ?? row.Level2}”（{(row.Name is null ? row.Level1 : row.Level2)}）："
                    + (row.Target is null ? "" : $"年度指标值{row.Target}，")
                    + (row.Actual is null ? "" : $"实际完成值{row.Actual}，")
                    + $"分值{Printing.Plain(row.Weight.Value)}分，实得{Printing.Plain(row.StatedScore.Value)}分，扣{Printing.Plain(lost)}分。原因：";
                paragraphs.Add(string.IsNullOrWhiteSpace(row.Explanation)
                    ? P(S(head), Gap("自评表未说明偏差原因"))
                    : P(S(head + OneLine(row.Explanation).TrimEnd('。') + "。")));
            }

        if (number == 0) paragraphs.Add(P(S("各项目预算全部执行，各项指标均取得满分。")));
        paragraphs.Add(P(S("其他问题："), Gap("管理中存在的其他问题")));
        return paragraphs;
    }

    private static List<ReportParagraph> Improvements(PerformanceForm? department, List<PerformanceForm> projects)
    {
        var paragraphs = new List<ReportParagraph>();
        var number = 0;
        foreach (var form in Owners(department, projects))
            foreach (var row in form.Indicators.Where(r => !string.IsNullOrWhiteSpace(r.Improvement)))
            {
                number++;
                var owner = form.Kind == FormKind.DepartmentSelfEvaluation ? "部门整体支出" : form.Project;
                paragraphs.Add(P(S($"{number.ToString(CultureInfo.InvariantCulture)}. {owner}“{row.Name ?? row.Level2}”：{OneLine(row.Improvement!)}")));
            }
        paragraphs.Add(P(Gap("针对上述问题的改进措施和有关建议")));
        return paragraphs;
    }

    private static List<ReportParagraph> GradeSection(PerformanceForm? department, List<PerformanceForm> projects, string unit, string year, Func<decimal, string> grade)
    {
        var paragraphs = new List<ReportParagraph>();
        if (department?.StatedTotal is { } total)
        {
            var stated = department.StatedGrade ?? grade(total);
            paragraphs.Add(P(S($"根据部门整体支出绩效评价指标体系，{unit}{year}年度部门整体支出绩效自评得分{Printing.Plain(total)}分，自评等级为“{stated}”。")));
            if (department.StatedGrade is { } given && given.Trim() != grade(total))
                paragraphs.Add(P(Gap($"核实等级：自评表所填等级“{given.Trim()}”与{Printing.Plain(total)}分对应的等级“{grade(total)}”不一致")));
        }
        else
            paragraphs.Add(P(S($"{unit}{year}年度部门整体支出绩效自评得分："), Gap("部门整体支出绩效自评得分和等级")));

        foreach (var project in projects.Where(p => p.StatedTotal is not null))
            paragraphs.Add(P(S($"{project.Project}：自评得分{Printing.Plain(project.StatedTotal!.Value)}分，等级为“{project.StatedGrade ?? grade(project.StatedTotal.Value)}”。")));
        return paragraphs;
    }

    private static IEnumerable<PerformanceForm> Owners(PerformanceForm? department, List<PerformanceForm> projects) =>
        department is null ? projects : [department, .. projects];

    /// <summary>The rows that make up the whole: the 年度资金总额 row, else the 资金来源 rows (they add up to it).</summary>
    private static List<FundsRow> Whole(PerformanceForm department)
    {
        var whole = department.Funds.Where(r => r.Role == FundsRowRole.Total).Take(1).ToList();
        return whole.Count > 0 ? whole : department.Funds.Where(r => r.Role == FundsRowRole.Source).ToList();
    }

    private static FundsRow? TotalRow(PerformanceForm form) =>
        form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total);

    /// <summary>An amount as the report quotes it: 万元 at two decimals; an amount of unknown unit stays as stated.</summary>
    /// <summary>
    /// Both amounts stated and within what a budget form can hold (Forms.DomainRanges): an amount beyond it is the
    /// checker's value-out-of-range finding, and the draft leaves a gap rather than add it up.
    /// </summary>
    private static bool HasAmounts(FundsRow row) =>
        row.Budget is { } b && row.Executed is { } e && DomainRanges.IsAmount(b) && DomainRanges.IsAmount(e);

    private static decimal Wan(decimal amount, MoneyUnit? unit) =>
        unit is null ? Math.Round(amount, 2, MidpointRounding.AwayFromZero) : Printing.ToWanYuan(amount, unit);

    private static string Money(decimal wan, MoneyUnit? unit) =>
        unit is null ? wan.ToString("0.00", CultureInfo.InvariantCulture) + "（金额单位未注明）" : Printing.WanYuan(wan);

    /// <summary>", 执行率 99.99%" computed from the two printed amounts; nothing when the base is zero.</summary>
    private static string Rate(string prefix, decimal numerator, decimal denominator) =>
        Percentage.Ratio(numerator, denominator) is { } rate ? prefix + rate : "";

    private static string Label(string label)
    {
        var text = label.Replace("资金来源：", "", StringComparison.Ordinal).Replace("资金结构：", "", StringComparison.Ordinal).Trim();
        var close = text.IndexOf('）', StringComparison.Ordinal);
        return text.StartsWith('（') && close > 0 ? text[(close + 1)..].Trim() : text;
    }

    private static string Count(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string OneLine(string text) =>
        string.Join("", text.Split('\n').Select(l => l.Trim())).Trim();

    private static ReportParagraph P(params Segment[] segments) => new(segments);

    private static Segment S(string text) => new(text);

    private static Segment Gap(string what) => new(Fill + what + "】", Fill: true);
}

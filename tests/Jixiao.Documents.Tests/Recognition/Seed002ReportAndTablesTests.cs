using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Seed 002: a narrative report followed by four tables written one cell per line.</summary>
public sealed class Seed002ReportAndTablesTests
{
    private static readonly IReadOnlyList<PerformanceForm> Forms = Recognize.Seed("002");

    private static PerformanceForm Only(FormKind kind) => Assert.Single(Forms, f => f.Kind == kind);

    [Fact]
    public void The_document_holds_a_report_then_basic_data_monitoring_project_and_department_tables()
    {
        Assert.Equal(
            [FormKind.Report, FormKind.DepartmentBasicData, FormKind.Monitoring, FormKind.ProjectSelfEvaluation, FormKind.DepartmentSelfEvaluation],
            Forms.Select(f => f.Kind));
        Assert.All(Forms, f => Assert.False(f.Incomplete));
    }

    [Fact]
    public void The_report_runs_from_its_title_to_the_annexed_tables()
    {
        var report = Only(FormKind.Report);
        Assert.Equal(2020, report.Year);
        Assert.StartsWith("2020年部门整体支出绩效自评报告\n一、部门概况", report.Text);
        Assert.EndsWith("部门整体支出绩效情况见附表。", report.Text);
        Assert.DoesNotContain("基础数据表", report.Text);
        // "综合得分为96分" and "评分得分96分": the report's own statement of the total, for the checker.
        Assert.Equal(96m, report.StatedTotal);
        Assert.Null(report.StatedGrade);
    }

    [Fact]
    public void The_basic_data_table_reads_staffing_and_spending_control_rows_with_their_depth()
    {
        var basic = Only(FormKind.DepartmentBasicData);
        Assert.Equal("浏阳市数据资源中心", basic.Unit);
        Assert.Equal(2020, basic.Year);
        Assert.Equal((15m, 13m, "100%"), (basic.Staffing!.Authorized, basic.Staffing.Actual, basic.Staffing.StatedControlRate.ToString()));

        var rows = basic.BasicData;
        Assert.Equal(16, rows.Count);
        Assert.Equal(("三公经费", 0, 1.86m, 2m, 0.95m), (rows[0].Label, rows[0].Depth, rows[0].PriorYearFinal, rows[0].Budget, rows[0].Final));
        Assert.Equal(("1、公务用车购置和维护经费", 1), (rows[1].Label, rows[1].Depth));
        Assert.Equal(("其中：公车购置", 2), (rows[2].Label, rows[2].Depth));
        Assert.Equal(("公车运行维护", 2), (rows[3].Label, rows[3].Depth));
        var business = rows.Single(r => r.Label == "1、业务工作专项");
        Assert.Equal((1, 630.89m, 478.24m, 979.97m), (business.Depth, business.PriorYearFinal, business.Budget, business.Final));
        var publicFunds = rows.Single(r => r.Label == "公用经费");
        Assert.Equal((0, (decimal?)null, 10m, 18.76m), (publicFunds.Depth, publicFunds.PriorYearFinal, publicFunds.Budget, publicFunds.Final));
        Assert.Equal(1, rows.Single(r => r.Label == "水费、电费、差旅费").Depth);
        Assert.StartsWith("全体机关人员使用空调时夏季不低于26℃", rows[^1].Text);
        Assert.Equal("厉行节约保障措施", rows[^1].Label);
    }

    [Fact]
    public void The_2021_monitoring_table_has_32_68_budgeted_nothing_spent_and_nine_indicators()
    {
        var m = Only(FormKind.Monitoring);
        Assert.Equal(2021, m.Year);
        Assert.Equal("政务外网和政府网站安全监控等经费", m.Project);
        Assert.Equal("浏阳市数据资源中心", m.Department);
        Assert.Equal(6, m.MonitoringMonths);
        Assert.Equal(MoneyUnit.TenThousandYuan, m.MoneyUnit);

        var total = m.Funds[0];
        Assert.Equal((FundsRowRole.Total, 32.68m, 0m, 32.68m), (total.Role, total.InitialBudget, total.Executed, total.ForecastExecuted));
        Assert.Equal(0m, total.StatedRate!.Value.Fraction);
        Assert.Equal(("其中：本年一般公共预算拨款", FundsRowRole.Part, 32.68m), (m.Funds[1].Label, m.Funds[1].Role, m.Funds[1].InitialBudget));

        Assert.Equal(9, m.Indicators.Count);
        var first = m.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "监控平台搭建（包括外网和网站）", "100%", "100%", "100%"),
            (first.Level1, first.Level2, first.Name, first.Target, first.MidYearProgress, first.ExpectedCompletion));
        Assert.Equal(CompletionLikelihood.Certain, first.Likelihood);
        Assert.Equal(DeviationCauses.None, first.Causes);
        Assert.All(m.Indicators, r => Assert.Equal(CompletionLikelihood.Certain, r.Likelihood));
        Assert.Equal(("成本指标", "项目预算控制率", "≤100%"), (m.Indicators[3].Level2, m.Indicators[3].Name, m.Indicators[3].Target));
        Assert.StartsWith("1、监控平台搭建（包括外网和网站）；2、外网系统及门户网站安全评估", m.PlannedGoal);
    }

    [Fact]
    public void The_link_rental_project_table_reads_403_403_403_and_nine_weighted_rows_totalling_96()
    {
        var p = Only(FormKind.ProjectSelfEvaluation);
        Assert.Equal("全市政务网络（政务外网和党政工作专网）链路租赁经费", p.Project);
        Assert.Equal(("浏阳市数据资源中心", "浏阳市数据资源中心", 2020), (p.Department, p.Unit, p.Year));
        var total = p.Funds[0];
        Assert.Equal((403m, 403m, 403m, 10m, "100.00%", 10m), (total.InitialBudget, total.Budget, total.Executed, total.Weight, total.StatedRate.ToString(), total.StatedScore));
        Assert.Equal(["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"], p.Funds.Select(f => f.Label));
        Assert.Equal([FundsRowRole.Total, FundsRowRole.Part, FundsRowRole.Part, FundsRowRole.Part], p.Funds.Select(f => f.Role));

        Assert.Equal(9, p.Indicators.Count);
        var quality = p.Indicators[1];
        Assert.Equal(("产出指标", 50m, "质量指标", 20m), (quality.Level1, quality.Level1Weight, quality.Level2, quality.Level2Weight));
        Assert.Equal(("网络安全稳定顺畅高效运行。", "7*24", "100%", 20m, 19m), (quality.Name, quality.Target, quality.Actual, quality.Weight, quality.StatedScore));
        var economic = p.Indicators[4];
        Assert.Equal(("效益指标", 40m, "经济效益指标", "统一政务网络“一张网”", 9m), (economic.Level1, economic.Level1Weight, economic.Level2, economic.Target, economic.StatedScore));
        var satisfaction = p.Indicators[^1];
        Assert.Equal(("服务对象满意度指标", 10m, "满意度达95%", "大于93%", 9m), (satisfaction.Level2, satisfaction.Level2Weight, satisfaction.Target, satisfaction.Actual, satisfaction.StatedScore));
        Assert.Equal((100m, 96m), (p.StatedWeightTotal, p.StatedTotal));
        Assert.StartsWith("统一全市政务网络管理，节省财政投资。", p.PlannedGoal);
        Assert.StartsWith("全年收集整理25个单位的130个电子证照", p.ActualGoal);
    }

    [Fact]
    public void The_department_wide_table_reads_sources_structure_and_22_rows_under_three_first_level_indicators()
    {
        var d = Only(FormKind.DepartmentSelfEvaluation);
        Assert.Equal(("2020年部门整体支出绩效自评表", 2020, "浏阳市数据资源中心"), (d.Title, d.Year, d.Unit));
        Assert.Equal([FundsRowRole.Source, FundsRowRole.Source, FundsRowRole.Structure, FundsRowRole.Structure], d.Funds.Select(f => f.Role));
        Assert.Equal((6272512.00m, 11124990.85m, "100.00%"), (d.Funds[0].Budget, d.Funds[0].Executed, d.Funds[0].StatedRate.ToString()));
        Assert.Equal(("资金结构：（1）基本支出", 1490112.00m), (d.Funds[2].Label, d.Funds[2].Budget));

        Assert.Equal(22, d.Indicators.Count);
        Assert.Equal(["投入管理", "产出指标", "效益指标"], d.Indicators.Select(r => r.Level1).Distinct());
        Assert.Equal([30m, 25m, 45m], d.Indicators.Select(r => r.Level1Weight).Distinct().Select(w => w!.Value));

        var budgeting = d.Indicators[0];
        // The 二级 cell spans the 三级 column: no name, the weight is the 二级's, and the model keeps it there.
        Assert.Equal(("预算编审管理", 3m, null, "根据财政管理工作绩效考核相关办法规定填报", "100.00%", (decimal?)null, 3m),
            (budgeting.Level2, budgeting.Level2Weight, budgeting.Name, budgeting.Target, budgeting.Actual, budgeting.Weight, budgeting.StatedScore));
        var assets = d.Indicators[7];
        Assert.Equal(("资产管理", 4m, 3m), (assets.Level2, assets.Level2Weight, assets.StatedScore));

        var staffing = d.Indicators[8];
        Assert.Equal(("数量指标", 6m, "在职人员控制率", 3m, "100.00%", 3m), (staffing.Level2, staffing.Level2Weight, staffing.Name, staffing.Weight, staffing.Actual, staffing.StatedScore));
        Assert.StartsWith("在职人员控制率＝（在职人员数/编制数）*100%", staffing.Target);
        Assert.Equal(("资金到位率", 2m), (d.Indicators[12].Name, d.Indicators[12].Weight));

        var satisfaction = d.Indicators[^1];
        Assert.Equal(("效益指标", "满意度指标", 10m, "满意度达100%", "大于98%", 9m),
            (satisfaction.Level1, satisfaction.Level2, satisfaction.Level2Weight, satisfaction.Target, satisfaction.Actual, satisfaction.StatedScore));
        Assert.Equal((100m, 96m), (d.StatedWeightTotal, d.StatedTotal));
    }
}

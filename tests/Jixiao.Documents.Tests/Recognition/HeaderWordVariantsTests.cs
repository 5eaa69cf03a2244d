using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Header words differ between provinces and years; the recogniser reads them by meaning.</summary>
public sealed class HeaderWordVariantsTests
{
    private const string Variant = """
        项目支出绩效自评表
        (2021年度)
        项目名称 | 道路养护
        主管部门 | 某市交通运输局 | 实施单位 | 某市公路事务中心
        项目资金（元） |  | 年初预算数 | 调整后预算数 | 执行数 | 权重 | 执行率 | 自评得分
         | 合计 | 100,000.00 | 120,000.00 | 108,000.00 | 10 | 90.00% | 9.00
         | 其中：当年财政拨款 | 100,000.00 | 120,000.00 | 108,000.00 |  |  | 
        年度总体目标 | 预期目标 | 实际完成情况
         | 完成全市道路养护 | 已完成 95 公里
        一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际值 | 权重 | 自评得分 | 未完成原因
        产出指标 | 数量指标 | 养护里程 | ≥100公里 | 95公里 | 20 | 19 | 雨季延误
         |  | 修补面积 | ≥5000平方米 | 5200平方米 | 30 | 30 | 
        效益指标 | 社会效益指标 | 通行满意率 | ≥90% | 92% | 30 | 30 | 
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 88% | 10 | 9.78 | 个别路段施工影响出行
        总分 |  |  |  |  | 100 | 97.78 | 
        """;

    private static readonly PerformanceForm Form = Assert.Single(Recognize.Text(Variant));

    [Fact]
    public void Adjusted_budget_executed_weight_and_self_score_columns_are_read_by_meaning()
    {
        Assert.Equal((FormKind.ProjectSelfEvaluation, 2021, "道路养护", "某市交通运输局", "某市公路事务中心", MoneyUnit.Yuan),
            (Form.Kind, Form.Year, Form.Project, Form.Department, Form.Unit, Form.MoneyUnit));
        var total = Form.Funds[0];
        Assert.Equal((FundsRowRole.Total, "合计", 100000.00m, 120000.00m, 108000.00m, 10m, "90.00%", 9.00m),
            (total.Role, total.Label, total.InitialBudget, total.Budget, total.Executed, total.Weight, total.StatedRate.ToString(), total.StatedScore));
        Assert.Equal(FundsRowRole.Part, Form.Funds[1].Role);
        Assert.Equal(("完成全市道路养护", "已完成 95 公里"), (Form.PlannedGoal, Form.ActualGoal));
    }

    [Fact]
    public void Indicator_value_actual_weight_score_and_reason_columns_are_read_by_meaning()
    {
        Assert.Equal(4, Form.Indicators.Count);
        var first = Form.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "养护里程", "≥100公里", "95公里", 20m, 19m, "雨季延误"),
            (first.Level1, first.Level2, first.Name, first.Target, first.Actual, first.Weight, first.StatedScore, first.Explanation));
        var filled = Form.Indicators[1];
        Assert.Equal(("产出指标", "数量指标", "修补面积", 30m), (filled.Level1, filled.Level2, filled.Name, filled.Weight));
        Assert.Equal("个别路段施工影响出行", Form.Indicators[3].Explanation);
        Assert.Equal((100m, 97.78m), (Form.StatedWeightTotal, Form.StatedTotal));
    }

    [Fact]
    public void Target_and_completion_value_with_reason_analysis_and_a_full_budget_A_column_are_read_too()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效自评表
            项目名称 | 校舍维修
            项目资金（万元） |  | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分
             | 年度资金总额 | 50 | 45 | 10 | 90% | 9
            一级指标 | 二级指标 | 三级指标 | 目标值 | 全年完成值 | 分值 | 得分 | 偏差及原因分析
            产出指标 | 质量指标 | 验收合格率 | 100% | 100% | 50 | 50 | 
            效益指标 | 可持续影响指标 | 使用年限 | ≥10年 | 预计12年 | 40 | 40 | 无
            总分 | 100 | 99
            """));
        Assert.Equal((50m, 45m, MoneyUnit.TenThousandYuan), (form.Funds[0].Budget, form.Funds[0].Executed, form.MoneyUnit));
        var second = form.Indicators[1];
        Assert.Equal(("≥10年", "预计12年", 40m, 40m, "无"), (second.Target, second.Actual, second.Weight, second.StatedScore, second.Explanation));
        Assert.Equal((100m, 99m), (form.StatedWeightTotal, form.StatedTotal));
    }

    [Fact]
    public void Weights_written_as_name_suffixes_are_split_from_the_names()
    {
        var form = Assert.Single(Recognize.Text("""
            部门整体支出绩效自评表
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 自评得分 | 偏差原因
            产出指标（50分） | 数量指标(20) | 重点工作办结率（20分） | 100% | 100% | 20 | 
             | 质量指标（30） | 资金使用合规性（3分 | 合规 | 合规 | 30 | 
            总分 | 100 | 100
            """));
        var first = form.Indicators[0];
        Assert.Equal(("产出指标", 50m, "数量指标", 20m, "重点工作办结率", 20m, 20m),
            (first.Level1, first.Level1Weight, first.Level2, first.Level2Weight, first.Name, first.Weight, first.StatedScore));
        var second = form.Indicators[1];
        Assert.Equal(("产出指标", 50m, "质量指标", 30m, "资金使用合规性", 3m), (second.Level1, second.Level1Weight, second.Level2, second.Level2Weight, second.Name, second.Weight));
    }
}

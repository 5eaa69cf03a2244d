namespace Jixiao.Documents.Tests.Recognition;

/// <summary>The 重庆 coefficient family: 计量单位 before 指标性质, 年初/调整指标值, 得分系数, 指标权重/指标得分, 是否核心指标, 自评总分.</summary>
public sealed class The_chongqing_coefficient_family_is_read_by_its_template
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 计划生育家庭奖励扶助
        主管部门 | 某县卫生健康委员会 | 实施单位 | 某县卫生健康委员会
        一级指标 | 二级指标 | 三级指标 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 | 得分系数 | 指标权重 | 指标得分 | 是否核心指标
        产出指标 | 数量指标 | 奖励扶助人数 | 人 | ≥ | 1500 |  | 1523 | 1 | 30 | 30 | 是
         | 质量指标 | 资金发放准确率 | % | ＝ | 100 |  | 100 | 1 | 20 | 20 | 否
         | 时效指标 | 按时发放率 | % | ≥ | 95 | 98 | 96 | 0.9 | 20 | 18 | 否
        满意度指标 | 服务对象满意度指标 | 扶助对象满意度 | % | ≥ | 90 |  | 94 | 1 | 20 | 20 | 否
        自评总分 |  |  |  |  |  |  |  |  | 90 | 88 | 
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Coefficients_adjusted_targets_and_core_marks_are_kept_and_the_scores_read(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        Assert.Equal("project-chongqing-coefficient", form.TemplateId);
        Assert.Equal(
            [("奖励扶助人数", "≥1500人", "1523人", 30m, 30m), ("资金发放准确率", "＝100%", "100%", 20m, 20m),
             ("按时发放率", "≥95%", "96%", 20m, 18m), ("扶助对象满意度", "≥90%", "94%", 20m, 20m)],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        var late = form.Indicators[2];
        Assert.Equal(("98", "0.9", "否"), (late.Extra["adjustedTarget"], late.Extra["scoreCoefficient"], late.Extra["isCore"]));
        Assert.Equal("是", form.Indicators[0].Extra["isCore"]);
        Assert.Equal((90m, 88m), (form.StatedWeightTotal, form.StatedTotal));
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>The rows closing an indicator table: the total row and the 自评等级 row under it.</summary>
public sealed class TotalAndGradeRowsTests
{
    [Fact]
    public void A_grade_row_under_the_total_gives_the_stated_grade_as_written()
    {
        var form = Assert.Single(Recognize.Text("""
            财政项目支出绩效自评表
            (2020 年度)
            项目名称 | 政务云运维
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
            产出指标 | 数量指标 | 上云系统数 | ≥50个 | 52个 | 60 | 60 | 
            效益指标 | 社会效益指标 | 业务连续性 | 全年无重大中断 | 无中断 | 40 | 38 | 
            总分 |  |  |  |  | 100 | 98 | 
            自评等级 | 优秀
            """));
        Assert.Equal((100m, 98m, "优秀"), (form.StatedWeightTotal, form.StatedTotal, form.StatedGrade));
        Assert.Equal(2, form.Indicators.Count);
    }

    [Fact]
    public void A_grade_label_followed_by_no_grade_states_no_grade()
    {
        var form = Assert.Single(Recognize.Text("""
            财政项目支出绩效自评表
            项目名称 | 政务云运维
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
            产出指标 | 数量指标 | 上云系统数 | ≥50个 | 52个 | 100 | 98
            总分 |  |  |  |  | 100 | 98
            自评等级 | 见报告
            """));
        Assert.Null(form.StatedGrade);
    }

    [Fact]
    public void The_lone_number_on_a_targets_tables_total_row_is_its_weight_total_not_a_score()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效目标申报表
            (2022年度)
            项目名称 | 智慧城市运维
            一级指标 | 二级指标 | 三级指标 | 指标值 | 分值
            产出指标 | 数量指标 | 上云系统数 | ≥50个 | 60
            效益指标 | 社会效益指标 | 业务连续性 | 全年无重大中断 | 30
            合计 |  |  |  | 90
            """));
        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal((90m, (decimal?)null), (form.StatedWeightTotal, form.StatedTotal));
    }

    [Fact]
    public void The_lone_number_on_a_self_evaluation_total_row_is_its_total_score()
    {
        var form = Assert.Single(Recognize.Text("""
            财政项目支出绩效自评表
            项目名称 | 政务云运维
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
            产出指标 | 数量指标 | 上云系统数 | ≥50个 | 52个 | 100 | 96
            总分 |  |  |  |  |  | 96
            """));
        Assert.Equal((96m, (decimal?)null), (form.StatedTotal, form.StatedWeightTotal));
    }
}

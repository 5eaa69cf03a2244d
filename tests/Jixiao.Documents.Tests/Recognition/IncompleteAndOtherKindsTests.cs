using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

public sealed class IncompleteAndOtherKindsTests
{
    [Fact]
    public void A_table_that_stops_after_its_benefit_rows_is_kept_and_marked_incomplete()
    {
        var form = Assert.Single(Recognize.Text("""
            财政项目支出绩效自评表
            (2020 年度)
            项目名称 | 政务云运维
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
            产出指标 | 数量指标 | 上云系统数 | ≥50个 | 52个 | 50 | 50 | 
            效益指标 | 社会效益指标 | 业务连续性 | 全年无重大中断 | 无中断 | 30 | 30 | 
            """));
        Assert.True(form.Incomplete);
        Assert.Equal(["上云系统数", "业务连续性"], form.Indicators.Select(r => r.Name));
        Assert.Null(form.StatedTotal);
        var cut = Assert.Single(form.ReadingDoubts);
        Assert.Equal((DoubtReason.CutOff, FormBlock.Indicators, DoubtScope.Block, "业务连续性"), (cut.Reason, cut.Block, cut.Scope, cut.RowLabel));
        Assert.Contains("未见总分行", ReadingDoubtText.Describe(cut));
    }

    [Fact]
    public void A_table_that_stops_inside_its_funds_block_keeps_its_funds_and_is_incomplete()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效自评表
            项目名称 | 政务云运维
            项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
             | 年度资金总额 | 10 | 10 | 9 | 10 | 90.00% | 9
            """));
        Assert.True(form.Incomplete);
        Assert.Equal(9m, form.Funds[0].Executed);
        Assert.Empty(form.Indicators);
    }

    [Fact]
    public void A_targets_table_has_its_indicator_values_and_no_actuals()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效目标申报表
            (2022年度)
            项目名称 | 智慧城市运维
            年度总体目标 | 保障政务云稳定运行，全年无重大中断
            一级指标 | 二级指标 | 三级指标 | 指标值
            产出指标 | 数量指标 | 上云系统数 | ≥50个
             | 时效指标 | 故障响应时间 | ≤30分钟
            效益指标 | 社会效益指标 | 业务连续性 | 全年无重大中断
            """));
        Assert.Equal((FormKind.Targets, 2022, "智慧城市运维", false), (form.Kind, form.Year, form.Project, form.Incomplete));
        Assert.Equal("保障政务云稳定运行，全年无重大中断", form.PlannedGoal);
        Assert.Equal(3, form.Indicators.Count);
        Assert.Equal(("产出指标", "时效指标", "故障响应时间", "≤30分钟"), (form.Indicators[1].Level1, form.Indicators[1].Level2, form.Indicators[1].Name, form.Indicators[1].Target));
        Assert.All(form.Indicators, r => Assert.Null(r.Actual));
    }

    [Fact]
    public void A_project_table_without_a_printed_title_starts_at_its_project_name()
    {
        var forms = Recognize.Text("""
            项目名称 | 第一个项目
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
            产出指标 | 数量指标 | 甲 | 1项 | 1项 | 90 | 90
            总分 | 90 | 90

            项目名称 | 第二个项目
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
            产出指标 | 数量指标 | 乙 | 2项 | 2项 | 90 | 80
            总分 | 90 | 80
            """);
        Assert.Equal(["第一个项目", "第二个项目"], forms.Select(f => f.Project));
        Assert.All(forms, f => Assert.Equal(FormKind.ProjectSelfEvaluation, f.Kind));
        Assert.Equal(80m, forms[1].StatedTotal);
    }

    [Fact]
    public void Page_numbers_between_rows_are_neither_rows_nor_fragments()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效自评表
            项目名称 | 政务云运维
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
            产出指标 | 数量指标 | 上云系统数 | ≥50个 | 52个 | 50 | 50

            第 1 页，共 2 页

             | 质量指标 | 可用率 | ≥99.9% | 99.95% | 40 | 40
            总分 | 90 | 90
            """));
        Assert.Equal(["上云系统数", "可用率"], form.Indicators.Select(r => r.Name));
        Assert.Empty(form.ReadingDoubts);
    }

    [Fact]
    public void Text_without_any_form_gives_no_forms()
    {
        Assert.Empty(Recognize.Text("会议纪要\n\n一、会议时间\n二、参会人员\n"));
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>指标类别 / 指标名称 headers name the tree levels by role, without 级 words.</summary>
public sealed class Indicator_headers_without_level_words_are_read_by_role
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 乡村道路养护
        指标类别 | 指标类别 | 指标名称 | 指标值 | 完成值 | 分值 | 得分
        产出指标 | 数量指标 | 养护里程 | ≥100公里 | 102公里 | 30 | 30
        效益指标 | 社会效益指标 | 通行时间缩短 | ≥10% | 12% | 30 | 30
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 93% | 30 | 30
        总分 |  |  |  |  | 90 | 90
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Two_category_columns_and_a_name_column_give_the_three_levels(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        Assert.Equal(
            [("产出指标", "数量指标", "养护里程", "≥100公里", "102公里", 30m, 30m), ("效益指标", "社会效益指标", "通行时间缩短", "≥10%", "12%", 30m, 30m),
             ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 30m, 30m)],
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        Assert.Equal((90m, 90m), (form.StatedWeightTotal, form.StatedTotal));
    }
}

/// <summary>Amounts, weights and scores with their unit in the cell are read as numbers; a different money unit is never converted silently.</summary>
public sealed class Units_in_cells_are_read_and_checked_against_the_money_unit
{
    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Wan_yuan_in_the_cells_sets_the_money_unit_when_the_form_names_none(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, """
            部门整体支出绩效自评表
            部门名称 | 某县农业农村局
            资金情况 |  | 全年预算数 | 全年执行数 | 执行率
             | 年度资金总额 | 4753.66万元 | 4500.00万元 | 94.66%
            一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分
            产出指标 | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 10分 | 9.5分
            总分 |  |  |  |  | 10 | 9.5
            """));
        Assert.Equal((MoneyUnit.TenThousandYuan, 4753.66m, 4500.00m, "94.66%"),
            (form.MoneyUnit, form.Funds[0].Budget, form.Funds[0].Executed, form.Funds[0].StatedRate?.ToString()));
        Assert.Equal((10m, 9.5m), (form.Indicators[0].Weight, form.Indicators[0].StatedScore));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Text?.Contains("4753.66", StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void An_amount_in_another_unit_than_the_form_is_converted_with_a_note(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, """
            项目支出绩效自评表
            项目名称 | 校舍维修
            项目资金（元） |  | 全年预算数 | 全年执行数 | 执行率
             | 年度资金总额 | 1.5万元 | 15000 | 100%
            一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分
            产出指标 | 质量指标 | 验收合格率 | 100% | 100% | 90 | 90
            总分 |  |  |  |  | 90 | 90
            """));
        Assert.Equal((MoneyUnit.Yuan, 15000m, 15000m), (form.MoneyUnit, form.Funds[0].Budget, form.Funds[0].Executed));
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.AmbiguousNumber && d.Text == "1.5万元");
    }
}

/// <summary>A comparator (指标性质) and a measure unit (度量单位) in columns of their own join the target; no row shifts.</summary>
public sealed class A_comparator_and_a_measure_unit_column_join_the_target
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 司法协理员补助
        一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析
        产出指标 | 数量指标 | 补助人数 | ≧ | 120 | 人 | 118 | 30 | 29.5 | 两人离职
         | 质量指标 | 资金发放准确率 | ═ | 100 | % | 100 | 30 | 30 | 
        效益指标 | 社会效益指标 | 矛盾纠纷化解率 | ≥ | 95 | % | 96 | 20 | 20 | 
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 92 | 10 | 10 | 
        总分 |  |  |  |  |  |  | 90 | 89.5 | 
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_target_is_comparator_value_and_unit_and_the_weights_stay_in_place(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        Assert.Equal(
            [("补助人数", "≧120人", "118人", 30m, 29.5m, "两人离职"), ("资金发放准确率", "═100%", "100%", 30m, 30m, null),
             ("矛盾纠纷化解率", "≥95%", "96%", 20m, 20m, null), ("群众满意度", "≥90%", "92%", 10m, 10m, null)],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value, r.Explanation)));
        Assert.Equal(("≥", "%"), (form.Indicators[2].Extra["comparator"], form.Indicators[2].Extra["measureUnit"]));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells);
    }
}

/// <summary>Rows a blank template left in place (指标1, ……, ≥**人) are not indicators; a note says so.</summary>
public sealed class Template_placeholder_rows_are_left_out_with_a_note
{
    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Placeholder_names_and_template_targets_are_not_counted(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, """
            绩效目标申报表
            项目名称 | 临时救助
            一级指标 | 二级指标 | 三级指标 | 指标值
            产出指标 | 数量指标 | 救助人次 | ≥80人次
             |  | 指标2 | 
             | 质量指标 | …… | 
             | 时效指标 |  | ≥**人
            效益指标 | 社会效益指标 | 困难群众基本生活保障率 | 100%
            """));
        Assert.Equal(["救助人次", "困难群众基本生活保障率"], form.Indicators.Select(r => r.Name));
        Assert.Equal(3, form.ReadingDoubts.Count(d => d.Reason == DoubtReason.PlaceholderRow));
    }
}

/// <summary>A score cell merged over several sub-rows belongs to the group: the rows under it are not "missing a score".</summary>
public sealed class A_score_merged_over_sub_rows_is_not_a_missing_score
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 农村公路建设
        一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
        产出指标 | 数量指标 | 新建公路 | 20公里 | 20公里 | 10 | 28
        ^ | ^ | 改建公路 | 10公里 | 9公里 | 10 | ^
        ^ | ^ | 桥梁维修 | 3座 | 3座 | 10 | ^
        总分 |  |  |  |  | 30 | 28
        """;

    [Theory]
    [InlineData("xlsx")]
    [InlineData("html")]
    public void Rows_under_a_merged_score_have_no_missing_score_note(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        Assert.Equal([28m, null, null], form.Indicators.Select(r => r.StatedScore));
        Assert.Equal([10m, 10m, 10m], form.Indicators.Select(r => r.Weight));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason == DoubtReason.MissingValue);
    }

    [Fact]
    public void In_text_without_merges_the_same_rows_read_the_same_facts()
    {
        var form = Assert.Single(PrintedGrid.Read("txt", Grid));
        Assert.Equal([28m, null, null], form.Indicators.Select(r => r.StatedScore));
        Assert.Equal(["新建公路", "改建公路", "桥梁维修"], form.Indicators.Select(r => r.Name));
    }
}

/// <summary>The 20-point execution layout: 预算执行情况(20分) carries the execution weight, 年度绩效目标(80分) the indicators without a weight column.</summary>
public sealed class The_twenty_point_execution_layout_is_read
{
    private const string Grid = """
        2021年度财政项目绩效自评表
        项目名称 | 院区建设补助
        预算执行情况（万元）（20分） | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率)
        年度财政资金总额 | 1000 | 950 | 95% | 19
        年度绩效目标（80分） | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分
         | 产出指标 | 数量指标 | 新增床位 | 200张 | 200张 | 20
         |  | 质量指标 | 验收合格率 | 100% | 100% | 20
         | 效益指标 | 社会效益指标 | 门诊服务能力 | 提升 | 提升 | 20
         | 满意度指标 | 服务对象满意度指标 | 患者满意度 | ≥90% | 92% | 20
        总分 |  |  |  |  |  | 99
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_execution_weight_comes_from_the_block_label_and_the_indicators_from_the_target_block(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        var total = Assert.Single(form.Funds);
        Assert.Equal((FundsRowRole.Total, 1000m, 950m, 20m, "95%", 19m, MoneyUnit.TenThousandYuan),
            (total.Role, total.Budget, total.Executed, total.Weight, total.StatedRate?.ToString(), total.StatedScore, form.MoneyUnit));
        Assert.Equal(
            [("产出指标", "数量指标", "新增床位", "200张", "200张", 20m), ("产出指标", "质量指标", "验收合格率", "100%", "100%", 20m),
             ("效益指标", "社会效益指标", "门诊服务能力", "提升", "提升", 20m), ("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "92%", 20m)],
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Name, r.Target, r.Actual, r.StatedScore!.Value)));
        Assert.Equal(99m, form.StatedTotal);
    }
}

/// <summary>Declared columns the model has no property for (调整后预算数 beside 全年预算数, 得分系数, 评分标准, 是否核心指标, 指标解释) are kept in Extra.</summary>
public sealed class Declared_columns_without_a_property_are_kept_in_extra
{
    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Each_cell_is_kept_under_its_role_id(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, """
            项目支出绩效自评表
            项目名称 | 城乡低保
            项目负责人 | 张三
            项目资金（万元） |  | 全年预算数 | 调整后预算数 | 全年执行数 | 执行率
             | 年度资金总额 | 100 | 120 | 108 | 90%
            一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标值 | 完成值 | 得分系数 | 分值 | 得分 | 评分标准 | 是否核心指标
            产出指标 | 数量指标 | 保障人数 | 月均在册人数 | ≥500人 | 510人 | 1 | 50 | 50 | 完成得满分 | 是
            总分 |  |  |  |  |  |  | 50 | 50 |  | 
            """));
        Assert.Equal((100m, 108m, "120"), (form.Funds[0].Budget, form.Funds[0].Executed, form.Funds[0].Extra["adjustedBudget"]));
        var row = Assert.Single(form.Indicators);
        Assert.Equal(("保障人数", "≥500人", "510人", 50m, 50m), (row.Name, row.Target, row.Actual, row.Weight, row.StatedScore));
        Assert.Equal(
            new Dictionary<string, string> { ["indicatorExplanation"] = "月均在册人数", ["scoreCoefficient"] = "1", ["scoringStandard"] = "完成得满分", ["isCore"] = "是" },
            row.Extra);
        Assert.Equal("张三", form.Extra["projectLead"]);
        Assert.NotNull(form.TemplateId);
    }
}

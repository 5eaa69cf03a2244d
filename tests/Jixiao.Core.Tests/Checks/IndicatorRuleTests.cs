using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class FullScoreDespiteMissTests
{
    [Fact]
    public void Full_marks_on_an_actual_that_reports_a_major_failure_is_an_error()
    {
        var form = Project("上海市政务云基础设施服务费(运维)");
        form.Indicators.Add(Row("产出指标", "质量指标", "政务云整体运行运行稳定率", "≥99.99%", "年末发生重大故障", "10.00", "10.00"));
        var f = Assert.Single(Run(new FullScoreDespiteMissRule(), form));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("年末发生重大故障", f.Message);
        Assert.Equal("政务云整体运行运行稳定率", f.Location.RowLabel);
    }

    [Fact]
    public void A_negated_failure_is_not_a_failure()
    {
        var form = Project("x");
        form.Indicators.Add(Row("效益指标", "社会效益指标", "保障市级核心民生业务", "≥99.99%", "全年云上核心民生业务系统无因政务云原因发生一起故障", "10.00", "10.00"));
        Assert.Empty(Run(new FullScoreDespiteMissRule(), form));
    }

    [Fact]
    public void Full_marks_on_a_quantitative_miss_gives_the_proportional_score()
    {
        var form = Project("x");
        form.Indicators.Add(Row("产出指标", "质量指标", "整改率", "≥90%", "80%", "10", "10"));
        var f = Assert.Single(Run(new FullScoreDespiteMissRule(), form));
        Assert.Equal("8.89", f.Expected);
    }
}

public class ScoreNotProportionalTests
{
    [Fact]
    public void A_quality_rectification_rate_of_80_against_90_scored_6_should_score_8_89()
    {
        var form = Project("数据运营服务");
        form.Indicators.Add(Row("产出指标", "质量指标", "质量问题整改率", "≥90%", "80%", "10.00", "6.00", "数据质量体系的构建需要进一步完善与细化。"));
        var f = Assert.Single(Run(new ScoreNotProportionalRule(), form));
        Assert.Equal("6.00", f.Stated);
        Assert.Equal("8.89", f.Expected);
        Assert.Contains("10.00 × 80% ÷ 90% = 8.89", f.Explanation);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void Proportional_scores_as_printed_are_accepted()
    {
        var form = Project("政务外网");
        form.Indicators.Add(Row("产出指标", "质量指标", "质量用户满意度", "100%", "92%", "10.00", "9.20", "原因"));
        form.Indicators.Add(Row("效益指标", "经济效益指标", "网络环境", "100%", "90%", "6.00", "5.40", "原因"));
        Assert.Empty(Run(new ScoreNotProportionalRule(), form));
    }

    [Fact]
    public void An_actual_written_as_a_bound_is_not_scored_by_formula()
    {
        var form = Project("x");
        form.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "满意度", "满意度达95%", "大于93%", "10", "9"));
        Assert.Empty(Run(new ScoreNotProportionalRule(), form));
    }

    [Fact]
    public void A_reverse_target_exceeded_scores_w_times_a_over_b()
    {
        var form = Project("x");
        form.Indicators.Add(Row("产出指标", "成本指标", "单位成本", "≤90万元", "99万元", "8", "5", "超支"));
        Assert.Equal("7.27", Assert.Single(Run(new ScoreNotProportionalRule(), form)).Expected);
    }
}

public class QualitativeTierTests
{
    [Fact]
    public void Basically_done_with_full_marks_is_outside_its_tier()
    {
        var form = Project("数据运营服务");
        form.Indicators.Add(Row("效益指标", "可持续影响指标", "数据共享完成率", "≥90%", "基本完成", "10.00", "10.00"));
        var f = Assert.Single(Run(new QualitativeTierRule(), form));
        Assert.Equal("[6, 8)", f.Expected);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("基本完成", f.Explanation);
    }

    [Fact]
    public void Basically_done_scored_inside_its_tier_is_fine()
    {
        var form = Project("数据运营服务");
        form.Indicators.Add(Row("效益指标", "社会效益指标", "数据治理程度", "≥90%", "基本完成", "10.00", "7.00", "加强数据治理体系建设"));
        Assert.Empty(Run(new QualitativeTierRule(), form));
    }
}

public class DeductionUnexplainedTests
{
    [Fact]
    public void A_point_off_a_satisfaction_row_that_met_its_target_needs_a_reason()
    {
        var form = Project("“一网通办”及“随申办”运营");
        form.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "个人、企业用户满意度", "100%", "100%", "10.00", "9.00"));
        var f = Assert.Single(Run(new DeductionUnexplainedRule(), form));
        Assert.Equal("9.00", f.Stated);
        Assert.Equal("10.00", f.Expected);
        Assert.Equal("偏差原因分析", f.Location.Field);
    }

    [Fact]
    public void A_weight_printed_on_the_second_level_cell_is_the_weight_of_its_single_row()
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation };
        form.Indicators.Add(new IndicatorRow { Level1 = "投入管理", Level1Weight = 30, Level2 = "资产管理（4）", Level2Weight = 4, Actual = "100.00%", StatedScore = 3 });
        var f = Assert.Single(Run(new DeductionUnexplainedRule(), form));
        Assert.Equal("资产管理（4）", f.Location.RowLabel);
    }

    [Fact]
    public void An_explained_deduction_is_fine()
    {
        var form = Project("x");
        form.Indicators.Add(Row("产出指标", "时效指标", "系统故障响应及时性", "100%", "90%", "10.00", "9.00", "在推动运营单位建立专项运维团队基础上……"));
        Assert.Empty(Run(new DeductionUnexplainedRule(), form));
    }
}

public class WeightSumTests
{
    private static PerformanceForm Liuyang()
    {
        var form = Project("全市政务网络（政务外网和党政工作专网）链路租赁经费", "403.00", "403", "100.00%", "10");
        void Add(string l1, decimal l1w, string l2, decimal l2w, string score) => form.Indicators.Add(new IndicatorRow
        {
            Level1 = l1, Level1Weight = l1w, Level2 = l2, Level2Weight = l2w, Name = l2 + "内容", Target = "100%", Actual = "100%",
            Weight = l2w, StatedScore = D(score),
        });
        Add("产出指标(50分)", 50, "数量指标（15）", 15, "15");
        Add("产出指标(50分)", 50, "质量指标（20）", 20, "19");
        Add("产出指标(50分)", 50, "时效指标（5）", 5, "5");
        Add("产出指标(50分)", 50, "成本指标(10)", 10, "10");
        Add("效益指标（40分）", 40, "经济效益指标（10）", 10, "9");
        Add("效益指标（40分）", 40, "社会效益指标（10）", 10, "9");
        Add("效益指标（40分）", 40, "生态效益指标（10）", 10, "10");
        Add("效益指标（40分）", 40, "可持续影响指标（10）", 10, "10");
        // The reader puts a 满意度 row printed without its own 一级 cell into 满意度指标 (and records that interpretation).
        Add("满意度指标", 0, "服务对象满意度指标（10）", 10, "9");
        form.Indicators[^1].Level1Weight = null;
        form.Indicators[^1].Source = new SourcePosition(635);
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.InferredLevel, Block = FormBlock.Indicators, Row = new SourcePosition(635), Cells = [CellRole.Level1],
            Text = "服务对象满意度指标", Assumed = "满意度指标",
        });
        form.StatedWeightTotal = 100m;
        form.StatedTotal = 96m;
        return form;
    }

    [Fact]
    public void Fifty_forty_ten_plus_the_execution_row_adds_up_to_110_and_is_reported_once()
    {
        var f = Assert.Single(Run(new WeightSumRule(), Liuyang()));
        Assert.Equal("110", f.Stated);
        Assert.Equal("100", f.Expected);
    }

    [Fact]
    public void The_stated_total_96_is_not_the_sum_106_of_the_stated_scores()
    {
        var f = Assert.Single(Run(new TotalMismatchRule(), Liuyang()));
        Assert.Equal("96", f.Stated);
        Assert.Equal("106", f.Expected);
    }

    [Fact]
    public void A_total_held_at_the_rulebooks_cap_for_a_low_execution_rate_is_not_a_mismatch()
    {
        var json = Rulebooks.Rulebooks.Json("national-2020").Replace("\"totalCaps\": []", "\"totalCaps\": [{ \"rateBelow\": 0.8, \"maxTotal\": 89 }]", StringComparison.Ordinal);
        var capped = Rulebooks.Rulebook.Parse(json, "capped");
        var form = Clean();
        form.Funds[0].Executed = 150m;
        form.Funds[0].StatedRate = P("75.00%");
        form.Funds[0].StatedScore = 7.5m;
        form.StatedTotal = 89m;
        Assert.Empty(new TotalMismatchRule().Check(new CheckContext(form, capped)));
        Assert.Single(Run(new TotalMismatchRule(), form));
    }

    [Fact]
    public void A_first_level_block_whose_rows_do_not_add_up_to_its_printed_weight_is_reported()
    {
        var form = Clean();
        foreach (var r in form.Indicators.Take(4)) r.Level1Weight = 60m;
        var findings = Run(new WeightSumRule(), form);
        var f = Assert.Single(findings, x => x.Location.RowLabel == "产出指标");
        Assert.Equal("50", f.Stated);
        Assert.Equal("60", f.Expected);
    }

    [Fact]
    public void A_row_whose_cells_may_be_shifted_holds_back_the_sums_that_include_it_and_says_so()
    {
        var form = Liuyang();
        form.Indicators[1].Source = new SourcePosition(600);
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = new SourcePosition(600) });
        Assert.Empty(Run(new WeightSumRule(), form));
        Assert.Empty(Run(new TotalMismatchRule(), form));
        var info = Assert.Single(Check(form), f => f.Code == CheckCodes.ReadingUncertain);
        Assert.Equal(Severity.Info, info.Severity);
    }
}

public class ScoreAndGradeTests
{
    [Fact]
    public void A_score_above_its_weight_is_an_error()
    {
        var form = Project("x");
        form.Indicators.Add(Row("产出指标", "数量指标", "数量", "5个", "6个", "10", "12"));
        Assert.Equal(CheckCodes.ScoreExceedsWeight, Assert.Single(Run(new ScoreExceedsWeightRule(), form)).Code);
    }

    [Theory]
    [InlineData("98.00", "良", "优")]
    [InlineData("89.99", "优", "良")]
    [InlineData("60", "差", "中")]
    public void A_grade_outside_the_band_of_the_total_is_reported(string total, string stated, string expected)
    {
        var form = Clean();
        form.StatedTotal = D(total);
        form.StatedGrade = stated;
        Assert.Equal(expected, Assert.Single(Run(new GradeMismatchRule(), form)).Expected);
    }

    [Theory]
    [InlineData("90", "优秀")]
    [InlineData("80", "良")]
    [InlineData("59.99", "差")]
    public void A_grade_in_its_band_is_fine(string total, string grade)
    {
        var form = Clean();
        form.StatedTotal = D(total);
        form.StatedGrade = grade;
        Assert.Empty(Run(new GradeMismatchRule(), form));
    }
}

public class MissingValueTests
{
    [Fact]
    public void A_row_with_blank_actual_and_score_is_reported_once_naming_both_fields()
    {
        var form = Clean();
        form.Indicators[1].Actual = "";
        form.Indicators[1].StatedScore = null;
        var f = Assert.Single(Run(new MissingValueRule(), form));
        Assert.Contains("实际完成值", f.Message);
        Assert.Contains("得分", f.Message);
    }

    [Fact]
    public void An_empty_placeholder_line_is_not_a_missing_value()
    {
        var form = Clean();
        form.Indicators.Add(new IndicatorRow { Level1 = "效益指标", Level2 = "经济效益指标", Weight = 0m, StatedScore = 0m });
        Assert.Empty(Run(new MissingValueRule(), form));
    }
}

public class TargetNotMeasurableTests
{
    [Theory]
    [InlineData("数量指标", "政府门户网站点击率", "同比上升")]
    [InlineData("可持续影响指标", "长效管理制度建设", "完善")]
    [InlineData("质量指标", "项目验收合格率", "≥100%")]
    [InlineData("效益指标", "营造良好的营商环境", "100%")]
    [InlineData("数量指标", "项目投入资金", "403万元")]
    [InlineData("时效指标", "完成时间", "按时完成")]
    public void Unmeasurable_targets_are_warned_about(string level2, string name, string target)
    {
        var form = Project("x");
        form.Indicators.Add(Row(level2 == "效益指标" ? "效益指标" : "产出指标", level2, name, target, "100%", "10", "10"));
        var f = Assert.Single(Run(new TargetNotMeasurableRule(), form));
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Theory]
    [InlineData("数量指标", "接入部门数", "≥40个")]
    [InlineData("质量指标", "系统可用率", "100%")]
    [InlineData("时效指标", "故障排除", "<=2 小时")]
    [InlineData("时效指标", "补贴期限", "2020.1.1-2020.12.31")]
    [InlineData("时效指标", "完成时间", "2021年6月底前")]
    public void Measurable_targets_pass(string level2, string name, string target)
    {
        var form = Project("x");
        form.Indicators.Add(Row("产出指标", level2, name, target, "100%", "10", "10"));
        Assert.Empty(Run(new TargetNotMeasurableRule(), form));
    }
}

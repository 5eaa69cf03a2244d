using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Checks.Monitoring;
using Jixiao.Core.Checks.Targets;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class AScoreAboveTheProportionalRuleTests
{
    [Fact]
    public void Is_found_by_the_proportional_rule_at_the_printed_precision()
    {
        // 2 × 3224 / 3807 = 1.6937… → 1.69; 1.9 printed with one decimal cannot hide 0.21.
        var form = Clean();
        form.Indicators[0] = Row("产出指标", "数量指标", "高血压患者规范管理人数", "3807人", "3224人", "15", "14.5");
        form.Indicators[0].Weight = 2m;
        form.Indicators[0].StatedScore = 1.9m;
        var f = Assert.Single(Run(new ScoreNotProportionalRule(), form));
        Assert.Equal((Severity.Error, "1.9", "1.69"), (f.Severity, f.Stated, f.Expected));
    }
}

public class TotalUnreachableTests
{
    private static PerformanceForm CutOff()
    {
        var form = Project("公共卫生服务", "200.00", "200.00", "100.00%", "10.00");
        form.Indicators.Add(Row("产出指标", "数量指标", "建档人数", "≥1000人", "800人", "20", "16", "部分居民外出务工"));
        form.Indicators.Add(Row("产出指标", "质量指标", "随访率", "≥90%", "60%", "20", "13.33", "人手不足"));
        form.Incomplete = true;
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.Indicators, RowLabel = "随访率" });
        return form;
    }

    [Fact]
    public void A_cut_off_table_stating_more_than_full_marks_less_the_visible_deductions_is_an_error()
    {
        // 4 + 6.67 = 10.67 points already lost: at most 100 − 10.67 = 89.33, yet 95 is stated.
        var form = CutOff();
        form.StatedTotal = 95m;
        var f = Assert.Single(Run(new TotalUnreachableRule(), form));
        Assert.Equal((Severity.Error, "95", "≤ 89.33"), (f.Severity, f.Stated, f.Expected));
        Assert.Contains("建档人数 4", f.Message);
    }

    [Fact]
    public void A_total_the_hidden_rows_could_still_reach_is_no_finding()
    {
        var form = CutOff();
        form.StatedTotal = 89m;
        Assert.Empty(Run(new TotalUnreachableRule(), form));
    }

    [Fact]
    public void A_complete_table_with_every_score_is_left_to_total_mismatch()
    {
        var form = Clean();
        form.StatedTotal = 100m;
        Assert.Empty(Run(new TotalUnreachableRule(), form));
        Assert.Single(Run(new TotalMismatchRule(), form));
    }

    [Fact]
    public void A_doubtful_row_is_not_counted_as_lost_points()
    {
        var form = CutOff();
        form.StatedTotal = 95m;
        form.Indicators[0].Source = new SourcePosition(7);
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = new SourcePosition(7) });
        var f = Assert.Single(Run(new TotalUnreachableRule(), form));
        Assert.Equal("≤ 93.33", f.Expected);
    }
}

public class ActualAsThresholdTests
{
    [Fact]
    public void Full_marks_on_an_actual_written_as_a_bound_is_a_warning()
    {
        var form = Clean();
        form.Indicators[0] = Row("产出指标", "数量指标", "新建步道长度", "≥266米", "≥266米", "15", "15");
        var f = Assert.Single(Run(new ActualAsThresholdRule(), form));
        Assert.Equal((Severity.Warning, "≥266米"), (f.Severity, f.Stated));
    }

    [Fact]
    public void A_measured_actual_or_a_deducted_score_is_no_finding()
    {
        Assert.Empty(Run(new ActualAsThresholdRule(), Clean()));
        var form = Clean();
        form.Indicators[0] = Row("产出指标", "数量指标", "新建步道长度", "≥266米", "≥200米", "15", "11.28", "工期延误");
        Assert.Empty(Run(new ActualAsThresholdRule(), form));
    }
}

public class NotApplicableScoredTests
{
    [Fact]
    public void An_indicator_declared_not_applicable_and_scored_is_a_warning()
    {
        var form = Clean();
        form.Indicators[4] = Row("效益指标", "经济效益指标", "经济效益", "无经济效益", "无经济效益", "15", "15");
        var f = Assert.Single(Run(new NotApplicableScoredRule(), form));
        Assert.Equal(("15", Severity.Warning), (f.Stated, f.Severity));
        Assert.Contains("无经济效益", f.Message);
    }

    [Fact]
    public void A_rulebook_without_the_vocabulary_finds_nothing()
    {
        var form = Clean();
        form.Indicators[4] = Row("效益指标", "经济效益指标", "经济效益", "不涉及", "不涉及", "15", "15");
        var bare = Rulebooks.Rulebook.Parse(Rulebooks.Rulebooks.Json("national-2020").Replace("\"notApplicableWords\": [\"不涉及\"", "\"notApplicableWords\": [\"无此说法\"", StringComparison.Ordinal), "bare");
        Assert.Empty(new NotApplicableScoredRule().Check(new CheckContext(form, bare)));
        Assert.Single(Run(new NotApplicableScoredRule(), form));
    }
}

public class TemplateTextTests
{
    [Fact]
    public void Placeholders_and_instructions_left_in_cells_are_reported_once_per_row()
    {
        var form = Clean();
        form.Indicators[0] = Row("产出指标", "数量指标", "新建猪舍≥**平方米", "≥**平方米", "完成", "15", "15");
        form.PlannedGoal = "请填写项目年度总体目标";
        var findings = Run(new TemplateTextRule(), form);
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Location.Block == Blocks.Header && f.Message.Contains("请填写", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location.Field == "三级指标" && f.Message.Contains("**", StringComparison.Ordinal));
    }

    [Fact]
    public void A_filled_form_has_none()
    {
        Assert.Empty(Run(new TemplateTextRule(), Clean()));
    }
}

public class DeadlineBeforeYearTests
{
    [Fact]
    public void A_deadline_of_an_earlier_year_is_a_warning()
    {
        var form = Clean();
        form.Year = 2022;
        form.Indicators[2] = Row("产出指标", "时效指标", "完成时间", "2021年12月底前完成", "2022年11月完成", "10", "10");
        var f = Assert.Single(Run(new DeadlineBeforeYearRule(), form));
        Assert.Equal(("2021年12月底前", "2022年度内的期限"), (f.Stated, f.Expected));
    }

    [Fact]
    public void A_baseline_year_or_a_deadline_within_the_year_is_no_finding()
    {
        var form = Clean();
        form.Year = 2022;
        form.Indicators[2] = Row("产出指标", "时效指标", "完成时间", "2022年6月30日前", "2022年6月完成", "10", "10");
        form.Indicators[4] = Row("效益指标", "社会效益指标", "调用次数", "较2019年增长10%", "增长12%", "15", "15");
        Assert.Empty(Run(new DeadlineBeforeYearRule(), form));
    }
}

public class MonitoringBehindScheduleTests
{
    private static PerformanceForm Monitoring(decimal executed, CompletionLikelihood likelihood, string? explanation = null)
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, MonitoringMonths = 6, MoneyUnit = MoneyUnit.TenThousandYuan };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 220m, Executed = executed, Source = new SourcePosition(5) });
        form.Indicators.Add(new IndicatorRow
        {
            Level1 = "产出指标", Level2 = "数量指标", Name = "监测样本数", Target = "≥1000份", MidYearProgress = "400份", ExpectedCompletion = "1000份",
            Likelihood = likelihood, Explanation = explanation,
        });
        return form;
    }

    [Fact]
    public void Spending_behind_the_time_schedule_with_certain_completion_and_no_reason_is_a_warning()
    {
        // 87.57 ÷ 220 = 39.80% after 6 months, against a schedule of 6/12 = 50.00%.
        var f = Assert.Single(Run(new MonitoringBehindScheduleRule(), Monitoring(87.57m, CompletionLikelihood.Certain)));
        Assert.Equal(("39.80%", Severity.Warning), (f.Stated, f.Severity));
        Assert.Contains("50.00%", f.Message);
    }

    [Fact]
    public void An_explained_lag_or_spending_on_schedule_is_no_finding()
    {
        Assert.Empty(Run(new MonitoringBehindScheduleRule(), Monitoring(87.57m, CompletionLikelihood.Certain, "下半年集中采购")));
        Assert.Empty(Run(new MonitoringBehindScheduleRule(), Monitoring(110m, CompletionLikelihood.Certain)));
    }

    [Fact]
    public void A_reason_the_table_states_once_under_its_rows_explains_the_lag()
    {
        var form = Monitoring(87.57m, CompletionLikelihood.Certain);
        form.Extra[TableWideText.Explanation] = "设备采购合同下半年付款";
        Assert.Empty(Run(new MonitoringBehindScheduleRule(), form));
    }
}

public class TargetsFormTests
{
    private static PerformanceForm Targets()
    {
        var form = new PerformanceForm { Kind = FormKind.Targets, Year = 2022, Project = "乡村道路养护" };
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "养护里程", Target = "≥120公里", Weight = 30m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "成本指标", Name = "养护成本", Target = "≤300万元", Weight = 20m });
        form.Indicators.Add(new IndicatorRow { Level1 = "效益指标", Level2 = "社会效益指标", Name = "道路通畅率", Target = "≥95%", Weight = 30m });
        form.Indicators.Add(new IndicatorRow { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "群众满意度", Target = "≥90%", Weight = 10m });
        return form;
    }

    [Fact]
    public void A_clean_targets_form_has_no_targets_finding()
    {
        var codes = Check(Targets()).Select(f => f.Code).ToList();
        Assert.DoesNotContain(codes, c => c is CheckCodes.WeightSum or CheckCodes.DirectionReversed or CheckCodes.MoneyAsQuantity or CheckCodes.CostIndicatorMissing);
    }

    [Fact]
    public void Weights_that_reach_neither_the_printed_total_nor_an_allowed_total_are_an_error()
    {
        var form = Targets();
        form.Indicators[0].Weight = 35m;
        var f = Assert.Single(Run(new TargetsWeightSumRule(), form));
        Assert.Equal(("95", "100 或 90"), (f.Stated, f.Expected));
        form.StatedWeightTotal = 100m;
        Assert.Equal("100", Assert.Single(Run(new TargetsWeightSumRule(), form)).Expected);
    }

    [Fact]
    public void An_upper_bound_on_an_output_quantity_is_a_reversed_direction()
    {
        var form = Targets();
        form.Indicators[0].Target = "≤120公里";
        var f = Assert.Single(Run(new DirectionReversedRule(), form));
        Assert.Equal("≤120公里", f.Stated);
    }

    [Fact]
    public void A_money_amount_as_a_quantity_indicator_is_an_input_used_as_an_output()
    {
        var form = Targets();
        form.Indicators[0] = new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "投入资金", Target = "≥300万元", Weight = 30m };
        Assert.Equal("≥300万元", Assert.Single(Run(new MoneyAsQuantityRule(), form)).Stated);
        Assert.Empty(Run(new DirectionReversedRule(), form));
    }

    [Fact]
    public void No_cost_indicator_is_a_warning_only_where_the_rulebook_year_requires_one()
    {
        var form = Targets();
        form.Indicators.RemoveAt(1);
        Assert.Empty(Run(new CostIndicatorMissingRule(), form));
        var y2021 = Rulebooks.Rulebook.Parse(Rulebooks.Rulebooks.Json("national-2020").Replace("\"costIndicatorRequired\": false", "\"costIndicatorRequired\": true", StringComparison.Ordinal), "y2021");
        var f = Assert.Single(new CostIndicatorMissingRule().Check(new CheckContext(form, y2021)));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Empty(new CostIndicatorMissingRule().Check(new CheckContext(Targets(), y2021)));
    }
}

public class RulebookSwitchesTests
{
    [Fact]
    public void A_check_the_rulebook_disables_is_not_run()
    {
        var form = Clean();
        form.Indicators[0] = Row("产出指标", "数量指标", "新建步道长度", "≥266米", "≥266米", "15", "15");
        Assert.Contains(Check(form), f => f.Code == CheckCodes.ActualAsThreshold);
        var off = Rulebooks.Rulebook.Parse(Rulebooks.Rulebooks.Json("national-2020").Replace("\"disabledChecks\": []", "\"disabledChecks\": [\"actual-as-threshold\"]", StringComparison.Ordinal), "off");
        Assert.DoesNotContain(Checker.Check(form, off), f => f.Code == CheckCodes.ActualAsThreshold);
    }

    [Fact]
    public void An_unknown_code_in_disabled_checks_is_refused_with_its_path()
    {
        var json = Rulebooks.Rulebooks.Json("national-2020").Replace("\"disabledChecks\": []", "\"disabledChecks\": [\"no-such-check\"]", StringComparison.Ordinal);
        var e = Assert.Throws<Rulebooks.RulebookException>(() => Rulebooks.Rulebook.Parse(json, "bad"));
        Assert.Contains("checks.disabledChecks", e.Message);
    }
}

public class MonitoringBlanksTests
{
    [Fact]
    public void A_blank_forecast_and_blank_projections_are_missing_values()
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, MonitoringMonths = 6 };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 220m, Executed = 87.57m, Source = new SourcePosition(5) });
        form.Indicators.Add(new IndicatorRow { Level2 = "数量指标", Name = "监测样本数", Target = "≥1000份", MidYearProgress = "400份" });
        form.Indicators.Add(new IndicatorRow { Level2 = "质量指标", Name = "检测合格率", Target = "≥95%", MidYearProgress = "96%", ExpectedCompletion = "96%" });
        var findings = Run(new MonitoringMissingValueRule(), form);
        Assert.Equal(["全年预计执行数", "全年预计完成情况"], findings.Select(f => f.Expected));
        Assert.All(findings, f => Assert.Equal((CheckCodes.MissingValue, Severity.Warning), (f.Code, f.Severity)));
    }

    [Fact]
    public void A_layout_without_a_projection_column_is_not_asked_for_projections()
    {
        // The Hubei table: 指标值 / 半年度指标执行情况 / 完成目标可能性 / 备注; no row has a 全年预计完成情况.
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, MonitoringMonths = 6 };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 220m, Executed = 87.57m, ForecastExecuted = 220m, Source = new SourcePosition(5) });
        form.Indicators.Add(new IndicatorRow { Level2 = "数量指标", Name = "监测样本数", Target = "≥1000份", MidYearProgress = "400份", Likelihood = CompletionLikelihood.Certain });
        form.Indicators.Add(new IndicatorRow { Level2 = "质量指标", Name = "检测合格率", Target = "≥95%", Likelihood = CompletionLikelihood.Certain });
        var f = Assert.Single(Run(new MonitoringMissingValueRule(), form));
        Assert.Equal(("检测合格率", "执行情况"), (f.Location.RowLabel, f.Expected));
    }

    [Fact]
    public void A_blank_read_in_doubt_is_not_reported()
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, MonitoringMonths = 6 };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 220m, Executed = 87.57m, Source = new SourcePosition(5) });
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.ShiftedCells, Block = FormBlock.Funds, Row = new SourcePosition(5), Cells = [CellRole.Forecast] });
        Assert.Empty(Run(new MonitoringMissingValueRule(), form));
    }
}

public class OverAchievementUnexplainedTests
{
    [Fact]
    public void An_actual_thirty_percent_beyond_its_target_without_a_reason_is_a_warning()
    {
        // 150 ÷ 100 = 1.5 ≥ 1.3 (the rulebook's overAchievementThreshold).
        var form = Clean();
        form.Indicators[0] = Row("产出指标", "数量指标", "培训人次", "≥100人次", "150人次", "15", "15");
        var f = Assert.Single(Run(new OverAchievementUnexplainedRule(), form));
        Assert.Equal(("1.50倍", Severity.Warning), (f.Stated, f.Severity));
    }

    [Fact]
    public void A_reverse_target_far_undercut_counts_too_and_a_reason_clears_it()
    {
        // ≤10天 met in 5天: 10 ÷ 5 = 2.
        var form = Clean();
        form.Indicators[2] = Row("产出指标", "时效指标", "办结时限", "≤10天", "5天", "10", "10");
        Assert.Equal("2.00倍", Assert.Single(Run(new OverAchievementUnexplainedRule(), form)).Stated);
        form.Indicators[2].Explanation = "启用网上办理，时限大幅缩短；明年目标相应调整。";
        Assert.Empty(Run(new OverAchievementUnexplainedRule(), form));
    }

    [Fact]
    public void An_actual_just_above_its_target_is_no_finding()
    {
        Assert.Empty(Run(new OverAchievementUnexplainedRule(), Clean()));
    }
}

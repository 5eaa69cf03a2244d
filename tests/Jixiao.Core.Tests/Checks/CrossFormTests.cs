using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>This year's targets against what the same project reached last year.</summary>
public class TargetBelowLastActualTests
{
    private static PerformanceForm Year(int year, string target, string actual)
    {
        var form = Clean();
        form.Year = year;
        form.Indicators[1].Target = target;
        form.Indicators[1].Actual = actual;
        return form;
    }

    [Fact]
    public void A_target_of_at_least_99_percent_after_a_year_at_99_5_is_flagged_on_this_years_form_with_the_match_named()
    {
        var last = Year(2020, "≥99%", "99.5%");
        var now = Year(2021, "≥99%", "99.6%");
        var results = Checker.Check([new DocumentForm("2021.xlsx", now)], Rulebook, [new DocumentForm("2020.xlsx", last)]);
        var f = Assert.Single(Assert.Single(results).Findings, x => x.Code == CheckCodes.TargetBelowLastActual && x.Location.RowLabel == "系统可用率");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(("≥99%", "≥99.5%"), (f.Stated, f.Expected));
        Assert.Equal("年度指标值", f.Location.Field);
        Assert.Contains("2020.xlsx", f.Message, StringComparison.Ordinal);
        Assert.Contains("项目名称“政务数据共享平台运维”", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_above_last_years_actual_or_a_reverse_target_below_it_is_not_flagged()
    {
        var last = Year(2020, "≥99%", "99.5%");
        last.Indicators[2].Actual = "1.5小时";
        var now = Year(2021, "≥99.6%", "99.7%");
        now.Indicators[2].Target = "≤1小时";
        var results = Checker.Check([new DocumentForm("b", now)], Rulebook, [new DocumentForm("a", last)]);
        Assert.DoesNotContain(results[0].Findings, x => x.Code == CheckCodes.TargetBelowLastActual && x.Location.RowLabel is "系统可用率" or "故障响应时间");
    }

    [Fact]
    public void A_reverse_target_looser_than_last_years_actual_is_flagged()
    {
        var last = Year(2020, "≥99%", "99.5%");
        last.Indicators[2].Actual = "1.5小时";
        var now = Year(2021, "≥99.6%", "99.7%");
        var f = Assert.Single(Checker.Check([new DocumentForm("b", now)], Rulebook, [new DocumentForm("a", last)])[0].Findings,
            x => x.Code == CheckCodes.TargetBelowLastActual && x.Location.RowLabel == "故障响应时间");
        Assert.Equal(("≤2小时", "≤1.5小时"), (f.Stated, f.Expected));
    }

    [Fact]
    public void Another_project_another_unit_or_a_year_not_just_before_is_not_compared()
    {
        var now = Year(2021, "≥99%", "99.6%");
        var otherProject = Year(2020, "≥99%", "99.5%");
        otherProject.Project = "另一个项目";
        var otherUnit = Year(2020, "≥99%", "99.5%");
        otherUnit.Unit = "另一个单位";
        var twoYearsBefore = Year(2019, "≥99%", "99.5%");
        var results = Checker.Check([new DocumentForm("b", now)], Rulebook,
            [new DocumentForm("a", otherProject), new DocumentForm("a", otherUnit), new DocumentForm("a", twoYearsBefore)]);
        Assert.DoesNotContain(results[0].Findings, x => x.Code == CheckCodes.TargetBelowLastActual);
    }

    [Fact]
    public void A_project_code_matches_across_a_renamed_project_and_a_year_in_the_name()
    {
        var last = Year(2020, "≥99%", "99.5%");
        last.Project = "51092324T000010263357-2020年政务数据平台运维";
        var now = Year(2021, "≥99%", "99.6%");
        now.Project = "51092324T000010263357-2021年政务数据共享平台运维";
        var f = Assert.Single(Checker.Check([new DocumentForm("b", now)], Rulebook, [new DocumentForm("a", last)])[0].Findings,
            x => x.Code == CheckCodes.TargetBelowLastActual && x.Location.RowLabel == "系统可用率");
        Assert.Contains("项目编码51092324T000010263357相同", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_history_is_compared_with_but_gets_no_findings_and_two_years_read_together_are_compared_too()
    {
        var last = Year(2020, "≥99%", "99.5%");
        var now = Year(2021, "≥99%", "99.6%");
        var together = Checker.Check([new DocumentForm("a", last), new DocumentForm("b", now)], Rulebook);
        Assert.Equal(2, together.Count);
        Assert.DoesNotContain(together[0].Findings, x => x.Code == CheckCodes.TargetBelowLastActual);
        Assert.Contains(together[1].Findings, x => x.Code == CheckCodes.TargetBelowLastActual);
    }
}

/// <summary>A self-evaluation against the targets approved for the same project and year.</summary>
public class ApprovedTargetsTests
{
    private static PerformanceForm Approved()
    {
        var form = new PerformanceForm { Kind = FormKind.Targets, Year = 2020, Project = "政务数据共享平台运维", Unit = "测试单位" };
        foreach (var row in Clean().Indicators)
            form.Indicators.Add(new IndicatorRow { Level1 = row.Level1, Level2 = row.Level2, Name = row.Name, Target = row.Target, Weight = row.Weight });
        return form;
    }

    [Fact]
    public void The_self_evaluation_of_the_approved_targets_has_neither_finding()
    {
        var results = Checker.Check([new DocumentForm("self", Clean())], Rulebook, [new DocumentForm("targets", Approved())]);
        Assert.DoesNotContain(results[0].Findings, x => x.Code is CheckCodes.IndicatorDropped or CheckCodes.TargetChanged);
    }

    [Fact]
    public void A_target_lowered_after_approval_is_a_target_changed_warning_at_its_row()
    {
        var self = Clean();
        self.Indicators[0].Target = "≥30个";
        var f = Assert.Single(Checker.Check([new DocumentForm("self", self)], Rulebook, [new DocumentForm("targets", Approved())])[0].Findings,
            x => x.Code == CheckCodes.TargetChanged);
        Assert.Equal(("接入部门数", "≥30个", "≥40个"), (f.Location.RowLabel, f.Stated, f.Expected));
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void A_target_written_differently_but_asking_the_same_is_not_a_change()
    {
        var self = Clean();
        self.Indicators[0].Target = "40个以上";
        Assert.DoesNotContain(Checker.Check([new DocumentForm("self", self)], Rulebook, [new DocumentForm("targets", Approved())])[0].Findings,
            x => x.Code == CheckCodes.TargetChanged);
    }

    [Fact]
    public void An_approved_indicator_missing_from_a_whole_self_evaluation_is_dropped_but_not_from_a_cut_off_one()
    {
        var self = Clean();
        self.Indicators.RemoveAt(3);
        var f = Assert.Single(Checker.Check([new DocumentForm("self", self)], Rulebook, [new DocumentForm("targets", Approved())])[0].Findings,
            x => x.Code == CheckCodes.IndicatorDropped);
        Assert.Equal("预算控制率", f.Location.RowLabel);
        self.Incomplete = true;
        Assert.DoesNotContain(Checker.Check([new DocumentForm("self", self)], Rulebook, [new DocumentForm("targets", Approved())])[0].Findings,
            x => x.Code == CheckCodes.IndicatorDropped);
    }
}

/// <summary>A department's tables against each other and against its projects.</summary>
public class DepartmentTablesTests
{
    private static PerformanceForm Department(string projectBudget = "4782400.00", string projectExecuted = "9499678.85", MoneyUnit? unit = MoneyUnit.Yuan)
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, Year = 2020, Unit = "测试单位", MoneyUnit = unit };
        form.Funds.Add(new FundsRow { Label = "（1）基本支出", Role = FundsRowRole.Structure, Budget = D("1490112.00"), Executed = D("1625312.00") });
        form.Funds.Add(new FundsRow { Label = "（2）项目支出", Role = FundsRowRole.Structure, Budget = D(projectBudget), Executed = D(projectExecuted) });
        return form;
    }

    private static PerformanceForm Basic(string budget, string final)
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentBasicData, Year = 2020, Unit = "测试单位" };
        form.BasicData.Add(new BasicDataRow { Label = "项目支出：", Depth = 0, Budget = D(budget), Final = D(final) });
        return form;
    }

    [Fact]
    public void A_basic_data_table_agreeing_in_wan_yuan_with_the_department_table_in_yuan_is_fine()
    {
        var results = Checker.Check([new DocumentForm("d", Department()), new DocumentForm("d", Basic("478.24", "949.97"))], Rulebook);
        Assert.All(results, r => Assert.DoesNotContain(r.Findings, x => x.Code == CheckCodes.BasicDataMismatch));
    }

    [Fact]
    public void A_basic_data_final_that_no_reading_of_the_units_reconciles_is_an_error_on_the_basic_data_table_once()
    {
        var results = Checker.Check([new DocumentForm("d", Department()), new DocumentForm("d", Basic("478.24", "979.97"))], Rulebook);
        Assert.DoesNotContain(results[0].Findings, x => x.Code == CheckCodes.BasicDataMismatch);
        var f = Assert.Single(results[1].Findings, x => x.Code == CheckCodes.BasicDataMismatch);
        Assert.Equal((Blocks.BasicData, "本年决算数", Severity.Error), (f.Location.Block, f.Location.Field, f.Severity));
        Assert.StartsWith("979.97", f.Stated, StringComparison.Ordinal);
        Assert.StartsWith("9499678.85", f.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_of_the_unit_spending_more_than_the_departments_project_expenditure_are_an_error()
    {
        var a = Project("项目甲", "600.00", "600.00", "100.00%", "10");
        var b = Project("项目乙", "400.00", "380.00", "95.00%", "9.5");
        a.Unit = b.Unit = "测试单位";
        var department = Department("9000000.00", "9900000.00");
        var results = Checker.Check([new DocumentForm("d", department), new DocumentForm("a", a), new DocumentForm("b", b)], Rulebook);
        var f = Assert.Single(results[0].Findings, x => x.Code == CheckCodes.DepartmentProjectsMismatch);
        Assert.Equal(("全年预算数", "9000000.00元", "≥ 10000000元"), (f.Location.Field, f.Stated, f.Expected));
        Assert.Contains("项目甲 600.00万元 + 项目乙 400.00万元", f.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_of_another_unit_are_not_added_to_the_department()
    {
        var a = Project("项目甲", "2000.00", "2000.00", "100.00%", "10");
        a.Unit = "另一个单位";
        var results = Checker.Check([new DocumentForm("d", Department()), new DocumentForm("a", a)], Rulebook);
        Assert.DoesNotContain(results[0].Findings, x => x.Code == CheckCodes.DepartmentProjectsMismatch);
    }
}

/// <summary>Credibility hints for reviewers: patterns that are not errors but are worth a question.</summary>
public class CredibilitySignalTests
{
    private static PerformanceForm AllExactlyMet()
    {
        var form = Project("全部达标项目", "100.00", "100.00", "100.00%", "10");
        form.Indicators.Add(Row("产出指标", "数量指标", "培训人数", "=200人", "200人", "50", "50"));
        form.Indicators.Add(Row("效益指标", "社会效益指标", "持证率", "≥90%", "90%", "30", "30"));
        form.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "95%", "10", "10"));
        return form;
    }

    [Fact]
    public void A_whole_set_at_full_marks_with_every_actual_equal_to_its_target_is_an_info()
    {
        var f = Assert.Single(Check(AllExactlyMet()), x => x.Code == CheckCodes.AllTargetsExactlyMet);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("全部3项指标", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_actual_beyond_its_target_or_a_set_missing_a_first_level_indicator_is_no_pattern()
    {
        var form = AllExactlyMet();
        form.Indicators[1].Actual = "93%";
        Assert.DoesNotContain(Check(form), x => x.Code == CheckCodes.AllTargetsExactlyMet);
        var cut = AllExactlyMet();
        cut.Indicators.RemoveAt(2);
        Assert.DoesNotContain(Check(cut), x => x.Code == CheckCodes.AllTargetsExactlyMet);
        Assert.DoesNotContain(Check(Clean()), x => x.Code == CheckCodes.AllTargetsExactlyMet);
    }

    [Fact]
    public void Every_target_met_on_a_fifth_of_the_funds_is_a_warning_at_the_execution_rate()
    {
        var form = AllExactlyMet();
        form.Funds[0].Executed = D("20.00");
        form.Funds[0].StatedRate = P("20.00%");
        form.Funds[0].StatedScore = D("2");
        var f = Assert.Single(Check(form), x => x.Code == CheckCodes.TargetsMetLowExecution);
        Assert.Equal((Blocks.Funds, "执行率", "20.00%", "≥ 60%"), (f.Location.Block, f.Location.Field, f.Stated, f.Expected));
        Assert.Contains("3项可判断的指标全部完成", f.Message, StringComparison.Ordinal);
        form.Indicators[0].Actual = "150人";
        form.Indicators[0].StatedScore = D("37.5");
        form.Indicators[0].Explanation = "资金未到位";
        Assert.DoesNotContain(Check(form), x => x.Code == CheckCodes.TargetsMetLowExecution);
    }

    [Fact]
    public void Satisfaction_at_95_percent_or_more_three_years_running_is_an_info_and_two_years_are_not_enough()
    {
        PerformanceForm Year(int year, string satisfaction)
        {
            var form = Clean();
            form.Year = year;
            form.Indicators[6].Actual = satisfaction;
            return form;
        }
        var history = new[] { new DocumentForm("2019", Year(2019, "96%")), new DocumentForm("2020", Year(2020, "98%")) };
        var f = Assert.Single(Checker.Check([new DocumentForm("2021", Year(2021, "97%"))], Rulebook, history)[0].Findings,
            x => x.Code == CheckCodes.SatisfactionAlwaysHigh);
        Assert.Equal((Severity.Info, "使用部门满意度"), (f.Severity, f.Location.RowLabel));
        Assert.Contains("2019年96%，2020年98%，2021年97%", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Checker.Check([new DocumentForm("2021", Year(2021, "97%"))], Rulebook, history[1..])[0].Findings,
            x => x.Code == CheckCodes.SatisfactionAlwaysHigh);
        history[0] = new DocumentForm("2019", Year(2019, "93%"));
        Assert.DoesNotContain(Checker.Check([new DocumentForm("2021", Year(2021, "97%"))], Rulebook, history)[0].Findings,
            x => x.Code == CheckCodes.SatisfactionAlwaysHigh);
    }

    [Fact]
    public void Two_projects_with_the_same_whole_indicator_set_are_an_info_on_the_second()
    {
        var other = Clean();
        other.Project = "另一个项目";
        var results = Checker.Check([new DocumentForm("a", Clean()), new DocumentForm("b", other)], Rulebook);
        Assert.DoesNotContain(results[0].Findings, x => x.Code == CheckCodes.IndicatorsCopied);
        var f = Assert.Single(results[1].Findings, x => x.Code == CheckCodes.IndicatorsCopied);
        Assert.Contains("政务数据共享平台运维", f.Message, StringComparison.Ordinal);
        other.Indicators[0].Actual = "52个";
        Assert.DoesNotContain(Checker.Check([new DocumentForm("a", Clean()), new DocumentForm("b", other)], Rulebook)[1].Findings,
            x => x.Code == CheckCodes.IndicatorsCopied);
    }
}

/// <summary>A monitoring table spending or projecting beyond its budget.</summary>
public class MonitoringOverExecutionTests
{
    private static PerformanceForm Monitoring(string executed, string? forecast)
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, MonitoringMonths = 6, MoneyUnit = MoneyUnit.TenThousandYuan };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = D("220"), Executed = D(executed), ForecastExecuted = forecast is null ? null : D(forecast) });
        return form;
    }

    [Fact]
    public void A_projection_above_the_budget_is_a_warning_at_the_projection()
    {
        var f = Assert.Single(Run(new Jixiao.Core.Checks.Funds.OverExecutionRule(), Monitoring("87.57", "250")));
        Assert.Equal((Severity.Warning, "全年预计执行数", "250", "≤ 220"), (f.Severity, f.Location.Field, f.Stated, f.Expected));
        Assert.Contains("113.64%", f.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Spending_and_a_projection_within_the_budget_raise_nothing()
    {
        Assert.Empty(Run(new Jixiao.Core.Checks.Funds.OverExecutionRule(), Monitoring("87.57", "220")));
        Assert.Empty(Run(new Jixiao.Core.Checks.Funds.OverExecutionRule(), Monitoring("87.57", null)));
    }
}

/// <summary>A blank template published as a self-evaluation.</summary>
public class FormUnfilledTests
{
    private static PerformanceForm Blank()
    {
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, Year = 2022, Project = "某项目" };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total });
        foreach (var (l1, l2, name) in new[] { ("产出指标", "数量指标", "指标1"), ("效益指标", "社会效益指标", "指标1"), ("满意度指标", "服务对象满意度指标", "指标1") })
            form.Indicators.Add(new IndicatorRow { Level1 = l1, Level2 = l2, Name = name });
        return form;
    }

    [Fact]
    public void A_table_with_names_and_no_value_anywhere_is_one_warning_for_the_form()
    {
        var f = Assert.Single(Run(new Jixiao.Core.Checks.Indicators.FormUnfilledRule(), Blank()));
        Assert.Equal((Severity.Warning, Blocks.Form), (f.Severity, f.Location.Block));
        Assert.Contains("3项绩效指标", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_filled_cell_a_funds_amount_or_a_reading_doubt_means_it_is_not_the_blank_template()
    {
        var target = Blank();
        target.Indicators[0].Target = "≥10个";
        Assert.Empty(Run(new Jixiao.Core.Checks.Indicators.FormUnfilledRule(), target));
        var funds = Blank();
        funds.Funds[0].Budget = 10m;
        Assert.Empty(Run(new Jixiao.Core.Checks.Indicators.FormUnfilledRule(), funds));
        var doubtful = Blank();
        doubtful.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.Indicators });
        Assert.Empty(Run(new Jixiao.Core.Checks.Indicators.FormUnfilledRule(), doubtful));
        Assert.Empty(Run(new Jixiao.Core.Checks.Indicators.FormUnfilledRule(), Clean()));
    }
}

/// <summary>A monitoring row certain of a target its own projection misses.</summary>
public class MonitoringLikelihoodMismatchTests
{
    private static PerformanceForm Monitoring(string forecast, CompletionLikelihood likelihood)
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, MonitoringMonths = 6 };
        form.Indicators.Add(new IndicatorRow
        {
            Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = "≥500人次", MidYearProgress = "260人次",
            ExpectedCompletion = forecast, Likelihood = likelihood, Causes = DeviationCauses.Funding, Explanation = "下半年经费到位后补训",
        });
        return form;
    }

    [Fact]
    public void Certain_with_a_projection_of_420_against_at_least_500_is_a_warning_even_with_a_reason()
    {
        var f = Assert.Single(Run(new Jixiao.Core.Checks.Monitoring.MonitoringLikelihoodMismatchRule(), Monitoring("420人次", CompletionLikelihood.Certain)));
        Assert.Equal((Severity.Warning, "完成目标可能性", "确定能"), (f.Severity, f.Location.Field, f.Stated));
        Assert.Contains("420人次", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projection_meeting_the_target_or_a_doubtful_likelihood_is_consistent()
    {
        Assert.Empty(Run(new Jixiao.Core.Checks.Monitoring.MonitoringLikelihoodMismatchRule(), Monitoring("520人次", CompletionLikelihood.Certain)));
        Assert.Empty(Run(new Jixiao.Core.Checks.Monitoring.MonitoringLikelihoodMismatchRule(), Monitoring("420人次", CompletionLikelihood.Possible)));
    }
}

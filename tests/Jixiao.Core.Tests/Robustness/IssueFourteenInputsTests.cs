using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Scoring;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Robustness;

// The inputs that crashed in issue 14's fuzz round, one by one: each now gives findings or a reason, never an exception.

public class A_share_of_a_zero_whole_is_a_finding
{
    [Fact]
    public void The_two_line_report_gives_a_share_mismatch_saying_the_whole_is_zero()
    {
        var report = new PerformanceForm { Kind = FormKind.Report, Text = "某某局2020年度部门整体支出绩效自评报告\n年末资产合计数0万元，其中无形资产179.24万元，占比98.93%。" };
        var findings = Check(report);
        var share = Assert.Single(findings);
        Assert.Equal(CheckCodes.ShareMismatch, share.Code);
        Assert.Equal("98.93%", share.Stated);
        Assert.Contains("总数为0", share.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_share_of_a_zero_whole_is_left_alone() =>
        Assert.Empty(Check(new PerformanceForm { Kind = FormKind.Report, Text = "资产合计数0万元，其中无形资产0万元，占比0%。" }));

    [Fact]
    public void A_change_on_a_zero_base_is_left_alone() =>
        Assert.DoesNotContain(Check(new PerformanceForm { Kind = FormKind.Report, Text = "上年支出0万元，本年支出50万元，增长12%。" }),
            f => f.Code == CheckCodes.InternalError);
}

public class Numbers_no_form_could_state_read_as_text
{
    [Theory]
    [InlineData("99999999999999*99999999999999小时")]
    [InlineData("≥0.0000000000000000000000000001")]
    [InlineData("1e28个")]
    [InlineData("≥12345678901234567890%")]
    [InlineData("90.1234567%")]
    public void A_product_or_number_beyond_the_domain_is_text(string text)
    {
        var value = IndicatorValue.Parse(text);
        Assert.Equal(ValueKind.Text, value.Kind);
        Assert.Null(value.Number);
    }

    [Fact]
    public void Full_width_digits_are_digits() => Assert.Equal(90m, IndicatorValue.Parse("≥９０％").Number);
}

public class Weights_and_scores_no_form_could_state
{
    [Fact]
    public void A_weight_of_7_9e28_leaves_its_row_unscored_with_the_reason()
    {
        var score = RowScorer.Score(new IndicatorRow { Target = "≥90%", Actual = "80%", StatedScore = 5m }, 7.9e28m, Rulebook);
        Assert.Equal(RowScoreKind.Unscorable, score.Kind);
        Assert.Contains("超出任何表格可能的分值", score.Reason, StringComparison.Ordinal);
        Assert.Equal(5m, score.Counted);
    }

    [Fact]
    public void Two_huge_weights_are_value_out_of_range_findings_and_no_weight_sum()
    {
        var form = Clean();
        form.Indicators[0].Weight = 7.9e28m;
        form.Indicators[1].Weight = 7.9e28m;
        form.Indicators[2].StatedScore = decimal.MinValue;
        var findings = Check(form);
        Assert.Equal(3, findings.Count(f => f.Code == CheckCodes.ValueOutOfRange));
        Assert.DoesNotContain(findings, f => f.Code is CheckCodes.WeightSum or CheckCodes.TotalMismatch or CheckCodes.InternalError);
        var score = Scorer.Score(form, Rulebook);
        Assert.Equal(70m, score.WeightTotal.Value); // 100 less the two rows of 15 whose weights no form could carry
    }
}

public class Amounts_no_budget_could_hold
{
    [Fact]
    public void A_decimal_max_executed_amount_over_a_tiny_budget_is_one_finding_on_that_cell()
    {
        var form = Project(budget: "0.0000001", executed: "1");
        form.Funds[0].Executed = decimal.MaxValue;
        var findings = Check(form);
        var finding = Assert.Single(findings, f => f.Code == CheckCodes.ValueOutOfRange);
        Assert.Equal("全年执行数", finding.Location.Field);
        Assert.DoesNotContain(findings, f => f.Code is CheckCodes.ExecutionRateMismatch or CheckCodes.OverExecution or CheckCodes.InternalError);
    }

    [Fact]
    public void Parts_at_the_decimal_limit_give_no_subtotal_and_no_overflow()
    {
        var form = Project();
        form.Funds[0].Budget = decimal.MaxValue;
        form.Funds[1].Budget = decimal.MaxValue;
        form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part, Budget = decimal.MaxValue });
        form.BasicData.Add(new BasicDataRow { Label = "三公经费", Depth = 0, Final = 1m });
        form.BasicData.Add(new BasicDataRow { Label = "公务接待", Depth = 1, Final = decimal.MaxValue });
        form.BasicData.Add(new BasicDataRow { Label = "出国", Depth = 1, Final = decimal.MaxValue });
        var findings = Check(form);
        Assert.DoesNotContain(findings, f => f.Code is CheckCodes.FundsSubtotalMismatch or CheckCodes.SubtotalMismatch or CheckCodes.InternalError);
        Assert.Equal(5, findings.Count(f => f.Code == CheckCodes.ValueOutOfRange));
    }

    [Fact]
    public void A_zero_or_out_of_range_base_gives_no_rate_and_says_why()
    {
        Assert.Contains("为 0", ExecutionScore.Compute(0m, 5m, null, 10m, Rulebook).RateExplanation, StringComparison.Ordinal);
        // A rate of 10^23 (10^25 %) is beyond even what a mistyped base gives; 10^21 % is kept and flagged (ImplausibleRateTests).
        var tiny = ExecutionScore.Compute(0.0000000001m, 10_000_000_000_000m, null, 10m, Rulebook);
        Assert.Null(tiny.Rate);
        Assert.Contains("超出任何执行率可能的范围", tiny.RateExplanation, StringComparison.Ordinal);
    }
}

public class Printed_precisions_no_form_could_have
{
    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    public void A_stated_rate_with_that_many_decimals_prints_and_is_a_finding(int decimals)
    {
        var rate = new Percentage(0.95m, decimals);
        Assert.EndsWith("%", rate.ToString(), StringComparison.Ordinal);
        var form = Project();
        form.Funds[0].StatedRate = rate;
        var findings = Check(form);
        var finding = Assert.Single(findings, f => f.Code == CheckCodes.ValueOutOfRange);
        Assert.Equal("执行率", finding.Location.Field);
        Assert.Contains($"按{decimals}位小数填报", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Code is CheckCodes.ExecutionRateMismatch or CheckCodes.InternalError);
    }

    [Fact]
    public void A_rate_printed_with_seven_decimals_is_not_a_printed_rate() => Assert.False(Percentage.TryParse("95.1234567%", out _));
}

public class A_failing_rule_costs_only_itself
{
    private sealed class FailingRule : ICheckRule
    {
        public string Code => "failing-rule";

        public IEnumerable<Finding> Check(CheckContext context)
        {
            yield return new Finding(Code, Severity.Info, "已找到", "found", new FindingLocation(Blocks.Form));
            throw new InvalidOperationException("a defect");
        }
    }

    [Fact]
    public void The_other_rules_and_forms_still_run_and_the_failure_is_an_internal_error_warning_on_that_form()
    {
        var wrong = Project(rate: "59.00%");
        var report = new PerformanceForm { Kind = FormKind.Report, Text = "无数字的报告。" };
        var results = Checker.Check([new DocumentForm("a", wrong), new DocumentForm("b", report)], Rulebook, [.. Checker.Rules, new FailingRule()]);

        Assert.Equal(2, results.Count);
        Assert.Contains(results[0].Findings, f => f.Code == CheckCodes.ExecutionRateMismatch);
        foreach (var result in results)
        {
            var internalError = Assert.Single(result.Findings, f => f.Code == CheckCodes.InternalError);
            Assert.Equal(Severity.Warning, internalError.Severity);
            Assert.Contains("检查规则“failing-rule”内部错误", internalError.Message, StringComparison.Ordinal);
            Assert.Equal("InvalidOperationException: a defect", internalError.Explanation);
            Assert.Contains(result.Findings, f => f.Message == "已找到");
        }
        Assert.True(Checker.HasInternalErrors(results));
        Assert.False(Checker.HasInternalErrors(Checker.Check([new DocumentForm("a", wrong)], Rulebook)));
    }
}

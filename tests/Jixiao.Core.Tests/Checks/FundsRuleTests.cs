using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Funds;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class ExecutionRateMismatchTests
{
    [Fact]
    public void A_rate_printed_as_92_64_where_the_amounts_give_99_99_is_reported_with_both_values()
    {
        var form = Project("上海市政务外网网络建设运营 (运维)", "51,565,764.00", "51,562,685.00", "92.64%", "9.26");
        var f = Assert.Single(Run(new ExecutionRateMismatchRule(), form), x => x.Location.RowLabel == "年度资金总额");
        Assert.Equal(CheckCodes.ExecutionRateMismatch, f.Code);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("92.64%", f.Stated);
        Assert.Equal("99.99%", f.Expected);
        Assert.Contains("51562685.00 ÷ 51565764.00", f.Explanation);
    }

    [Fact]
    public void The_comparison_is_made_at_the_printed_precision_so_234_00_against_2032_over_868_is_wrong()
    {
        var form = Project("望城", "868", "2032", "234.00%", "0.00");
        form.Funds[0].Transfer = 0m;
        var f = Run(new ExecutionRateMismatchRule(), form).First();
        Assert.Equal("234.00%", f.Stated);
        Assert.Equal("234.10%", f.Expected);
        Assert.Contains("(2032 − 0) ÷ 868", f.Explanation);
    }

    [Fact]
    public void A_rate_that_rounds_to_the_printed_value_is_not_reported()
    {
        Assert.Empty(Run(new ExecutionRateMismatchRule(), Project("x", "42,546,380.00", "42,456,311.08", "99.79%", "9.98")));
        Assert.Empty(Run(new ExecutionRateMismatchRule(), Project("x", "250000", "215457.60", "86.18%", "8.62")));
    }

    [Fact]
    public void Each_row_of_the_department_layout_is_checked_and_a_zero_budget_is_left_alone()
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, MoneyUnit = MoneyUnit.Yuan };
        form.Funds.Add(new FundsRow { Label = "资金来源：（1）财政拨款", Role = FundsRowRole.Source, Budget = D("6,272,512.00"), Executed = D("11,124,990.85"), StatedRate = P("100.00%") });
        form.Funds.Add(new FundsRow { Label = "（2）其他资金", Role = FundsRowRole.Source, Budget = 0m, Executed = 0m, StatedRate = P("100.00%") });
        form.Funds.Add(new FundsRow { Label = "资金结构：（1）基本支出", Role = FundsRowRole.Structure, Budget = D("1,490,112.00"), Executed = D("1,625,312.00"), StatedRate = P("100.00%") });
        form.Funds.Add(new FundsRow { Label = "（2）项目支出", Role = FundsRowRole.Structure, Budget = D("4,782,400.00"), Executed = D("9,499,678.85"), StatedRate = P("100.00%") });
        var findings = Run(new ExecutionRateMismatchRule(), form);
        Assert.Equal(["177.36%", "109.07%", "198.64%"], findings.Select(f => f.Expected));
    }

    [Fact]
    public void A_part_row_repeating_the_totals_amounts_and_wrong_rate_is_the_same_error_reported_once()
    {
        var form = Project("望城", "868", "2032", "234.00%", "0.00");
        form.Funds[1].StatedRate = P("234.00%");
        Assert.Single(Run(new ExecutionRateMismatchRule(), form));
    }

    [Fact]
    public void A_row_named_uncertain_by_the_reader_is_held_back()
    {
        var form = Project("x", "868", "2032", "234.00%", "0.00");
        form.Funds[0].Source = new SourcePosition(12);
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Funds, Row = new SourcePosition(12), Cells = [CellRole.Executed], Text = "2032",
        });
        Assert.Empty(Run(new ExecutionRateMismatchRule(), form));
    }
}

public class ExecutionScoreMismatchTests
{
    [Fact]
    public void A_score_that_follows_a_wrong_rate_is_reported_and_says_so()
    {
        var form = Project("政务外网", "51,565,764.00", "51,562,685.00", "92.64%", "9.26");
        var f = Assert.Single(Run(new ExecutionScoreMismatchRule(), form));
        Assert.Equal("9.26", f.Stated);
        Assert.Equal("10.00", f.Expected);
        Assert.Contains("执行率本身有误", f.Message);
    }

    [Fact]
    public void A_score_rounded_to_the_printed_precision_is_accepted()
    {
        Assert.Empty(Run(new ExecutionScoreMismatchRule(), Project("x", "104,769,000.00", "104,756,332.00", "99.99%", "10")));
        Assert.Empty(Run(new ExecutionScoreMismatchRule(), Project("x", "42,546,380.00", "42,456,311.08", "99.79%", "9.98")));
    }

    [Fact]
    public void Over_execution_is_capped_at_full_marks_so_a_zero_score_is_reported()
    {
        var f = Assert.Single(Run(new ExecutionScoreMismatchRule(), Project("x", "868", "2032", "234.10%", "0.00")));
        Assert.Equal("10.00", f.Expected);
    }
}

public class OverExecutionTests
{
    [Fact]
    public void Spending_more_than_the_budget_is_reported_once_per_form()
    {
        var f = Assert.Single(Run(new OverExecutionRule(), Project("x", "868", "2032", "234.10%", "10")));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("234.10%", f.Message);
    }

    [Fact]
    public void Spending_exactly_the_budget_is_not_over_execution() =>
        Assert.Empty(Run(new OverExecutionRule(), Project("x", "403.00", "403", "100.00%", "10")));
}

public class FundsSubtotalMismatchTests
{
    [Fact]
    public void Parts_that_do_not_add_up_to_the_total_are_reported_per_column()
    {
        var form = Project("x", "100.00", "95.00", "95.00%", "9.50");
        form.Funds[1].Budget = 80m;
        form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part, InitialBudget = 0m, Budget = 10m, Executed = 0m });
        var f = Assert.Single(Run(new FundsSubtotalMismatchRule(), form));
        Assert.Equal("全年预算数", f.Location.Field);
        Assert.Equal("100.00", f.Stated);
        Assert.Equal("90", f.Expected);
    }

    [Fact]
    public void A_blank_part_is_not_taken_as_zero()
    {
        var form = Project("x", "403.00", "403", "100.00%", "10");
        form.Funds[1].Executed = null;
        form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part, InitialBudget = 0m, Budget = 0m, Executed = 0m });
        Assert.Empty(Run(new FundsSubtotalMismatchRule(), form));
    }

    [Fact]
    public void Filled_parts_above_a_total_of_zero_are_reported_even_with_other_parts_blank()
    {
        // A 年度资金总额 row of 0 / 0 / 0 over a 其中 row of 202.64 / 132.912 / 132.912, the other parts blank.
        var form = Project("x", "0", "0", "0%", "0");
        form.Funds[0].InitialBudget = 0m;
        form.Funds[1].InitialBudget = 202.64m;
        form.Funds[1].Budget = 132.912m;
        form.Funds[1].Executed = 132.912m;
        form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part });
        var findings = Run(new FundsSubtotalMismatchRule(), form).ToList();
        Assert.Equal(["年初预算数", "全年预算数", "全年执行数"], findings.Select(f => f.Location.Field));
        Assert.Equal(("0", "202.64"), (findings[0].Stated, findings[0].Expected));
    }

    [Fact]
    public void Filled_parts_below_their_total_say_nothing_while_a_part_is_blank()
    {
        var form = Project("x", "100", "60", "60.00%", "6");
        form.Funds[1].Budget = 70m;
        form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part });
        Assert.Empty(Run(new FundsSubtotalMismatchRule(), form));
    }
}

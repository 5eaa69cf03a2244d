using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Checks.Targets;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>
/// A table that visibly stops inside its indicator tree (TableCut) and what the weight sum of a cut targets table says:
/// a partial sum below the total cannot be confirmed (a note), above it is still wrong (the missing rows only add).
/// </summary>
public class CutTableTests
{
    private static PerformanceForm Targets(params (string Level1, string Name, decimal Weight)[] rows)
    {
        var form = new PerformanceForm { Kind = FormKind.Targets, Year = 2020, Project = "再生资源回收" };
        foreach (var (level1, name, weight) in rows)
            form.Indicators.Add(new IndicatorRow { Level1 = level1, Level2 = "数量指标", Name = name, Target = "≥8人", Weight = weight });
        return form;
    }

    private static IReadOnlyList<string> Missing(PerformanceForm form) =>
        TableCut.MissingBlocks(form, TableCut.TreeOf(Rulebooks.Rulebooks.NationalFor(form.Year), form.Kind));

    [Fact]
    public void Rows_that_stop_in_the_output_block_stop_before_the_benefit_and_satisfaction_blocks()
    {
        Assert.Equal(["效益指标", "满意度指标"], Missing(Targets(("产出指标", "出差人数", 50m))));
    }

    [Fact]
    public void A_form_that_reaches_its_benefit_block_may_leave_out_satisfaction_alone()
    {
        Assert.Empty(Missing(Targets(("产出指标", "出差人数", 50m), ("效益指标", "资源回收率", 40m))));
        Assert.Empty(Missing(Targets(("产出指标", "出差人数", 50m), ("效益指标", "资源回收率", 30m), ("满意度指标", "满意度", 10m))));
    }

    [Fact]
    public void Rows_that_name_no_block_of_the_tree_say_nothing_about_a_cut()
    {
        Assert.Empty(Missing(Targets(("投入指标", "资金到位率", 5m))));
    }

    [Fact]
    public void From_2021_a_table_stopping_in_its_cost_block_is_cut_but_one_keeping_cost_as_a_second_level_counts_it()
    {
        var form = Targets(("产出指标", "出差人数", 40m), ("成本指标", "出差总成本", 10m));
        form.Year = 2021;
        Assert.Equal(["效益指标", "满意度指标"], Missing(form));
        var older = Targets(("产出指标", "出差人数", 40m));
        older.Year = 2021;
        older.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "成本指标", Name = "出差总成本", Target = "≤1万元", Weight = 10m });
        Assert.Equal(["效益指标", "满意度指标"], Missing(older));
    }

    private static PerformanceForm Cut(PerformanceForm form)
    {
        form.Incomplete = true;
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.Indicators, RowLabel = form.Indicators[^1].Name, Text = "效益指标、满意度指标" });
        return form;
    }

    [Fact]
    public void The_weight_sum_of_a_cut_targets_table_below_the_total_cannot_be_confirmed_and_is_a_note()
    {
        var f = Assert.Single(Run(new TargetsWeightSumRule(), Cut(Targets(("产出指标", "出差人数", 30m), ("产出指标", "劳务人员", 20m)))));
        Assert.Equal((CheckCodes.WeightSum, Severity.Info, "50", "100 或 90"), (f.Code, f.Severity, f.Stated, f.Expected));
        Assert.Contains("在“劳务人员”一行之后中断，未见效益指标、满意度指标", f.Message, StringComparison.Ordinal);
        Assert.Contains("无法确认", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weight_sum_of_a_cut_targets_table_already_above_the_total_is_still_an_error()
    {
        var f = Assert.Single(Run(new TargetsWeightSumRule(), Cut(Targets(("产出指标", "出差人数", 60m), ("产出指标", "劳务人员", 45m)))));
        Assert.Equal((Severity.Error, "105", "100 或 90"), (f.Severity, f.Stated, f.Expected));
    }

    [Fact]
    public void A_doubtful_weight_in_the_visible_rows_still_holds_the_sum_back()
    {
        var form = Cut(Targets(("产出指标", "出差人数", 30m), ("产出指标", "劳务人员", 20m)));
        form.Indicators[0].Source = new SourcePosition(12, 0);
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.AmbiguousNumber, Block = FormBlock.Indicators, Row = form.Indicators[0].Source, Cells = [CellRole.Weight] });
        Assert.Empty(Run(new TargetsWeightSumRule(), form));
    }
}

/// <summary>A rate unit keeps its "per" part, so a standard (≤5300元/户) is compared with its actual.</summary>
public class RateUnitTests
{
    [Theory]
    [InlineData("≤5300元/户", "元/户")]
    [InlineData(">=530元/人*月", "元/人·月")]
    [InlineData("583元/人·月", "元/人·月")]
    [InlineData("=0万元/人", "万元/人")]
    public void A_rate_unit_is_read_whole(string text, string unit)
    {
        var value = Notation.IndicatorValue.Parse(text, Rulebook.Qualitative.Vocabulary);
        Assert.Equal((Notation.ValueKind.Quantity, unit), (value.Kind, value.Unit));
    }

    [Fact]
    public void A_missed_standard_per_household_scored_full_is_found()
    {
        var form = Project();
        form.Indicators.Add(Row("产出指标", "质量指标", "临时救助标准", "<=5300元/户", "5830元/户", "10", "10"));
        var f = Assert.Single(Run(new FullScoreDespiteMissRule(), form));
        Assert.Equal(("10", "9.09"), (f.Stated, f.Expected));
    }

    [Fact]
    public void Text_after_a_per_part_is_still_text()
    {
        var value = Notation.IndicatorValue.Parse("1300元/人/月", Rulebook.Qualitative.Vocabulary);
        Assert.NotEqual(Notation.ValueKind.Quantity, value.Kind);
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Seed 000: one department-wide table in the A/B/C layout, with cells shifted by page breaks.</summary>
public sealed class Seed000DepartmentTableTests
{
    private static readonly PerformanceForm Form = Assert.Single(Recognize.Seed("000"));

    [Fact]
    public void It_is_one_department_wide_table_of_2020_for_the_wangcheng_data_centre()
    {
        Assert.Equal(FormKind.DepartmentSelfEvaluation, Form.Kind);
        Assert.Equal("部门整体自评表", Form.Title);
        Assert.Equal(2020, Form.Year);
        Assert.Equal("长沙市望城区数据资源中心", Form.Unit);
        Assert.Equal(MoneyUnit.TenThousandYuan, Form.MoneyUnit);
        Assert.False(Form.Incomplete);
    }

    [Fact]
    public void The_funds_block_reads_budget_executed_and_transfer_with_the_stated_rate_and_score()
    {
        var total = Form.Funds[0];
        Assert.Equal(FundsRowRole.Total, total.Role);
        Assert.Equal("年度资金总额", total.Label);
        Assert.Equal(868m, total.Budget);
        Assert.Equal(2032m, total.Executed);
        Assert.Equal(0m, total.Transfer);
        Assert.Equal(10m, total.Weight);
        Assert.Equal("234.00%", total.StatedRate.ToString());
        Assert.Equal(0.00m, total.StatedScore);
        Assert.Null(total.InitialBudget);

        var source = Form.Funds[1];
        Assert.Equal(FundsRowRole.Source, source.Role);
        Assert.Equal("财政拨款", source.Label);
        Assert.Equal(868m, source.Budget);
        Assert.Null(source.Weight);
        Assert.Equal(2, Form.Funds.Count);
    }

    [Fact]
    public void Functions_and_the_overall_target_pair_are_read_with_their_paragraphs()
    {
        Assert.StartsWith("1、组织实施国家和地方数据技术标准", Form.Functions);
        Assert.Contains("\n7、负责全区数据资源、政务信息化领域的对外交流合作。", Form.Functions);
        Assert.StartsWith("目标 1：推进城区新型智慧城市（一期）建设；\n目标 2：", Form.PlannedGoal);
        Assert.EndsWith("以上基本达成年度目标。", Form.ActualGoal);
    }

    [Fact]
    public void Every_indicator_row_is_kept_with_its_tree_filled_down()
    {
        Assert.Equal(22, Form.Indicators.Count);
        Assert.Equal(15, Form.Indicators.Count(r => r.Level1 == "产出指标"));
        Assert.Equal(6, Form.Indicators.Count(r => r.Level1 == "效益指标"));
        Assert.Equal(1, Form.Indicators.Count(r => r.Level1 == "满意度指标"));

        var first = Form.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "信息系统及政务网络运维", "信息更新率"), (first.Level1, first.Level2, first.Name, first.Content));
        Assert.Equal(("每天更新", "已做到每日更新", 4m, 4m), (first.Target, first.Actual, first.Weight, first.StatedScore));
        Assert.Equal(16, first.Source!.Row);
    }

    [Fact]
    public void Rows_after_the_page_break_are_realigned_by_their_weight_and_score()
    {
        var hotline = Form.Indicators.Single(r => r.Content == "网络总出口、裸光纤租赁电话服务热线与传真服务热线");
        Assert.Equal(("时效指标", "7*12 小时", "每周全天 24 小时", 3m, 3m), (hotline.Level2, hotline.Target, hotline.Actual, hotline.Weight, hotline.StatedScore));

        var cost = Form.Indicators.Single(r => r.Level2 == "成本指标");
        Assert.Equal(("产出指标", 0m, 0m), (cost.Level1, cost.Weight, cost.StatedScore));

        var satisfaction = Form.Indicators[^1];
        Assert.Equal(("满意度指标", "服务对象满意度指标", "被服务对象满意率", "90%以上", "95%以上", 10m, 10m),
            (satisfaction.Level1, satisfaction.Level2, satisfaction.Content, satisfaction.Target, satisfaction.Actual, satisfaction.Weight, satisfaction.StatedScore));
    }

    [Fact]
    public void Funds_cells_pushed_into_an_indicator_row_are_not_read_as_its_weight_or_score()
    {
        var shifted = Form.Indicators.Single(r => r.Content == "公众互动交流率");
        Assert.Equal(("随时", "24 小时值守"), (shifted.Target, shifted.Actual));
        Assert.Null(shifted.Weight);
        Assert.Null(shifted.StatedScore);
        Assert.Null(shifted.Explanation);
        // The weight and score cells hold the funds block's words: the whole row is in doubt.
        Assert.Contains(Form.ReadingDoubts, d => d is { Reason: DoubtReason.ShiftedCells, Scope: DoubtScope.Row, Row.Row: 35 } && d.Text!.Contains("年度资金总", StringComparison.Ordinal));

        var nameless = Form.Indicators.Single(r => r.Target == "同比上升" && r.Actual == "上升");
        Assert.Null(nameless.Name);
        Assert.Equal(("社会效益指标", 6m), (nameless.Level2, nameless.Weight));
        Assert.Null(nameless.StatedScore);
        Assert.Contains(Form.ReadingDoubts, d => d is { Reason: DoubtReason.StrayFragment, Scope: DoubtScope.Row, Row.Row: 38, Text: "0" });
        Assert.Contains(Form.ReadingDoubts, d => d is { Reason: DoubtReason.MissingValue, Row.Row: 38 } && d.Cells.SequenceEqual([CellRole.Score]));
        // The fragment on line 26 continues a text cell of the indicator row above it: those cells are in doubt, its numbers are not.
        var fragment = Assert.Single(Form.ReadingDoubts, d => d.Text == "出口提供运营商的 DNS 时延");
        Assert.Equal((DoubtReason.StrayFragment, DoubtScope.Cell), (fragment.Reason, fragment.Scope));
        Assert.DoesNotContain(CellRole.Score, fragment.Cells);
        Assert.True(fragment.Row!.Row < 26);
    }

    [Fact]
    public void The_total_row_gives_the_stated_weight_total_and_score()
    {
        Assert.Equal(100m, Form.StatedWeightTotal);
        Assert.Equal(90.00m, Form.StatedTotal);
    }
}

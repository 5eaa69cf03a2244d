using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A project self-evaluation whose PDF text lost its cell order (the Shanghai layout, corpus 06): the indicator header's
/// words scattered, every row's values (target, actual, weight, score) printed right after the last header word, the
/// total's figures after them, and the rows' names and tree words only then, in order, up to 总分; the funds total's
/// figures scattered over the head (two amounts and the score under the header, the executed amount after 实施单位,
/// the weight and the 执行率 after the goal label) while its sub-rows keep their figures after their labels.
/// </summary>
public sealed class ValuesBeforeNamesTests
{
    private const string Head =
        "财政项目支出绩效自评表 (2023 年度) 某区图书馆数字化改 造 项目名称 主管部门 某区文化旅游局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
        + "50000.00 48000.00 2.50 其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 某区图书 馆 实施单位 12,000 "
        + "预期目标 年度 总体 目标 10 25.00% 实际完成情况 已完成部分设备采购。 ";

    private const string Indicators =
        "一级指标 二级指标 数量指标 三级指标 藏书数字化完成 年度 指标值 实际 完成值 分值 得分 =100% 100% 20 20 ≥95% 98% 30 30 按期 按期 20 18 "
        + ">=90% 92% 20 20 100 90.5 率 产出指标 质量指标 绩 效 指 标 时效指标 设备验收合格率 项目完成及时性 满意度指标 服务对象满意度指标 读者满意度 总分 -1- "
        + "偏差原因分析及 改进措施";

    private static PerformanceForm Read(string text) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "values-before-names.txt")));

    [Fact]
    public void Each_rows_values_are_paired_with_the_names_that_follow_in_their_order()
    {
        var form = Read(Head + Indicators);

        Assert.Equal(
            [
                ("藏书数字化完成率", "=100%", "100%", 20m, 20m),
                ("设备验收合格率", "≥95%", "98%", 30m, 30m),
                ("项目完成及时性", "按期", "按期", 20m, 18m),
                ("读者满意度", ">=90%", "92%", 20m, 20m),
            ],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        Assert.Equal(["数量指标", "质量指标", "时效指标", "服务对象满意度指标"], form.Indicators.Select(r => r.Level2));
    }

    [Fact]
    public void Rows_paired_by_order_only_are_each_in_doubt_at_their_row()
    {
        var form = Read(Head + Indicators);

        foreach (var row in form.Indicators)
            Assert.Contains(form.ReadingDoubts, d => d.Block == FormBlock.Indicators && d.IsAt(row.Source) && d.Covers(CellRole.Target) && d.Covers(CellRole.Score));
    }

    [Fact]
    public void The_figures_after_the_values_are_the_total_row_read_at_its_label()
    {
        var form = Read(Head + Indicators);

        Assert.Equal((100m, 90.5m), (form.StatedWeightTotal, form.StatedTotal));
    }

    [Fact]
    public void Names_fewer_than_the_value_groups_give_no_row_another_rows_values()
    {
        // One name left out: which group is whose cannot be told, so none is paired and the block stays in doubt.
        var form = Read(Head + Indicators.Replace(" 项目完成及时性", "", StringComparison.Ordinal));

        Assert.DoesNotContain(form.Indicators, r => r.Target is not null || r.Actual is not null || r.Weight is not null || r.StatedScore is not null);
        Assert.Contains(form.ReadingDoubts, d => d.Block == FormBlock.Indicators && d.Row is null);
        Assert.Equal((100m, 90.5m), (form.StatedWeightTotal, form.StatedTotal));
    }

    [Fact]
    public void The_scattered_total_funds_row_is_placed_by_its_own_arithmetic()
    {
        var form = Read(Head + Indicators);

        var total = form.Funds.Single(f => f.Label == "年度资金总额");
        Assert.Equal((50000.00m, 48000.00m, 12000m, 10m, 25.00m, 2.50m),
            (total.InitialBudget, total.Budget, total.Executed, total.Weight, total.StatedRate!.Value.Points, total.StatedScore));
        var other = form.Funds.Single(f => f.Label == "其他资金");
        Assert.Equal((0m, 0m), (other.InitialBudget, other.Budget));
    }

    [Fact]
    public void The_placed_figures_are_neither_the_implementing_unit_nor_part_of_the_goal()
    {
        var form = Read(Head + Indicators);

        Assert.DoesNotContain("12,000", form.Unit ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("25.00%", form.ActualGoal ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("25.00%", form.PlannedGoal ?? "", StringComparison.Ordinal);
        // Nor does the goal run on into the scattered indicator header.
        Assert.DoesNotContain("一级指标", (form.PlannedGoal ?? "") + form.ActualGoal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scattered_total_no_placement_agrees_with_is_not_read()
    {
        // A 执行率 that no executed ÷ budget gives: the figures are left unplaced.
        var form = Read(Head.Replace("25.00%", "37.00%", StringComparison.Ordinal) + Indicators);

        var total = form.Funds.SingleOrDefault(f => f.Label == "年度资金总额");
        Assert.True(total is null || total is { Executed: null, StatedScore: null });
    }
}

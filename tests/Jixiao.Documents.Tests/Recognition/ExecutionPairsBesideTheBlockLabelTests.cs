using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 转移支付 区域 form prints its funds beside the block label as label/amount pairs (预算数: | 15.6 | 执行数: | 12.48),
/// its part rows repeating the label before each side, the section's points as one number without a header, and its
/// 自评得分 in the head with the value under the label. Read the same from a grid and from text one cell per line.
/// </summary>
public sealed class Funds_printed_as_pairs_beside_the_execution_label_are_read
{
    private const string Grid = """
        道路养护补助资金区域绩效目标自评表
        专项名称 | 道路养护补助资金 |  |  |  | 
        中央主管部门 | 交通运输部 |  |  | 自评得分 | 
        省级财政部门 | 甲省财政厅 | 省级主管部门 | 甲省交通运输厅 | 93 | 
        预算执行情况 | 预算数: | 15.6 | 执行数: | 12.48 | 16
        ^ | 其中:中央补助 | 15.6 万元 | 其中:中央补助 | 12.48万元 | ^
        ^ | 地方资金/其他 | 万元 | 地方资金/其他 | 万元 | ^
        年度目标完成情况 | 预期目标 | 目标实际完成情况 |  |  | 20
        ^ | 完成农村公路养护 | 已完成农村公路养护 |  |  | ^
        """;

    private static void AssertFunds(PerformanceForm form)
    {
        Assert.Equal(
            [("预算执行情况", 15.6m, 12.48m), ("其中:中央补助", 15.6m, 12.48m), ("地方资金/其他", (decimal?)null, (decimal?)null)],
            form.Funds.Select(f => (f.Label, f.Budget, f.Executed)));
        Assert.Equal(FundsRowRole.Total, form.Funds[0].Role);
        // One number with no header: 分值 or 得分 — read as both, in doubt at those two cells of that row.
        Assert.Equal((16m, 16m), (form.Funds[0].Weight, form.Funds[0].StatedScore));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Block == FormBlock.Funds);
        Assert.Equal(DoubtReason.AmbiguousNumber, doubt.Reason);
        Assert.Equal([CellRole.Weight, CellRole.Score], doubt.Cells);
        Assert.All(form.Funds.Skip(1), f => Assert.Null(f.Weight));
        Assert.Equal(93m, form.StatedTotal);
        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void From_the_printed_grid(string format) => AssertFunds(Assert.Single(PrintedGrid.Read(format, Grid)));

    [Fact]
    public void From_text_printed_one_cell_per_line()
    {
        var cells = Grid.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('|').Select(c => c.Trim()))
            .Where(c => c.Length > 0 && c != "^");
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(string.Join("\n\n", cells), "cells.txt")));
        AssertFunds(form);
    }

    [Fact]
    public void A_label_with_its_points_over_a_funds_header_is_still_a_header()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效自评表
            项目名称 | 道路养护
            预算执行情况(20分) | 全年预算数 | 全年执行数 | 执行率 | 得分
            年度资金总额 | 50 | 40 | 80% | 16
            """));
        Assert.Equal([("年度资金总额", 50m, 40m, 16m)], form.Funds.Select(f => (f.Label, f.Budget, f.Executed, f.StatedScore)));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Recognition;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 转移支付 区域 form as a grid (xlsx, docx, html, pdf) whose 全年完成值 cell prints the row's name again before the
/// figure, on a line of its own or (a PDF that lost the break) run together with it: the figure is the actual, read in
/// doubt at that cell, never the name.
/// </summary>
public sealed class A_name_printed_again_inside_the_actual_cell_is_not_the_actual
{
    private static Cell C(int row, int column, string text, int rs = 1, int cs = 1) => new(row, column, text, rs, cs);

    private static PerformanceForm Read(string actualCell) => Assert.Single(FormRecognizer.Recognize(new ReadDocument("x.xlsx",
    [
        new CellGrid(
        [
            C(0, 0, "转移支付区域(项目)绩效目标自评表", cs: 6),
            C(1, 0, "转移支付(项目)名称"), C(1, 1, "2022年河道巡检补助资金", cs: 5),
            C(2, 0, "项目资金(万元)"), C(2, 1, "全年预算数(A)"), C(2, 2, "全年执行数(B)"), C(2, 3, "执行率(B/A)"),
            C(3, 0, "年度资金总额:"), C(3, 1, "120"), C(3, 2, "30"), C(3, 3, "25%"),
            C(4, 0, "一级指标"), C(4, 1, "二级指标"), C(4, 2, "三级指标"), C(4, 3, "年度指标值"), C(4, 4, "全年完成值"), C(4, 5, "未完成原因和改进措施"),
            C(5, 0, "产出指标", rs: 2), C(5, 1, "数量指标"), C(5, 2, "建设巡检站"), C(5, 3, "6个"), C(5, 4, actualCell), C(5, 5, "招标延后,部分站点未开工"),
            C(6, 1, "时效指标"), C(6, 2, "完工及时率"), C(6, 3, "100%"), C(6, 4, "40%"), C(6, 5, "工期顺延"),
        ]),
    ])));

    [Theory]
    [InlineData("建设巡检站\n2")]
    [InlineData("建设巡检站2")]
    public void The_figure_after_the_repeated_name_is_the_actual_in_doubt(string actualCell)
    {
        var form = Read(actualCell);

        var row = Assert.Single(form.Indicators, r => r.Name == "建设巡检站");
        Assert.Equal(("6个", "2"), (row.Target, row.Actual));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.RowLabel == row.Name && d.Covers(CellRole.Actual));
        Assert.Equal(DoubtReason.ShiftedCells, doubt.Reason);
        var next = Assert.Single(form.Indicators, r => r.Name == "完工及时率");
        Assert.Equal(("100%", "40%"), (next.Target, next.Actual));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.RowLabel == next.Name && d.Reason == DoubtReason.ShiftedCells);
    }

    [Fact]
    public void An_actual_that_only_begins_like_the_name_with_words_after_it_is_kept_as_printed()
    {
        var row = Assert.Single(Read("建设巡检站已完成选址").Indicators, r => r.Name == "建设巡检站");

        Assert.Equal("建设巡检站已完成选址", row.Actual);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Recognition;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A scoring rubric as a grid, cut off after the name of its last item: that row's 一级 and 二级 cells are merged from the
/// rows above, its standard begins with a figure (a "①" a PDF font prints as "1") and its points cells are blank. The
/// merges hold the row under its header: it is the named item without points, not a row shifted left whose figure is
/// its weight.
/// </summary>
public sealed class A_figure_in_the_standard_under_merged_tree_cells_is_no_weight
{
    private static Cell C(int row, int column, string text, int rs = 1, int cs = 1) => new(row, column, text, rs, cs);

    private static PerformanceForm Read(string standard) => Assert.Single(FormRecognizer.Recognize(new ReadDocument("x.pdf",
    [
        new CellGrid(
        [
            C(0, 0, "一级指标"), C(0, 1, "二级指标"), C(0, 2, "三级指标"), C(0, 3, "评分标准"), C(0, 4, "分值"), C(0, 5, "自评得分"), C(0, 6, "扣分原因和其他说明"),
            C(1, 0, "过 程\n(12分)", rs: 3), C(1, 1, "资产管理\n(12分)", rs: 3),
            C(1, 2, "台账完整性"), C(1, 3, "台账齐全,计6分;每缺一项扣1分,扣完为止。"), C(1, 4, "6"), C(1, 5, "6"),
            C(2, 2, "盘点及时性"), C(2, 3, "每年盘点一次,计6分;未盘点不得分。"), C(2, 4, "6"), C(2, 5, "5"), C(2, 6, "盘点延后"),
            C(3, 2, "处置规范性"), C(3, 3, standard),
        ]),
    ])));

    [Theory]
    [InlineData("1")]
    [InlineData("①")]
    public void The_cut_off_row_keeps_its_name_and_has_no_weight(string standard)
    {
        var form = Read(standard);

        Assert.Equal(3, form.Indicators.Count);
        var last = form.Indicators[^1];
        Assert.Equal(("过程", "资产管理", "处置规范性"), (last.Level1, last.Level2, last.Name));
        Assert.Null(last.Weight);
        Assert.Null(last.StatedScore);
        Assert.DoesNotContain(form.Indicators, r => string.IsNullOrEmpty(r.Name));
        var above = form.Indicators[1];
        Assert.Equal(("盘点及时性", 6m, 5m), (above.Name, above.Weight, above.StatedScore));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Recognition;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A published excerpt that stops at the first row of the blank template: 一级 and 二级 cells wrapped over lines with
/// their points ("产出\n指标\n(60分)"), the name still 指标1 and no value filled. The row is a placeholder, left out with
/// a note; the wrapped 一级 is a tree word with its weight, not a name.
/// </summary>
public sealed class UnfilledTemplateRowUnderWrappedHeadingsTests
{
    private static Cell C(int row, int column, string text, int rs = 1, int cs = 1) => new(row, column, text, rs, cs);

    private static PerformanceForm Read(string name, string? target) => Assert.Single(FormRecognizer.Recognize(new ReadDocument("x.xlsx",
    [
        new CellGrid(
        [
            C(0, 0, "部门整体支出绩效自评表", cs: 9),
            C(1, 0, "部门(单位)名称"), C(1, 1, "某市档案馆", cs: 8),
            C(2, 0, "资金结构"), C(2, 1, "年初预算数"), C(2, 2, "全年执行数"), C(2, 3, "执行率"),
            C(3, 0, "合计"), C(3, 1, "1250"), C(3, 2, "1000"), C(3, 3, "80%"),
            C(4, 0, "年度\n绩效\n指标", rs: 3), C(4, 1, "一级\n指标"), C(4, 2, "二级\n指标"), C(4, 3, "三级指标", cs: 2), C(4, 5, "指标解释"),
            C(4, 6, "绩效目标值"), C(4, 7, "实际完成值"), C(4, 8, "指标分值"), C(4, 9, "得分"),
            C(5, 1, "产出\n指标\n(60分)", rs: 2), C(5, 2, "数量\n指标"), C(5, 3, name, cs: 2), C(5, 5, "按月发放工资"),
            .. target is null ? Array.Empty<Cell>() : [C(5, 6, target), C(5, 7, "12个月"), C(5, 8, "20"), C(5, 9, "20")],
        ]),
    ])));

    [Fact]
    public void An_unfilled_numbered_row_is_left_out_with_a_placeholder_note()
    {
        var form = Read("指标1", null);

        Assert.Empty(form.Indicators);
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.PlaceholderRow && d.Text == "指标1");
        Assert.Single(form.Funds);
    }

    [Fact]
    public void A_first_level_cell_wrapped_with_its_points_is_the_first_level_and_its_weight()
    {
        var form = Read("工资发放月数", "12个月");

        var row = Assert.Single(form.Indicators);
        Assert.Equal(("产出指标", 60m, "数量指标", "工资发放月数", "12个月", 20m, 20m),
            (row.Level1, row.Level1Weight, row.Level2?.Replace("\n", "", StringComparison.Ordinal), row.Name, row.Target, row.Weight, row.StatedScore));
    }
}

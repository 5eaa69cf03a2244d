using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Recognition;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// The 经费控制情况 breakdown levels come from what the labels say (1、, 其中：, the rows after a 其中 row), not from
/// leading spaces: HTML and Word tables give the labels trimmed.
/// </summary>
public sealed class BasicDataBreakdownDepthTests
{
    private static IReadOnlyList<BasicDataRow> Rows(params string[] labels)
    {
        var cells = new List<Cell>
        {
            new(0, 0, "部门整体支出绩效自评基础数据表", ColumnSpan: 4),
            new(1, 0, "经费控制情况"), new(1, 1, "2019年决算数"), new(1, 2, "2020年预算数"), new(1, 3, "2020年决算数"),
        };
        for (var i = 0; i < labels.Length; i++)
        {
            cells.Add(new Cell(i + 2, 0, labels[i]));
            for (var c = 1; c <= 3; c++) cells.Add(new Cell(i + 2, c, "1"));
        }

        var form = Assert.Single(FormRecognizer.Recognize(new ReadDocument("basic.html", [new CellGrid(cells)])));
        Assert.Equal(FormKind.DepartmentBasicData, form.Kind);
        return form.BasicData;
    }

    [Fact]
    public void Unindented_rows_after_a_qizhong_row_stay_in_its_breakdown()
    {
        var rows = Rows("三公经费", "1、公务用车购置和维护经费", "其中：公车购置", "公车运行维护", "2、出国经费", "公用经费", "其中：办公经费",
            "水费、电费、差旅费", "会议费、培训费", "政府采购金额");

        Assert.Equal(
            [("三公经费", 0), ("1、公务用车购置和维护经费", 1), ("其中：公车购置", 2), ("公车运行维护", 2), ("2、出国经费", 1), ("公用经费", 0),
             ("其中：办公经费", 1), ("水费、电费、差旅费", 1), ("会议费、培训费", 1), ("政府采购金额", 0)],
            rows.Select(r => (r.Label, r.Depth)));
    }

    [Fact]
    public void A_heading_ending_in_a_colon_closes_the_qizhong_list_above_it()
    {
        var rows = Rows("公用经费", "其中：办公经费", "水费、电费、差旅费", "其他专项支出：", "1、业务工作专项");

        Assert.Equal([0, 1, 1, 0, 1], rows.Select(r => r.Depth));
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A row under a header with one points column (得分) that prints its points cell blank, its name carrying the
/// template's comparator and unit hint ("(≥株)"): the row stands where its header is, so the actual beside the blank is
/// the actual, not the points of a row shifted one column left.
/// </summary>
public sealed class A_row_with_its_points_cell_blank_stays_under_its_header
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 果苗种植补助 |  |  |  |  | 
        年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分
        ^ | 产出指标 | 数量指标 | 果苗棚(≥**平方米) | 150 | 150 | 4
        ^ | ^ | ^ | 嫁接苗(≥株) | 30 | 30 | 
        ^ | ^ | ^ | 滴灌带(≥米) | 600 | 600 | 3
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Its_target_and_actual_are_read_as_printed_and_it_states_no_points(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(
            [("果苗棚(≥**平方米)", "150", "150", (decimal?)4m), ("嫁接苗(≥株)", "30", "30", null), ("滴灌带(≥米)", "600", "600", 3m)],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.StatedScore)));
    }
}

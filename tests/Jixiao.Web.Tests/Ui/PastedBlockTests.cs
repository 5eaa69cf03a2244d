using Jixiao.Web.Ui;

namespace Jixiao.Web.Tests.Ui;

public sealed class A_block_copied_from_Excel_or_WPS_is_read_cell_by_cell
{
    private static string[][] Read(string text) => PastedBlock.Parse(text).Rows.Select(r => r.ToArray()).ToArray();

    [Fact]
    public void Tabs_separate_cells_and_line_ends_rows_and_the_last_line_end_is_no_row() =>
        Assert.Equal([["数量指标", "档案数量", "≥10000卷"], ["质量指标", "合格率", "≥98%"]], Read("数量指标\t档案数量\t≥10000卷\r\n质量指标\t合格率\t≥98%\r\n"));

    [Fact]
    public void A_quoted_cell_keeps_its_line_breaks_tabs_and_doubled_quotes()
    {
        var rows = Read("档案数量\t\"部分档案年底移交；\n剩余“2000卷”\t次年\"\"一季度\"\"完成\"\t8\r\n满意度\t\t10\r\n");
        Assert.Equal(2, rows.Length);
        Assert.Equal("部分档案年底移交；\n剩余“2000卷”\t次年\"一季度\"完成", rows[0][1]);
        Assert.Equal(["满意度", "", "10"], rows[1]);
    }

    [Fact]
    public void Empty_cells_at_the_ends_of_a_row_are_cells()
    {
        Assert.Equal([["", "a", ""]], Read("\ta\t\n"));
        Assert.Equal([["x"], [""], ["y"]], Read("x\n\ny"));
    }

    [Fact]
    public void Line_ends_of_every_system_are_line_ends() =>
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"]], Read("a\tb\rc\td\ne\tf"));

    [Fact]
    public void A_quote_never_closed_was_no_quoting() =>
        Assert.Equal([["\"约10", "20"], ["30", "40"]], Read("\"约10\t20\n30\t40"));

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_kept_as_written() =>
        Assert.Equal([["12\"寸", "5"]], Read("12\"寸\t5"));

    [Fact]
    public void Nothing_pasted_is_no_row() => Assert.Empty(PastedBlock.Parse("").Rows);
}

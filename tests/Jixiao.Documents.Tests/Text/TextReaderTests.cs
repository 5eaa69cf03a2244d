using System.Text;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Text;

public sealed class TextReaderTests
{
    private static ReadDocument Read(string text) => TextReader.Read(text, "test.txt");

    [Fact]
    public void Tab_separated_lines_become_rows_of_one_grid_across_single_blank_lines()
    {
        var doc = Read("标题\n\n项目名称\t数据运营服务\t\n\n主管部门\t上海市大数据中心\n");

        Assert.IsType<TextBlock>(doc.Blocks[0]);
        var grid = Assert.IsType<CellGrid>(Assert.Single(doc.Blocks.OfType<CellGrid>()));
        Assert.Equal(2, grid.RowCount);
        var second = grid.Row(1).ToList();
        Assert.Equal(["主管部门", "上海市大数据中心"], second.Select(c => c.Text));
        Assert.Equal(5, second[0].Source!.Row);
        Assert.Equal(2, second[1].Source!.Column);
    }

    [Fact]
    public void One_cell_per_line_rows_are_separated_by_blank_lines_and_lines_without_a_tab_continue_the_cell()
    {
        var doc = Read("\t项目资金（万元）\n\t\n\t年初预算数\n\n\t绩\n效\n指\n标\n\t一级指标\n\t二级指标\n");

        var grid = Assert.IsType<CellGrid>(Assert.Single(doc.Blocks));
        Assert.Equal(["项目资金（万元）", "", "年初预算数"], grid.Row(0).Select(c => c.Text));
        var header = grid.Row(1).ToList();
        Assert.Equal("绩\n效\n指\n标", header[0].Text);
        Assert.Equal("一级指标", header[1].Text);
        Assert.Equal(5, header[0].Source!.Row);
        Assert.Equal(9, header[1].Source!.Row);
    }

    [Fact]
    public void Html_paragraphs_inside_a_cell_become_lines_without_tags()
    {
        var doc = Read("部门职能概述\t<p>1、组织实施标准；</p> <p style=\"x\">2、负责应用系统&amp;网站。</p>\t\n");

        var grid = Assert.IsType<CellGrid>(Assert.Single(doc.Blocks));
        Assert.Equal("1、组织实施标准；\n2、负责应用系统&网站。", grid.Row(0).ElementAt(1).Text);
    }

    [Fact]
    public void Pipe_separated_lines_become_rows_and_a_line_starting_with_a_pipe_continues_the_row_above()
    {
        var doc = Read("项目名称 | 数据运营服务 | |||\n项目资金 (万元) |\n| 年初预算数 | 全年预算数 | 全年执行数 |\n年度资金总额 |\n| 32.4 | 31.69 |\n");

        var grid = Assert.IsType<CellGrid>(Assert.Single(doc.Blocks));
        Assert.Equal(3, grid.RowCount);
        Assert.Equal(["项目名称", "数据运营服务", "", "", ""], grid.Row(0).Select(c => c.Text));
        Assert.Equal(["项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数"], grid.Row(1).Select(c => c.Text));
        var funds = grid.Row(2).ToList();
        Assert.Equal(["年度资金总额", "32.4", "31.69"], funds.Select(c => c.Text));
        Assert.Equal(5, funds[1].Source!.Row);
    }

    [Fact]
    public void A_line_without_a_pipe_followed_by_a_continuation_opens_a_piped_row()
    {
        var doc = Read("标题\n\n二级指标\n|\n三级指标 | 分值 |\n");

        Assert.Equal("标题", Assert.IsType<TextBlock>(doc.Blocks[0]).Text);
        var grid = Assert.IsType<CellGrid>(doc.Blocks[1]);
        Assert.Equal(["二级指标"], grid.Row(0).Select(c => c.Text));
        Assert.Equal(["三级指标", "分值"], grid.Row(1).Select(c => c.Text));
    }

    [Fact]
    public void Pipe_rows_and_tab_rows_in_one_table_keep_their_order()
    {
        var doc = Read("一级指标 | 二级指标 |\n产出指标\t数量指标\n效益指标 | 社会效益指标 |\n");

        var grid = Assert.IsType<CellGrid>(Assert.Single(doc.Blocks));
        Assert.Equal(["一级指标", "二级指标"], grid.Row(0).Select(c => c.Text));
        Assert.Equal(["产出指标", "数量指标"], grid.Row(1).Select(c => c.Text));
        Assert.Equal(["效益指标", "社会效益指标"], grid.Row(2).Select(c => c.Text));
    }

    [Fact]
    public void Narrative_lines_become_paragraphs_with_their_line_numbers()
    {
        var doc = Read("\n\n2020 年度自评报告\n\n一、单位基本情况\n");

        var blocks = doc.Blocks.Cast<TextBlock>().ToList();
        Assert.Equal(["2020 年度自评报告", "一、单位基本情况"], blocks.Select(b => b.Text));
        Assert.Equal(3, blocks[0].Source!.Row);
        Assert.Equal(5, blocks[1].Source!.Row);
    }

    [Fact]
    public void Gb18030_bytes_are_decoded_when_they_are_not_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("项目名称\t数据运营服务\n");

        var doc = TextReader.Read(new MemoryStream(bytes), "gb.txt");

        var grid = Assert.IsType<CellGrid>(Assert.Single(doc.Blocks));
        Assert.Equal("数据运营服务", grid.Row(0).ElementAt(1).Text);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_reads_like_without()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("总分\t100\t96\n")).ToArray();

        var doc = TextReader.Read(new MemoryStream(bytes), "bom.txt");

        Assert.Equal("总分", Assert.IsType<CellGrid>(Assert.Single(doc.Blocks)).Row(0).First().Text);
    }

    [Fact]
    public void An_empty_file_is_a_read_error_in_chinese()
    {
        var e = Assert.Throws<DocumentReadException>(() => TextReader.Read(new MemoryStream([]), "empty.txt"));
        Assert.Equal("empty.txt", e.Path);
        Assert.Contains("为空", e.Message);
    }

    [Fact]
    public void A_binary_file_is_a_read_error_not_garbage_text()
    {
        var e = Assert.Throws<DocumentReadException>(() => TextReader.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]), "x.txt"));
        Assert.Contains("不是文本", e.Message);
    }
}

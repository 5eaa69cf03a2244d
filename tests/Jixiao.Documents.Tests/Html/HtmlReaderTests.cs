using System.Text;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Html;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Html;

public sealed class Reading_a_published_web_page
{
    private static ReadDocument Read(byte[] file) => HtmlReader.Read(new MemoryStream(file), "公开.html");

    private static ReadDocument Read(string html) => Read(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void Gives_each_seed_table_back_with_the_same_texts_positions_and_spans()
    {
        var document = Read(HtmlFixture.Build(SeedTables.Seed003CloudProject, SeedTables.Seed002LinkLeaseProject));

        var grids = document.Blocks.OfType<CellGrid>().ToList();
        Assert.Equal(2, grids.Count);
        Assert.Equal(GridComparison.Layout(SeedTables.Seed003CloudProject), GridComparison.Layout(grids[0]));
        Assert.Equal(GridComparison.Layout(SeedTables.Seed002LinkLeaseProject), GridComparison.Layout(grids[1]));
    }

    [Fact]
    public void Text_around_tables_comes_as_paragraphs_in_document_order()
    {
        var document = Read(HtmlFixture.Build(
            new TextBlock("长沙市望城区数据资源中心\n2020年度部门整体支出绩效自评报告"),
            SeedTables.Seed002LinkLeaseProject,
            new TextBlock("注：上述产出指标和效益指标既可以按照重点任务完成情况分别填列。")));

        var shape = document.Blocks.Select(b => b switch
        {
            TextBlock t => t.Text,
            CellGrid g => $"表格 {g.RowCount}×{g.ColumnCount}",
            _ => "?",
        });
        Assert.Equal(["长沙市望城区数据资源中心", "2020年度部门整体支出绩效自评报告", "表格 21×9", "注：上述产出指标和效益指标既可以按照重点任务完成情况分别填列。"], shape);
    }

    [Fact]
    public void A_cell_after_an_earlier_rowspan_lands_in_its_real_column()
    {
        var grid = Read("""
            <table>
              <tr><td rowspan="3">绩效指标</td><td rowspan="2">产出指标</td><td>数量指标</td><td>10</td></tr>
              <tr><td>质量指标</td><td>20</td></tr>
              <tr><td colspan="2">效益指标</td><td>30</td></tr>
            </table>
            """).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(
            ["0,0 3×1 绩效指标", "0,1 2×1 产出指标", "0,2 1×1 数量指标", "0,3 1×1 10", "1,2 1×1 质量指标", "1,3 1×1 20", "2,1 1×2 效益指标", "2,3 1×1 30"],
            GridComparison.Layout(grid));
    }

    [Fact]
    public void Paragraphs_and_line_breaks_inside_a_cell_become_newlines_and_nbsp_padding_is_dropped()
    {
        var grid = Read("""
            <table><tr><td><p style="text-align: center;">财政项目支出绩效自评表</p> <p style="text-align: center;">(2020 年度)</p></td>
            <td>&nbsp;全年收集整理<br>25个单位&nbsp;</td><td>&nbsp;</td></tr></table>
            """).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["财政项目支出绩效自评表\n(2020 年度)", "全年收集整理\n25个单位"], grid.Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("gb2312")]
    [InlineData("GBK")]
    public void A_page_declared_as_GB2312_or_GBK_is_decoded(string charset)
    {
        var document = Read(HtmlFixture.BuildGb(charset, new TextBlock("部门整体支出绩效自评表"), SeedTables.Seed002LinkLeaseProject));

        Assert.Equal("部门整体支出绩效自评表", document.Blocks.OfType<TextBlock>().First().Text);
        Assert.Equal(GridComparison.Layout(SeedTables.Seed002LinkLeaseProject), GridComparison.Layout(document.Blocks.OfType<CellGrid>().Single()));
    }

    [Fact]
    public void A_GBK_page_without_a_declared_charset_is_still_decoded()
    {
        var html = HtmlFixture.Page("x-unknown", new TextBlock("预算执行率")).Replace("<meta charset=\"x-unknown\">", "", StringComparison.Ordinal);

        var document = Read(Encoding.GetEncoding(54936).GetBytes(html));

        Assert.Equal("预算执行率", document.Blocks.OfType<TextBlock>().Single().Text);
    }
}

public sealed class A_web_page_that_cannot_be_read
{
    [Theory]
    [InlineData("empty", "文件为空")]
    [InlineData("random", "文件不是网页（HTML）")]
    [InlineData("xlsx", "文件不是网页（HTML）")]
    [InlineData("encrypted", "文件不是网页（HTML）")]
    [InlineData("pdf", "文件不是网页（HTML）")]
    public void Is_refused_with_one_clear_Chinese_line(string kind, string message)
    {
        var bytes = kind switch
        {
            "empty" => BadFiles.Empty,
            "random" => BadFiles.RandomBytes(),
            "xlsx" => XlsxFixture.Build(SeedTables.Seed003CloudProject),
            "encrypted" => BadFiles.OleCompoundFile(),
            "pdf" => "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<DocumentReadException>(() => HtmlReader.Read(new MemoryStream(bytes), "坏文件.html"));

        Assert.Contains(message, error.Message);
    }
}

public sealed class Reading_unusual_web_page_tables
{
    private static ReadDocument Read(string html) => HtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(html)), "公开.html");

    [Fact]
    public void A_table_nested_in_a_cell_is_that_cell_s_text_one_line_per_cell()
    {
        var grids = Read("""
            <table><tr><td>项目名称</td><td><table><tr><td>链路租赁</td><td>（运维）</td></tr></table></td></tr></table>
            """).Blocks.OfType<CellGrid>().ToList();

        var grid = Assert.Single(grids);
        Assert.Equal(["0,0 1×1 项目名称", "0,1 1×1 链路租赁\n（运维）"], GridComparison.Layout(grid));
    }

    [Fact]
    public void A_form_inside_a_page_layout_table_is_read_as_the_form()
    {
        var form = Encoding.UTF8.GetString(HtmlFixture.Build(SeedTables.Seed002LinkLeaseProject));
        var formTable = form[form.IndexOf("<table>", StringComparison.Ordinal)..(form.IndexOf("</table>", StringComparison.Ordinal) + 8)];
        var page = $"<table width=\"980\"><tr><td>浏阳市人民政府门户网站</td></tr><tr><td><div>项目支出绩效自评表</div>{formTable}</td></tr><tr><td>版权所有</td></tr></table>";

        var blocks = Read(page).Blocks;

        Assert.Equal(["浏阳市人民政府门户网站", "项目支出绩效自评表"], blocks.TakeWhile(b => b is TextBlock).Select(b => ((TextBlock)b).Text));
        Assert.Equal(GridComparison.Layout(SeedTables.Seed002LinkLeaseProject), GridComparison.Layout(blocks.OfType<CellGrid>().Single()));
        Assert.Equal("版权所有", Assert.IsType<TextBlock>(blocks[^1]).Text);
    }

    [Fact]
    public void A_caption_is_a_paragraph_before_its_table_and_scripts_are_not_text()
    {
        var blocks = Read("""
            <script>var x = "<p>不是正文</p>";</script>
            <table><caption>部门整体支出绩效自评表</caption><thead><tr><th>一级指标</th><th>分值</th></tr></thead>
            <tbody><tr><td>产出指标</td><td>50</td></tr></tbody></table>
            """).Blocks;

        Assert.Equal("部门整体支出绩效自评表", Assert.IsType<TextBlock>(blocks[0]).Text);
        Assert.Equal(["0,0 1×1 一级指标", "0,1 1×1 分值", "1,0 1×1 产出指标", "1,1 1×1 50"], GridComparison.Layout(Assert.IsType<CellGrid>(blocks[1])));
        Assert.Equal(2, blocks.Count);
    }

    [Fact]
    public void A_rowspan_past_the_last_row_or_of_zero_ends_with_the_table()
    {
        var grid = Read("""
            <table><tr><td rowspan="9">绩效指标</td><td>产出</td></tr><tr><td>效益</td></tr>
            <tr><td rowspan="0">满意度</td><td>95%</td></tr></table>
            """).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["0,0 3×1 绩效指标", "0,1 1×1 产出", "1,1 1×1 效益", "2,1 1×1 满意度", "2,2 1×1 95%"], GridComparison.Layout(grid));
    }
}

public sealed class A_hostile_web_page
{
    private static string Nested(int levels)
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < levels; i++) html.Append("<div>");
        html.Append("深处");
        for (var i = 0; i < levels; i++) html.Append("</div>");
        return html.Append("<p>正文</p><table><tr><td>分值</td><td>10</td></tr></table></body></html>").ToString();
    }

    [Fact]
    public void Nested_a_hundred_thousand_levels_deep_is_refused_before_parsing()
    {
        var error = Assert.Throws<DocumentReadException>(() => HtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Nested(100_000))), "深.html"));

        Assert.Equal("网页标签嵌套过深，无法解析", error.Message);
    }

    [Fact]
    public void Nested_a_thousand_levels_deep_is_read_and_the_table_after_it_found()
    {
        var document = HtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Nested(1_000))), "深.html");

        Assert.Contains(document.Blocks, b => b is TextBlock { Text: "正文" });
        Assert.Equal(["0,0 1×1 分值", "0,1 1×1 10"], GridComparison.Layout(document.Blocks.OfType<CellGrid>().Single()));
    }

    [Fact]
    public void Thousands_of_unclosed_paragraphs_and_cells_of_a_sloppy_old_page_are_not_nesting()
    {
        var html = new StringBuilder("<table>");
        for (var i = 0; i < 6_000; i++) html.Append("<tr><td>行").Append(i).Append("<td><p>值");
        html.Append("</table>");

        var grid = HtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(html.ToString())), "旧.html").Blocks.OfType<CellGrid>().Single();

        Assert.Equal(6_000, grid.RowCount);
    }
}

public sealed class Decoding_older_web_pages
{
    // The test itself encodes GBK: it must not depend on a reader having registered the code pages first.
    static Decoding_older_web_pages() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    [Fact]
    public void An_XHTML_page_declaring_GBK_in_its_XML_declaration_is_decoded()
    {
        var html = "<?xml version=\"1.0\" encoding=\"GBK\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>项目支出绩效自评表</p></body></html>";

        var document = HtmlReader.Read(new MemoryStream(Encoding.GetEncoding(54936).GetBytes(html)), "旧.xhtml");

        Assert.Equal("项目支出绩效自评表", Assert.IsType<TextBlock>(Assert.Single(document.Blocks)).Text);
    }

    [Fact]
    public void A_page_declaring_its_charset_through_http_equiv_is_decoded()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>执行率</p></body></html>";

        var document = HtmlReader.Read(new MemoryStream(Encoding.GetEncoding(54936).GetBytes(html)), "旧.htm");

        Assert.Equal("执行率", Assert.IsType<TextBlock>(Assert.Single(document.Blocks)).Text);
    }
}

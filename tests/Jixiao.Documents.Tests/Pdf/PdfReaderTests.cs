using System.Text;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Pdf;

public sealed class Reading_a_pdf_printed_from_a_web_page
{
    private const string Intro = "长沙市望城区数据资源中心项目支出绩效自评";
    private const string Note = "注：上述产出指标和效益指标既可以按照重点任务完成情况分别填列。";

    // One chromium run for the whole class: printing takes a second or two.
    private static readonly Lazy<ReadDocument> Printed = new(() => PdfReader.Read(
        new MemoryStream(PdfFixture.Build(new TextBlock(Intro), SeedTables.Seed003CloudProject, SeedTables.Seed002LinkLeaseProject, new TextBlock(Note))),
        "自评表.pdf"));

    private static string Nfkc(string text) => text.Normalize(NormalizationForm.FormKC);

    [Fact]
    public void Every_cell_text_of_both_seed_tables_comes_back_row_by_row_across_page_breaks()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");

        var read = Printed.Value.Blocks.OfType<CellGrid>().SelectMany(GridComparison.Texts);

        var expected = GridComparison.Texts(SeedTables.Seed003CloudProject).Concat(GridComparison.Texts(SeedTables.Seed002LinkLeaseProject)).Select(Nfkc);
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Merged_cells_come_back_as_one_cell_with_spans_measured_from_the_ruling_lines()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");

        var first = Printed.Value.Blocks.OfType<CellGrid>().First();

        Assert.Contains("0,0 1×9 财政项目支出绩效自评表\n(2020 年度)", GridComparison.Layout(first));
        Assert.Contains("3,0 5×1 项目资金 (元)", GridComparison.Layout(first));
        Assert.Contains("11,1 4×1 产出指标", GridComparison.Layout(first));
        Assert.Contains("4,6 1×1 99.79%", GridComparison.Layout(first));
    }

    [Fact]
    public void Text_outside_tables_is_read_in_order_with_its_page_and_without_Kangxi_radicals()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");

        var blocks = Printed.Value.Blocks;
        var intro = Assert.IsType<TextBlock>(blocks[0]);
        var note = Assert.IsType<TextBlock>(blocks[^1]);

        Assert.Equal((Intro, 1), (intro.Text, intro.Source!.Page));
        Assert.Equal(Nfkc(Note), note.Text);
        Assert.True(note.Source!.Page > 1);
        var allText = string.Concat(blocks.Select(b => b is TextBlock t ? t.Text : string.Concat(((CellGrid)b).Cells.Select(c => c.Text))));
        Assert.DoesNotContain(allText, ch => ch is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public void Every_table_cell_says_which_page_it_is_on()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");

        var grids = Printed.Value.Blocks.OfType<CellGrid>().ToList();

        Assert.All(grids.SelectMany(g => g.Cells), c => Assert.NotNull(c.Source?.Page));
        Assert.Equal(1, grids[0].Cells[0].Source!.Page);
        Assert.True(grids[^1].Cells[^1].Source!.Page > 1);
    }
}

public sealed class A_pdf_that_cannot_be_read
{
    [Theory]
    [InlineData("empty", "文件为空")]
    [InlineData("random", "文件已损坏或不是 PDF 文件")]
    [InlineData("encrypted", "PDF 文件已加密")]
    [InlineData("xlsx", "文件已损坏或不是 PDF 文件")]
    [InlineData("html", "文件已损坏或不是 PDF 文件")]
    public void Is_refused_with_one_clear_Chinese_line(string kind, string message)
    {
        var bytes = kind switch
        {
            "empty" => BadFiles.Empty,
            "random" => BadFiles.RandomBytes(),
            "encrypted" => BadPdfs.Encrypted(),
            "xlsx" => XlsxFixture.Build(SeedTables.Seed003CloudProject),
            "html" => HtmlFixture.Build(SeedTables.Seed003CloudProject),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<DocumentReadException>(() => PdfReader.Read(new MemoryStream(bytes), "坏文件.pdf"));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_truncated_pdf_is_refused_or_read_as_far_as_it_goes_but_never_throws_anything_else()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        var whole = PdfFixture.Build(SeedTables.Seed002LinkLeaseProject);

        var exception = Record.Exception(() => PdfReader.Read(new MemoryStream(BadFiles.Truncated(whole)), "半截.pdf"));

        if (exception is not null) Assert.Equal("文件已损坏或不是 PDF 文件，无法解析", Assert.IsType<DocumentReadException>(exception).Message);
    }
}

public sealed class Reading_a_pdf_table_without_borders
{
    [Fact]
    public void Lines_that_break_into_aligned_segments_come_back_as_a_grid()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        var table = new CellGrid(
        [
            new Cell(0, 0, "支出类别"), new Cell(0, 1, "年初预算数"), new Cell(0, 2, "全年预算数"), new Cell(0, 3, "全年执行数"),
            new Cell(1, 0, "基本支出"), new Cell(1, 1, "868.00"), new Cell(1, 2, "2,032.00"), new Cell(1, 3, "0"),
            new Cell(2, 0, "项目支出"), new Cell(2, 1, "403.00"), new Cell(2, 2, "403.00"), new Cell(2, 3, "403.00"),
        ]);

        var document = PdfReader.Read(new MemoryStream(PdfFixture.BuildBorderless(new TextBlock("部门预算执行情况"), table)), "无框.pdf");

        Assert.Equal("部门预算执行情况", Assert.IsType<TextBlock>(document.Blocks[0]).Text);
        Assert.Equal(GridComparison.Layout(table), GridComparison.Layout(Assert.IsType<CellGrid>(document.Blocks[1])));
    }
}

public sealed class Reading_a_narrative_pdf
{
    private const string LongParagraph =
        "2020年，我中心紧紧围绕市委、市政府中心工作，以数据资源整合共享为重点，全年收集整理25个单位的130个电子证照、41万余条存量电子证照数据，"
        + "采集制作电子印章470枚，进一步梳理完善信息资源目录，更新修订编制了涉及市财政局、城管局等13个单位的363条政务信息资源目录、8483条数据项，"
        + "组织完成了不动产登记信息化管理平台与长沙电子库整合对接，实现不动产权证、不动产登记证明等7类、19万余条证照数据的汇聚上传。";

    [Fact]
    public void A_paragraph_wrapped_over_several_lines_is_one_text_block_and_short_lines_stay_apart()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");

        var document = PdfReader.Read(
            new MemoryStream(PdfFixture.Build(new TextBlock("长沙市望城区数据资源中心\n2020年度部门整体支出绩效自评报告"), new TextBlock(LongParagraph))),
            "报告.pdf");

        Assert.Equal(
            ["长沙市望城区数据资源中心", "2020年度部门整体支出绩效自评报告", LongParagraph.Normalize(NormalizationForm.FormKC)],
            document.Blocks.Select(b => Assert.IsType<TextBlock>(b).Text));
    }
}

public sealed class Reading_a_pdf_with_a_framed_paragraph
{
    [Fact]
    public void A_box_drawn_around_text_is_not_a_one_cell_table()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        var framed = new CellGrid([new Cell(0, 0, "说明：本表金额单位为万元。")]);

        var document = PdfReader.Read(new MemoryStream(PdfFixture.Build(framed)), "框.pdf");

        Assert.Equal("说明:本表金额单位为万元。", Assert.IsType<TextBlock>(Assert.Single(document.Blocks)).Text);
    }
}

public sealed class Reading_a_pdf_table_set_without_padding
{
    [Fact]
    public void Texts_touching_a_ruling_line_stay_in_their_own_cells()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        var table = new CellGrid(
        [
            new Cell(0, 0, "年初预算数年初预算数年初预算数"), new Cell(0, 1, "全年预算数全年预算数全年预算数"), new Cell(0, 2, "全年执行数"),
            new Cell(1, 0, "403.00"), new Cell(1, 1, "403.00"), new Cell(1, 2, "403.00"),
        ]);
        var html = HtmlFixture.Page(table).Replace("padding:2pt 4pt", "padding:0", StringComparison.Ordinal)
            .Replace("width:100%", "width:auto", StringComparison.Ordinal);

        var document = PdfReader.Read(new MemoryStream(PdfFixture.Print(html)), "紧.pdf");

        Assert.Equal(GridComparison.Layout(table), GridComparison.Layout(Assert.IsType<CellGrid>(Assert.Single(document.Blocks))));
    }
}

public sealed class Reading_a_pdf_table_broken_over_a_page
{
    [Fact]
    public void Comes_back_as_one_grid_with_its_rows_where_they_were()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");

        var document = PdfReader.Read(new MemoryStream(PdfFixture.Build(SeedTables.Seed003CloudProject)), "跨页.pdf");

        var grid = Assert.IsType<CellGrid>(Assert.Single(document.Blocks));
        Assert.Equal(GridComparison.Texts(SeedTables.Seed003CloudProject).Select(t => t.Normalize(NormalizationForm.FormKC)), GridComparison.Texts(grid));
        Assert.Contains("19,1 1×5 总分", GridComparison.Layout(grid));
        Assert.Contains("19,7 1×1 94.98", GridComparison.Layout(grid));
        Assert.Equal([1, 2], grid.Cells.Select(c => c.Source!.Page!.Value).Distinct().Order());
    }

    [Fact]
    public void A_row_cut_in_two_by_the_page_break_is_one_row_holding_all_its_lines()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        var lines = Enumerable.Range(1, 30).Select(i => $"第{i}条偏差原因说明").ToArray();
        var cells = new List<Cell>();
        for (var r = 0; r < 20; r++) cells.AddRange([new Cell(r, 0, $"指标{r}"), new Cell(r, 1, "100%")]);
        cells.AddRange([new Cell(20, 0, "跨页的指标"), new Cell(20, 1, string.Join('\n', lines)), new Cell(21, 0, "末行"), new Cell(21, 1, "90%")]);

        var document = PdfReader.Read(new MemoryStream(PdfFixture.Build(new CellGrid(cells))), "跨页行.pdf");

        var grid = Assert.IsType<CellGrid>(Assert.Single(document.Blocks));
        Assert.Equal(22, grid.RowCount);
        var cut = Assert.Single(grid.Cells, c => c.Row == 20 && c.Column == 1);
        Assert.Equal(string.Concat(lines), cut.Text.Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal(["末行", "90%"], grid.Row(21).Select(c => c.Text));
        Assert.Equal([1, 2], grid.Cells.Select(c => c.Source!.Page!.Value).Distinct().Order());
    }

    [Fact]
    public void A_page_drawing_fewer_column_lines_than_the_next_still_continues_into_it_by_position()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        // The first page holds only rows whose right cell spans two columns (a funds block), the second the rows that
        // split it (indicator rows): the pages draw different inner lines under the same outer edges.
        var cells = new List<Cell>();
        for (var r = 0; r < 60; r++) cells.AddRange([new Cell(r, 0, $"资金{r}"), new Cell(r, 1, $"{r}00", ColumnSpan: 2)]);
        for (var r = 60; r < 64; r++) cells.AddRange([new Cell(r, 0, $"指标{r}"), new Cell(r, 1, "≥90%"), new Cell(r, 2, $"{r}")]);

        var document = PdfReader.Read(new MemoryStream(PdfFixture.Build(new CellGrid(cells))), "跨页分栏.pdf");

        var grid = Assert.IsType<CellGrid>(Assert.Single(document.Blocks));
        Assert.Equal(64, grid.RowCount);
        Assert.Equal((1, 2), grid.Row(0).Where(c => c.Text == "000").Select(c => (c.Column, c.ColumnSpan)).Single());
        Assert.Equal([(0, "指标63"), (1, "≥90%"), (2, "63")], grid.Row(63).Select(c => (c.Column, c.Text)));
        Assert.True(grid.Cells.Select(c => c.Source!.Page!.Value).Distinct().Count() > 1);
    }
}

public sealed class Reading_the_characters_of_a_printed_cell
{
    [Fact]
    public void Yong_hu_and_a_bracket_before_a_full_width_parenthesis_come_back_as_typed()
    {
        Assert.SkipUnless(PdfFixture.Available, "chromium is not installed");
        var table = new CellGrid(
        [
            new Cell(0, 0, "个人、企业用户满意度"), new Cell(0, 1, "变动率＝[（本年度预算数－上年度预算数）/上年度预算数]*100%"),
            new Cell(1, 0, "政府门户网站点击率"), new Cell(1, 1, "100%"),
        ]);

        var document = PdfReader.Read(new MemoryStream(PdfFixture.Build(table)), "字符.pdf");

        Assert.Equal(GridComparison.Texts(table).Select(t => t.Normalize(NormalizationForm.FormKC)),
            GridComparison.Texts(Assert.IsType<CellGrid>(Assert.Single(document.Blocks))));
    }
}

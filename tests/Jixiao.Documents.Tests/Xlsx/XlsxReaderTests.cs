using Jixiao.Documents.Grid;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

public sealed class Reading_an_xlsx_workbook
{
    private static ReadDocument Read(byte[] file, string path = "自评表.xlsx") => XlsxReader.Read(new MemoryStream(file), path);

    [Fact]
    public void Gives_every_seed_table_back_with_the_same_texts_positions_and_spans()
    {
        var document = Read(XlsxFixture.Build([.. SeedTables.All]));

        var grids = document.Blocks.OfType<CellGrid>().ToList();
        Assert.Equal(2, grids.Count);
        Assert.Equal(GridComparison.Layout(SeedTables.Seed003CloudProject), GridComparison.Layout(grids[0]));
        Assert.Equal(GridComparison.Layout(SeedTables.Seed002LinkLeaseProject), GridComparison.Layout(grids[1]));
    }

    [Fact]
    public void Names_each_grid_after_its_sheet_and_points_cells_at_sheet_row_and_column()
    {
        var document = Read(XlsxFixture.Build([.. SeedTables.All]));

        var grids = document.Blocks.OfType<CellGrid>().ToList();
        Assert.Equal(["政务云", "链路租赁"], grids.Select(g => g.Sheet));
        var rate = grids[0].Cells.Single(c => c.Text == "99.79%");
        Assert.Equal("政务云 第5行第7列", rate.Source!.ToString());
    }

    [Fact]
    public void Merged_first_level_names_are_one_cell_spanning_their_rows_and_nothing_is_copied_down()
    {
        var grid = Read(XlsxFixture.Build(SeedTables.Seed002LinkLeaseProject)).Blocks.OfType<CellGrid>().Single();

        var output = Assert.Single(grid.Cells, c => c.Text == "产出指标(50分)");
        Assert.Equal((12, 1, 4, 1), (output.Row, output.Column, output.RowSpan, output.ColumnSpan));
        Assert.DoesNotContain(grid.Cells, c => c.Column == 1 && c.Row is > 12 and < 16);
    }

    [Fact]
    public void Numbers_come_back_as_the_digits_Excel_shows_with_the_decimals_and_percent_of_their_format()
    {
        var grid = new CellGrid(
        [
            new Cell(0, 0, "39090800"), new Cell(0, 1, "0.99790000000000001"), new Cell(0, 2, "42456311.079999998"),
            new Cell(0, 3, "99.79%"), new Cell(0, 4, "100%"), new Cell(0, 5, "-12.50"), new Cell(0, 6, "33.333%"),
        ], "数字");

        var read = Read(XlsxFixture.Build(grid)).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["39090800", "0.9979", "42456311.08", "99.79%", "100%", "-12.50", "33.333%"], read.Cells.Select(c => c.Text));
    }

    [Fact]
    public void Inline_strings_and_formula_cells_read_as_their_text_and_cached_value()
    {
        var grid = new CellGrid([new Cell(0, 0, "全年执行数"), new Cell(0, 1, "403"), new Cell(1, 0, "执行率"), new Cell(1, 1, "100.00%")], "表");
        var file = XlsxFixture.Build([grid], new XlsxFixture.Options(InlineStrings: true, Formulas: new Dictionary<string, string> { ["B2"] = "B1/B1" }));

        var read = Read(file).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["全年执行数", "403", "执行率", "100.00%"], read.Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_non_seekable_stream_is_read_like_a_file()
    {
        var bytes = XlsxFixture.Build(SeedTables.Seed003CloudProject);
        using var pipe = new NonSeekableStream(bytes);

        var grid = XlsxReader.Read(pipe, "上传.xlsx").Blocks.OfType<CellGrid>().Single();

        Assert.Equal(GridComparison.Layout(SeedTables.Seed003CloudProject), GridComparison.Layout(grid));
    }
}

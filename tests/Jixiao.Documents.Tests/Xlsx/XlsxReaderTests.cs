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
        Assert.Equal((11, 1, 4, 1), (output.Row, output.Column, output.RowSpan, output.ColumnSpan));
        Assert.DoesNotContain(grid.Cells, c => c.Column == 1 && c.Row is > 11 and < 15);
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

public sealed class Reading_xlsx_details_the_grid_builder_cannot_make
{
    private static CellGrid Read(byte[] file) => XlsxReader.Read(new MemoryStream(file), "细节.xlsx").Blocks.OfType<CellGrid>().Single();

    [Fact]
    public void Rich_text_runs_are_joined_and_phonetic_guides_left_out()
    {
        var file = XlsxFixture.FromXml(
            """<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>""",
            """<si><r><t>绩效</t></r><r><rPr><b/></rPr><t xml:space="preserve">自评 </t></r><rPh sb="0" eb="2"><t>ジセキ</t></rPh></si>""");

        Assert.Equal("绩效自评 ", Read(file).Cells.Single().Text);
    }

    [Fact]
    public void A_value_left_under_a_merged_area_is_dropped_and_a_blank_anchor_keeps_its_spans()
    {
        var file = XlsxFixture.FromXml(
            """
            <sheetData>
              <row r="1"><c r="A1" t="inlineStr"><is><t>产出指标</t></is></c><c r="C1"><v>10</v></c></row>
              <row r="2"><c r="A2" t="inlineStr"><is><t>残留</t></is></c><c r="C2"><v>20</v></c></row>
            </sheetData>
            <mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D1:D2"/></mergeCells>
            """);

        Assert.Equal(["0,0 2×2 产出指标", "0,2 1×1 10", "0,3 2×1 ", "1,2 1×1 20"], GridComparison.Layout(Read(file)));
    }

    [Fact]
    public void Cells_without_references_follow_each_other_and_Strict_OOXML_reads_like_Transitional()
    {
        var file = XlsxFixture.FromXml(
            """<sheetData><row><c t="inlineStr"><is><t>分值</t></is></c><c><v>15</v></c></row><row><c t="b"><v>1</v></c></row></sheetData>""",
            mainNamespace: "http://purl.oclc.org/ooxml/spreadsheetml/main",
            relationshipsNamespace: "http://purl.oclc.org/ooxml/officeDocument/relationships");

        Assert.Equal(["0,0 1×1 分值", "0,1 1×1 15", "1,0 1×1 TRUE"], GridComparison.Layout(Read(file)));
    }

    [Fact]
    public void A_document_type_declaration_is_refused_rather_than_expanded()
    {
        var bomb = ReplaceSheet(
            XlsxFixture.FromXml("<sheetData/>"),
            """<!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>""");

        var error = Assert.Throws<Jixiao.Documents.Reading.DocumentReadException>(() => XlsxReader.Read(new MemoryStream(bomb), "实体.xlsx"));

        Assert.Contains("文件已损坏或不是 Excel 工作簿", error.Message);
    }

    private static byte[] ReplaceSheet(byte[] workbook, string sheetXml)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(sheetXml);
        }

        return stream.ToArray();
    }
}

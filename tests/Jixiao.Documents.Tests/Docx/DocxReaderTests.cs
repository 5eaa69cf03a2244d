using W = DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Documents.Docx;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Docx;

public sealed class Reading_a_docx_document
{
    private static ReadDocument Read(byte[] file) => DocxReader.Read(new MemoryStream(file), "自评报告.docx");

    [Fact]
    public void Gives_each_seed_table_back_with_the_same_texts_positions_and_spans()
    {
        var document = Read(DocxFixture.Build(SeedTables.Seed003CloudProject, SeedTables.Seed002LinkLeaseProject));

        var grids = document.Blocks.OfType<CellGrid>().ToList();
        Assert.Equal(2, grids.Count);
        Assert.Equal(GridComparison.Layout(SeedTables.Seed003CloudProject), GridComparison.Layout(grids[0]));
        Assert.Equal(GridComparison.Layout(SeedTables.Seed002LinkLeaseProject), GridComparison.Layout(grids[1]));
    }

    [Fact]
    public void Keeps_paragraphs_and_tables_in_body_order()
    {
        var document = Read(DocxFixture.Build(
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
    public void Vertically_merged_first_level_name_is_one_cell_and_points_at_its_table()
    {
        var grid = Read(DocxFixture.Build(new TextBlock("前言"), SeedTables.Seed002LinkLeaseProject)).Blocks.OfType<CellGrid>().Single();

        var output = Assert.Single(grid.Cells, c => c.Text == "产出指标(50分)");
        Assert.Equal((11, 1, 4, 1), (output.Row, output.Column, output.RowSpan, output.ColumnSpan));
        Assert.Equal("第1个表格 第12行第2列", output.Source!.ToString());
    }
}

public sealed class A_docx_that_cannot_be_read
{
    public static TheoryData<string, string> Cases => new()
    {
        { "empty", "文件为空" },
        { "random", "文件已损坏或不是 Word 文档" },
        { "truncated", "文件已损坏或不是 Word 文档" },
        { "encrypted", "文件已加密或为旧版 Office 格式" },
        { "many-entries", "压缩包条目过多" },
        { "huge-entry", "压缩包解压后过大" },
        { "xlsx", "文件已损坏或不是 Word 文档" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_with_one_clear_Chinese_line(string kind, string message)
    {
        var bytes = kind switch
        {
            "empty" => BadFiles.Empty,
            "random" => BadFiles.RandomBytes(),
            "truncated" => BadFiles.Truncated(DocxFixture.Build(SeedTables.Seed003CloudProject)),
            "encrypted" => BadFiles.OleCompoundFile(),
            "many-entries" => BadFiles.ZipWithTooManyEntries(),
            "huge-entry" => BadFiles.ZipWithHugeEntry(),
            "xlsx" => XlsxFixture.Build(SeedTables.Seed003CloudProject),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<DocumentReadException>(() => DocxReader.Read(new MemoryStream(bytes), "坏文件.docx"));

        Assert.Contains(message, error.Message);
        Assert.Equal(kind switch { "many-entries" => ReadLimit.ZipEntries, "huge-entry" => ReadLimit.DecompressedBytes, _ => (ReadLimit?)null }, error.Limit);
        Assert.DoesNotContain('\n', error.Message);
    }
}

public sealed class Reading_unusual_docx_tables
{
    private static ReadDocument Read(params DocumentFormat.OpenXml.OpenXmlElement[] bodyContent)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(bodyContent));
        }

        return DocxReader.Read(new MemoryStream(stream.ToArray()), "手工.docx");
    }

    private static W.TableCell Tc(string text, W.TableCellProperties? properties = null)
    {
        var cell = new W.TableCell();
        if (properties is not null) cell.Append(properties);
        cell.Append(new W.Paragraph(new W.Run(new W.Text(text))));
        return cell;
    }

    [Fact]
    public void A_table_nested_in_a_cell_is_that_cell_s_text_one_line_per_cell()
    {
        var nested = new W.Table(new W.TableRow(Tc("链路租赁"), Tc("（运维）")));
        var outer = new W.TableCell(new W.Paragraph(new W.Run(new W.Text("项目"))), nested, new W.Paragraph());

        var grid = Read(new W.Table(new W.TableRow(Tc("项目名称"), outer))).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["0,0 1×1 项目名称", "0,1 1×1 项目\n链路租赁\n（运维）"], GridComparison.Layout(grid));
    }

    [Fact]
    public void Cells_skipped_by_gridBefore_and_continued_by_hMerge_keep_their_columns()
    {
        var shifted = new W.TableRow(new W.TableRowProperties(new W.GridBefore { Val = 1 }), Tc("实际完成情况"), Tc("100%"));
        var merged = new W.TableRow(
            Tc("总分", new W.TableCellProperties(new W.HorizontalMerge { Val = W.MergedCellValues.Restart })),
            Tc("", new W.TableCellProperties(new W.HorizontalMerge { Val = W.MergedCellValues.Continue })),
            Tc("96"));

        var grid = Read(new W.Table(shifted, merged)).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["0,1 1×1 实际完成情况", "0,2 1×1 100%", "1,0 1×2 总分", "1,2 1×1 96"], GridComparison.Layout(grid));
    }

    [Fact]
    public void Rows_and_cells_inside_content_controls_are_read_in_place()
    {
        var wrappedRow = new W.SdtRow(new W.SdtContentRow(new W.TableRow(Tc("全年执行数"), new W.SdtCell(new W.SdtContentCell(Tc("403"))))));

        var grid = Read(new W.Table(new W.TableRow(Tc("指标"), Tc("数值")), wrappedRow)).Blocks.OfType<CellGrid>().Single();

        Assert.Equal(["0,0 1×1 指标", "0,1 1×1 数值", "1,0 1×1 全年执行数", "1,1 1×1 403"], GridComparison.Layout(grid));
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_a_paragraph_are_kept()
    {
        var paragraph = new W.Paragraph(new W.Run(new W.Text("项目名称"), new W.TabChar(), new W.Text("链路租赁"), new W.Break(), new W.Text("第二行")));

        var text = Read(paragraph).Blocks.OfType<TextBlock>().Single();

        Assert.Equal("项目名称\t链路租赁\n第二行", text.Text);
    }
}

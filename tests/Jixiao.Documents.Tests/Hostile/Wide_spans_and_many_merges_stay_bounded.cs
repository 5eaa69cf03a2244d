using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Fuzz;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// Spans and merges that are legal but huge are read, and the rows the recogniser lays out are as wide as the columns
/// where cells start, not as wide as the spans reach: rows × widest span used to take gigabytes.
/// </summary>
public sealed class Wide_spans_and_many_merges_stay_bounded
{
    [Fact]
    public void Rows_merged_across_every_column_lay_out_one_column_wide()
    {
        var document = DocumentReader.Read(new MemoryStream(HostileFiles.XlsxWideMerges(rows: 2_000)), "宽合并.xlsx");

        var grid = Assert.IsType<CellGrid>(Assert.Single(document.Blocks));
        Assert.Equal(2_000, grid.Cells.Count);
        Assert.All(grid.Cells, c => Assert.Equal(16_384, c.ColumnSpan));
        Assert.All(SourceRow.From(document), row => Assert.Equal(1, row.Width));
    }

    [Fact]
    public void A_table_of_colspan_1000_rows_lays_out_one_column_wide()
    {
        var document = DocumentReader.Read(new MemoryStream(HostileFiles.HtmlColspanRows(rows: 1_000)), "宽.html");

        var rows = SourceRow.From(document);
        Assert.Equal(1_000, rows.Count);
        Assert.All(rows, row => Assert.Equal(1, row.Width));
    }

    [Fact]
    public void A_hundred_thousand_merges_keep_each_anchor_and_drop_what_it_covers()
    {
        var document = DocumentReader.Read(new MemoryStream(HostileFiles.XlsxManyMerges(merges: 100_000)), "合并.xlsx");

        var grid = Assert.IsType<CellGrid>(Assert.Single(document.Blocks));
        Assert.Equal(100_000, grid.Cells.Count);
        Assert.All(grid.Cells, c => Assert.Equal((0, 2), (c.Column, c.ColumnSpan)));
    }

    [Fact]
    public void More_merges_than_the_limit_are_refused()
    {
        var limits = ReadLimits.Default with { MaxMerges = 1_000 };

        var error = Assert.Throws<DocumentReadException>(() =>
            DocumentReader.Read(new MemoryStream(HostileFiles.XlsxManyMerges(merges: 1_001)), "合并.xlsx", limits));

        Assert.Equal(ReadLimit.Merges, error.Limit);
    }

    [Fact]
    public void A_sparse_sheet_too_large_to_lay_out_is_refused()
    {
        // One cell in the last column and ten thousand rows: 10,000 × 16,384 positions once laid out.
        var data = new System.Text.StringBuilder("<sheetData><row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>远</t></is></c></row>");
        for (var r = 2; r <= 10_000; r++) data.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>");
        data.Append("</sheetData>");

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(HostileFiles.Xlsx(data.ToString())), "稀疏.xlsx"));

        Assert.Equal(ReadLimit.Cells, error.Limit);
    }
}

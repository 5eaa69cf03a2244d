using System.Text;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Reading;

public class DocumentReaderTests
{
    private static ReadDocument ReadBytes(byte[] bytes, string name) => DocumentReader.Read(new MemoryStream(bytes), name);

    [Fact]
    public void An_html_table_saved_as_xls_is_read_as_html()
    {
        var html = "<html><body><table><tr><td>项目名称</td><td>数据运营服务</td></tr></table></body></html>";
        var document = ReadBytes(Encoding.UTF8.GetBytes(html), "published.xls");
        var grid = Assert.Single(document.Blocks.OfType<CellGrid>());
        Assert.Contains(grid.Cells, c => c.Text == "数据运营服务");
    }

    [Fact]
    public void A_renamed_workbook_is_read_as_a_workbook()
    {
        var bytes = DocumentFixtures.Build(".xlsx", SeedTables.Seed003CloudProject);
        var document = ReadBytes(bytes, "renamed.txt");
        Assert.Contains(document.Blocks.OfType<CellGrid>().SelectMany(g => g.Cells), c => c.Text.Contains("上海市政务云基础设施服务费", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_text_goes_to_the_text_reader()
    {
        var document = ReadBytes(Encoding.UTF8.GetBytes("项目名称\t数据运营服务\n主管部门\t上海市大数据中心\n"), "form.txt");
        Assert.NotEmpty(document.Blocks);
    }

    [Theory]
    [InlineData(new byte[0], "文件为空")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 }, "文件已加密或为旧版 Office 格式")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0x00 }, "无法识别的文件格式")]
    public void Unreadable_bytes_give_one_chinese_line(byte[] bytes, string message)
    {
        var e = Assert.Throws<DocumentReadException>(() => ReadBytes(bytes, "bad.xlsx"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal("bad.xlsx", e.Path);
    }

    [Fact]
    public void A_missing_file_says_so()
    {
        var e = Assert.Throws<DocumentReadException>(() => DocumentReader.ReadFile("/nonexistent/表.xlsx"));
        Assert.Equal("文件不存在", e.Message);
    }
}

using System.Text;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Tests.Fixtures;

public sealed class Sniffing_what_a_file_really_is
{
    public static TheoryData<string, SniffedFormat> Cases => new()
    {
        { "xlsx", SniffedFormat.Xlsx },
        { "docx", SniffedFormat.Docx },
        { "html", SniffedFormat.Html },
        { "html-as-xls", SniffedFormat.Html },
        { "ole", SniffedFormat.OleCompound },
        { "zip", SniffedFormat.OtherZip },
        { "text", SniffedFormat.Text },
        { "empty", SniffedFormat.Empty },
        { "random", SniffedFormat.Unknown },
        { "pdf", SniffedFormat.Pdf },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Goes_by_the_bytes_not_the_extension(string kind, SniffedFormat expected)
    {
        var bytes = kind switch
        {
            "xlsx" => XlsxFixture.Build(SeedTables.Seed002LinkLeaseProject),
            "docx" => DocxFixture.Build(SeedTables.Seed002LinkLeaseProject),
            "html" => HtmlFixture.Build(SeedTables.Seed002LinkLeaseProject),
            "html-as-xls" => Encoding.UTF8.GetBytes("<table border=1><tr><td>项目名称</td><td>链路租赁</td></tr></table>"),
            "ole" => BadFiles.OleCompoundFile(),
            "zip" => BadFiles.PlainZip(),
            "text" => File.ReadAllBytes(Jixiao.Tests.RepoPaths.Seed("000")),
            "empty" => BadFiles.Empty,
            "random" => BadFiles.RandomBytes(),
            "pdf" => BadPdfs.Encrypted(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var stream = new MemoryStream(bytes);
        stream.Position = 0;

        Assert.Equal(expected, ContentSniffer.Sniff(stream));
        Assert.Equal(0, stream.Position);
    }
}

using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

public sealed class An_xlsx_that_cannot_be_read
{
    public static TheoryData<string, string> Cases => new()
    {
        { "empty", "文件为空" },
        { "random", "文件已损坏或不是 Excel 工作簿" },
        { "truncated", "文件已损坏或不是 Excel 工作簿" },
        { "encrypted", "文件已加密或为旧版 Office 格式" },
        { "many-entries", "压缩包条目过多" },
        { "huge-entry", "压缩包解压后过大" },
        { "plain-zip", "文件已损坏或不是 Excel 工作簿" },
        { "docx", "文件已损坏或不是 Excel 工作簿" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_with_one_clear_Chinese_line(string kind, string message)
    {
        var bytes = kind switch
        {
            "empty" => BadFiles.Empty,
            "random" => BadFiles.RandomBytes(),
            "truncated" => BadFiles.Truncated(XlsxFixture.Build(SeedTables.Seed003CloudProject)),
            "encrypted" => BadFiles.OleCompoundFile(),
            "many-entries" => BadFiles.ZipWithTooManyEntries(),
            "huge-entry" => BadFiles.ZipWithHugeEntry(),
            "plain-zip" => BadFiles.PlainZip(),
            "docx" => DocxFixture.Build(SeedTables.Seed003CloudProject),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<DocumentReadException>(() => XlsxReader.Read(new MemoryStream(bytes), "坏文件.xlsx"));

        Assert.Contains(message, error.Message);
        Assert.Equal(kind switch { "many-entries" => ReadLimit.ZipEntries, "huge-entry" => ReadLimit.DecompressedBytes, _ => (ReadLimit?)null }, error.Limit);
        Assert.Equal("坏文件.xlsx", error.Path);
        Assert.DoesNotContain('\n', error.Message);
    }
}

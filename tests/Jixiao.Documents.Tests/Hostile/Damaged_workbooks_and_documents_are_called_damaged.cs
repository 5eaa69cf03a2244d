using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Fuzz;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// A cut-off download or a package that lost its main part is a damaged Excel or Word file, and the user is told so,
/// not that the format is unknown.
/// </summary>
public sealed class Damaged_workbooks_and_documents_are_called_damaged
{
    public static TheoryData<string> Cases => new() { "truncated-xlsx", "truncated-docx", "xlsx-without-workbook", "docx-without-document", "package-without-parts" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_as_damaged(string kind)
    {
        var bytes = kind switch
        {
            "truncated-xlsx" => BadFiles.Truncated(XlsxFixture.Build(SeedTables.Seed003CloudProject)),
            "truncated-docx" => BadFiles.Truncated(DocxFixture.Build(SeedTables.Seed003CloudProject)),
            "xlsx-without-workbook" => Without(HostileFiles.Xlsx("<sheetData/>"), "xl/workbook.xml"),
            "docx-without-document" => HostileFiles.Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/styles.xml", "<styles/>")),
            _ => HostileFiles.Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>")),
        };

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(bytes), "上传" + (kind.Contains("docx") ? ".docx" : ".xlsx")));

        Assert.StartsWith("文件已损坏", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Limit);
    }

    private static byte[] Without(byte[] zip, string entry)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            archive.GetEntry(entry)?.Delete();
        return stream.ToArray();
    }
}

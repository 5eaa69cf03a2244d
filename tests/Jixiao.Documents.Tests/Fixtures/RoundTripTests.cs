using System.Text;
using Jixiao.Documents.Docx;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Html;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Fixtures;

public sealed class Every_format_made_from_the_seed_tables
{
    public static TheoryData<string> Formats => [.. DocumentFixtures.Extensions];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reads_back_the_same_cell_texts_in_the_same_order(string extension)
    {
        var file = DocumentFixtures.Build(extension, new TextBlock("项目支出绩效自评表"), SeedTables.Seed002LinkLeaseProject);
        Func<Stream, string, ReadDocument> read = extension switch
        {
            ".xlsx" => XlsxReader.Read,
            ".docx" => DocxReader.Read,
            ".html" => HtmlReader.Read,
            ".pdf" => PdfReader.Read,
            _ => throw new ArgumentOutOfRangeException(nameof(extension)),
        };

        var document = read(new MemoryStream(file), "链路租赁" + extension);

        // PDF text is NFKC-normalised (full-width ：（） become ASCII); compare every format the same way.
        var texts = document.Blocks.OfType<CellGrid>().SelectMany(GridComparison.Texts).Select(t => t.Normalize(NormalizationForm.FormKC));
        Assert.Equal(GridComparison.Texts(SeedTables.Seed002LinkLeaseProject).Select(t => t.Normalize(NormalizationForm.FormKC)), texts);
    }
}

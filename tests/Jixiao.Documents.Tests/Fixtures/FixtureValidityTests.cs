using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Jixiao.Documents.Tests.Fixtures;

public sealed class The_office_fixtures
{
    [Fact]
    public void Are_valid_workbooks_by_the_OpenXml_schema()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(XlsxFixture.Build([.. SeedTables.All])), false);

        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public void Are_valid_word_documents_by_the_OpenXml_schema()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxFixture.Build([.. SeedTables.All])), false);

        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }
}

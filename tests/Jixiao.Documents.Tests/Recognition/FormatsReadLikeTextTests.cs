using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// The seed tables built as real .xlsx, .docx, .html and .pdf files (from their unflattened layout, merged cells and
/// all) read back to the same indicator rows, funds and totals as the published text versions.
/// </summary>
public sealed class FormatsReadLikeTextTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "xlsx", "003" }, { "docx", "003" }, { "html", "003" }, { "pdf", "003" },
        { "xlsx", "002" }, { "docx", "002" }, { "html", "002" }, { "pdf", "002" },
    };

    private static (CellGrid Grid, PerformanceForm Text) Seed(string seed) => seed switch
    {
        // The first publication of the 政务云 project in seed 003, the 链路租赁 project table of seed 002.
        "003" => (SeedTables.Seed003CloudProject, Recognize.Seed("003")[2]),
        _ => (SeedTables.Seed002LinkLeaseProject, Recognize.Seed("002").Single(f => f.Kind == FormKind.ProjectSelfEvaluation)),
    };

    private static byte[] Build(string format, CellGrid grid) => format switch
    {
        "xlsx" => XlsxFixture.Build(grid),
        "docx" => DocxFixture.Build(grid),
        "html" => HtmlFixture.Build(grid),
        _ => PdfFixture.Build(grid),
    };

    /// <summary>PDF text is NFKC-normalised by its reader (，→ ,), so values are compared in that form.</summary>
    private static string? Same(string? text) => text?.Normalize(NormalizationForm.FormKC);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_seed_table_in_another_format_reads_to_the_rows_of_its_text_version(string format, string seed)
    {
        Assert.SkipWhen(format == "pdf" && !PdfFixture.Available, "chromium is not installed");
        var (grid, text) = Seed(seed);

        var document = DocumentReader.Read(new MemoryStream(Build(format, grid)), "seed." + format);
        var form = Assert.Single(FormRecognizer.Recognize(document));

        Assert.Equal((FormKind.ProjectSelfEvaluation, text.Year, text.Department, text.Unit, text.MoneyUnit, false),
            (form.Kind, form.Year, form.Department, form.Unit, form.MoneyUnit, form.Incomplete));
        Assert.Equal(text.Funds[0].Role, form.Funds[0].Role);
        Assert.Equal((text.Funds[0].InitialBudget, text.Funds[0].Budget, text.Funds[0].Executed, text.Funds[0].Weight, text.Funds[0].StatedRate, text.Funds[0].StatedScore),
            (form.Funds[0].InitialBudget, form.Funds[0].Budget, form.Funds[0].Executed, form.Funds[0].Weight, form.Funds[0].StatedRate, form.Funds[0].StatedScore));
        Assert.Equal(
            text.Indicators.Select(r => (r.Level1, r.Level2, r.Level2Weight, Same(r.Name), Same(r.Target), Same(r.Actual), r.Weight, r.StatedScore)),
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Level2Weight, Same(r.Name), Same(r.Target), Same(r.Actual), r.Weight, r.StatedScore)));
        Assert.Equal((text.StatedWeightTotal, text.StatedTotal), (form.StatedWeightTotal, form.StatedTotal));
    }
}

using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Docx;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Html;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Writers.Html;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>
/// Every exported file, read back by the readers and the recogniser, gives the form that was written (issue 7: the
/// figures in exported documents are right by construction, and the exports are fixtures for the readers).
/// </summary>
public sealed class Written_forms_read_back_as_the_same_form(PdfRendererFixture pdf) : IClassFixture<PdfRendererFixture>
{
    public static TheoryData<string, string> KindsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "xlsx", "docx", "html" })
            for (var i = 0; i < SampleForms.All().Count; i++)
                data.Add(format, i + ":" + SampleForms.All()[i].Kind.Code());
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void An_exported_form_reads_back_with_every_field(string format, string sample)
    {
        var form = Sample(sample);
        var document = format switch
        {
            "xlsx" => XlsxReader.Read(new MemoryStream(WrittenFiles.Xlsx(form)), "form.xlsx"),
            "docx" => DocxReader.Read(new MemoryStream(WrittenFiles.Docx(form)), "form.docx"),
            _ => HtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(FormHtml.Render(form))), "form.html"),
        };

        var read = Assert.Single(FormRecognizer.Recognize(document));

        Assert.Empty(KnownRecogniserGaps(form, FormDifferences.Between(form, read)));
    }

    public static TheoryData<string> PdfExact() => new(["2:department-basic-data", "5:project-self-evaluation", "6:department-self-evaluation"]);

    [Theory]
    [MemberData(nameof(PdfExact))]
    public async Task An_exported_pdf_reads_back_with_every_field(string sample)
    {
        var form = Sample(sample);
        var read = Assert.Single(FormRecognizer.Recognize(await ReadPdf(form)));

        Assert.Empty(KnownRecogniserGaps(form, FormDifferences.Between(form, read)));
    }

    public static TheoryData<string> EverySample() => new(SampleForms.All().Select((f, i) => i + ":" + f.Kind.Code()));

    /// <summary>
    /// The PDF reader rebuilds tables from ruling lines and positions, and some wrapped cells of the printed layout still
    /// come back shifted (seen 2026-11: the 二级 column of the 万元 project table, the funds block of the department-wide
    /// and monitoring tables). Until it reads them, every kind must at least come back as the same form with its
    /// indicator rows.
    /// </summary>
    [Theory]
    [MemberData(nameof(EverySample))]
    public async Task Every_exported_pdf_reads_back_as_the_same_kind_of_form_with_its_rows(string sample)
    {
        var form = Sample(sample);
        var read = Assert.Single(FormRecognizer.Recognize(await ReadPdf(form)));

        Assert.Equal(form.Kind, read.Kind);
        Assert.Equal(form.Year, read.Year);
        Assert.Equal(form.Indicators.Count, read.Indicators.Count);
        Assert.Equal(form.BasicData.Count, read.BasicData.Count);
        if (form.Project is not null) Assert.Equal(Normal(form.Project), Normal(read.Project));
    }

    private async Task<ReadDocument> ReadPdf(PerformanceForm form)
    {
        Assert.SkipUnless(pdf.Renderer is not null, "needs /usr/bin/chromium and poppler-utils");
        var bytes = await pdf.Renderer!.RenderAsync(form, TestContext.Current.CancellationToken);
        return PdfReader.Read(new MemoryStream(bytes), "form.pdf");
    }

    /// <summary>
    /// Differences that are the recogniser's, not the writers': it does not read a 自评等级 row of a table yet, and it
    /// takes the lone number of a targets table's total row as 总分 where the targets table states the 分值 total.
    /// Everything else must match.
    /// </summary>
    private static List<string> KnownRecogniserGaps(PerformanceForm form, List<string> differences) =>
        differences.Where(d => !d.StartsWith("stated grade:", StringComparison.Ordinal)
            && !(form.Kind == FormKind.Targets && (d.StartsWith("stated weight total:", StringComparison.Ordinal) || d.StartsWith("stated total:", StringComparison.Ordinal))))
            .ToList();

    private static PerformanceForm Sample(string key) =>
        SampleForms.All()[int.Parse(key.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)];

    private static string Normal(string? text) =>
        string.Concat((text ?? "").Normalize(NormalizationForm.FormKC).Where(ch => !char.IsWhiteSpace(ch)));
}

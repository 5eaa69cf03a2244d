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

        Assert.Empty(FormDifferences.Between(form, read));
    }

    public static TheoryData<string> EverySample() => new(SampleForms.All().Select((f, i) => i + ":" + f.Kind.Code()));

    [Theory]
    [MemberData(nameof(EverySample))]
    public async Task An_exported_pdf_reads_back_with_every_field(string sample)
    {
        var form = Sample(sample);
        var read = Assert.Single(FormRecognizer.Recognize(await ReadPdf(form)));

        Assert.Empty(FormDifferences.Between(form, read));
    }

    private async Task<ReadDocument> ReadPdf(PerformanceForm form)
    {
        Assert.SkipUnless(pdf.Renderer is not null, "needs /usr/bin/chromium and poppler-utils");
        var bytes = await pdf.Renderer!.RenderAsync(form, TestContext.Current.CancellationToken);
        return PdfReader.Read(new MemoryStream(bytes), "form.pdf");
    }

    private static PerformanceForm Sample(string key) =>
        SampleForms.All()[int.Parse(key.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)];
}

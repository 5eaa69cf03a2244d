using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Writers.Docx;
using Jixiao.Documents.Writers.Html;
using Jixiao.Documents.Writers.Pdf;
using Jixiao.Documents.Writers.Xlsx;
using Jixiao.Tests;

namespace Jixiao.Fuzz;

/// <summary>
/// The valid files mutations start from: the real seeds as text, their forms written by the product's own writers as
/// xlsx, docx and html (and as PDF through the print view when chromium is installed), and small generated files.
/// </summary>
public static class Inputs
{
    public static readonly string[] Formats = ["txt", "xlsx", "docx", "html", "pdf"];

    public static async Task<Dictionary<string, List<byte[]>>> BuildAsync(bool renderPdf, int pdfForms = 3)
    {
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        var forms = new List<PerformanceForm>();
        var inputs = Formats.ToDictionary(f => f, _ => new List<byte[]>());
        foreach (var seed in seeds)
        {
            var bytes = File.ReadAllBytes(seed);
            inputs["txt"].Add(bytes);
            forms.AddRange(FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(bytes), seed)));
        }

        inputs["txt"].Add(Encoding.UTF8.GetBytes("项目名称\t数据运营服务\n主管部门\t上海市大数据中心\n\n\n年度资金总额\t100\t90\t90\t10\t100%\t10\n"));
        foreach (var form in forms)
        {
            inputs["xlsx"].Add(Write(s => FormXlsx.Write(form, s)));
            inputs["docx"].Add(Write(s => FormDocx.Write(form, s)));
            inputs["html"].Add(Encoding.UTF8.GetBytes(FormHtml.Render(form)));
        }

        inputs["xlsx"].Add(Write(s => FormXlsx.Write(forms, s)));
        inputs["docx"].Add(Write(s => FormDocx.Write(forms, s)));
        inputs["pdf"].Add(SimplePdf());
        if (renderPdf && PdfRenderer.IsAvailable())
        {
            await using var renderer = await PdfRenderer.StartAsync();
            foreach (var form in forms.Take(pdfForms)) inputs["pdf"].Add(await renderer.RenderAsync(form));
        }

        return inputs;
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    /// <summary>A one-page PDF with a ruled three-by-three table of Latin text, for machines without chromium.</summary>
    public static byte[] SimplePdf()
    {
        var content = new StringBuilder("0.5 w\n");
        for (var i = 0; i <= 3; i++)
        {
            content.Append(CultureInfo.InvariantCulture, $"100 {700 - i * 20} m 400 {700 - i * 20} l S\n");
            content.Append(CultureInfo.InvariantCulture, $"{100 + i * 100} 700 m {100 + i * 100} 640 l S\n");
        }

        string[] texts = ["Project", "Budget", "Executed", "Link lease", "100", "90", "Total", "100", "90"];
        for (var i = 0; i < texts.Length; i++)
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 10 Tf {105 + i % 3 * 100} {686 - i / 3 * 20} Td ({texts[i]}) Tj ET\n");
        return HostileFiles.Pdf(HostileFiles.Deflate(Encoding.ASCII.GetBytes(content.ToString())), flate: true);
    }
}

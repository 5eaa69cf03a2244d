using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Docx;
using Jixiao.Documents.Writers.Html;
using Jixiao.Documents.Writers.Layout;
using Jixiao.Documents.Writers.OpenData;
using Jixiao.Documents.Writers.Pdf;
using Jixiao.Documents.Writers.Xlsx;

namespace Jixiao.Documents.Writers.Bundle;

/// <summary>The file formats a single form can be exported to.</summary>
public enum FormFileFormat
{
    Xlsx,
    Docx,
    Html,
    Pdf,
}

/// <summary>
/// Exports forms one file each, alone or as a zip of a department's year: one file per form plus index.csv (UTF-8 with
/// BOM) and index.html listing them.
/// </summary>
public static class FormBundle
{
    public static string Extension(this FormFileFormat format) => format switch
    {
        FormFileFormat.Xlsx => ".xlsx",
        FormFileFormat.Docx => ".docx",
        FormFileFormat.Html => ".html",
        FormFileFormat.Pdf => ".pdf",
    };

    public static FormFileFormat? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => FormFileFormat.Xlsx,
        "docx" => FormFileFormat.Docx,
        "html" => FormFileFormat.Html,
        "pdf" => FormFileFormat.Pdf,
        _ => null,
    };

    /// <summary>"01-项目支出绩效自评表-链路租赁经费.xlsx": numbered so names stay unique and in order.</summary>
    public static string FileName(PerformanceForm form, int number, FormFileFormat format)
    {
        var subject = form.Project ?? form.Unit ?? "";
        var name = number.ToString("00", CultureInfo.InvariantCulture) + "-" + form.Kind.ChineseName() + (subject.Length > 0 ? "-" + subject : "");
        var safe = new StringBuilder(name.Length);
        foreach (var ch in name) safe.Append(char.IsControl(ch) || "/\\:*?\"<>|".Contains(ch, StringComparison.Ordinal) ? '_' : ch);
        var text = safe.ToString().Trim();
        if (text.Length > 80) text = text[..80];
        return text + format.Extension();
    }

    /// <summary>Writes one form. <paramref name="pdf"/> is needed for <see cref="FormFileFormat.Pdf"/> only.</summary>
    public static async Task WriteAsync(PerformanceForm form, FormFileFormat format, Stream output, PdfRenderer? pdf = null, CancellationToken cancellationToken = default)
    {
        switch (format)
        {
            case FormFileFormat.Xlsx:
                FormXlsx.Write(form, output);
                break;
            case FormFileFormat.Docx:
                FormDocx.Write(form, output);
                break;
            case FormFileFormat.Html:
                var html = Encoding.UTF8.GetBytes(FormHtml.Render(form));
                await output.WriteAsync(html, cancellationToken).ConfigureAwait(false);
                break;
            case FormFileFormat.Pdf:
                if (pdf is null) throw new ArgumentNullException(nameof(pdf), "PDF export needs a PdfRenderer");
                var bytes = await pdf.RenderAsync(form, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Writes every form into a zip with index.csv and index.html; returns the file names, in order.</summary>
    public static async Task<IReadOnlyList<string>> WriteZipAsync(IReadOnlyList<PerformanceForm> forms, FormFileFormat format, Stream output, PdfRenderer? pdf = null, CancellationToken cancellationToken = default)
    {
        var names = new List<string>(forms.Count);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < forms.Count; i++)
            {
                var name = FileName(forms[i], i + 1, format);
                names.Add(name);
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await WriteAsync(forms[i], format, stream, pdf, cancellationToken).ConfigureAwait(false);
            }
            await using (var index = await zip.CreateEntry("index.csv").OpenAsync(cancellationToken).ConfigureAwait(false))
                WriteIndexCsv(forms, names, index);
            await using (var index = await zip.CreateEntry("index.html").OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                var html = Encoding.UTF8.GetBytes(IndexHtml(forms, names));
                await index.WriteAsync(html, cancellationToken).ConfigureAwait(false);
            }
        }
        return names;
    }

    public static readonly string[] IndexColumns = ["序号", "文件", "表名", "年度", "单位", "项目", "总分", "form_id"];

    private static void WriteIndexCsv(IReadOnlyList<PerformanceForm> forms, IReadOnlyList<string> names, Stream output)
    {
        using var csv = SpreadsheetText.Csv(output);
        csv.WriteRecord(IndexColumns);
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            OpenDataCsv.Row(csv,
            [
                i + 1, names[i], FormLayouts.Title(form), form.Year,
                form.Unit, form.Project, form.StatedTotal is { } t ? Printing.Score(t) : null, StableIds.Form(form),
            ]);
        }
    }

    private static string IndexHtml(IReadOnlyList<PerformanceForm> forms, IReadOnlyList<string> names)
    {
        var units = forms.Select(f => f.Unit).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().ToList();
        var years = forms.Select(f => f.Year).Where(y => y is not null).Distinct().ToList();
        var title = string.Join("、", units) + (years.Count == 1 ? years[0]!.Value.ToString(CultureInfo.InvariantCulture) + "年度" : "") + "绩效表目录";
        var body = new StringBuilder();
        body.Append("<section class=\"jx-form\">\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<table>\n<colgroup><col style=\"width:8%\"><col style=\"width:40%\"><col style=\"width:10%\"><col style=\"width:30%\"><col style=\"width:12%\"></colgroup>\n<tbody>\n");
        body.Append("<tr><th>序号</th><th>表名</th><th>年度</th><th>项目或单位</th><th>总分</th></tr>\n");
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            body.Append("<tr><td class=\"jx-center\">").Append((i + 1).ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"jx-text\"><a href=\"").Append(Uri.EscapeDataString(names[i])).Append("\">")
                .Append(WebUtility.HtmlEncode(FormLayouts.Title(form))).Append("</a></td><td class=\"jx-center\">")
                .Append(form.Year?.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"jx-text\">")
                .Append(WebUtility.HtmlEncode(form.Project ?? form.Unit ?? "")).Append("</td><td class=\"jx-number\">")
                .Append(form.StatedTotal is { } t ? Printing.Score(t) : "").Append("</td></tr>\n");
        }
        body.Append("</tbody>\n</table>\n</section>\n");
        return FormHtml.Page(title, body.ToString());
    }
}

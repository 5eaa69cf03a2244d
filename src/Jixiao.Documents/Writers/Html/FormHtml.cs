using System.Globalization;
using System.Net;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Layout;

namespace Jixiao.Documents.Writers.Html;

/// <summary>
/// The print view of a form: one self-contained HTML page (no scripts, no external files) with print CSS for A4.
/// The PDF writer renders exactly this page, and the web application shows it as its print view, so the screen, the
/// printout and the PDF cannot disagree.
/// </summary>
public static class FormHtml
{
    /// <summary>
    /// The style sheet of the print view. Every rule is scoped under <c>.jx-form</c> so the web application can embed
    /// <see cref="RenderFragment"/> in its own pages; wide tables print on landscape A4 through a named page.
    /// </summary>
    public const string Css = """
        @page { size: A4 portrait; margin: 14mm 12mm; }
        @page jx-wide { size: A4 landscape; margin: 12mm 10mm; }
        .jx-form { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
          font-size: 10.5pt; color: #000; line-height: 1.35; max-width: 190mm; margin: 0 auto 12mm; }
        .jx-form.jx-wide { page: jx-wide; max-width: 277mm; }
        .jx-form + .jx-form { break-before: page; }
        .jx-form h1 { font-size: 16pt; font-weight: bold; text-align: center; margin: 0 0 2mm; }
        .jx-form .jx-subtitle { text-align: center; margin: 0 0 3mm; }
        .jx-form .jx-preamble, .jx-form .jx-footer { margin: 2mm 0; }
        .jx-form table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        .jx-form td, .jx-form th { border: 0.6pt solid #000; padding: 0.8mm 1mm; vertical-align: middle; font-size: 9.5pt;
          word-break: break-all; overflow-wrap: anywhere; }
        .jx-form th { font-weight: bold; text-align: center; background: #f2f2f2; }
        .jx-form td.jx-label { text-align: center; }
        .jx-form td.jx-text { text-align: left; white-space: pre-wrap; }
        .jx-form td.jx-number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .jx-form td.jx-center { text-align: center; }
        .jx-form td.jx-number, .jx-form td.jx-center { font-size: 9pt; }
        .jx-form h2 { font-size: 12pt; font-weight: bold; margin: 4mm 0 2mm; }
        .jx-form .jx-paragraph { text-indent: 2em; margin: 0 0 2mm; }
        .jx-form mark { background: #fff176; }
        @media print { .jx-form th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;

    /// <summary>One form as a whole HTML page.</summary>
    public static string Render(PerformanceForm form) => Render([form], FormLayouts.Title(form));

    /// <summary>Several forms as one HTML page, each starting on a new printed page.</summary>
    public static string Render(IEnumerable<PerformanceForm> forms, string documentTitle) =>
        Page(documentTitle, string.Concat(forms.Select(RenderFragment)));

    /// <summary>A form's section without the page around it, for embedding under <see cref="Css"/>.</summary>
    public static string RenderFragment(PerformanceForm form) => RenderLayout(FormLayouts.Build(form));

    /// <summary>A page around already rendered sections (the report draft uses it too).</summary>
    public static string Page(string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n")
            .Append(body).Append("</body>\n</html>\n");
        return html.ToString();
    }

    internal static string RenderLayout(TableLayout layout)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"jx-form").Append(layout.Landscape ? " jx-wide" : "").Append("\">\n");
        html.Append("<h1>").Append(Encode(layout.Title)).Append("</h1>\n");
        if (layout.Subtitle is not null) html.Append("<p class=\"jx-subtitle\">").Append(Encode(layout.Subtitle)).Append("</p>\n");
        foreach (var line in layout.Preamble) html.Append("<p class=\"jx-preamble\">").Append(Encode(line)).Append("</p>\n");
        foreach (var paragraph in layout.Paragraphs) html.Append("<p class=\"jx-paragraph\">").Append(Encode(paragraph)).Append("</p>\n");

        if (layout.Cells.Count > 0)
        {
            html.Append("<table>\n<colgroup>");
            var total = layout.ColumnWidths.Sum();
            foreach (var width in layout.ColumnWidths)
                html.Append("<col style=\"width:").Append((width / total * 100).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\">");
            html.Append("</colgroup>\n<tbody>\n");
            var rows = layout.Cells.ToLookup(c => c.Row);
            for (var r = 0; r < layout.RowCount; r++)
            {
                var row = rows[r];
                html.Append("<tr>");
                foreach (var cell in row.OrderBy(c => c.Column))
                {
                    var tag = cell.Style == CellStyle.Header ? "th" : "td";
                    html.Append('<').Append(tag);
                    if (cell.RowSpan > 1) html.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    if (cell.ColumnSpan > 1) html.Append(" colspan=\"").Append(cell.ColumnSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    var css = cell.Style switch
                    {
                        CellStyle.Header => null,
                        CellStyle.Label => "jx-label",
                        CellStyle.Text => "jx-text",
                        CellStyle.Number => "jx-number",
                        CellStyle.Center => "jx-center",
                    };
                    if (css is not null) html.Append(" class=\"").Append(css).Append('"');
                    html.Append('>').Append(Encode(cell.Text)).Append("</").Append(tag).Append('>');
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }

        foreach (var line in layout.Footer) html.Append("<p class=\"jx-footer\">").Append(Encode(line)).Append("</p>\n");
        html.Append("</section>\n");
        return html.ToString();
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}

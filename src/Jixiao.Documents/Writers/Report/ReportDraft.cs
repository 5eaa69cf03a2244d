using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Docx;
using Jixiao.Documents.Writers.Html;

namespace Jixiao.Documents.Writers.Report;

/// <summary>One paragraph of the draft: figures filled from the data, and <see cref="Segment.Fill"/> parts left for people.</summary>
public sealed record ReportParagraph(IReadOnlyList<Segment> Segments)
{
    public string Text => string.Concat(Segments.Select(s => s.Text));
}

public sealed record ReportSection(string Heading, IReadOnlyList<ReportParagraph> Paragraphs);

/// <summary>
/// A 自评报告 draft for one unit and year (see <see cref="ReportDrafts.Build"/>): the usual outline with every figure
/// taken from the unit's forms, and the narrative parts marked 【请填写：…】 for people to write.
/// </summary>
public sealed class ReportDraft
{
    public required string Title { get; init; }

    public required string Unit { get; init; }

    public required int Year { get; init; }

    public required IReadOnlyList<ReportSection> Sections { get; init; }

    /// <summary>The parts people still have to write, in order.</summary>
    public IEnumerable<string> Gaps => Sections.SelectMany(s => s.Paragraphs).SelectMany(p => p.Segments).Where(s => s.Fill).Select(s => s.Text);

    /// <summary>The draft as plain text: the title, then each heading and its paragraphs, one per line.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Title).Append('\n');
        foreach (var section in Sections)
        {
            text.Append(section.Heading).Append('\n');
            foreach (var paragraph in section.Paragraphs) text.Append(paragraph.Text).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The draft as a Word document; the parts left for people are highlighted in yellow.</summary>
    public void WriteDocx(Stream output)
    {
        if (!output.CanSeek)
        {
            SeekableOutput.Buffered(output, WriteDocx);
            return;
        }
        using var builder = new DocxBuilder(output);
        builder.Title(Title);
        foreach (var section in Sections)
        {
            builder.Heading(section.Heading);
            foreach (var paragraph in section.Paragraphs) builder.Paragraph(paragraph.Segments);
        }
        builder.EndSection(landscape: false, last: true);
    }

    /// <summary>
    /// The draft as a self-contained HTML page in the print view's style (render it to PDF with
    /// <c>PdfRenderer.RenderHtmlAsync</c>); the parts left for people are <c>&lt;mark&gt;</c>ed.
    /// </summary>
    public string ToHtml()
    {
        var body = new StringBuilder();
        body.Append("<section class=\"jx-form\">\n<h1>").Append(FormHtml.Encode(Title)).Append("</h1>\n");
        foreach (var section in Sections)
        {
            body.Append("<h2>").Append(FormHtml.Encode(section.Heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                body.Append("<p class=\"jx-paragraph\">");
                foreach (var segment in paragraph.Segments)
                    body.Append(segment.Fill ? "<mark>" + FormHtml.Encode(segment.Text) + "</mark>" : FormHtml.Encode(segment.Text));
                body.Append("</p>\n");
            }
        }
        body.Append("</section>\n");
        return FormHtml.Page(Title, body.ToString());
    }

    /// <summary>The draft as a report form, so the checker's report rules can run on it like on any read report.</summary>
    public PerformanceForm ToForm() => new()
    {
        Kind = FormKind.Report,
        Year = Year,
        Title = Title,
        Unit = Unit,
        Text = ToText(),
    };
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Layout;

namespace Jixiao.Documents.Writers.Docx;

/// <summary>Writes forms as .docx in the official layout: title, table with merged cells, footer; one A4 section per form.</summary>
public static class FormDocx
{
    public static void Write(PerformanceForm form, Stream output) => Write([form], output);

    /// <summary>Several forms in one document, each in its own section (portrait or landscape as it needs).</summary>
    public static void Write(IReadOnlyList<PerformanceForm> forms, Stream output)
    {
        ArgumentOutOfRangeException.ThrowIfZero(forms.Count);
        if (!output.CanSeek)
        {
            SeekableOutput.Buffered(output, seekable => Write(forms, seekable));
            return;
        }

        using var builder = new DocxBuilder(output);
        for (var i = 0; i < forms.Count; i++)
        {
            var layout = FormLayouts.Build(forms[i]);
            builder.Title(layout.Title);
            if (layout.Subtitle is not null) builder.Centered(layout.Subtitle);
            foreach (var line in layout.Preamble) builder.Line(line);
            foreach (var paragraph in layout.Paragraphs) builder.Paragraph([new Segment(paragraph)]);
            builder.Table(layout);
            foreach (var line in layout.Footer) builder.Line(line);
            builder.EndSection(layout.Landscape, last: i == forms.Count - 1);
        }
    }
}

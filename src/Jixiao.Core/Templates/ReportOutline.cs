using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Core.Templates;

/// <summary>
/// A section a 自评报告 of a template is expected to have (template "sections"): its id, the heading printed for it, the
/// heading words that recognise it in a report written elsewhere, and whether a report without it is incomplete.
/// </summary>
public sealed record ReportSectionTemplate(string Id, string Title, IReadOnlyList<string> Words, bool Required, string? Hint);

/// <summary>One section of a report's text: its template section and its body (without the heading line).</summary>
public sealed record ReportPart(ReportSectionTemplate Section, string Body, bool HasHeading);

/// <summary>
/// A report's text cut into the sections of its template by its top-level headings (一、… 二、… or 第一部分…), and put
/// back together. The report is stored as one text, so a report read from a document, written before the sections
/// existed or edited section by section is the same thing; nothing of the text is dropped on the way: a heading the
/// template does not know stays in the body of the section before it, text before the first heading goes to the first
/// section, and a text without any known heading is the first section's whole body.
/// </summary>
public static partial class ReportOutline
{
    /// <summary>How a generated draft marks what people still have to write (【请填写：…】); the checker looks for it.</summary>
    public const string DraftGap = "【请填写：";

    // A top-level heading: a Chinese ordinal with 、 (or 第…部分), a short title, no sentence end.
    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}部分[、:：\s]?)\s*(?<title>[^。；;！？!?]{1,40}?)\s*[:：]?\s*$")]
    private static partial Regex Heading();

    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    /// <summary>The section a heading line names, or null when the line is no heading or names none of them.</summary>
    public static ReportSectionTemplate? SectionOf(string line, IReadOnlyList<ReportSectionTemplate> sections)
    {
        var match = Heading().Match(line);
        if (!match.Success) return null;
        var key = HeaderKey.Of(match.Groups["title"].Value);
        ReportSectionTemplate? best = null;
        var bestLength = 0;
        foreach (var section in sections)
            foreach (var word in section.Words.Append(HeaderKey.Of(section.Title)))
                if (word.Length > bestLength && key.Contains(word, StringComparison.Ordinal))
                {
                    best = section;
                    bestLength = word.Length;
                }
        return best;
    }

    /// <summary>One part per template section, in template order (empty body where the text has none).</summary>
    public static IReadOnlyList<ReportPart> Split(string? text, IReadOnlyList<ReportSectionTemplate> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var bodies = sections.Select(_ => new StringBuilder()).ToArray();
        var headed = new bool[sections.Count];
        if (sections.Count == 0) return [];
        var current = 0;
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        foreach (var line in lines)
        {
            if (SectionOf(line, sections) is { } s)
            {
                var index = IndexOf(sections, s);
                if (!headed[index])
                {
                    headed[index] = true;
                    current = index;
                    continue;
                }
            }
            var body = bodies[current];
            if (body.Length > 0) body.Append('\n');
            body.Append(line);
        }
        return sections.Select((s, i) => new ReportPart(s, Trim(bodies[i].ToString()), headed[i])).ToList();
    }

    /// <summary>The report's text: each non-empty body under its numbered heading, in template order.</summary>
    public static string? Compose(IReadOnlyList<ReportSectionTemplate> sections, IReadOnlyList<string?> bodies)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(bodies);
        var text = new StringBuilder();
        var n = 0;
        for (var i = 0; i < sections.Count && i < bodies.Count; i++)
        {
            var body = Trim(bodies[i]);
            if (body.Length == 0) continue;
            if (text.Length > 0) text.Append("\n\n");
            text.Append(Ordinal(n++)).Append('、').Append(sections[i].Title).Append('\n').Append(body);
        }
        return text.Length == 0 ? null : text.ToString();
    }

    private static string Ordinal(int n) => n < Ordinals.Length ? Ordinals[n] : (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int IndexOf(IReadOnlyList<ReportSectionTemplate> sections, ReportSectionTemplate s)
    {
        for (var i = 0; i < sections.Count; i++)
            if (ReferenceEquals(sections[i], s)) return i;
        return -1;
    }

    /// <summary>Blank lines around a body are layout, not content; every other line is kept as written (indents too).</summary>
    private static string Trim(string? body)
    {
        var lines = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && string.IsNullOrWhiteSpace(lines[first])) first++;
        while (last >= first && string.IsNullOrWhiteSpace(lines[last])) last--;
        return first > last ? "" : string.Join('\n', lines[first..(last + 1)]).TrimEnd();
    }
}

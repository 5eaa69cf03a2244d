namespace Jixiao.Documents.Html;

/// <summary>
/// A cheap look at how deep a page nests before it is parsed: the HTML parser slows down quadratically on pathological
/// nesting (100,000 nested &lt;div&gt;s take minutes), so such a page is refused up front. Elements whose end tag may
/// be left out (p, td, li …) and void elements (br, img …) are not counted: sloppy real pages leave thousands open.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt",
        "rp", "html", "head", "body", "basefont", "frame", "keygen",
    };

    public static bool TooDeep(string html, int maxDepth)
    {
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var nameEnd = start;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            if (nameEnd == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }

            var name = html.AsSpan(start, nameEnd - start);
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0) break;
            var selfClosing = html[tagEnd - 1] == '/';
            i = tagEnd + 1;

            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                // Their content is text, whatever it looks like.
                var close = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            if (selfClosing || NotCounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)) continue;
            if (closing) depth = Math.Max(0, depth - 1);
            else if (++depth > maxDepth) return true;
        }

        return false;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Fuzz;

/// <summary>
/// Makes one hostile variant of a valid file. Containers are kept mostly intact (a zip is rebuilt around its mutated
/// parts, a PDF keeps its header) so that most variants get past the first bytes and exercise the parsers and the
/// recogniser, not only the format check; a share are plain byte flips and truncations all the same.
/// </summary>
public static partial class Mutator
{
    /// <summary>Numbers a form could not hold, and a few that look like numbers.</summary>
    private static readonly string[] ExtremeNumbers =
    [
        "0", "-0", "-1", "79228162514264337593543950335", "-79228162514264337593543950336", "1e400", "9999999999999999999999999999.99",
        "0.0000000000000000000000000001", "NaN", "２０２０", "９６分", "1,2,3", "１００％", "-100%", "2147483648", "0万元", "  ", "",
    ];

    private const string MarkupChars = "<>&\"'/=\0\uFFFF\uD800 \t\n";

    private const string TextChars = "\t\n\r ：:%％万元分0９.-";

    public static (byte[] Bytes, string Kind) Mutate(string format, byte[] valid, Random random)
    {
        var roll = random.Next(100);
        // One case in eight is blind: flipped bytes anywhere, or the file cut short.
        if (roll < 6) return (FlipBytes(valid, random, 1 + random.Next(16)), "flip");
        if (roll < 12) return (valid[..random.Next(1, valid.Length)], "truncate");
        return format switch
        {
            "xlsx" or "docx" => MutateZip(format, valid, random),
            "pdf" => MutatePdf(valid, random),
            "html" => (Encoding.UTF8.GetBytes(MutateMarkup(Encoding.UTF8.GetString(valid), random, html: true, out var kind)), kind),
            _ => MutateText(valid, random),
        };
    }

    private static byte[] FlipBytes(byte[] valid, Random random, int count)
    {
        var bytes = (byte[])valid.Clone();
        for (var i = 0; i < count; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return bytes;
    }

    // ---- zip packages -----------------------------------------------------------------------------------------------

    private static (byte[], string) MutateZip(string format, byte[] valid, Random random)
    {
        var entries = ReadZip(valid);
        var main = format == "xlsx" ? "xl/worksheets/" : "word/document.xml";
        var parts = entries.Where(e => e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        var mains = parts.Where(e => e.Name.StartsWith(main, StringComparison.OrdinalIgnoreCase)).ToList();
        var target = mains.Count > 0 && random.Next(4) > 0 ? mains[random.Next(mains.Count)] : parts[random.Next(parts.Count)];
        string kind;
        // Six kinds in twenty change the package or break a part; the rest change well-formed content.
        switch (random.Next(20))
        {
            case 0:
                var removed = entries[random.Next(entries.Count)];
                entries.Remove(removed);
                kind = "zip-remove-entry";
                break;
            case 1:
                var copy = entries[random.Next(entries.Count)];
                entries.Add(copy with { Data = random.Next(2) == 0 ? copy.Data : FlipBytes(copy.Data, random, 4) });
                kind = "zip-duplicate-entry";
                break;
            case 2:
                Replace(entries, target, Nest(Text(target), random));
                kind = "xml-deep-nesting";
                break;
            case 3:
                Replace(entries, target, HugeSpans(Text(target), random));
                kind = "xml-huge-spans";
                break;
            case 4 when random.Next(4) == 0:
                // A part that inflates far past what the central directory of a real workbook declares.
                entries.Add(new ZipPart(format == "xlsx" ? "xl/media/bomb.bin" : "word/media/bomb.bin", new byte[1], random.Next(2) == 0 ? 300L << 20 : 64L << 20));
                kind = "zip-inflate-bomb";
                break;
            case 5:
                Replace(entries, target, FlipBytes(target.Data, random, 1 + random.Next(3)));
                kind = "xml-byte-flip";
                break;
            default:
                Replace(entries, target, Encoding.UTF8.GetBytes(MutateMarkup(Text(target), random, html: false, out kind)));
                break;
        }

        return (WriteZip(entries), kind);
    }

    private sealed record ZipPart(string Name, byte[] Data, long Zeros = 0);

    private static string Text(ZipPart part) => Encoding.UTF8.GetString(part.Data);

    private static void Replace(List<ZipPart> entries, ZipPart part, string text) => Replace(entries, part, Encoding.UTF8.GetBytes(text));

    private static void Replace(List<ZipPart> entries, ZipPart part, byte[] data) => entries[entries.IndexOf(part)] = part with { Data = data };

    private static List<ZipPart> ReadZip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var parts = new List<ZipPart>();
        foreach (var entry in zip.Entries)
        {
            using var data = new MemoryStream();
            using (var s = entry.Open()) s.CopyTo(data);
            parts.Add(new ZipPart(entry.FullName, data.ToArray()));
        }

        return parts;
    }

    private static readonly byte[] Zeros = new byte[1 << 20];

    private static byte[] WriteZip(List<ZipPart> parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in parts)
            {
                using var s = zip.CreateEntry(part.Name, CompressionLevel.Fastest).Open();
                s.Write(part.Data);
                for (long written = 0; written < part.Zeros; written += Zeros.Length) s.Write(Zeros);
            }

        return stream.ToArray();
    }

    // ---- markup (xml parts and html) --------------------------------------------------------------------------------

    private static string MutateMarkup(string text, Random random, bool html, out string kind)
    {
        switch (random.Next(html ? 9 : 7))
        {
            case 0:
                kind = "markup-numbers";
                return html ? ReplaceNumbers(text, random) : TextContent().Replace(text, m => ReplaceNumbers(m.Value, random));
            case 1:
                kind = "markup-delete-element";
                return DeleteElement(text, random);
            case 2:
                kind = "markup-duplicate-element";
                return DuplicateElement(text, random);
            case 3:
                kind = "markup-text";
                return ReplaceText(text, random);
            case 4:
                kind = "markup-attribute-values";
                // Not in the XML declaration: a changed version="1.0" only makes a file no parser accepts.
                var body = text.IndexOf("?>", StringComparison.Ordinal) + 1;
                return text[..body] + AttributeValue().Replace(text[body..], m => random.Next(8) == 0 ? $"=\"{ExtremeNumbers[random.Next(ExtremeNumbers.Length)]}\"" : m.Value);
            case 5 when html:
                kind = "html-deep-nesting";
                return Nest(text, random);
            case 6 when html:
                kind = "html-huge-spans";
                return HugeSpans(text, random);
            case 5 when !html:
                kind = "markup-numbers";
                return TextContent().Replace(text, m => ReplaceNumbers(m.Value, random));
            case 7 when html:
                kind = "html-charset";
                return text.Replace("utf-8", random.Next(2) == 0 ? "gb2312" : "utf-16", StringComparison.OrdinalIgnoreCase);
            default:
                kind = "markup-chars";
                var chars = text.ToCharArray();
                for (var i = 0; i < 1 + random.Next(8); i++) chars[random.Next(chars.Length)] = MarkupChars[random.Next(MarkupChars.Length)];
                return new string(chars);
        }
    }

    /// <summary>Nesting far deeper than any real file, around a random element's content.</summary>
    private static string Nest(string text, Random random)
    {
        var depth = random.Next(3) switch { 0 => 300, 1 => 5_000, _ => 100_000 };
        var name = random.Next(3) switch { 0 => "x", 1 => "w:sdt", _ => "div" };
        var at = PositionAfterTag(text, random);
        var open = string.Concat(Enumerable.Repeat($"<{name}>", depth));
        var close = string.Concat(Enumerable.Repeat($"</{name}>", depth));
        return text[..at] + open + close + text[at..];
    }

    private static string HugeSpans(string text, Random random)
    {
        string Huge() => random.Next(4) switch { 0 => "2147483647", 1 => "1000", 2 => "65535", _ => "-5" };
        var result = SpanAttribute().Replace(text, m => random.Next(3) == 0 ? m.Groups[1].Value + Huge() + m.Groups[3].Value : m.Value);
        result = RowNumber().Replace(result, m => random.Next(5) == 0 ? $"r=\"{Huge()}\"" : m.Value);
        result = MergeRef().Replace(result, m => random.Next(2) == 0 ? "ref=\"A1:XFD1048576\"" : m.Value);
        if (result == text)
        {
            // Nothing to enlarge: add spans where cells start.
            var at = PositionAfterTag(text, random);
            result = text[..at] + "<td colspan=1000 rowspan=65534>x</td>" + text[at..];
        }

        return result;
    }

    private static string ReplaceNumbers(string text, Random random) =>
        Number().Replace(text, m => random.Next(6) == 0 ? ExtremeNumbers[random.Next(ExtremeNumbers.Length)] : m.Value);

    private static string ReplaceText(string text, Random random) =>
        TextContent().Replace(text, m => random.Next(10) == 0
            ? ">" + (random.Next(3) switch { 0 => new string('字', random.Next(1, 5000)), 1 => ExtremeNumbers[random.Next(ExtremeNumbers.Length)], _ => "合计：0万元，其中1万元，占比98.93%" }) + "<"
            : m.Value);

    private static string DeleteElement(string text, Random random)
    {
        var matches = SimpleElement().Matches(text);
        if (matches.Count == 0) return text;
        var m = matches[random.Next(matches.Count)];
        return text.Remove(m.Index, m.Length);
    }

    private static string DuplicateElement(string text, Random random)
    {
        var matches = SimpleElement().Matches(text);
        if (matches.Count == 0) return text;
        var m = matches[random.Next(matches.Count)];
        var times = random.Next(2) == 0 ? 2 : 2_000;
        return text.Insert(m.Index, string.Concat(Enumerable.Repeat(m.Value, times - 1)));
    }

    private static int PositionAfterTag(string text, Random random)
    {
        var tags = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '>') tags++;
        var pick = random.Next(Math.Max(1, tags));
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '>' && pick-- == 0) return i + 1;
        return text.Length;
    }

    // ---- text -------------------------------------------------------------------------------------------------------

    private static (byte[], string) MutateText(byte[] valid, Random random)
    {
        var text = Encoding.UTF8.GetString(valid);
        switch (random.Next(9))
        {
            case 0: return (Encoding.UTF8.GetBytes(ReplaceNumbers(text, random)), "text-numbers");
            case 1: return ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], "text-utf16-bom");
            case 2: return (Encoding.Unicode.GetBytes(text), "text-utf16");
            case 3:
                System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return (Encoding.GetEncoding("GB18030").GetBytes(text), "text-gb18030");
            case 4:
            {
                var lines = text.Split('\n').ToList();
                var at = random.Next(lines.Count);
                var times = random.Next(2) == 0 ? 3 : 3_000;
                lines.InsertRange(at, Enumerable.Repeat(lines[at], times));
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "text-repeat-lines");
            }
            case 5:
            {
                var at = random.Next(text.Length);
                var tabs = new string('\t', random.Next(2) == 0 ? 100 : 100_000);
                return (Encoding.UTF8.GetBytes(text[..at] + tabs + text[at..]), "text-many-tabs");
            }
            case 6:
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                    if (random.Next(5) == 0) lines[i] = lines[random.Next(lines.Length)];
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "text-shuffle-lines");
            }
            case 7:
                return (Encoding.UTF8.GetBytes(MutateMarkup(text, random, html: false, out var kind)), kind);
            default:
            {
                var chars = text.ToCharArray();
                for (var i = 0; i < 1 + random.Next(20); i++) chars[random.Next(chars.Length)] = TextChars[random.Next(TextChars.Length)];
                return (Encoding.UTF8.GetBytes(chars), "text-chars");
            }
        }
    }

    // ---- pdf --------------------------------------------------------------------------------------------------------

    private static (byte[], string) MutatePdf(byte[] valid, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                // Bytes flipped in the body only: the header stays, so the parser gets to work.
                var bytes = (byte[])valid.Clone();
                for (var i = 0; i < 1 + random.Next(32); i++) bytes[16 + random.Next(bytes.Length - 16)] ^= (byte)(1 << random.Next(8));
                return (bytes, "pdf-body-flip");
            case 1:
                return (PdfWithExtraPage(valid, HostileFiles.Deflate(new byte[random.Next(2) == 0 ? 1 << 20 : 1 << 22])), "pdf-inflate");
            case 2:
                var rects = new StringBuilder();
                var count = random.Next(2) == 0 ? 2_000 : 30_000;
                for (var i = 0; i < count; i++) rects.Append(CultureInfo.InvariantCulture, $"{i % 200 * 2.5:0.#} {i / 200 * 3:0.#} 2 2.5 re S\n");
                return (PdfWithExtraPage(valid, HostileFiles.Deflate(Encoding.ASCII.GetBytes(rects.ToString()))), "pdf-many-rectangles");
            case 3:
                return (Encoding.Latin1.GetBytes(Number().Replace(Encoding.Latin1.GetString(valid), m => random.Next(40) == 0 ? ExtremeNumbers[random.Next(5)] : m.Value)), "pdf-numbers");
            case 4:
                var text = Encoding.Latin1.GetString(valid);
                var at = text.IndexOf("/Count ", StringComparison.Ordinal);
                return at < 0 ? (valid, "pdf-unchanged") : (Encoding.Latin1.GetBytes(text[..(at + 7)] + "2147483647" + text[(at + 7)..]), "pdf-page-count");
            default:
                var cut = (byte[])valid.Clone();
                // A run of garbage in the middle, the trailer and cross-reference table left alone.
                var from = random.Next(16, Math.Max(17, cut.Length / 2));
                for (var i = from; i < Math.Min(cut.Length, from + 1 + random.Next(256)); i++) cut[i] = (byte)random.Next(256);
                return (cut, "pdf-garbage-run");
        }
    }

    /// <summary>
    /// The valid PDF with a second one-page PDF appended whose page has <paramref name="content"/> as its flate stream:
    /// its objects and cross-reference table come last, as an incremental update's would (with offsets that do not fit,
    /// which lenient parsing must recover from).
    /// </summary>
    private static byte[] PdfWithExtraPage(byte[] valid, byte[] content) => [.. valid, .. HostileFiles.Pdf(content, flate: true)];

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();

    /// <summary>An attribute's value, not a namespace declaration's (a changed namespace only makes another format).</summary>
    [GeneratedRegex("(?<!xmlns(:\\w+)?)=\"[^\"]{0,40}\"")]
    private static partial Regex AttributeValue();

    [GeneratedRegex(@"((?:gridSpan w:val|colspan|rowspan|gridBefore w:val)=""?)(\d+)(""?)", RegexOptions.IgnoreCase)]
    private static partial Regex SpanAttribute();

    [GeneratedRegex(@"r=""\d+""")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"ref=""[A-Z]+\d+:[A-Z]+\d+""")]
    private static partial Regex MergeRef();

    [GeneratedRegex(@">[^<]+<")]
    private static partial Regex TextContent();

    [GeneratedRegex(@"<(\w+:)?(t|v|c|td|tr|p|r|tc|tr|row|mergeCell)\b[^>]*>[^<]{0,200}</\1?\2>")]
    private static partial Regex SimpleElement();
}

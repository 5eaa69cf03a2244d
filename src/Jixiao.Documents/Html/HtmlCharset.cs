using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Documents.Html;

/// <summary>
/// Decodes published web pages, which are often GB2312/GBK: a byte-order mark wins, then a declared charset (meta
/// charset, http-equiv or an XHTML declaration), then UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GB2312 and GBK).
/// </summary>
internal static partial class HtmlCharset
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gb18030 => Encoding.GetEncoding(54936);

    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8OrGb(bytes.AsSpan(3));
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);

        var declared = Declared(bytes);
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage) return Utf8OrGb(bytes);
        return declared.GetString(bytes);
    }

    /// <summary>The charset the page declares in its first 4 KB, or null when it declares none we know.</summary>
    private static Encoding? Declared(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = CharsetPattern().Match(head);
        if (!match.Success) return null;
        var name = match.Groups[1].Value.ToLowerInvariant();
        if (name is "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "cp936" or "gb18030") return Gb18030;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Utf8OrGb(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes);
        }
    }

    [GeneratedRegex(@"(?:<meta[^>]*?charset|<\?xml[^>]*?encoding)\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}

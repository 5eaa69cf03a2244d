using System.Globalization;
using System.Text;
using System.Xml;

namespace Jixiao.Documents.Xlsx;

/// <summary>
/// Numbers as the cell stores them, turned into text without ever going through <see cref="double"/>: money must come
/// out as the digits that were typed.
/// </summary>
internal static class XlsxNumbers
{
    /// <summary>Excel shows at most 15 significant digits; the stored text may carry 17 ("0.99790000000000001").</summary>
    private const int SignificantDigits = 15;

    private static readonly string[] FixedFormats = [.. Enumerable.Range(0, 29).Select(n => "F" + n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A style that shows the stored value as it is (General, dates, text, scientific).</summary>
    public const int General = -1;

    /// <summary>Styles at or above this show a percent with (style - PercentBase) decimals.</summary>
    private const int PercentBase = 1000;

    /// <summary>
    /// The stored value as an invariant decimal ("39090800", "42456311.08"). Under a fixed-decimals format it carries
    /// the format's decimals without grouping ("10.00" for 10 under #,##0.00); under a percent format it is printed
    /// ("99.79%" for 0.9979 under 0.00%). Rounding is half away from zero at the printed decimals.
    /// </summary>
    public static string Format(string stored, int style)
    {
        if (style is General or 0 && IsPlainInteger(stored)) return stored;
        if (!decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return stored.Trim();
        value = RoundToSignificant(value);
        if (style >= PercentBase)
        {
            var decimals = Math.Min(style - PercentBase, 28);
            return Math.Round(value * 100m, decimals, MidpointRounding.AwayFromZero).ToString(FixedFormats[decimals], CultureInfo.InvariantCulture) + "%";
        }

        if (style >= 0)
        {
            var decimals = Math.Min(style, 28);
            return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(FixedFormats[decimals], CultureInfo.InvariantCulture);
        }

        return value.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    private static bool IsPlainInteger(string s)
    {
        if (s.Length is 0 or > SignificantDigits || (s.Length > 1 && s[0] == '0')) return false;
        foreach (var ch in s)
            if (!char.IsAsciiDigit(ch)) return false;
        return true;
    }

    private static decimal RoundToSignificant(decimal value)
    {
        if (value == 0m) return 0m;
        var magnitude = Math.Abs(value);
        var exponent = 0;
        while (magnitude >= 10m) { magnitude /= 10m; exponent++; }
        while (magnitude < 1m) { magnitude *= 10m; exponent--; }
        var decimals = SignificantDigits - 1 - exponent;
        if (decimals < 0) return value;
        return Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// For each cell style (the s attribute, an index into cellXfs), how its numbers print: <see cref="General"/>, a
    /// count of fixed decimals, or PercentBase + the decimals of a percent.
    /// </summary>
    public static int[] ReadStyleFormats(Stream stylesPart)
    {
        var customFormats = new Dictionary<int, string>();
        var styleFormats = new List<int>();
        using (var reader = XmlReader.Create(stylesPart, XlsxReader.XmlSettings))
        {
            string? container = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                // Only the direct children of numFmts and cellXfs count: dxfs and cellStyleXfs hold look-alikes.
                if (reader.Depth == 1) container = reader.LocalName;
                else if (reader.Depth == 2 && container == "numFmts" && reader.LocalName == "numFmt")
                {
                    if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                        customFormats[id] = reader.GetAttribute("formatCode") ?? "";
                }
                else if (reader.Depth == 2 && container == "cellXfs" && reader.LocalName == "xf")
                    styleFormats.Add(int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0);
            }
        }

        var formats = new int[styleFormats.Count];
        for (var i = 0; i < formats.Length; i++)
        {
            var id = styleFormats[i];
            formats[i] = customFormats.TryGetValue(id, out var code) ? StyleOf(code) : id switch
            {
                1 or 3 or 37 or 38 => 0,
                2 or 4 or 39 or 40 => 2,
                9 => PercentBase,
                10 => PercentBase + 2,
                _ => General,
            };
        }

        return formats;
    }

    /// <summary>
    /// How a number format code prints, from its first (positive) section: "0.00%" → percent with 2 decimals,
    /// "#,##0.00" → 2 fixed decimals; dates, times, text and scientific formats → <see cref="General"/>.
    /// </summary>
    public static int StyleOf(string code)
    {
        var decimals = 0;
        var afterPoint = false;
        var percent = false;
        var digits = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case ';':
                    i = code.Length;
                    break;
                case '.':
                    afterPoint = true;
                    break;
                case '0' or '#' or '?':
                    digits = true;
                    if (afterPoint) decimals++;
                    break;
                case '%':
                    percent = true;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S' or 'e' or 'E' or '@' or 'g' or 'G':
                    return General;
            }
        }

        if (percent) return PercentBase + decimals;
        return digits ? decimals : General;
    }

    /// <summary>OOXML writes control characters as _xHHHH_ (a line break in a cell is often "_x000D_\n").</summary>
    public static string DecodeEscapes(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal)) return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 6;
            }
            else sb.Append(text[i]);
        }

        return sb.Replace("\r\n", "\n").Replace('\r', '\n').ToString();
    }
}

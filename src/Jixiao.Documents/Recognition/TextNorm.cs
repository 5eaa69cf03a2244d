using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// Text helpers of the recogniser. <see cref="Key"/> is the form a header or field word is matched in.
/// </summary>
internal static class TextNorm
{
    /// <summary>The matching key of a cell (<see cref="HeaderKey.Of"/>): the one normalisation the lexicon's words are written in.</summary>
    public static string Key(string? text) => HeaderKey.Of(text);

    public static bool NeedsCompatibilityNormalization(string text) => HeaderKey.NeedsCompatibilityNormalization(text);

    /// <summary>NFKC only where it changes something.</summary>
    public static string Compatible(string text) => HeaderKey.Compatible(text);

    /// <summary>
    /// A printed rate as <see cref="Percentage.TryParse"/> reads it ("12.5%", "１２．５％"), <paramref name="trimmed"/>
    /// trimmed. A text holding a CJK ideograph is none (NFKC keeps ideographs and no number holds one), so the cells and
    /// paragraphs of words every figure test meets are rejected without normalising them.
    /// </summary>
    public static bool IsRate(string trimmed) =>
        trimmed.Length > 1 && trimmed.AsSpan().IndexOfAnyInRange('\u4E00', '\u9FFF') < 0 && Compatible(trimmed)[^1] == '%'
        && Percentage.TryParse(trimmed, out _);

    /// <summary>
    /// A value as it should be kept: trimmed, whitespace between two CJK characters removed (PDF line wraps:
    /// "使用方 满意度"), other runs of whitespace collapsed to one space; paragraph breaks kept when
    /// <paramref name="keepLines"/>.
    /// </summary>
    public static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var plain = true;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) { plain = false; break; }
        }
        if (plain) return text;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingLine = false;
        foreach (var ch in text)
        {
            if (ch == '\n' && keepLines)
            {
                pendingLine = sb.Length > 0;
                pendingSpace = false;
                continue;
            }
            if (char.IsWhiteSpace(ch))
            {
                if (!pendingLine) pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingLine)
            {
                sb.Append('\n');
            }
            else if (pendingSpace && !(IsCjk(sb[^1]) && IsCjk(ch)))
            {
                sb.Append(' ');
            }
            pendingLine = pendingSpace = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>CJK ideographs, CJK punctuation and full-width forms: scripts that do not separate words with spaces.</summary>
    public static bool IsCjk(char ch) => ch >= '\u2E80';

    /// <summary>
    /// An amount as printed: "39,090,800.00", "403.00 ", "１２", "-5". Dashes and slashes that mean "none" are not amounts.
    /// </summary>
    public static bool TryAmount(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Length > 40) return false;
        // Most cells are words: reject them before any normalisation.
        var lead = s[0];
        if (!(char.IsAsciiDigit(lead) || lead is '-' or '+' or '.' || lead is >= '０' and <= '９' || lead is '－' or '＋' or '．')) return false;
        s = Compatible(s).Trim();
        Span<char> buffer = stackalloc char[s.Length];
        var n = 0;
        var digits = 0;
        foreach (var ch in s)
        {
            if (ch == ',' || ch == ' ') continue;
            if (ch is >= '0' and <= '9') digits++;
            else if (ch != '.' && ch != '-' && ch != '+') return false;
            buffer[n++] = ch;
        }
        if (digits == 0) return false;
        return decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsAmount(string? text) => TryAmount(text, out _);

    /// <summary>Cells that mean "nothing here": empty, "--", "—", "/", "-", "无" in a numeric column.</summary>
    public static bool IsPlaceholder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Trim();
        foreach (var ch in s)
            if (ch != '-' && ch != '—' && ch != '－' && ch != '/' && ch != '／' && ch != '–' && ch != '一') return false;
        return true;
    }
}

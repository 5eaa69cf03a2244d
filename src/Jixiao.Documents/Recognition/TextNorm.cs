using System.Globalization;
using System.Text;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// Text helpers of the recogniser. <see cref="Key"/> is the form a header or field word is matched in: NFKC (PDF
/// extraction maps 目 to the Kangxi radical ⽬, full-width letters), Traditional characters folded to Simplified (published
/// mirrors in 繁體), whitespace removed (PDF line wraps split words: "年度 总体 目标").
/// </summary>
internal static class TextNorm
{
    // Traditional → Simplified for the characters of header, field and title words only: enough to recognise a form,
    // values stay as printed.
    private const string Traditional =
        "項預數執績標總單實際價評資額計劃報門體據監測態濟會產質時滿務對經費與現況負責準調結餘轉撥級說備註進確員條構來礎決編養節約採購當權達維護營運網絡應證處區縣鄉鎮長廣東職設內開業專車輛國議訓電辦續響標題勵獎貨幣萬億圓稱類規範屬眾檔態";
    private const string Simplified =
        "项预数执绩标总单实际价评资额计划报门体据监测态济会产质时满务对经费与现况负责准调结余转拨级说备注进确员条构来础决编养节约采购当权达维护营运网络应证处区县乡镇长广东职设内开业专车辆国议训电办续响标题励奖货币万亿圆称类规范属众档态";

    // A direct table over the CJK block: one array read per character instead of a dictionary lookup.
    private const char CjkStart = '\u4E00';
    private const char CjkEnd = '\u9FFF';
    private static readonly char[] TraditionalToSimplified = BuildMap();

    private static char[] BuildMap()
    {
        var map = new char[CjkEnd - CjkStart + 1];
        for (var i = 0; i < map.Length; i++) map[i] = (char)(CjkStart + i);
        for (var i = 0; i < Traditional.Length; i++) map[Traditional[i] - CjkStart] = Simplified[i];
        return map;
    }

    /// <summary>Keys only serve to match short words (headers, labels, titles, the start of a note): long cells keep their start.</summary>
    private const int KeyLength = 64;

    /// <summary>The matching key of a cell: NFKC, Simplified, no whitespace, no trailing colon.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length > KeyLength) text = text[..KeyLength];
        var s = NeedsCompatibilityNormalization(text) ? text.Normalize(NormalizationForm.FormKC) : text;
        Span<char> buffer = stackalloc char[s.Length];
        var n = 0;
        var changed = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                changed = true;
                continue;
            }
            var mapped = ch is >= CjkStart and <= CjkEnd ? TraditionalToSimplified[ch - CjkStart] : ch;
            changed |= mapped != ch;
            buffer[n++] = mapped;
        }
        while (n > 0 && (buffer[n - 1] == ':' || buffer[n - 1] == '：'))
        {
            n--;
            changed = true;
        }
        return changed ? new string(buffer[..n]) : s;
    }

    /// <summary>
    /// True when <paramref name="text"/> holds a character NFKC would change (full-width forms, Kangxi radicals,
    /// compatibility ideographs, ideographic space, enclosed numbers …). Ordinary CJK text does not: normalising every
    /// cell would cost more than all the rest of the recognition.
    /// </summary>
    public static bool NeedsCompatibilityNormalization(string text)
    {
        foreach (var ch in text)
        {
            if (ch < 0xA0) continue;
            if (ch <= 0xBF) return true;
            if (ch < 0x2000) continue;
            if (ch <= 0x200A || ch is >= '\u2024' and <= '\u2026' || ch == '\u202F' || ch is >= '\u2033' and <= '\u2037' || ch == '\u203C'
                || ch is >= '\u2047' and <= '\u2049' || ch == '\u205F' || ch is >= '\u2070' and <= '\u218F' || ch is >= '\u2460' and <= '\u24FF'
                || ch is >= '\u2E80' and <= '\u2FDF' || ch == '\u3000' || ch is >= '\u3131' and <= '\u319F' || ch is >= '\u3200' and <= '\u33FF'
                || ch is >= '\uD800' and <= '\uDFFF' || ch is >= '\uF900' and <= '\uFB4F' || ch is >= '\uFE10' and <= '\uFE19'
                || ch is >= '\uFE30' and <= '\uFE6F' || ch is >= '\uFF00' and <= '\uFFEF')
                return true;
        }
        return false;
    }

    /// <summary>NFKC only where it changes something.</summary>
    public static string Compatible(string text) => NeedsCompatibilityNormalization(text) ? text.Normalize(NormalizationForm.FormKC) : text;

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

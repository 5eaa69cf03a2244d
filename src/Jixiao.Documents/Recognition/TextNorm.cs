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
        "項預數執績標總單實際價評資額計劃報門體據監測態濟會產質時滿務對經費與現況負責準調結餘轉撥級說備註進確員條構來礎決編養節約採購當權達維護營運網絡應證處區縣鄉鎮長廣東職設內開業專車輛國議訓電辦續響標題勵獎貨幣萬億圓";
    private const string Simplified =
        "项预数执绩标总单实际价评资额计划报门体据监测态济会产质时满务对经费与现况负责准调结余转拨级说备注进确员条构来础决编养节约采购当权达维护营运网络应证处区县乡镇长广东职设内开业专车辆国议训电办续响标题励奖货币万亿圆";

    private static readonly Dictionary<char, char> TraditionalToSimplified = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>(Traditional.Length);
        for (var i = 0; i < Traditional.Length; i++) map[Traditional[i]] = Simplified[i];
        return map;
    }

    /// <summary>The matching key of a cell: NFKC, Simplified, no whitespace, no trailing colon.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = IsPlainAscii(text) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) continue;
            sb.Append(TraditionalToSimplified.TryGetValue(ch, out var simple) ? simple : ch);
        }
        while (sb.Length > 0 && (sb[^1] == ':' || sb[^1] == '：')) sb.Length--;
        return sb.ToString();
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var ch in text)
            if (ch > 0x7F) return false;
        return true;
    }

    /// <summary>
    /// A value as it should be kept: trimmed, whitespace between two CJK characters removed (PDF line wraps:
    /// "使用方 满意度"), other runs of whitespace collapsed to one space; paragraph breaks kept when
    /// <paramref name="keepLines"/>.
    /// </summary>
    public static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
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
        if (!IsPlainAscii(s)) s = s.Normalize(NormalizationForm.FormKC).Trim();
        if (s.Length > 32) return false;
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

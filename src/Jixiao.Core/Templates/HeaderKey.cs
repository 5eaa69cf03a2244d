using System.Text;

namespace Jixiao.Core.Templates;

/// <summary>
/// The form a header, label or title word is matched in, by the recogniser and by the template validator alike: NFKC
/// (PDF extraction maps 目 to the Kangxi radical ⽬, full-width letters and brackets), Traditional characters folded to
/// Simplified (published mirrors in 繁體), whitespace removed (PDF line wraps split words), no trailing colon.
/// </summary>
public static class HeaderKey
{
    // Traditional → Simplified for the characters of header, field and title words only: enough to recognise a form,
    // values stay as printed. One to one, so a folded text keeps the positions of the original.
    private const string Traditional =
        "項預數執績標總單實際價評資額計劃報門體據監測態濟會產質時滿務對經費與現況負責準調結餘轉撥級說備註進確員條構來礎決編養節約採購當權達維護營運網絡應證處區縣鄉鎮長廣東職設內開業專車輛國議訓電辦續響標題勵獎貨幣萬億圓稱類規範屬眾檔態係數覈別兌與錄";
    private const string Simplified =
        "项预数执绩标总单实际价评资额计划报门体据监测态济会产质时满务对经费与现况负责准调结余转拨级说备注进确员条构来础决编养节约采购当权达维护营运网络应证处区县乡镇长广东职设内开业专车辆国议训电办续响标题励奖货币万亿圆称类规范属众档态系数核别兑与录";

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
    public const int MaxLength = 64;

    /// <summary>The matching key of a cell: NFKC, Simplified, no whitespace, no trailing colon.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length > MaxLength) text = text[..MaxLength];
        // Compatible's character map is applied in this loop, so a key of full-width text copies it once.
        var s = text;
        var narrow = false;
        if (NeedsCompatibilityNormalization(text))
        {
            if (MapsAlone(text)) narrow = true;
            else s = text.Normalize(NormalizationForm.FormKC);
        }
        Span<char> buffer = stackalloc char[s.Length];
        var n = 0;
        var changed = false;
        foreach (var printed in s)
        {
            var ch = narrow ? Narrow(printed) : printed;
            changed |= ch != printed;
            if (char.IsWhiteSpace(ch))
            {
                changed = true;
                continue;
            }
            var mapped = Fold(ch);
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
    /// NFKC where it changes something. A text whose characters are ASCII, CJK ideographs, the CJK punctuation NFKC keeps
    /// and full-width forms (（ ， ： ％, U+FF01–FF5E, and the ideographic space) is mapped here character by character:
    /// NFKC maps each of them alone to one character and none of them composes with a neighbour, so the result is the
    /// library's; the library's normalisation of a cell was a tenth of reading a report written with full-width
    /// punctuation. Any other text goes through the library.
    /// </summary>
    public static string Compatible(string text)
    {
        if (!NeedsCompatibilityNormalization(text)) return text;
        if (!MapsAlone(text)) return text.Normalize(NormalizationForm.FormKC);
        return string.Create(text.Length, text, static (narrow, wide) =>
        {
            for (var i = 0; i < wide.Length; i++) narrow[i] = Narrow(wide[i]);
        });
    }

    /// <summary>True when every character is one <see cref="Narrow"/> gives NFKC's result for (see <see cref="Compatible"/>).</summary>
    private static bool MapsAlone(string text)
    {
        foreach (var ch in text)
            if (!(ch is >= CjkStart and <= CjkEnd || ch < 0x80 || ch is >= '\uFF01' and <= '\uFF5E' || ch == '\u3000' || StablePunctuation.Contains(ch)))
                return false;
        return true;
    }

    /// <summary>A full-width form as its ASCII character, the ideographic space as a space, any other character as it is.</summary>
    private static char Narrow(char ch) => ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch == '\u3000' ? ' ' : ch;

    /// <summary>CJK punctuation NFKC keeps as it is and that composes with nothing (fullwidth （ and ， are mapped to ASCII).</summary>
    internal const string StablePunctuation = "、。“”‘’《》〈〉【】「」『』〔〕—·×≥≤";

    /// <summary>A Traditional character as its Simplified form; any other character as it is.</summary>
    public static char Fold(char ch) => ch is >= CjkStart and <= CjkEnd ? TraditionalToSimplified[ch - CjkStart] : ch;

    /// <summary>The text with Traditional characters folded, same length and positions (for patterns run on raw text).</summary>
    public static string FoldText(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var f = Fold(chars[i]);
            if (f == chars[i]) continue;
            chars[i] = f;
            changed = true;
        }
        return changed ? new string(chars) : text;
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
}

using System.Text;

namespace Jixiao.Documents.Pdf;

/// <summary>
/// Text as PDFs carry it, made comparable: NFKC folds the Kangxi radicals (⽬ → 目) and full-width forms, and the
/// simplified radicals of the CJK Radicals Supplement that chromium also emits (⻓ → 长), which NFKC leaves alone,
/// are mapped by hand. So is the one Kangxi radical whose simplified-Chinese glyph is the simplified character while
/// NFKC folds it to the traditional one: ⼾ (U+2F3E), drawn as 户 by SC fonts, is 户, not 戶.
/// </summary>
internal static class PdfText
{
    private static readonly Dictionary<char, char> Radicals = new()
    {
        ['\u2EA0'] = '民', ['\u2EC4'] = '西', ['\u2EC5'] = '见', ['\u2EC6'] = '角', ['\u2EC8'] = '讠', ['\u2EC9'] = '贝',
        ['\u2ECB'] = '车', ['\u2ED0'] = '钅', ['\u2ED3'] = '长', ['\u2ED4'] = '门', ['\u2ED8'] = '青', ['\u2EDA'] = '页',
        ['\u2EDB'] = '风', ['\u2EDC'] = '飞', ['\u2EDD'] = '食', ['\u2EE0'] = '饣', ['\u2EE2'] = '马', ['\u2EE3'] = '骨',
        ['\u2EE4'] = '鬼', ['\u2EE5'] = '鱼', ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤', ['\u2EE8'] = '麦', ['\u2EE9'] = '黄',
        ['\u2EEA'] = '黾', ['\u2EEC'] = '齐', ['\u2EEE'] = '齿', ['\u2EF0'] = '龙',
    };

    /// <summary>
    /// A PDF's ToUnicode map can give one code point per glyph, and chromium names the lowest one the font maps to that
    /// glyph: in Noto Sans CJK SC the glyph of 户 also serves ⼾ and 戶, so 户 comes out as ⼾. Budget documents are
    /// written in simplified characters (and the recogniser folds traditional ones), so 户 is the reading to keep.
    /// </summary>
    private const char KangxiDoor = '\u2F3E';

    public static string Normalize(string text)
    {
        if (text.Contains(KangxiDoor, StringComparison.Ordinal)) text = text.Replace(KangxiDoor, '户');
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        foreach (var ch in normalized)
        {
            if (ch is >= '\u2E80' and <= '\u2EFF')
            {
                var chars = normalized.ToCharArray();
                for (var i = 0; i < chars.Length; i++)
                    if (Radicals.TryGetValue(chars[i], out var plain)) chars[i] = plain;
                return new string(chars);
            }
        }

        return normalized;
    }
}

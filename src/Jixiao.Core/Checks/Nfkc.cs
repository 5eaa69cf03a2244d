using System.Text;
using Jixiao.Core.Templates;

namespace Jixiao.Core.Checks;

/// <summary>
/// Text in NFKC (fullwidth digits and punctuation as ASCII), without asking the library when the text surely is in NFKC
/// already: readers hand over normalized text, and the library's check of it was a sixth of extracting a report's
/// figures, more right after reading (its tables are no longer in the processor's caches).
/// </summary>
internal static class Nfkc
{
    public static string Of(string text) =>
        SurelyNormalized(text) || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// True when every character is one NFKC leaves as it is and that composes with nothing: ASCII, CJK unified
    /// ideographs and the punctuation reports are written with. Any other character goes through the library.
    /// </summary>
    private static bool SurelyNormalized(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF) && !HeaderKey.StablePunctuation.Contains(c))
                return false;
        return true;
    }
}

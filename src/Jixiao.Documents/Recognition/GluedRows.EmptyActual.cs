using Jixiao.Core.Notation;

namespace Jixiao.Documents.Recognition;

internal sealed partial class GluedRows
{
    private sealed record EmptyActualSplit(string Name, string Target, string Actual, string Rest);

    /// <summary>
    /// A row of a flattened body whose actual is a mark of nothing done (无, 空: what the notation reads as empty) and
    /// whose reason follows it ("…补贴保障率100%无没有轮换…"): the first value after the name (a figure closed by a percent
    /// sign or a unit the notation knows) is the target, the one-character mark right after it the actual, the words after
    /// that the reason. Null when the text is not so.
    /// </summary>
    private static EmptyActualSplit? EmptyActual(string text)
    {
        for (var q = 1; q < text.Length; q++)
        {
            if (!(IsComparator(text[q]) || char.IsAsciiDigit(text[q])) || IsComparator(text[q - 1]) || char.IsAsciiDigit(text[q - 1]) || text[q - 1] == '.')
                continue;
            var (end, sure) = ValueAt(text, q, text.Length);
            if (end < 0 || !sure || end >= text.Length) return null;
            var mark = text[end].ToString();
            if (!TextNorm.IsCjk(text[end]) || IndicatorValue.Parse(mark).Kind != ValueKind.Empty) return null;
            // The mark stands alone: the next character is no figure (a value) and starts the reason or ends the row.
            if (end + 1 < text.Length && (char.IsAsciiDigit(text[end + 1]) || IsComparator(text[end + 1]))) return null;
            return new EmptyActualSplit(text[..q], text[q..end], mark, text[(end + 1)..]);
        }
        return null;
    }
}

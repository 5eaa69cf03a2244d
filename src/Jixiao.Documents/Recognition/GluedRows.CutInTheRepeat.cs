namespace Jixiao.Documents.Recognition;

internal sealed partial class GluedRows
{
    /// <summary>The fewest characters of a cut actual that tell it is the target's beginning.</summary>
    private const int ShortestCutRepeat = 3;

    /// <summary>
    /// The last row of an excerpt that stops inside its actual, where the target was met word for word: the text ends in
    /// a beginning of the value before it ("…提供医疗服务" "服务范围扩大" "服务范"). The longest ending that a value right
    /// before it starts with (and is longer than) gives the target and the cut actual; a name must be left. Null when no
    /// ending is so.
    /// </summary>
    private static ValueSplit? CutInTheRepeat(string text)
    {
        for (var k = (text.Length - 1) / 3; k >= ShortestCutRepeat; k--)
        {
            var cut = text[^k..];
            var before = text[..^k];
            // The target starts with the cut actual and ends where it starts: its nearest start that leaves it longer.
            var at = before.LastIndexOf(cut, before.Length - k - 1, StringComparison.Ordinal);
            if (at <= 0) continue;
            return new ValueSplit(before[..at], before[at..], cut, true);
        }
        return null;
    }
}

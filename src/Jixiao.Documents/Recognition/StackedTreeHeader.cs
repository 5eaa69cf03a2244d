namespace Jixiao.Documents.Recognition;

/// <summary>
/// An indicator header copied out of a spreadsheet page whose narrow tree columns wrapped one word per line before the
/// rest of the header ("一级" / "指标" / "二级" / "指标" / "三级指标 指标解释 绩效目标值 …"): the short lines right above a
/// spaced header line that join two by two into tree column words are put back at the start of that line, so the rows
/// under it are placed under their 一级 and 二级 columns as in the printed grid. Only whole tree column words are taken
/// back; anything else above the header (the block's own wrapped label) stays where it is.
/// </summary>
internal sealed class StackedTreeHeader(Vocabulary words)
{
    /// <summary>A wrapped piece of a narrow column's word is short.</summary>
    private const int LongestPiece = 4;

    private const int FewestColumns = 3;

    public static List<SourceRow> Split(List<SourceRow> rows, Vocabulary words) => new StackedTreeHeader(words).Split(rows);

    private List<SourceRow> Split(List<SourceRow> rows)
    {
        List<SourceRow>? result = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var taken = IsSpacedHeader(rows[i]) ? TreeWordsAbove(rows, i) : [];
            if (taken.Count == 0)
            {
                result?.Add(rows[i]);
                continue;
            }
            var pieces = taken.Count * 2;
            if (result is null) result = rows.GetRange(0, i - pieces);
            else result.RemoveRange(result.Count - pieces, pieces);
            var header = rows[i];
            var line = string.Join(" ", taken) + " " + header.Raw[header.FirstNonEmpty].Trim();
            result.Add(SourceRow.FromParagraph(line, rows[i - pieces].Sources[rows[i - pieces].FirstNonEmpty]));
        }
        return result ?? rows;
    }

    /// <summary>A paragraph line of spaced words that all name indicator columns.</summary>
    private bool IsSpacedHeader(SourceRow row)
    {
        if (!row.IsParagraph || row.NonEmptyCount != 1) return false;
        var parts = row.Raw[row.FirstNonEmpty].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= FewestColumns && parts.All(p => Column(p) is not (IndicatorColumn.None or IndicatorColumn.Label));
    }

    /// <summary>The tree column words the pairs of short lines right above <paramref name="at"/> make, in order.</summary>
    private List<string> TreeWordsAbove(List<SourceRow> rows, int at)
    {
        var taken = new List<string>();
        for (var k = at - 2; k >= 0; k -= 2)
        {
            if (Piece(rows[k]) is not { } first || Piece(rows[k + 1]) is not { } second) break;
            var word = first + second;
            if (Column(word) is not (IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name)) break;
            taken.Insert(0, word);
        }
        return taken;
    }

    private static string? Piece(SourceRow row)
    {
        if (!row.IsParagraph || row.NonEmptyCount != 1) return null;
        var text = row.Text[row.FirstNonEmpty];
        return text.Length <= LongestPiece && !text.Any(char.IsWhiteSpace) ? text : null;
    }

    private IndicatorColumn Column(string text) => words.IndicatorColumnOf(TextNorm.Key(text)).Column;
}

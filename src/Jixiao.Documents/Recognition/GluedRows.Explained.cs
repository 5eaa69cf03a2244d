using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A whole targets table run onto one long line with nothing between its cells, whose indicator header has a text
/// column between the names and the values (绩效标准 / 指标解释: "…一级指标二级指标绩效标准当年预期实现值数量指标办公楼
/// 巡查次数反映巡查情况200次…"). Such a column's cells open with a word the lexicon knows as the start of a description
/// (反映…), so the rows are cut at those words: the name stands before the description, the values after it, each value
/// a comparator, a printed figure and a percent sign or a unit the notation knows ("200次" before the next row's name
/// "大楼…" is 200次, never 200次大楼), and the next row's tree words and name after the values. A header with no 三级
/// column is the two-level tree whose 一级 column shows the 二级 words and whose 二级 column holds the names; the rows
/// are rebuilt under the header as printed and the form builder reads that tree as it reads it in a grid. A stretch
/// where more than one figure could start the values, and a row whose values are not where values stand, are typed
/// doubts at their row; the form's title, when it stands inside the line before the header, opens the form.
/// </summary>
internal sealed partial class GluedRows
{
    private const int LongestDescriptionWord = 8;

    private const int LongestKnownUnit = 4;

    private sealed record ExplainedCut(string[] Cells, bool Doubt, DoubtReason Reason, int Offset);

    private Flat? Explained(List<SourceRow> rows, int at)
    {
        var row = rows[at];
        if (row.NonEmptyCount != 1) return null;
        var raw = row.Raw[row.FirstNonEmpty];
        if (raw.Length < FlattenedLine || raw.Count(ch => ch is '。') > MostSentences) return null;
        var line = Strip(raw);
        if (FindHeader(line, IsExplainedHeader) is not { } found) return null;
        var printed = found.Header.Select(h => h.Column).ToArray();
        var roles = TreeOfNames(printed);
        var nameColumn = Array.IndexOf(roles, IndicatorColumn.Name);
        var textColumn = nameColumn + 1;
        var values = Enumerable.Range(textColumn + 1, roles.Length - textColumn - 1).ToArray();

        var body = line[found.End..];
        var openers = DescriptionStarts(body);
        if (openers.Count < FewestRows) return null;
        var cuts = new List<ExplainedCut>();
        var from = 0;
        var end = 0;
        var unsureStart = false;
        for (var k = 0; k < openers.Count; k++)
        {
            var opener = openers[k];
            var next = k + 1 < openers.Count ? openers[k + 1] : body.Length;
            var cells = new string[roles.Length];
            Array.Fill(cells, "");
            var orphans = new List<BodyCut>();
            var lost = Place(body[from..opener], from, roles, nameColumn, cells, orphans);
            if (cells[nameColumn].Length == 0) break;
            foreach (var orphan in orphans) cuts.Add(new ExplainedCut(orphan.Cells, true, DoubtReason.StrayFragment, orphan.Offset));
            var last = k + 1 == openers.Count;
            var starts = ValueStarts(body, opener, next, values.Length, last);
            if (starts.Count == 0)
            {
                // The values are not where values stand (words, or the line cut after a comparator): the row in doubt.
                cells[textColumn] = body[opener..next];
                cuts.Add(new ExplainedCut(cells, true, DoubtReason.StrayFragment, from));
                end = next;
                break;
            }
            var (start, items, stop, sure) = last ? starts[0] : starts[^1];
            cells[textColumn] = body[opener..start];
            for (var v = 0; v < values.Length; v++) cells[values[v]] = items[v];
            cuts.Add(new ExplainedCut(cells, lost || starts.Count > 1 || !sure || unsureStart, DoubtReason.AmbiguousNumber, from));
            // Where this row's values end is where the next row's name starts: an unsure end leaves that name in doubt too.
            unsureStart = !sure;
            from = stop;
            end = stop;
        }
        if (cuts.Count(c => !c.Doubt) < FewestRows) return null;

        var source = row.Source;
        var made = new List<SourceRow>();
        var before = line[..found.Start];
        if (TitleInside(before) is { } title)
        {
            if (title.Start > 0) made.Add(Row([before[..title.Start]], source));
            made.Add(Row([before[title.Start..title.End]], source));
            before = before[title.End..];
        }
        if (before.Length > 0) made.AddRange(CostTable(before, source));
        made.Add(Row(["", .. found.Header.Select(h => h.Text)], source));
        foreach (var cut in cuts)
        {
            var r = Row(["", .. cut.Cells], source is null ? null : source with { Word = found.End + cut.Offset + 1 });
            if (cut.Doubt)
            {
                r.Uncertain = [.. values.Select(v => printed[v] == IndicatorColumn.Actual ? CellRole.Actual : CellRole.Target)];
                r.UncertainReason = cut.Reason;
                r.UncertainAssumed = string.Join(" / ", values.Select(v => cut.Cells[v]));
            }
            made.Add(r);
        }
        if (end < body.Length) made.Add(Row([body[end..]], source));
        return new Flat(made, at + 1);
    }

    /// <summary>Tree columns, then one text column, then the value columns that end the row.</summary>
    private static bool IsExplainedHeader(List<IndicatorColumn> columns)
    {
        var text = columns.FindIndex(c => c is not (IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name));
        if (text <= 0 || text + 1 >= columns.Count || columns.Distinct().Count() != columns.Count) return false;
        if (columns[text] is IndicatorColumn.Target or IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score) return false;
        if (!columns.Contains(IndicatorColumn.Name) && !columns.Contains(IndicatorColumn.Level2)) return false;
        return columns.Skip(text + 1).All(c => c is IndicatorColumn.Target or IndicatorColumn.Actual);
    }

    /// <summary>The roles the rows are cut by: without a 三级 column the 二级 column holds the names and the 一级 the 二级 words.</summary>
    private static IndicatorColumn[] TreeOfNames(IndicatorColumn[] printed)
    {
        if (printed.Contains(IndicatorColumn.Name)) return printed;
        return [.. printed.Select(c => c switch
        {
            IndicatorColumn.Level2 => IndicatorColumn.Name,
            IndicatorColumn.Level1 => IndicatorColumn.Level2,
            _ => c,
        })];
    }

    /// <summary>Where a description cell opens (反映…), each at least a word after the one before.</summary>
    private List<int> DescriptionStarts(string body)
    {
        var starts = new List<int>();
        for (var p = 1; p < body.Length - 1; p++)
        {
            var window = body.Substring(p, Math.Min(LongestDescriptionWord, body.Length - p));
            if (!words.IsRow("descriptionStart", TextNorm.Key(window))) continue;
            starts.Add(p);
            p += LongestDescriptionWord - 1;
        }
        return starts;
    }

    /// <summary>
    /// Every place between a description's start and the next one where <paramref name="count"/> values stand one after
    /// another and leave words for the next row's name (or, in the last row, anything after them).
    /// </summary>
    private List<(int Start, string[] Items, int End, bool Sure)> ValueStarts(string body, int opener, int next, int count, bool last)
    {
        var found = new List<(int, string[], int, bool)>();
        for (var q = opener + 2; q < next; q++)
        {
            if (!(IsComparator(body[q]) || char.IsAsciiDigit(body[q])) || IsComparator(body[q - 1]) || char.IsAsciiDigit(body[q - 1]) || body[q - 1] == '.')
                continue;
            var items = new string[count];
            var k = q;
            var ok = true;
            var sure = true;
            for (var v = 0; v < count && ok; v++)
            {
                var (e, certain) = ValueAt(body, k, next);
                if (e < 0) ok = false;
                else
                {
                    items[v] = body[k..e];
                    k = e;
                    sure &= certain;
                }
            }
            if (!ok) continue;
            if (!last && next - k < 2) continue;
            found.Add((q, items, k, sure));
            if (last) break;
        }
        return found;
    }

    /// <summary>
    /// The end of a value at <paramref name="k"/>: comparators, a printed figure, then "%" or a unit the notation knows;
    /// a one-character unit it does not know ("盏") ends the value too, but not surely (the character may begin the next
    /// name). -1 if no value stands there.
    /// </summary>
    private static (int End, bool Sure) ValueAt(string body, int k, int limit)
    {
        while (k < limit && IsComparator(body[k])) k++;
        var d = k;
        while (k < limit && (char.IsAsciiDigit(body[k]) || body[k] == '.')) k++;
        if (k == d || !IsPrinted(body[d..k])) return (-1, false);
        if (k < limit && body[k] == '%') return (k + 1, true);
        for (var len = Math.Min(LongestKnownUnit, limit - k); len >= 1; len--)
            if (IndicatorValue.IsKnownUnit(body.Substring(k, len))) return (k + len, true);
        // A bare figure is a value only where nothing but another value or the end follows.
        if (k == limit || IsComparator(body[k]) || char.IsAsciiDigit(body[k])) return (k, true);
        return TextNorm.IsCjk(body[k]) && IndicatorValue.Parse("1" + body[k]).Unit == body[k].ToString() ? (k + 1, false) : (-1, false);
    }

    /// <summary>
    /// A form title inside the words before the header: the first place after <paramref name="from"/> a title ends, started
    /// after the last mark before it (a blank date "年月日" of a signature block left out).
    /// </summary>
    private (int Start, int End)? TitleInside(string text, int from = 0)
    {
        // Run on every long paragraph (a form head may be run into a notice), so each end costs a character test, not a
        // key: a title ending at e starts after the last mark before e - 1 (kept as e moves, not searched back for), at
        // most LongestTitle back and not before from; and its key (cut to HeaderKey.MaxLength) is asked for only where
        // the character that key ends with may end a title's key (Vocabulary.MayEndTitle), which every title passes.
        var lastMark = -1;
        for (var i = from; i < from + ShortestTitle - 2 && i < text.Length; i++)
            if (IsMark(text[i])) lastMark = i;
        for (var e = from + ShortestTitle; e <= text.Length; e++)
        {
            if (IsMark(text[e - 2])) lastMark = e - 2;
            var s = Math.Max(Math.Max(from, e - LongestTitle), lastMark + 1);
            if (text.AsSpan(s, e - s).StartsWith("年月日")) s += 3;
            if (e - s < ShortestTitle || !words.MayEndTitle(text[Math.Min(e, s + HeaderKey.MaxLength) - 1])) continue;
            if (words.TitleKind(TextNorm.Key(text[s..e])) is null) continue;
            return (s, e);
        }
        return null;
    }

    /// <summary>Colons, commas, full stops and the like end what stands before a title; brackets may be part of it.</summary>
    private static bool IsMark(char ch) => ch == '|' || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.OtherPunctuation;
}

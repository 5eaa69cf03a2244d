using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A funds table copied out of a PDF page whose header cells wrapped: each column word on its own line with its letter
/// under it ("全年预算数" / "(A)" / "统筹整合资金数" / "(B)" …), then each row as its label and figures with spaces between,
/// the figures running on to the next line. An empty cell leaves no trace, so the figures are placed by type: a
/// percentage only under a percentage column (预算到位 (D/C×100%), 预算执行 (E/C×100%)), a row number under 行次, and
/// between two percentages the amounts fill the columns the model reads (全年预算数, 全年执行资金) first, the columns
/// kept only as printed taking the rest from the right. A row whose figures cannot be placed so leaves the whole table
/// to the other passes.
/// </summary>
internal sealed class WrappedFundsTable(Vocabulary words)
{
    private const int MostLinesBeforeRows = 3;

    private sealed record Column(string Text, FundsColumn Role, ColumnRole Lexical);

    public static List<SourceRow> Split(List<SourceRow> rows, Vocabulary words) => new WrappedFundsTable(words).Split(rows);

    private List<SourceRow> Split(List<SourceRow> rows)
    {
        List<SourceRow>? result = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (Header(rows, i, out var headerEnd) is { } columns && Table(rows, headerEnd, columns, out var end) is { } made)
            {
                result ??= rows.GetRange(0, i);
                made.Insert(0, SourceRow.FromCells(["", .. columns.Select(c => c.Text)], [.. Enumerable.Repeat(rows[i].Source, columns.Count + 1)]));
                result.AddRange(made);
                i = end - 1;
                continue;
            }
            result?.Add(rows[i]);
        }
        return result ?? rows;
    }

    private static string[]? Parts(SourceRow row) =>
        row.IsParagraph && row.NonEmptyCount == 1
            ? row.Raw[row.FirstNonEmpty].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    private static bool IsBracket(string part) => part.Length >= 3 && part[0] is '(' or '（' && part[^1] is ')' or '）';

    /// <summary>The columns of a header wrapped over several lines (at least one letter line under a word), or null.</summary>
    private List<Column>? Header(List<SourceRow> rows, int start, out int end)
    {
        end = start;
        var columns = new List<Column>();
        var wrapped = false;
        var j = start;
        while (j < rows.Count && Parts(rows[j]) is { Length: > 0 } parts)
        {
            if (parts.Any(IsBracket)) break;
            var texts = parts.ToList();
            var next = j + 1 < rows.Count ? Parts(rows[j + 1]) : null;
            var letter = next is [var only] && IsBracket(only);
            if (letter) texts[^1] += next![0];
            var line = new List<Column>();
            foreach (var t in texts)
            {
                var (role, lexical) = words.FundsColumnOf(TextNorm.Key(t));
                if (role == FundsColumn.None || lexical is null) break;
                line.Add(new Column(t, role, lexical));
            }
            if (line.Count != texts.Count) break;
            columns.AddRange(line);
            wrapped |= letter;
            j += letter ? 2 : 1;
        }
        end = j;
        var money = columns.Count(c => c.Role is FundsColumn.Budget or FundsColumn.Executed or FundsColumn.InitialBudget);
        return wrapped && j - start > 2 && money >= 2 ? columns : null;
    }

    private List<SourceRow>? Table(List<SourceRow> rows, int start, List<Column> columns, out int end)
    {
        var made = new List<SourceRow>();
        var j = start;
        var skipped = 0;
        while (j < rows.Count && Parts(rows[j]) is { Length: > 0 } parts)
        {
            var label = 0;
            while (label < parts.Length && !IsFigure(parts[label])) label++;
            var labelText = string.Join(" ", parts.Take(label));
            if (label == 0 || words.FundsRowOf(TextNorm.Key(labelText)) is null)
            {
                // Header cells the model has no column for (佐证材料) and the column numbers (列次 0 1 2 …) before the rows.
                if (made.Count == 0 && skipped++ < MostLinesBeforeRows)
                {
                    j++;
                    continue;
                }
                break;
            }
            var figures = parts.Skip(label).TakeWhile(IsFigure).ToList();
            // A label with no figure at all (资金管理情况) opens the next block.
            if (figures.Count == 0 && made.Count > 0) break;
            var source = rows[j].Source;
            j++;
            // The figures run on to the next line when it starts with one.
            while (figures.Count < columns.Count && j < rows.Count && Parts(rows[j]) is { Length: > 0 } more && IsFigure(more[0]))
            {
                figures.AddRange(more.TakeWhile(IsFigure));
                j++;
            }
            if (Place(figures, columns) is not { } cells)
            {
                end = start;
                return null;
            }
            made.Add(SourceRow.FromCells([labelText, .. cells], [.. Enumerable.Repeat(source, cells.Length + 1)]));
        }
        end = j;
        return made.Count > 0 ? made : null;
    }

    /// <summary>The figures under their columns by type, or null when they cannot be placed without a guess at a typed column.</summary>
    private static string[]? Place(List<string> figures, List<Column> columns)
    {
        var cells = new string[columns.Count];
        Array.Fill(cells, "");
        var f = 0;
        var c = 0;
        if (columns.Count > 0 && columns[0].Lexical.Type == RoleType.Number)
        {
            if (f < figures.Count && !IsPercent(figures[f]) && int.TryParse(figures[f], out _)) cells[0] = figures[f++];
            c = 1;
        }
        while (c < columns.Count)
        {
            // The amount columns up to the next percentage column, and the amounts up to the next percentage.
            var segment = new List<int>();
            while (c < columns.Count && !IsPercentColumn(columns[c])) segment.Add(c++);
            var amounts = new List<string>();
            while (f < figures.Count && !IsPercent(figures[f])) amounts.Add(figures[f++]);
            if (amounts.Count > segment.Count) return null;
            if (amounts.Count > 0)
            {
                var typed = segment.Where(i => columns[i].Lexical.Property is not null).ToList();
                if (typed.Count > amounts.Count) return null;
                var extra = segment.Where(i => columns[i].Lexical.Property is null).ToList();
                var filled = typed.Concat(extra.Skip(extra.Count - (amounts.Count - typed.Count))).Order().ToList();
                for (var k = 0; k < filled.Count; k++) cells[filled[k]] = amounts[k];
            }
            if (c >= columns.Count) break;
            // A percentage column takes the next figure when it is a percentage; a blank rate leaves it empty.
            if (f < figures.Count && IsPercent(figures[f])) cells[c] = figures[f++];
            else if (f < figures.Count) return null;
            c++;
        }
        return f == figures.Count ? cells : null;
    }

    private static bool IsPercentColumn(Column column) => column.Role == FundsColumn.Rate || column.Lexical.Type == RoleType.Percentage;

    private static bool IsPercent(string text) => text.Length > 1 && TextNorm.Compatible(text)[^1] == '%' && Percentage.TryParse(text, out _);

    private static bool IsFigure(string text) => TextNorm.TryAmount(text, out _) || IsPercent(text);
}

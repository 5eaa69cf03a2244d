using System.Text;

namespace Jixiao.Web.Ui;

/// <summary>
/// A block of cells as Excel and WPS put it on the clipboard: cells separated by tabs, rows by line ends (CR LF, LF or
/// CR), a cell holding a tab, a line end or a quote written in double quotes with its quotes doubled. The line end
/// after the last row is not a row. A quote that is never closed was no quoting: the cell is taken as written.
/// </summary>
public sealed record PastedBlock(IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>More rows than any form has indicators; a larger paste is cut here, saying so.</summary>
    public const int MaxRows = 500;

    /// <summary>The clipboard text the editor accepts (UTF-8 bytes): far beyond 500 rows of ordinary cells.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static PastedBlock Parse(string? text)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (string.IsNullOrEmpty(text)) return new(rows);
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        var n = text.Length;
        while (true)
        {
            // One cell from i.
            cell.Clear();
            if (i < n && text[i] == '"' && Closed(text, i + 1) is { } end)
            {
                for (var k = i + 1; k < end; k++)
                {
                    cell.Append(text[k]);
                    if (text[k] == '"') k++;
                }
                i = end + 1;
                // Anything between the closing quote and the delimiter is kept as written.
                while (i < n && text[i] is not ('\t' or '\r' or '\n')) cell.Append(text[i++]);
            }
            else
            {
                while (i < n && text[i] is not ('\t' or '\r' or '\n')) cell.Append(text[i++]);
            }
            row.Add(cell.ToString());

            if (i >= n)
            {
                rows.Add(row);
                break;
            }
            if (text[i] == '\t')
            {
                i++;
                continue;
            }
            // A line end: CR LF, LF or CR.
            i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
            rows.Add(row);
            row = [];
            if (i >= n) break;
        }
        return new(rows);
    }

    /// <summary>The index of the quote closing a quoted cell whose text starts at <paramref name="from"/>, or null.</summary>
    private static int? Closed(string text, int from)
    {
        for (var k = from; k < text.Length; k++)
        {
            if (text[k] != '"') continue;
            if (k + 1 < text.Length && text[k + 1] == '"') { k++; continue; }
            return k;
        }
        return null;
    }
}

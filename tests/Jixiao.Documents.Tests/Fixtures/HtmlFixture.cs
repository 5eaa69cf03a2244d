using System.Net;
using System.Text;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>
/// Writes blocks as a web page like the published ones: text blocks as &lt;p&gt;, grids as bordered tables with
/// rowspan/colspan, every free position as an empty &lt;td&gt;, multi-line cell text as one &lt;p&gt; per line.
/// The same page, printed by chromium, is the PDF fixture.
/// </summary>
public static class HtmlFixture
{
    static HtmlFixture() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Page(params DocumentBlock[] blocks) => Page("utf-8", blocks);

    public static string Page(string charset, params DocumentBlock[] blocks)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"").Append(charset).Append("\"><title>绩效自评表</title>\n")
            .Append("<style>body{font-family:\"Noto Sans CJK SC\",sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%;margin:8pt 0}")
            .Append("td{border:1px solid #000;padding:2pt 4pt;vertical-align:middle}td p{margin:0}</style></head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    foreach (var line in text.Text.Split('\n')) html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
                    break;
                case CellGrid grid:
                    AppendTable(html, grid);
                    break;
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    public static byte[] Build(params DocumentBlock[] blocks) => Encoding.UTF8.GetBytes(Page(blocks));

    /// <summary>The page encoded as GB18030 and declared as <paramref name="charset"/> (gb2312, gbk) in a meta tag.</summary>
    public static byte[] BuildGb(string charset, params DocumentBlock[] blocks) => Encoding.GetEncoding(54936).GetBytes(Page(charset, blocks));

    private static void AppendTable(StringBuilder html, CellGrid grid)
    {
        var starts = grid.Cells.ToDictionary(c => (c.Row, c.Column));
        var covered = new HashSet<(int, int)>();
        foreach (var cell in grid.Cells)
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                if (r != cell.Row || c != cell.Column) covered.Add((r, c));

        html.Append("<table>\n<tbody>\n");
        for (var r = 0; r < grid.RowCount; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                if (covered.Contains((r, c))) continue;
                if (!starts.TryGetValue((r, c), out var cell))
                {
                    html.Append("<td></td>");
                    continue;
                }

                html.Append("<td");
                if (cell.RowSpan > 1) html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                if (cell.ColumnSpan > 1) html.Append(" colspan=\"").Append(cell.ColumnSpan).Append('"');
                html.Append('>');
                var lines = cell.Text.Split('\n');
                if (lines.Length == 1) html.Append(WebUtility.HtmlEncode(cell.Text));
                else foreach (var line in lines) html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}

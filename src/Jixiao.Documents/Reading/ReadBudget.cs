using System.Diagnostics;
using System.Globalization;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Reading;

/// <summary>
/// One file's reading against its <see cref="ReadLimits"/>: counters the readers bump as they go (plain integers, no
/// allocation until a limit fires) and the clock (<see cref="ReadLimits.MaxTime"/>) checked between rows, pages and parts. Exceeding any budget throws a
/// <see cref="DocumentReadException"/> with the <see cref="ReadLimit"/> and one Chinese line saying where.
/// </summary>
internal sealed class ReadBudget(string path, ReadLimits limits)
{
    private readonly long started = Stopwatch.GetTimestamp();
    private long cells;
    private int merges;
    private long textCharacters;
    private long decompressed;

    public string Path => path;

    public ReadLimits Limits => limits;

    public static ReadBudget For(string path, ReadLimits? limits) => new(path, limits ?? ReadLimits.Default);

    /// <summary>The clock, at <paramref name="part"/>'s row <paramref name="row"/> (0-based; −1 for none).</summary>
    public void Time(string part, int row = -1)
    {
        if (Stopwatch.GetElapsedTime(started) > limits.MaxTime)
            throw Exceeded(ReadLimit.Time, $"读取时间超过 {limits.MaxTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} 秒",
                row < 0 ? part : $"{part}第 {Ordinal(row)} 行");
    }

    /// <summary>A table row's 0-based index.</summary>
    public void Row(int row, string table)
    {
        if (row >= limits.MaxRows || row < 0)
            throw Exceeded(ReadLimit.Rows, $"表格行数超过 {limits.MaxRows}", $"{table}第 {Ordinal(row)} 行");
    }

    /// <summary>Where a cell ends: its 0-based column plus its span (a long, so a span of 2³¹ cannot wrap).</summary>
    public void ColumnEnd(long end, string table, int row)
    {
        if (end > limits.MaxColumns || end < 0)
            throw Exceeded(ReadLimit.Columns, $"表格列数超过 {limits.MaxColumns}", $"{table}第 {Ordinal(row)} 行");
    }

    /// <summary>Where a merged area ends downwards: its 0-based row plus its span.</summary>
    public void RowEnd(long end, string table, int row)
    {
        if (end > limits.MaxRows || end < 0)
            throw Exceeded(ReadLimit.Rows, $"表格行数超过 {limits.MaxRows}", $"{table}第 {Ordinal(row)} 行的合并单元格");
    }

    public void Cell(string table, int row)
    {
        if (++cells > limits.MaxCells)
            throw Exceeded(ReadLimit.Cells, $"单元格数超过 {limits.MaxCells}", $"{table}第 {Ordinal(row)} 行");
    }

    public void Merge(string table, int row)
    {
        if (++merges > limits.MaxMerges)
            throw Exceeded(ReadLimit.Merges, $"合并单元格数超过 {limits.MaxMerges}", $"{table}第 {Ordinal(row)} 行");
    }

    public void Depth(int depth, string part)
    {
        if (depth > limits.MaxXmlDepth)
            throw Exceeded(ReadLimit.XmlDepth, $"XML 元素嵌套超过 {limits.MaxXmlDepth} 层", part);
    }

    public void Text(long characters, string where)
    {
        textCharacters += characters;
        if (textCharacters > limits.MaxTextCharacters || characters < 0)
            throw Exceeded(ReadLimit.TextCharacters, $"文字超过 {limits.MaxTextCharacters} 个字符", where);
    }

    public void Decompressed(long bytes, string where)
    {
        decompressed += bytes;
        if (decompressed > limits.MaxDecompressedBytes || bytes < 0)
            throw Exceeded(ReadLimit.DecompressedBytes, $"解压后超过 {Megabytes(limits.MaxDecompressedBytes)}", where);
    }

    public void Pages(int pages)
    {
        if (pages > limits.MaxPages)
            throw Exceeded(ReadLimit.Pages, $"PDF 页数超过 {limits.MaxPages}", $"共 {pages} 页");
    }

    public void Drawings(int count, int page)
    {
        if (count > limits.MaxDrawingsPerPage)
            throw Exceeded(ReadLimit.Drawings, $"一页中的线条图形超过 {limits.MaxDrawingsPerPage} 个", $"第 {page} 页");
    }

    /// <summary>
    /// The positions a table takes once laid out row by row (rows holding cells × the table's width), the shape the
    /// recogniser reads; checked when a reader finishes a table.
    /// </summary>
    public void Table(IReadOnlyList<Cell> tableCells, string table)
    {
        if (tableCells.Count == 0) return;
        // Readers give cells in row order, so counting row changes counts the rows (never fewer).
        var width = 0;
        var rows = 0;
        var previous = -1;
        foreach (var c in tableCells)
        {
            if (c.Column + 1 > width) width = c.Column + 1;
            if (c.Row != previous) rows++;
            previous = c.Row;
        }

        if ((long)rows * width > limits.MaxTablePositions)
            throw Exceeded(ReadLimit.Cells, $"表格规模（{rows} 行 × {width} 列）超过 {limits.MaxTablePositions} 个单元格", table);
    }

    public DocumentReadException Exceeded(ReadLimit limit, string what, string where) =>
        new(path, limit, $"文件超出读取限制：{what}（{where}）");

    private static string Ordinal(int zeroBased) => ((long)zeroBased + 1).ToString(CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB";
}

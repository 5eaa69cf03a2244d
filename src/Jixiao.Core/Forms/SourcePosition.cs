namespace Jixiao.Core.Forms;

/// <summary>
/// Where a value was read from, so a finding can point at it: a line of a text file, a row and column of a sheet or
/// table (1-based), a page of a PDF. <see cref="Word"/> is the place (1-based) of a word in a line onto which a converter
/// flattened a whole table: there one line holds many rows, and a doubt about one of them must not cover the others.
/// </summary>
public sealed record SourcePosition(int Row, int Column = 0, string? Sheet = null, int? Page = null, int? Word = null)
{
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Sheet is not null) parts.Add(Sheet);
        if (Page is not null) parts.Add($"第{Page}页");
        parts.Add(Column > 0 ? $"第{Row}行第{Column}列" : $"第{Row}行");
        return string.Join(" ", parts);
    }
}

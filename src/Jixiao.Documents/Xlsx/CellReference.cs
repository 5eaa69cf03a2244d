namespace Jixiao.Documents.Xlsx;

/// <summary>A1-style references ("B3", "A1:C4") as 0-based row and column.</summary>
internal readonly record struct CellReference(int Row, int Column)
{
    /// <summary>Excel's last column is XFD (16,384) and last row 1,048,576; anything beyond is not a real reference.</summary>
    private const int MaxColumns = 16_384;
    private const int MaxRows = 1_048_576;

    public static bool TryParse(ReadOnlySpan<char> text, out CellReference reference)
    {
        reference = default;
        var i = 0;
        var column = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            if (column > MaxColumns) return false;
            i++;
        }

        if (i == 0 || i == text.Length) return false;
        var row = 0;
        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            row = row * 10 + (text[i] - '0');
            if (row > MaxRows) return false;
        }

        if (row == 0) return false;
        reference = new CellReference(row - 1, column - 1);
        return true;
    }

    public static bool TryParse(string? text, out CellReference reference)
    {
        reference = default;
        return text is not null && TryParse(text.AsSpan(), out reference);
    }

    public static bool TryParseRange(string? text, out CellReference from, out CellReference to)
    {
        from = to = default;
        if (text is null) return false;
        var colon = text.IndexOf(':');
        if (colon < 0) return TryParse(text.AsSpan(), out from) && TryParse(text.AsSpan(), out to);
        if (!TryParse(text.AsSpan(0, colon), out var a) || !TryParse(text.AsSpan(colon + 1), out var b)) return false;
        from = new CellReference(Math.Min(a.Row, b.Row), Math.Min(a.Column, b.Column));
        to = new CellReference(Math.Max(a.Row, b.Row), Math.Max(a.Column, b.Column));
        return true;
    }
}

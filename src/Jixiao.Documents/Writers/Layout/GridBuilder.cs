using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.Layout;

/// <summary>Collects the cells of a table row by row.</summary>
internal sealed class GridBuilder(IReadOnlyList<double> widths)
{
    private readonly List<LayoutCell> _cells = [];

    public IReadOnlyList<double> Widths { get; } = widths;

    public int Columns => Widths.Count;

    /// <summary>The row the next cells go into.</summary>
    public int Row { get; private set; }

    public IReadOnlyList<LayoutCell> Cells => _cells;

    public void Add(int column, string? text, CellStyle style, int rowSpan = 1, int columnSpan = 1) =>
        _cells.Add(new LayoutCell(Row, column, text ?? "", style, rowSpan, columnSpan));

    public void AddAt(int row, int column, string? text, CellStyle style, int rowSpan = 1, int columnSpan = 1) =>
        _cells.Add(new LayoutCell(row, column, text ?? "", style, rowSpan, columnSpan));

    public void Money(int column, decimal? amount, MoneyUnit? unit, int columnSpan = 1)
    {
        if (amount is not { } value) { Add(column, "", CellStyle.Number, 1, columnSpan); return; }
        var decimals = Printing.MoneyDecimals(value, unit);
        _cells.Add(new LayoutCell(Row, column, Printing.Money(value, unit), CellStyle.Number, 1, columnSpan)
        {
            Number = Math.Round(value, decimals, MidpointRounding.AwayFromZero),
            NumberFormat = Printing.MoneyFormat(unit),
        });
    }

    public void Score(int column, decimal? score, int columnSpan = 1)
    {
        if (score is not { } value) { Add(column, "", CellStyle.Number, 1, columnSpan); return; }
        _cells.Add(new LayoutCell(Row, column, Printing.Score(value), CellStyle.Number, 1, columnSpan)
        {
            Number = Math.Round(value, 2, MidpointRounding.AwayFromZero),
            NumberFormat = Printing.ScoreFormat,
        });
    }

    public void Percent(int column, Percentage? rate, int columnSpan = 1) =>
        Add(column, rate is { } r ? Printing.Percent(r) : "", CellStyle.Center, 1, columnSpan);

    /// <summary>A heading row across the whole table.</summary>
    public void Banner(string text, CellStyle style = CellStyle.Header)
    {
        Add(0, text, style, 1, Columns);
        NextRow();
    }

    public void NextRow(int rows = 1) => Row += rows;

    /// <summary>Splits <paramref name="total"/> columns into <paramref name="parts"/> spans as evenly as possible.</summary>
    public static int[] Split(int total, int parts)
    {
        var spans = new int[parts];
        for (var i = 0; i < parts; i++) spans[i] = total / parts + (i < total % parts ? 1 : 0);
        return spans;
    }
}

using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Ui;

/// <summary>
/// Where a finding points, said the way the person sees the form on screen. The checker locates a row read from a file
/// by the file's line (useful on the command line); on screen the row is the form's own row, so an indicator found on
/// line 679 of the source is “绩效指标 第3行”, and a sentence of a report is a sentence (第5句), not a line.
/// </summary>
public static class FindingPlaces
{
    public static string Where(Finding finding, PerformanceForm? form)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var at = finding.Location;
        if (at.Block == Blocks.Report && at.Row is { } sentence)
            return $"{Blocks.ChineseName(at.Block)} 第{sentence}句" + (at.Field is null ? "" : $" {at.Field}");
        if (form is null || at.Row is not { } row) return at.ToChinese();
        int? onScreen = at.Block switch
        {
            Blocks.Indicators => Index(form.Indicators, r => r.Source?.Row, row),
            Blocks.Funds => Index(form.Funds, r => r.Source?.Row, row),
            _ => null,
        };
        // A row the checker numbered itself (no source) already is the form's row; one no longer in the form keeps its place.
        return (at with { Row = onScreen ?? (IsFormRow(form, at.Block, row) ? row : null) }).ToChinese();
    }

    private static int? Index<T>(List<T> rows, Func<T, int?> source, int row)
    {
        for (var i = 0; i < rows.Count; i++)
            if (source(rows[i]) == row) return i + 1;
        return null;
    }

    private static bool IsFormRow(PerformanceForm form, string block, int row) => block switch
    {
        Blocks.Indicators => row >= 1 && row <= form.Indicators.Count && form.Indicators[row - 1].Source is null,
        _ => true,
    };
}

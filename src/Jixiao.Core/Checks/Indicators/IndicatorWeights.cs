using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks;

/// <summary>An indicator row, its index in the form, the weight it carries and the 一级 block it counts under.</summary>
public sealed record WeightedRow(IndicatorRow Row, int Index, decimal? Weight, string Level1, string Level2);

/// <summary>
/// Which weight a row carries. Most layouts print a 分值 per row; the department layout sometimes prints the weight only
/// on the 二级 cell ("资产管理（4）") above a single row, which then carries that weight.
/// </summary>
public static class IndicatorWeights
{
    public static IReadOnlyList<WeightedRow> Of(PerformanceForm form)
    {
        var rows = form.Indicators;
        var result = new List<WeightedRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var level1 = Canonical1(row);
            var level2 = Locations.Clean(row.Level2 ?? "");
            var weight = row.Weight;
            if (weight is null && row.Level2Weight is not null && GroupSize(rows, i) == 1) weight = row.Level2Weight;
            result.Add(new WeightedRow(row, i, weight, level1, level2));
        }
        return result;
    }

    /// <summary>
    /// The 一级 block a row counts under, as the reader recorded it (the reader decides where a row without a printed
    /// 一级 cell belongs; the department layout keeps 满意度 inside 效益指标, the project layout makes it a block).
    /// </summary>
    public static string Canonical1(IndicatorRow row) => StripWeight(Locations.Clean(row.Level1 ?? ""));

    /// <summary>"产出指标(50分)" → "产出指标".</summary>
    public static string StripWeight(string name)
    {
        var cut = name.IndexOfAny(['(', '（']);
        return cut > 0 ? name[..cut] : name;
    }

    private static int GroupSize(List<IndicatorRow> rows, int index)
    {
        var key = (rows[index].Level1, rows[index].Level2);
        var start = index;
        while (start > 0 && (rows[start - 1].Level1, rows[start - 1].Level2) == key) start--;
        var end = index;
        while (end + 1 < rows.Count && (rows[end + 1].Level1, rows[end + 1].Level2) == key) end++;
        return end - start + 1;
    }
}

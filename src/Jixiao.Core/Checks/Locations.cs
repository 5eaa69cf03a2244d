using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks;

internal static class Locations
{
    public static FindingLocation Funds(FundsRow row, string field) =>
        new(Blocks.Funds, row.Source?.Row, field, Clean(row.Label));

    public static FindingLocation Indicator(IndicatorRow row, int index, string field) =>
        new(Blocks.Indicators, row.Source?.Row ?? index + 1, field, Label(row));

    public static FindingLocation Total(PerformanceForm form, string field) => new(Blocks.Total, null, field, "总分");

    /// <summary>The name a reader recognises the row by: the 三级 indicator, else its 二级 or 一级 heading.</summary>
    public static string Label(IndicatorRow row) =>
        Clean(FirstText(row.Name, row.Level2, row.Level1) ?? "");

    public static string? FirstText(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));

    public static string Clean(string text)
    {
        return CompactText.Of(text).TrimEnd('：', ':');
    }
}

namespace Jixiao.Core.Forms;

/// <summary>
/// Text a table states once for all its indicator rows, in a row of its own under them (the Hubei monitoring table's
/// 偏差或不能完成目标原因分析 and 相关建议或举措): kept in <see cref="PerformanceForm.Extra"/> under the role id of the column
/// other layouts give each row (roles.json), so a check reads it as every row's.
/// </summary>
public static class TableWideText
{
    /// <summary>偏差原因分析 for the whole table.</summary>
    public const string Explanation = "explanation";

    /// <summary>改进措施 / 相关建议或举措 for the whole table.</summary>
    public const string Improvement = "improvement";

    /// <summary>The table's own reason for its deviations, or null when it states none.</summary>
    public static string? ExplanationOf(PerformanceForm form) =>
        form.Extra.TryGetValue(Explanation, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}

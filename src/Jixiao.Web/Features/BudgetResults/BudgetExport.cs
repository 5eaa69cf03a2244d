using System.Globalization;
using Jixiao.Documents.Writers;
using Jixiao.Documents.Writers.Xlsx;

namespace Jixiao.Web.Features.BudgetResults;

/// <summary>
/// The year's budget suggestions and decisions for the budget system: one row per evaluated project, the same columns
/// in xlsx and CSV (UTF-8, formulas escaped). Amounts are numbers in 元; actions appear as code and as Chinese name so
/// a system can import the code and a person read the name.
/// </summary>
public static class BudgetExport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "评价年度", "预算年度", "表单编号", "主管部门", "单位", "项目", "表单状态", "总分", "等级", "计分规则", "本年预算（元）", "预算来源",
        "建议安排代码", "建议安排", "建议比例", "建议金额（元）", "建议依据",
        "决定安排代码", "决定安排", "决定金额（元）", "决定理由", "决定人", "决定时间（UTC）", "是否已应用", "与建议是否一致",
    ];

    private static readonly double[] Widths = [8, 8, 8, 22, 24, 30, 12, 8, 6, 22, 16, 18, 14, 12, 8, 16, 60, 14, 12, 16, 40, 12, 20, 10, 10];

    private static IReadOnlyList<object?> Row(BudgetSuggestionDto s) =>
    [
        s.Year, s.Year + 1, s.FormId, s.DepartmentName ?? "", s.UnitName ?? "", s.ProjectName ?? "", s.StatusName, s.Total, s.Grade, s.RulebookLabel,
        s.CurrentBudget, s.BudgetSource, s.SuggestedAction, s.SuggestedActionName, Core.Rulebooks.ResultApplication.Percent(s.Share), s.SuggestedAmount,
        string.Join("；", s.Reasons),
        s.Decision?.Action, s.Decision?.ActionName, s.Decision?.Amount, s.Decision?.Reason, s.Decision?.DecidedBy,
        s.Decision?.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        s.Applied ? "是" : "否", s.FollowsSuggestion switch { true => "是", false => "否", null => "" },
    ];

    public static void Xlsx(Stream output, IEnumerable<BudgetSuggestionDto> rows) =>
        TableWorkbook.Write(output, "下年度预算安排", Headers, Widths, rows.Select(Row));

    public static void Csv(Stream output, IEnumerable<BudgetSuggestionDto> rows)
    {
        using var csv = SpreadsheetText.Csv(output);
        foreach (var h in Headers) csv.Field(h);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var field in Row(row))
            {
                switch (field)
                {
                    // Amounts and scores at their printed precision (two decimals), so 225000.0 and 225000 both read 225000.00.
                    case decimal d: csv.Field(d.ToString("0.00", CultureInfo.InvariantCulture)); break;
                    case int i: csv.Field(i); break;
                    default: csv.Field((string?)field); break;
                }
            }
            csv.EndRecord();
        }
    }
}

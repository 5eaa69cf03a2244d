using System.Globalization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Xlsx;

namespace Jixiao.Documents.Findings;

/// <summary>
/// The findings report for auditors (<c>jixiao check --report findings.xlsx</c>): one row per finding with file, form,
/// unit, project, year, code, severity, location, message, stated and expected values and how they were computed; a
/// frozen bold header with an autofilter so an auditor can filter by code, severity or unit.
/// </summary>
public static class FindingsWorkbook
{
    public static readonly IReadOnlyList<string> Headers =
        ["文件", "表格类型", "单位", "项目", "年度", "代码", "严重程度", "位置", "说明", "填报值", "应为", "计算依据"];

    private static readonly double[] Widths = [28, 22, 24, 30, 8, 28, 10, 34, 70, 16, 16, 50];

    /// <summary>Writes the workbook to <paramref name="output"/> (left open). Forms without findings add no row.</summary>
    public static void Write(Stream output, IEnumerable<FormFindings> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.SelectMany(result => result.Findings.Select(finding => (IReadOnlyList<object?>)
        [
            result.Document,
            result.Form.Kind.ChineseName(),
            result.Form.Unit ?? result.Form.Department ?? "",
            result.Form.Project ?? "",
            result.Form.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
            finding.Code,
            finding.Severity.ChineseName(),
            FindingText.Where(finding.Location),
            finding.Message,
            finding.Stated ?? "",
            finding.Expected ?? "",
            finding.Explanation ?? "",
        ]));
        TableWorkbook.Write(output, "审核发现", Headers, Widths, rows);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A deadline in a target earlier than the year the form is about (2021年底前 in a 2022 form): the target was carried
/// over from an earlier form, or the work is already late. Only dates written as deadlines (…前, …底前) count; a year
/// named as a baseline (较2019年增长) does not.
/// </summary>
public sealed partial class DeadlineBeforeYearRule : ICheckRule
{
    public string Code => CheckCodes.DeadlineBeforeYear;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Year is not { } year || form.Kind == FormKind.Report) yield break;
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            // Most targets name no year: a look for 年 spares them the expression.
            if (string.IsNullOrWhiteSpace(row.Target) || !row.Target.Contains('年', StringComparison.Ordinal) || context.IsDoubtful(row.Source, CellRole.Target)) continue;
            var m = Deadline().Match(row.Target);
            if (!m.Success || !int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var due) || due >= year) continue;
            var label = Locations.Label(row);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”目标“{Locations.Clean(row.Target)}”的期限为{due}年，早于本表的{year}年度。",
                $"{label}: the target's deadline {due} is earlier than the form's year {year}.",
                Locations.Indicator(row, i, "年度指标值"),
                m.Value, $"{year}年度内的期限", $"{due} < {year}");
        }
    }

    // 2021年底前 / 2021年12月底前 / 2021年6月30日前 / 2021年以前
    [GeneratedRegex(@"(20\d{2})\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:底|末)?\s*(?:以前|之前|前)")]
    private static partial Regex Deadline();
}

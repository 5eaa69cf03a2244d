using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>
/// What differs between a form and the same form read back from a written file, field by field, in words a test
/// failure can show. Text is compared after NFKC and without whitespace (a PDF's text comes back NFKC-normalised and
/// re-flowed); amounts, weights and scores by value; percentages at two decimals, the precision they are printed at.
/// </summary>
internal static class FormDifferences
{
    public static List<string> Between(PerformanceForm expected, PerformanceForm actual)
    {
        var differences = new List<string>();
        void Same<T>(string field, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b)) differences.Add($"{field}: expected {Show(a)}, read {Show(b)}");
        }
        void Text(string field, string? a, string? b)
        {
            if (Normal(a) != Normal(b)) differences.Add($"{field}: expected “{a}”, read “{b}”");
        }
        void Rate(string field, Percentage? a, Percentage? b)
        {
            if (a?.AtPrecision(2).PrintedPoints != b?.AtPrecision(2).PrintedPoints) differences.Add($"{field}: expected {a}, read {b}");
        }

        Same("kind", expected.Kind, actual.Kind);
        Same("year", expected.Year, actual.Year);
        Text("project", expected.Project, actual.Project);
        Text("department", expected.Department, actual.Department);
        Text("unit", expected.Unit, actual.Unit);
        Same("money unit", expected.MoneyUnit, actual.MoneyUnit);
        Same("monitoring months", expected.MonitoringMonths, actual.MonitoringMonths);
        Text("planned goal", expected.PlannedGoal, actual.PlannedGoal);
        Text("actual goal", expected.ActualGoal, actual.ActualGoal);
        Text("functions", expected.Functions, actual.Functions);
        Same("stated weight total", expected.StatedWeightTotal, actual.StatedWeightTotal);
        Same("stated total", expected.StatedTotal, actual.StatedTotal);
        Text("stated grade", expected.StatedGrade, actual.StatedGrade);
        Text("filler", expected.Filler, actual.Filler);
        Text("head", expected.Head, actual.Head);

        Same("funds rows", expected.Funds.Count, actual.Funds.Count);
        foreach (var (a, b, i) in expected.Funds.Zip(actual.Funds).Select((p, i) => (p.First, p.Second, i + 1)))
        {
            var at = $"funds {i}";
            Text(at + " label", a.Label, b.Label);
            Same(at + " role", a.Role, b.Role);
            Same(at + " 年初预算数", a.InitialBudget, b.InitialBudget);
            Same(at + " 全年预算数", a.Budget, b.Budget);
            Same(at + " 全年执行数", a.Executed, b.Executed);
            Same(at + " 上级财政移动支付", a.Transfer, b.Transfer);
            Same(at + " 全年预计执行数", a.ForecastExecuted, b.ForecastExecuted);
            Same(at + " 分值", a.Weight, b.Weight);
            Rate(at + " 执行率", a.StatedRate, b.StatedRate);
            Same(at + " 得分", a.StatedScore, b.StatedScore);
        }

        Same("indicator rows", expected.Indicators.Count, actual.Indicators.Count);
        foreach (var (a, b, i) in expected.Indicators.Zip(actual.Indicators).Select((p, i) => (p.First, p.Second, i + 1)))
        {
            var at = $"indicator {i}";
            Text(at + " 一级", a.Level1, b.Level1);
            Same(at + " 一级 weight", a.Level1Weight, b.Level1Weight);
            Text(at + " 二级", a.Level2, b.Level2);
            Same(at + " 二级 weight", a.Level2Weight, b.Level2Weight);
            Text(at + " 三级", a.Name, b.Name);
            Text(at + " content", a.Content, b.Content);
            Text(at + " target", a.Target, b.Target);
            Text(at + " actual", a.Actual, b.Actual);
            Same(at + " 分值", a.Weight, b.Weight);
            Same(at + " 得分", a.StatedScore, b.StatedScore);
            Text(at + " explanation", a.Explanation, b.Explanation);
            Text(at + " improvement", a.Improvement, b.Improvement);
            Text(at + " 1-N月执行情况", a.MidYearProgress, b.MidYearProgress);
            Text(at + " 全年预计完成情况", a.ExpectedCompletion, b.ExpectedCompletion);
            Same(at + " causes", a.Causes, b.Causes);
            Same(at + " likelihood", a.Likelihood, b.Likelihood);
            Text(at + " remark", a.Remark, b.Remark);
        }

        Same("staffing", expected.Staffing is null, actual.Staffing is null);
        if (expected.Staffing is { } s && actual.Staffing is { } t)
        {
            Same("编制数", s.Authorized, t.Authorized);
            Same("实际在职人数", s.Actual, t.Actual);
            Rate("控制率", s.StatedControlRate, t.StatedControlRate);
        }
        Same("basic data rows", expected.BasicData.Count, actual.BasicData.Count);
        foreach (var (a, b, i) in expected.BasicData.Zip(actual.BasicData).Select((p, i) => (p.First, p.Second, i + 1)))
        {
            var at = $"basic data {i}";
            Text(at + " label", a.Label, b.Label);
            Same(at + " depth", a.Depth, b.Depth);
            Same(at + " 上年决算数", a.PriorYearFinal, b.PriorYearFinal);
            Same(at + " 本年预算数", a.Budget, b.Budget);
            Same(at + " 本年决算数", a.Final, b.Final);
            Text(at + " text", a.Text, b.Text);
        }
        return differences;
    }

    private static string Normal(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normal = text.Normalize(NormalizationForm.FormKC);
        return string.Concat(normal.Where(ch => !char.IsWhiteSpace(ch)));
    }

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

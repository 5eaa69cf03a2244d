using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>
/// The rows of the audited Shanxi 基本公共卫生服务 form (AUDIT.md, 09), as its auditor lined them up: the checker raises each
/// [A] line (five over-scored rows, one full score on a miss) as an error at its row, and the under-scored rows the
/// auditor left open ([A?]: perhaps a banded local rule) only as warnings. The published text itself is flattened
/// (issue 12's reader); this pins down what the checker does once the rows are read.
/// </summary>
public class ProportionalScoringOnTheShanxiRowsTests
{
    private static readonly (string Name, string Target, string Actual, string Weight, string Score)[] Rows =
    [
        ("指标1:居民健康档案", "38508人", "37442人", "3", "3"),
        ("指标7:建立预防接种证", "221人", "221人", "2", "2"),
        ("指标8:适龄儿童疫苗接种率", "100.00%", "97.30%", "2", "1.9"),
        ("指标12:孕产妇7天访视数", "214人", "203人", "2", "1.8"),
        ("指标14:早孕建册数", "120人", "69人", "2", "1"),
        ("指标15:老年人体检数", "5662人", "4044人", "2", "1.4"),
        ("指标16:高血压规范管理数", "3807人", "3224人", "2", "1.9"),
        ("指标17:高血压随访控制数", "3807人", "3220人", "2", "1.8"),
        ("指标18:糖尿病规范管理数", "863人", "695人", "2", "1.8"),
        ("指标19:糖尿病随访控制数", "863人", "683人", "2", "1.7"),
        ("指标20:严重精神障碍患者管理数", "212人", "209人", "2", "1.8"),
        ("指标23:0-36月龄中医药规范管理数", "1228人", "770人", "2", "1.8"),
        ("指标25:家庭医生签约率", "24694人", "22584人", "2", "1.7"),
    ];

    private static IReadOnlyList<Finding> Findings()
    {
        var form = Project("国家基本公共卫生服务", "207.4538", "207.4538", "100%", "10");
        form.Year = 2021;
        foreach (var (name, target, actual, weight, score) in Rows)
            form.Indicators.Add(Row("产出指标", "数量指标", name, target, actual, weight, score, explanation: "已说明"));
        return Check(form);
    }

    [Theory]
    [InlineData("指标16:高血压规范管理数", "1.9", "1.69")]
    [InlineData("指标17:高血压随访控制数", "1.8", "1.69")]
    [InlineData("指标18:糖尿病规范管理数", "1.8", "1.61")]
    [InlineData("指标19:糖尿病随访控制数", "1.7", "1.58")]
    [InlineData("指标23:0-36月龄中医药规范管理数", "1.8", "1.25")]
    public void An_over_scored_row_is_an_error_with_the_proportional_score(string row, string stated, string expected)
    {
        var f = Assert.Single(Findings(), x => x.Code == CheckCodes.ScoreNotProportional && x.Location.RowLabel == row);
        Assert.Equal((Severity.Error, "得分", stated, expected), (f.Severity, f.Location.Field, f.Stated, f.Expected));
    }

    [Fact]
    public void Full_marks_for_37442_of_38508_health_records_is_an_error()
    {
        var f = Assert.Single(Findings(), x => x.Code == CheckCodes.FullScoreDespiteMiss);
        Assert.Equal(("指标1:居民健康档案", Severity.Error), (f.Location.RowLabel, f.Severity));
    }

    [Fact]
    public void Under_scored_rows_are_warnings_and_rows_within_printed_precision_are_not_reported()
    {
        var findings = Findings().Where(x => x.Code == CheckCodes.ScoreNotProportional).ToList();
        Assert.All(findings.Where(x => x.Severity == Severity.Error), x => Assert.Contains(x.Location.RowLabel, new[]
        {
            "指标16:高血压规范管理数", "指标17:高血压随访控制数", "指标18:糖尿病规范管理数", "指标19:糖尿病随访控制数", "指标23:0-36月龄中医药规范管理数",
        }));
        Assert.Equal(
            ["指标12:孕产妇7天访视数", "指标20:严重精神障碍患者管理数", "指标25:家庭医生签约率"],
            findings.Where(x => x.Severity == Severity.Warning).Select(x => x.Location.RowLabel));
        // 2 × 97.30% = 1.946 and 2 × 4044 ÷ 5662 = 1.43 print as 1.9 and 1.4 at one decimal; 2 × 69 ÷ 120 = 1.15 is "1"
        // at the whole number the row printed.
        Assert.DoesNotContain(findings, x => x.Location.RowLabel is "指标8:适龄儿童疫苗接种率" or "指标15:老年人体检数" or "指标14:早孕建册数");
    }
}

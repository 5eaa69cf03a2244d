using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class DuplicateFormTests
{
    [Fact]
    public void An_identical_copy_is_reported_once_on_the_later_copy_as_identical()
    {
        var results = Checker.Check([new DocumentForm("a.txt", Clean()), new DocumentForm("a.txt", Clean())], Rulebook);
        Assert.Empty(results[0].Findings);
        var f = Assert.Single(results[1].Findings);
        Assert.Equal(CheckCodes.DuplicateForm, f.Code);
        Assert.Contains("内容相同", f.Message);
    }

    [Fact]
    public void A_copy_that_differs_says_where()
    {
        var copy = Clean();
        copy.Project = "政务数据共享平台运维 ";
        copy.Indicators[0].Actual = "51个";
        var results = Checker.Check([new DocumentForm("a.txt", Clean()), new DocumentForm("b.txt", copy)], Rulebook);
        var f = Assert.Single(results[1].Findings, x => x.Code == CheckCodes.DuplicateForm);
        Assert.Contains("a.txt", f.Message);
        Assert.Contains("实际完成值", f.Message);
        Assert.Contains("51个", f.Message);
    }

    [Fact]
    public void Different_projects_and_different_years_are_not_duplicates()
    {
        var other = Clean();
        other.Project = "另一个项目";
        var nextYear = Clean();
        nextYear.Year = 2021;
        var results = Checker.Check([new DocumentForm("a", Clean()), new DocumentForm("a", other), new DocumentForm("a", nextYear)], Rulebook);
        // The same indicators in another project and next year's targets below this year's actuals are findings of
        // their own (CrossFormTests); neither is a duplicate.
        Assert.All(results, r => Assert.DoesNotContain(r.Findings, f => f.Code == CheckCodes.DuplicateForm));
    }
}

public class ReportTableTests
{
    private static PerformanceForm Table()
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, Year = 2020, Unit = "长沙市望城区数据资源中心", MoneyUnit = MoneyUnit.TenThousandYuan, StatedTotal = 90m };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 868m, Executed = 2032m, Transfer = 0m, Weight = 10m, StatedRate = P("234.00%"), StatedScore = 0m });
        return form;
    }

    private static PerformanceForm Report(string text) =>
        new() { Kind = FormKind.Report, Year = 2020, Unit = "长沙市望城区数据资源中心", Text = text };

    [Fact]
    public void A_completion_rate_in_the_report_that_contradicts_the_table_of_the_same_unit_and_year_is_reported()
    {
        var results = Checker.Check([new DocumentForm("000.txt", Table()), new DocumentForm("001.txt", Report("本年度预算支出完成率134.71%，一般专项预算2个。"))], Rulebook);
        var f = Assert.Single(results[1].Findings, x => x.Code == CheckCodes.ReportTableMismatch);
        Assert.Equal("134.71%", f.Stated);
        Assert.Equal("234.10%", f.Expected);
        Assert.Contains("234.00%", f.Message);
    }

    [Fact]
    public void A_rate_within_the_rounding_of_the_tables_whole_amounts_is_accepted()
    {
        var results = Checker.Check([new DocumentForm("000.txt", Table()), new DocumentForm("001.txt", Report("本年度预算支出完成率234.20%。"))], Rulebook);
        Assert.DoesNotContain(results[1].Findings, x => x.Code == CheckCodes.ReportTableMismatch);
    }

    [Fact]
    public void A_score_and_grade_in_the_report_are_compared_with_the_tables_total()
    {
        var results = Checker.Check([new DocumentForm("000.txt", Table()), new DocumentForm("001.txt", Report("我单位自评得分92分，评价等级为良。"))], Rulebook);
        var findings = results[1].Findings.Where(x => x.Code == CheckCodes.ReportTableMismatch).ToList();
        Assert.Contains(findings, f => f.Stated == "92" && f.Expected == "90");
        Assert.Contains(findings, f => f.Stated == "良" && f.Expected == "优");
    }

    [Fact]
    public void Basic_and_project_spending_in_the_report_are_compared_with_the_tables_structure_rows()
    {
        var table = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, Year = 2020, Unit = "浏阳市数据资源中心", MoneyUnit = MoneyUnit.Yuan };
        table.Funds.Add(new FundsRow { Label = "资金结构：（1）基本支出", Role = FundsRowRole.Structure, Budget = D("1,490,112.00"), Executed = D("1,625,312.00") });
        table.Funds.Add(new FundsRow { Label = "（2）项目支出", Role = FundsRowRole.Structure, Budget = D("4,782,400.00"), Executed = D("9,499,678.85") });
        var report = new PerformanceForm
        {
            Kind = FormKind.Report, Year = 2020, Unit = "浏阳市数据资源中心",
            Text = "2020年度支出总额1112.50万元,其中基本支出162.53万元;项目支出949.97万元。2019年项目支出634.13万元。项目支出预算478.24万元。财政拨款基本支出170.00万元。",
        };
        var results = Checker.Check([new DocumentForm("t", table), new DocumentForm("r", report)], Rulebook);
        var f = Assert.Single(results[1].Findings, x => x.Code == CheckCodes.ReportTableMismatch);
        Assert.Equal("170.00万元", f.Stated);
        Assert.Equal("1625312.00元", f.Expected);
    }

    [Fact]
    public void A_table_of_another_unit_or_year_is_not_compared()
    {
        var other = Table();
        other.Unit = "浏阳市数据资源中心";
        var earlier = Table();
        earlier.Year = 2019;
        var results = Checker.Check([new DocumentForm("x", other), new DocumentForm("y", earlier), new DocumentForm("z", Report("本年度预算支出完成率134.71%。"))], Rulebook);
        Assert.DoesNotContain(results[2].Findings, x => x.Code == CheckCodes.ReportTableMismatch);
    }
}

using Jixiao.Core.Checks;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class CleanFormTests
{
    [Fact]
    public void A_correctly_filled_project_table_gets_no_warning_or_error()
    {
        var findings = Check(Clean());
        Assert.DoesNotContain(findings, f => f.Severity >= Severity.Warning);
        Assert.Empty(findings);
    }

    [Fact]
    public void Every_finding_code_the_checker_can_report_is_a_catalogue_code()
    {
        foreach (var rule in Checker.Rules)
            Assert.Contains(rule.Code, CheckCodes.All);
    }
}

public class FindingTextTests
{
    [Fact]
    public void A_finding_reads_as_one_chinese_line_with_severity_code_place_and_message()
    {
        var finding = new Finding(CheckCodes.ExecutionRateMismatch, Severity.Error, "执行率填报为92.64%，应为99.99%。", "rate",
            new FindingLocation(Blocks.Funds, 79, "执行率", "年度资金总额"), "92.64%", "99.99%");
        Assert.Equal("错误 execution-rate-mismatch 资金 第79行（年度资金总额） 执行率：执行率填报为92.64%，应为99.99%。", FindingText.Line(finding));
        Assert.Equal("报告正文 第50句（本年度预算支出完成率134.71%） 占比", FindingText.Where(new FindingLocation(Blocks.Report, 50, "占比", "本年度预算支出完成率134.71%")));
    }
}

public class TheCatalogueDocumentsEveryCode
{
    [Fact]
    public void Every_finding_code_has_an_entry_in_docs_checks_md()
    {
        var doc = File.ReadAllText(Path.Combine(Jixiao.Tests.RepoPaths.Root, "docs", "checks.md"));
        var missing = CheckCodes.All.Where(c => !doc.Contains($"### `{c}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/checks.md lacks " + string.Join(", ", missing));
    }
}

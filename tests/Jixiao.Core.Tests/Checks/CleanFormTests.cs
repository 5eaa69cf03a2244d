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

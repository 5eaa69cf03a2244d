using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Report;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>
/// Amounts and scores beyond what any form holds (the checker's value-out-of-range) are not added up into a draft: the
/// paragraph becomes a gap to fill, and the draft is still written.
/// </summary>
public sealed class Report_draft_leaves_a_gap_for_amounts_no_form_could_hold
{
    [Fact]
    public void Decimal_max_amounts_and_weights_give_a_draft_without_those_figures()
    {
        var department = SampleForms.DepartmentWide();
        foreach (var row in department.Funds)
        {
            row.Budget = decimal.MaxValue;
            row.Executed = decimal.MaxValue;
        }
        department.Indicators[0].Weight = 7.9e28m;
        department.Indicators[0].StatedScore = decimal.MinValue;
        var project = SampleForms.LinkLease();
        project.Funds[0].Budget = 0.0000001m;
        project.Funds[0].Executed = decimal.MaxValue;

        var text = ReportDrafts.Build([department, project, SampleForms.BasicData()], SampleForms.Unit, 2020).ToText();

        Assert.DoesNotContain("79228162514264337593543950335", text, StringComparison.Ordinal);
        Assert.Contains("【请填写：该项目自评表未列明全年预算数和全年执行数】", text, StringComparison.Ordinal);
        Assert.Contains("六、自评等级", text, StringComparison.Ordinal);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Templates;
using Jixiao.Web.Ui;

namespace Jixiao.Web.Tests.Ui;

/// <summary>A new form is laid out by its kind's default template and filled with the rulebook tree of its year.</summary>
public sealed class Blank_forms_follow_the_template_and_the_tree_of_the_year
{
    [Fact]
    public void A_2021_project_form_lists_cost_as_a_first_level_indicator()
    {
        var form = FormTemplates.Blank(FormKind.ProjectSelfEvaluation, 2021, "某单位", "某部门", "某项目", Rulebooks.NationalFor(2021));
        Assert.Contains(form.Indicators, r => r.Level1 == "成本指标" && r.Level2 == "经济成本指标");
        Assert.DoesNotContain(form.Indicators, r => r.Level1 == "产出指标" && r.Level2 == "成本指标");
        Assert.Equal(TemplateRegistry.BuiltIn.Default(FormKind.ProjectSelfEvaluation, 2021)!.Id, form.TemplateId);
    }

    [Fact]
    public void A_2020_project_form_keeps_cost_under_output()
    {
        var form = FormTemplates.Blank(FormKind.ProjectSelfEvaluation, 2020, "某单位", "某部门", "某项目", Rulebooks.NationalFor(2020));
        Assert.Contains(form.Indicators, r => r.Level1 == "产出指标" && r.Level2 == "成本指标");
    }

    [Fact]
    public void Funds_and_basic_data_rows_come_from_the_template()
    {
        var project = FormTemplates.Blank(FormKind.ProjectSelfEvaluation, 2021, "某单位", null, "某项目", Rulebooks.NationalFor(2021));
        var template = TemplateRegistry.BuiltIn.Find(project.TemplateId)!;
        Assert.Equal(template.Block("funds")!.Rows.Select(r => r.Label), project.Funds.Select(r => r.Label));
        Assert.Equal(10m, project.Funds[0].Weight);
        Assert.Equal(FundsRowRole.Total, project.Funds[0].Role);

        var basic = FormTemplates.Blank(FormKind.DepartmentBasicData, 2021, "某单位", null, null, Rulebooks.NationalFor(2021));
        Assert.NotNull(basic.Staffing);
        Assert.Equal(TemplateRegistry.BuiltIn.Find(basic.TemplateId)!.Block("basicData")!.Rows.Select(r => (r.Label, r.Depth)),
            basic.BasicData.Select(r => (r.Label, r.Depth)));
        Assert.Empty(basic.Indicators);
        Assert.Null(basic.Project);
    }
}

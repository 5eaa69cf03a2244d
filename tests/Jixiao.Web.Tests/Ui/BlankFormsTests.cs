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

/// <summary>A new ex-ante or evaluation sheet starts from the rulebook's sections and their points.</summary>
public sealed class Blank_scoring_sheets_start_from_the_rulebooks_sections
{
    [Fact]
    public void An_ex_ante_sheet_lists_the_five_sections_of_20_points_in_ten_thousand_yuan()
    {
        var form = FormTemplates.Blank(FormKind.ExAnteAssessment, 2022, "某单位", "某部门", "新建项目", Rulebooks.NationalFor(2022));
        Assert.Equal(["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"], form.Indicators.Select(r => r.Level1).Distinct());
        Assert.All(form.Indicators, r => Assert.Equal(20m, r.Level1Weight));
        Assert.Equal(("新建项目", "ex-ante-standard", MoneyUnit.TenThousandYuan), (form.Project, form.TemplateId, form.MoneyUnit));
    }

    [Fact]
    public void An_evaluation_sheet_takes_the_section_weights_of_the_rulebook_it_is_started_with()
    {
        var hunan = FormTemplates.Blank(FormKind.Evaluation, 2020, "某单位", null, "某项目", Rulebooks.BuiltIn("hunan-2020"));
        Assert.Equal([("决策", 10m), ("管理", 25m), ("产出", 30m), ("效益", 35m)],
            hunan.Indicators.Select(r => (r.Level1!, r.Level1Weight!.Value)).Distinct());
        var national = FormTemplates.Blank(FormKind.Evaluation, 2021, "某单位", null, "某项目", Rulebooks.NationalFor(2021));
        Assert.Contains(national.Indicators, r => r is { Level1: "决策", Level2: "绩效目标", Level1Weight: 20m });
    }
}

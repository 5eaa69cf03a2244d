using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Generation;
using Jixiao.Data.Model;

namespace Jixiao.Data.Tests.Generation;

/// <summary>A generated province looks like the corpus (profile.json) and like a province: its tree, its years, its numbers.</summary>
public class GeneratedProvinceFollowsTheCorpusTests
{
    private static readonly ProvinceGenerator Generator = new(7, 45);
    private static readonly Lazy<List<GeneratedUnit>> Units = new(() => Generator.Units().ToList());
    private static CorpusProfile Profile => CorpusProfile.Shipped;

    [Fact]
    public void The_tree_is_a_finance_bureau_over_about_one_department_per_fifteen_units()
    {
        var organisations = Generator.Organisations.ToList();
        var root = Assert.Single(organisations, o => o.Kind == OrganisationKind.FinanceBureau);
        Assert.EndsWith("财政局", root.Name);
        Assert.Equal(3, organisations.Count(o => o.Kind == OrganisationKind.Department));
        Assert.Equal(45, organisations.Count(o => o.Kind == OrganisationKind.Unit));
        Assert.All(organisations.Where(o => o.ParentCode is not null), o => Assert.StartsWith(organisations.Single(p => p.Code == o.ParentCode).Path, o.Path));
        Assert.Equal(organisations.Count, organisations.Select(o => o.Name).Distinct().Count());
        Assert.Contains(Generator.Users, u => u.Role == Roles.FinanceReviewer);
        Assert.Equal(45, Generator.Users.Count(u => u.Role == Roles.UnitFiller));
    }

    [Fact]
    public void The_same_seed_makes_the_same_province_and_another_seed_another()
    {
        var again = new ProvinceGenerator(7, 45);
        Assert.Equal(Generator.Organisations.Select(o => o.Name), again.Organisations.Select(o => o.Name));
        Assert.Equal(Units.Value[12].Forms.Select(f => FormJson.Serialize(f.Form)), again.Unit(12).Forms.Select(f => FormJson.Serialize(f.Form)));
        Assert.NotEqual(Generator.Name + Units.Value[0].Unit.Name, new ProvinceGenerator(8, 45).Name + new ProvinceGenerator(8, 45).Unit(0).Unit.Name);
    }

    [Fact]
    public void Recurring_projects_keep_their_code_across_the_three_years()
    {
        var projects = Units.Value.SelectMany(u => u.Projects).ToList();
        Assert.InRange(projects.Count / 45.0, 8, 12);
        var recurring = projects.Where(p => p.Years.Count == 3).ToList();
        Assert.NotEmpty(recurring);
        var forms = Units.Value.SelectMany(u => u.Forms).Where(f => f.Form.Kind == FormKind.ProjectSelfEvaluation).ToList();
        Assert.All(recurring.Take(20), p => Assert.Equal(Generator.Years, forms.Where(f => f.ProjectCode == p.Code).Select(f => f.Form.Year!.Value).Order()));
    }

    [Fact]
    public void Every_form_carries_its_template_and_every_unit_files_every_kind_each_year()
    {
        var forms = Units.Value.SelectMany(u => u.Forms).ToList();
        Assert.All(forms.Where(f => f.Form.Kind != FormKind.Report), f => Assert.NotNull(f.Form.TemplateId));
        // Units file the year's forms; ex-ante assessments and evaluations come from finance and evaluators (issue 20).
        foreach (var kind in Enum.GetValues<FormKind>().Where(k => k is not (FormKind.ExAnteAssessment or FormKind.Evaluation))) Assert.Contains(forms, f => f.Form.Kind == kind);
        Assert.All(Units.Value, u => Assert.Equal(3 * 3, u.Forms.Count(f => f.Form.Kind is FormKind.DepartmentSelfEvaluation or FormKind.DepartmentBasicData or FormKind.Report)));
    }

    [Fact]
    public void Indicator_rows_per_form_follow_the_corpus()
    {
        var rows = Units.Value.SelectMany(u => u.Forms).Where(f => f.Form.Kind == FormKind.ProjectSelfEvaluation).Select(f => (decimal)f.Form.Indicators.Count).ToList();
        var expected = Profile.IndicatorRows[FormKind.ProjectSelfEvaluation.Code()];
        Assert.InRange(rows.Average(), expected.Mean * 0.8m, expected.Mean * 1.25m);
        Assert.InRange(Spread.Of(rows).Median, expected.Median - 2, expected.Median + 2);
    }

    [Fact]
    public void Target_shapes_money_units_and_text_lengths_follow_the_corpus()
    {
        var forms = Units.Value.SelectMany(u => u.Forms).Select(f => f.Form).ToList();
        var shapes = forms.SelectMany(f => f.Indicators).Select(r => ValueShapes.Of(r.Target)).OfType<string>().ToList();
        foreach (var shape in new[] { ValueShapes.Percentage, ValueShapes.Qualitative, ValueShapes.ComparedQuantity, ValueShapes.Quantity })
        {
            var share = (decimal)shapes.Count(s => s == shape) / shapes.Count;
            Assert.True(Math.Abs(share - Profile.TargetShapes[shape]) <= 0.08m, $"{shape}: {share:0.000}, corpus {Profile.TargetShapes[shape]}; all: {string.Join(", ", shapes.GroupBy(s => s).Select(g => $"{g.Key} {(decimal)g.Count() / shapes.Count:0.000}"))}");
        }
        var priced = forms.Where(f => f.MoneyUnit is not null).ToList();
        Assert.InRange((decimal)priced.Count(f => f.MoneyUnit == MoneyUnit.Yuan) / priced.Count, Profile.YuanShare - 0.05m, Profile.YuanShare + 0.05m);
        var goals = Spread.Of(forms.Select(f => f.PlannedGoal).OfType<string>().Select(t => (decimal)t.Length).ToList());
        Assert.InRange(goals.Median, Profile.GoalLength.Median * 0.7m, Profile.GoalLength.Median * 1.3m);
        var reports = Spread.Of(forms.Where(f => f.Kind == FormKind.Report).Select(f => (decimal)f.Text!.Length).ToList());
        Assert.InRange(reports.Median, Profile.ReportLength.Median * 0.7m, Profile.ReportLength.Median * 1.5m);
    }

    [Fact]
    public void The_share_of_forms_given_a_mistake_follows_the_corpus_per_kind()
    {
        var forms = Units.Value.SelectMany(u => u.Forms).ToList();
        var projects = forms.Where(f => f.Form.Kind == FormKind.ProjectSelfEvaluation).ToList();
        Assert.InRange((decimal)projects.Count(f => f.HasErrorDefect) / projects.Count, Profile.ErrorShare["project-self-evaluation"] - 0.06m, Profile.ErrorShare["project-self-evaluation"] + 0.06m);
        var reports = forms.Where(f => f.Form.Kind == FormKind.Report).ToList();
        Assert.InRange((decimal)reports.Count(f => f.HasErrorDefect) / reports.Count, Profile.ErrorShare["report"] - 0.08m, Profile.ErrorShare["report"] + 0.08m);
    }

    [Fact]
    public void Closed_years_are_published_last_year_nearly_and_the_current_year_is_in_review()
    {
        var forms = Units.Value.SelectMany(u => u.Forms).ToList();
        var old = forms.Where(f => f.Form.Year == Generator.Years[0]).ToList();
        Assert.All(old, f => Assert.Equal(FormStatus.Published, f.Status));
        var previous = forms.Where(f => f.Form.Year == Generator.Years[1]).ToList();
        Assert.True(previous.Count(f => f.Status == FormStatus.Published) > previous.Count * 0.7);
        var last = forms.Where(f => f.Form.Year == Generator.Years[^1]).ToList();
        foreach (var status in new[] { FormStatus.Draft, FormStatus.Submitted, FormStatus.Returned, FormStatus.DepartmentApproved })
            Assert.Contains(last, f => f.Status == status);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Tests;

public class Built_in_rulebooks_load_with_the_domain_rules
{
    [Fact]
    public void Three_rulebooks_ship_and_national_is_the_default()
    {
        Assert.Equal(["hunan-2020", "national-2020", "national-2021", "shanghai-2020"], Rulebooks.Rulebooks.Names);
        Assert.Equal("national-2020", Rulebooks.Rulebooks.Default.Name);
        foreach (var name in Rulebooks.Rulebooks.Names)
            Assert.Equal(name, Rulebooks.Rulebooks.BuiltIn(name).Name);
    }

    [Fact]
    public void National_project_weights_are_10_50_30_10()
    {
        var tree = Rulebooks.Rulebooks.Default.TreeFor(FormKind.ProjectSelfEvaluation)!;
        Assert.Equal(10m, tree.ExecutionWeight);
        Assert.Equal([("产出指标", 50m), ("效益指标", 30m), ("满意度指标", 10m)], tree.Blocks.Select(b => (b.Name, b.Weight)));
        Assert.Equal(["数量指标", "质量指标", "时效指标", "成本指标"], tree.Blocks[0].Children.Select(c => c.Name));
    }

    [Fact]
    public void Every_shipped_rulebook_grades_targets_and_keeps_poor_targets_out_of_the_budget()
    {
        foreach (var name in Rulebooks.Rulebooks.Names)
        {
            var grades = Rulebooks.Rulebooks.BuiltIn(name).TargetGrades;
            Assert.Equal(["优", "良", "中", "差"], grades.Select(g => g.Grade).ToList());
            Assert.Equal([true, true, true, false], grades.Select(g => g.Approvable).ToList());
        }
    }

    [Fact]
    public void National_rules_hold_the_documented_constants()
    {
        var r = Rulebooks.Rulebooks.Default;
        Assert.Equal(100m, r.TotalWeight);
        Assert.Equal(2, r.ScoreDecimals);
        Assert.Equal(1.3m, r.OverAchievementThreshold);
        Assert.Equal(ReverseFormula.Ratio, r.ReverseFormula);
        Assert.True(r.Execution.SubtractTransfer);
        Assert.Equal(ExecutionScoreBasis.UnroundedRate, r.Execution.ScoreFrom);
        Assert.Equal([("优", 90m), ("良", 80m), ("中", 60m), ("差", 0m)], r.Grades.Select(g => (g.Grade, g.Min)));
        var partly = r.Qualitative.For(QualitativeTier.PartlyAchieved);
        Assert.Equal((0.6m, 0.8m, false), (partly.Min, partly.Max, partly.MaxInclusive));
    }

    [Fact]
    public void Hunan_department_tree_is_input_30_output_25_effect_45_without_an_execution_score()
    {
        var tree = Rulebooks.Rulebooks.BuiltIn("hunan-2020").TreeFor(FormKind.DepartmentSelfEvaluation)!;
        Assert.Null(tree.ExecutionWeight);
        Assert.Equal([("投入管理", 30m), ("产出指标", 25m), ("效益指标", 45m)], tree.Blocks.Select(b => (b.Name, b.Weight)));
        Assert.Equal([3m, 4m, 4m, 5m, 4m, 3m, 3m, 4m], tree.Blocks[0].Children.Select(c => c.Weight!.Value));
        Assert.Equal("预决算信息公开管理", tree.Blocks[0].Children[4].Name);
    }

    [Fact]
    public void Hunan_projects_follow_the_national_tree() =>
        Assert.Equal(
            Rulebooks.Rulebooks.Default.TreeFor(FormKind.ProjectSelfEvaluation)!.Blocks.Select(b => (b.Name, b.Weight)),
            Rulebooks.Rulebooks.BuiltIn("hunan-2020").TreeFor(FormKind.ProjectSelfEvaluation)!.Blocks.Select(b => (b.Name, b.Weight)));

    [Fact]
    public void The_parser_default_vocabulary_is_the_national_rulebooks()
    {
        var national = Rulebooks.Rulebooks.Default.Qualitative;
        Assert.Equal(
            national.Tiers.SelectMany(t => t.Words.Select(w => new TierWord(w, t.Tier))),
            QualitativeVocabulary.Default.Words);
        Assert.Contains(national.For(QualitativeTier.Achieved).Words, w => w == "满足条件");
        Assert.Contains(national.For(QualitativeTier.NotAchieved).Words, w => w == "发生…故障");
    }

    [Fact]
    public void An_unknown_name_is_a_clear_error()
    {
        var e = Assert.Throws<RulebookException>(() => Rulebooks.Rulebooks.BuiltIn("atlantis-2020"));
        Assert.Equal("name", e.Field);
        Assert.Contains("national-2020", e.Message, StringComparison.Ordinal);
    }
}

public class A_broken_rulebook_is_an_error_naming_the_field
{
    private static readonly string National = Rulebooks.Rulebooks.Json("national-2020");

    private static RulebookException Load(string json) => Assert.Throws<RulebookException>(() => Rulebook.Parse(json, "my-rules"));

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, National, StringComparison.Ordinal);
        return National.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_document_and_the_line()
    {
        var e = Load(Edit("\"year\": 2020,", "\"year\": 2020,,,"));
        Assert.Equal("$", e.Field);
        Assert.Contains("不是有效的 JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("my-rules", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_is_named_by_its_path()
    {
        var e = Load(Edit("\"overAchievementThreshold\": 1.3,", ""));
        Assert.Equal("overAchievementThreshold", e.Field);
        Assert.Contains("缺少此字段", e.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", e.Message, StringComparison.Ordinal);
        Assert.Equal("executionRate.scoreFrom", Load(Edit("\"scoreFrom\": \"unrounded-rate\",", "")).Field);
    }

    [Fact]
    public void Weights_that_do_not_add_up_to_100_are_named()
    {
        var e = Load(Edit("{ \"name\": \"产出指标\", \"weight\": 50,", "{ \"name\": \"产出指标\", \"weight\": 60,"));
        Assert.Equal("forms[0].blocks", e.Field);
        Assert.Contains("合计 110", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Child_weights_that_do_not_add_up_to_their_block_are_named()
    {
        var hunan = Rulebooks.Rulebooks.Json("hunan-2020").Replace("{ \"name\": \"资产管理\", \"weight\": 4 }", "{ \"name\": \"资产管理\", \"weight\": 5 }", StringComparison.Ordinal);
        var e = Assert.Throws<RulebookException>(() => Rulebook.Parse(hunan, "hunan-copy"));
        Assert.Equal("forms[1].blocks[0].children", e.Field);
    }

    [Fact]
    public void Grade_bands_out_of_order_are_named()
    {
        Assert.Equal("grades[1].min", Load(Edit("{ \"grade\": \"良\", \"min\": 80 }", "{ \"grade\": \"良\", \"min\": 95 }")).Field);
        Assert.Equal("grades[3].min", Load(Edit("{ \"grade\": \"差\", \"min\": 0 }", "{ \"grade\": \"差\", \"min\": 10 }")).Field);
        Assert.Equal("grades[1].min", Load(Edit("{ \"grade\": \"良\", \"min\": 80 }", "{ \"grade\": \"良\", \"min\": \"80\" }")).Field);
    }

    [Fact]
    public void Targets_review_grades_without_criteria_twice_named_or_none_approvable_are_named()
    {
        Assert.Equal("targetGrades[0].criteria", Load(Edit("{ \"grade\": \"优\", \"approvable\": true,\n      \"criteria\":", "{ \"grade\": \"优\", \"approvable\": true,\n      \"note\":")).Field);
        Assert.Equal("targetGrades[1].grade", Load(Edit("{ \"grade\": \"良\", \"approvable\": true,", "{ \"grade\": \"优\", \"approvable\": true,")).Field);
        var noneApprovable = National.Replace("\"approvable\": true", "\"approvable\": false", StringComparison.Ordinal);
        Assert.Equal("targetGrades", Assert.Throws<RulebookException>(() => Rulebook.Parse(noneApprovable, "my-rules")).Field);
    }

    [Fact]
    public void Tier_intervals_that_overlap_or_leave_gaps_are_named()
    {
        var e = Load(Edit("\"min\": 0.6, \"max\": 0.8,", "\"min\": 0.5, \"max\": 0.8,"));
        Assert.Equal("qualitative.tiers[1].min", e.Field);
        Assert.Equal("qualitative.tiers[0].tier", Load(Edit("\"tier\": \"achieved\",", "\"tier\": \"done\",")).Field);
    }

    [Fact]
    public void Unknown_choices_are_named()
    {
        Assert.Equal("reverseFormula", Load(Edit("\"reverseFormula\": \"ratio\"", "\"reverseFormula\": \"other\"")).Field);
        Assert.Equal("rounding.mode", Load(Edit("\"mode\": \"half-away-from-zero\"", "\"mode\": \"banker\"")).Field);
        Assert.Equal("forms[0].kind", Load(Edit("\"kind\": \"project-self-evaluation\"", "\"kind\": \"projects\"")).Field);
    }

    [Fact]
    public void An_edited_copy_with_a_new_name_loads()
    {
        var copy = Rulebook.Parse(Edit("\"name\": \"national-2020\"", "\"name\": \"changsha-2020\""), "changsha-2020.json");
        Assert.Equal("changsha-2020", copy.Name);
    }
}

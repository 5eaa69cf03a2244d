using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Tests.Sheets;

/// <summary>Ex-ante and evaluation scoring sheets built as an assessor fills them in.</summary>
internal static class Sheets
{
    public static IndicatorRow Item(string section, decimal? sectionWeight, string name, decimal weight, decimal? score, string? reason = null) => new()
    {
        Level1 = section, Level1Weight = sectionWeight, Name = name, Weight = weight, StatedScore = score, Explanation = reason,
        Extra = { ["scoringStandard"] = "符合得满分，每有一处不符扣1分" },
    };

    /// <summary>Five sections of 20 (two items of 10 each), scores as given per section.</summary>
    public static PerformanceForm ExAnte(decimal[] scores, string? grade, string conclusion, string requested = "480", string? reduced = null)
    {
        var form = new PerformanceForm { Kind = FormKind.ExAnteAssessment, Year = 2021, Project = "双向推介交流宣传", Unit = "某州商务和经济合作局" };
        string[] sections = ["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"];
        for (var i = 0; i < sections.Length; i++)
        {
            var half = scores[i] / 2m;
            form.Indicators.Add(Item(sections[i], 20m, "要点一", 10m, half, half < 10m ? "依据不充分" : null));
            form.Indicators.Add(Item(sections[i], 20m, "要点二", 10m, half, half < 10m ? "测算偏高" : null));
        }
        form.StatedTotal = scores.Sum();
        form.StatedGrade = grade;
        form.Extra[ExAnteFields.RequestedAmount] = requested;
        form.Extra[ExAnteFields.Conclusion] = conclusion;
        if (reduced is not null) form.Extra[ExAnteFields.ReducedAmount] = reduced;
        return form;
    }

    /// <summary>决策 / 过程 / 产出 / 效益 with the national weights 20/20/30/30, each section two items.</summary>
    public static PerformanceForm Rubric(decimal decision = 20m)
    {
        var form = new PerformanceForm { Kind = FormKind.Evaluation, Year = 2021, Project = "农田建设", Unit = "某县农业农村局" };
        foreach (var (section, weight) in new[] { ("决策", decision), ("过程", 20m), ("产出", 30m), ("效益", 30m) })
        {
            form.Indicators.Add(Item(section, weight, section + "一", weight / 2m, weight / 2m));
            form.Indicators.Add(Item(section, weight, section + "二", weight / 2m, weight / 2m));
        }
        form.StatedTotal = form.Indicators.Sum(r => r.StatedScore);
        form.StatedGrade = "优";
        return form;
    }

    public static IReadOnlyList<Finding> Check(PerformanceForm form, string rulebook = "national-2021") => Checker.Check(form, Rulebooks.Rulebooks.BuiltIn(rulebook));
}

public sealed class A_sound_scoring_sheet_has_no_findings
{
    [Fact]
    public void A_passed_ex_ante_assessment_of_92_points_graded_excellent() =>
        Assert.Empty(Sheets.Check(Sheets.ExAnte([20, 18, 18, 18, 18], "优", "通过")));

    [Fact]
    public void A_rubric_with_the_rulebooks_sections_fully_scored() => Assert.Empty(Sheets.Check(Sheets.Rubric()));

    [Fact]
    public void A_rubric_by_the_hunan_weights_checked_with_the_hunan_rulebook()
    {
        var form = new PerformanceForm { Kind = FormKind.Evaluation, Year = 2020, Project = "某项目" };
        foreach (var (section, weight) in new[] { ("决策", 10m), ("管理", 25m), ("产出", 30m), ("效益", 35m) })
            form.Indicators.Add(Sheets.Item(section, weight, section + "要点", weight, weight));
        form.StatedTotal = 100m;
        Assert.Empty(Sheets.Check(form, "hunan-2020"));
        Assert.Contains(Sheets.Check(form, "national-2021"), f => f.Code == CheckCodes.SectionWeightMismatch);
    }
}

public sealed class Scoring_sheet_sections_follow_the_rulebook
{
    [Fact]
    public void A_section_weighted_otherwise_than_the_rulebook_is_an_error_naming_both_weights()
    {
        var form = Sheets.Rubric(decision: 25m);
        var f = Assert.Single(Sheets.Check(form), f => f.Code == CheckCodes.SectionWeightMismatch);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(("25", "20"), (f.Stated, f.Expected));
        Assert.Contains("决策", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rulebook_section_left_out_of_a_complete_sheet_is_a_warning()
    {
        var form = Sheets.Rubric();
        form.Indicators.RemoveAll(r => r.Level1 == "效益");
        form.StatedTotal = 70m;
        var f = Assert.Single(Sheets.Check(form), f => f.Code == CheckCodes.SectionWeightMismatch);
        Assert.Equal((Severity.Warning, "效益"), (f.Severity, f.Location.RowLabel));
    }

    [Fact]
    public void Items_that_do_not_add_up_to_their_sections_printed_weight_are_a_weight_sum_error()
    {
        var form = Sheets.Rubric();
        form.Indicators[0].Weight = 8m;
        form.Indicators[0].StatedScore = 8m;
        form.StatedTotal = 98m;
        Assert.Contains(Sheets.Check(form), f => f.Code == CheckCodes.WeightSum && f.Message.Contains("决策", StringComparison.Ordinal));
    }
}

public sealed class Scoring_sheet_scores_are_checked_item_by_item
{
    [Fact]
    public void A_deduction_without_a_reason_asks_for_the_deduction_reason()
    {
        var form = Sheets.Rubric();
        form.Indicators[2].StatedScore = 7m;
        form.StatedTotal = 97m;
        var f = Assert.Single(Sheets.Check(form), f => f.Code == CheckCodes.DeductionUnexplained);
        Assert.Equal("扣分原因", f.Location.Field);
        Assert.Contains("扣分原因", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_above_its_points_is_an_error()
    {
        var form = Sheets.Rubric();
        form.Indicators[4].StatedScore = 16m;
        form.StatedTotal = 101m;
        Assert.Contains(Sheets.Check(form), f => f.Code == CheckCodes.ScoreExceedsWeight);
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_the_items_is_an_error()
    {
        var form = Sheets.Rubric();
        form.StatedTotal = 95m;
        var f = Assert.Single(Sheets.Check(form), f => f.Code == CheckCodes.TotalMismatch);
        Assert.Equal(("95", "100"), (f.Stated, f.Expected));
    }

    [Fact]
    public void A_grade_that_is_not_the_band_of_the_total_is_an_error()
    {
        var form = Sheets.ExAnte([16, 16, 16, 16, 16], "优", "调减后通过", reduced: "400");
        Assert.Contains(Sheets.Check(form), f => f.Code == CheckCodes.GradeMismatch && f.Expected == "良");
    }
}

public sealed class An_ex_ante_conclusion_follows_its_grade_and_amounts
{
    [Fact]
    public void A_pass_for_a_poor_grade_is_an_error_naming_the_allowed_conclusion()
    {
        var f = Assert.Single(Sheets.Check(Sheets.ExAnte([10, 10, 10, 12, 10], "差", "通过")), f => f.Code == CheckCodes.ConclusionGradeMismatch);
        Assert.Equal(("通过", "不通过"), (f.Stated, f.Expected));
    }

    [Fact]
    public void Without_a_stated_grade_the_band_of_the_total_decides()
    {
        Assert.Contains(Sheets.Check(Sheets.ExAnte([10, 10, 10, 12, 10], null, "予以支持")), f => f.Code == CheckCodes.ConclusionGradeMismatch);
        Assert.DoesNotContain(Sheets.Check(Sheets.ExAnte([10, 10, 10, 12, 10], null, "不予支持")), f => f.Code == CheckCodes.ConclusionGradeMismatch);
    }

    [Fact]
    public void A_reduced_amount_above_the_request_is_an_error()
    {
        var f = Assert.Single(Sheets.Check(Sheets.ExAnte([16, 16, 16, 16, 16], "良", "调减后通过", "480万元", "5200000元")), f => f.Code == CheckCodes.ReducedAmountMismatch);
        Assert.Equal((Severity.Error, "520", "≤ 480"), (f.Severity, f.Stated, f.Expected));
    }

    [Fact]
    public void A_reduced_pass_without_the_reduced_amount_is_a_warning()
    {
        var f = Assert.Single(Sheets.Check(Sheets.ExAnte([16, 16, 16, 16, 16], "良", "调减后通过")), f => f.Code == CheckCodes.ReducedAmountMismatch);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void A_reduced_pass_within_the_request_is_accepted()
    {
        var form = Sheets.ExAnte([16, 16, 16, 16, 16], "良", "调减后通过", "480", "400");
        Assert.Empty(Sheets.Check(form));
        Assert.Equal(400m, ExAnteFields.Reduced(form));
    }

    [Theory]
    [InlineData("调减后通过", ExAnteConclusion.PassReduced)]
    [InlineData("不通过", ExAnteConclusion.Fail)]
    [InlineData("通 过", ExAnteConclusion.Pass)]
    [InlineData("建议不予支持", ExAnteConclusion.Fail)]
    [InlineData("待定", null)]
    public void The_conclusion_is_read_by_the_longest_rulebook_word(string text, ExAnteConclusion? expected) =>
        Assert.Equal(expected, Rulebooks.Rulebooks.Default.ExAnte!.Read(text));
}

public sealed class The_ex_ante_rules_of_a_rulebook_are_validated
{
    [Fact]
    public void A_conclusion_naming_an_unknown_grade_is_named_by_its_path()
    {
        var json = Rulebooks.Rulebooks.Json("national-2021").Replace("\"grades\": [\"优\", \"良\"] }", "\"grades\": [\"甲\"] }", StringComparison.Ordinal);
        var e = Assert.Throws<RulebookException>(() => Rulebook.Parse(json, "x"));
        Assert.Equal("exAnte.conclusions[0].grades", e.Field);
    }

    [Fact]
    public void Every_shipped_rulebook_has_ex_ante_rules_and_both_scoring_trees()
    {
        foreach (var name in Rulebooks.Rulebooks.Names)
        {
            var book = Rulebooks.Rulebooks.BuiltIn(name);
            Assert.NotNull(book.ExAnte);
            Assert.Equal(5, book.TreeFor(FormKind.ExAnteAssessment)!.Blocks.Count);
            Assert.Equal(book.TotalWeight, book.TreeFor(FormKind.Evaluation)!.Blocks.Sum(b => b.Weight));
        }
    }
}

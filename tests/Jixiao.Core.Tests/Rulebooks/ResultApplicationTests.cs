using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Tests;

public class A_grade_leads_to_a_budget_action_and_share_by_the_rulebook
{
    private static readonly ResultApplication National = Rulebooks.Rulebooks.Default.Results;

    [Fact]
    public void Every_shipped_rulebook_maps_every_one_of_its_grades()
    {
        foreach (var name in Rulebooks.Rulebooks.Names)
        {
            var rulebook = Rulebooks.Rulebooks.BuiltIn(name);
            Assert.Equal(rulebook.Grades.Select(g => g.Grade), rulebook.Results.Grades.Select(g => g.Grade));
        }
    }

    [Theory]
    [InlineData("优", BudgetAction.Prioritise, "1000000.00")]
    [InlineData("良", BudgetAction.Maintain, "1000000.00")]
    [InlineData("中", BudgetAction.Cut, "900000.00")]
    [InlineData("差", BudgetAction.CancelOrSuspend, "0.00")]
    public void Good_grades_are_kept_middle_ones_cut_and_poor_ones_cancelled(string grade, BudgetAction action, string amount)
    {
        var s = National.Suggest(grade, [], 1_000_000m);

        Assert.Equal(action, s.Action);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), s.Amount);
        Assert.Contains(grade, s.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_amount_is_rounded_half_away_from_zero_at_the_printed_precision()
    {
        // 0.9 × 1234.65 = 1111.185: half a fen rounds up, not to the even 1111.18.
        Assert.Equal(1111.19m, National.Suggest("中", [], 1234.65m).Amount);
        Assert.Equal(1111.19m, National.Round(1111.185m));
    }

    [Fact]
    public void A_chosen_finding_makes_the_suggestion_stricter_and_says_why()
    {
        var s = National.Suggest("优", [CheckCodes.FullScoreDespiteMiss], 500m);

        Assert.Equal(BudgetAction.Maintain, s.Action);
        Assert.Equal(2, s.Reasons.Count);
        Assert.Contains(CheckCodes.FullScoreDespiteMiss, s.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_never_makes_a_poor_grade_milder()
    {
        var s = National.Suggest("差", [CheckCodes.FullScoreDespiteMiss, CheckCodes.TargetsMetLowExecution], 500m);

        Assert.Equal(BudgetAction.CancelOrSuspend, s.Action);
        Assert.Equal(0m, s.Share);
    }

    [Fact]
    public void Without_a_budget_the_action_stands_and_there_is_no_amount()
    {
        var s = National.Suggest("中", [], null);
        Assert.Equal(BudgetAction.Cut, s.Action);
        Assert.Null(s.Amount);
    }

    [Fact]
    public void Actions_read_from_their_codes_and_chinese_names()
    {
        foreach (var a in BudgetActions.All)
        {
            Assert.Equal(a, BudgetActions.FromCode(a.Code()));
            Assert.Equal(a, BudgetActions.FromCode(a.ChineseName()));
        }
        Assert.Null(BudgetActions.FromCode("增加"));
    }
}

public class A_broken_result_application_is_an_error_naming_the_field
{
    private static readonly string National = Rulebooks.Rulebooks.Json("national-2020");

    private static RulebookException Load(string from, string to)
    {
        Assert.Contains(from, National, StringComparison.Ordinal);
        return Assert.Throws<RulebookException>(() => Rulebook.Parse(National.Replace(from, to, StringComparison.Ordinal), "my-rules"));
    }

    [Fact]
    public void An_unknown_action_is_named_with_the_ones_allowed()
    {
        var e = Load("{ \"grade\": \"中\", \"action\": \"cut\"", "{ \"grade\": \"中\", \"action\": \"halve\"");
        Assert.Equal("resultApplication.grades[2].action", e.Field);
        Assert.Contains("核减", e.ChineseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grade_without_a_rule_is_named()
    {
        var e = Load("      { \"grade\": \"差\", \"action\": \"cancel-or-suspend\", \"share\": 0 }\n", "");
        Assert.Equal("resultApplication.grades", e.Field);
        Assert.Contains("差", e.ChineseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grade_the_rulebook_does_not_have_is_named()
    {
        var e = Load("{ \"grade\": \"良\", \"action\": \"maintain\"", "{ \"grade\": \"较好\", \"action\": \"maintain\"");
        Assert.Equal("resultApplication.grades[1].grade", e.Field);
    }

    [Theory]
    [InlineData("\"share\": 0.9 }", "\"share\": -0.1 }")]
    [InlineData("\"share\": 0.9 }", "\"share\": 2.5 }")]
    [InlineData("\"share\": 0.9 }", "\"share\": 0.12345 }")]
    public void A_share_out_of_range_or_too_precise_is_named(string from, string to) =>
        Assert.Equal("resultApplication.grades[2].share", Load(from, to).Field);

    [Fact]
    public void A_finding_rule_with_an_unknown_code_is_named()
    {
        var e = Load("\"code\": \"full-score-despite-miss\"", "\"code\": \"no-such-check\"");
        Assert.Equal("resultApplication.findings[0].code", e.Field);
    }

    private static string WithoutResultApplication(string json)
    {
        var start = json.IndexOf("  \"resultApplication\": {", StringComparison.Ordinal);
        var end = json.IndexOf("\n  },\n", start, StringComparison.Ordinal) + "\n  },\n".Length;
        return json[..start] + json[end..];
    }

    [Fact]
    public void An_older_rulebook_with_the_national_grades_follows_the_national_mapping()
    {
        var old = Rulebook.Parse(WithoutResultApplication(National), "old-rules");
        Assert.Equal(BudgetAction.Cut, old.Results.Grades.Single(g => g.Grade == "中").Action);
        Assert.Equal(0.9m, old.Results.Grades.Single(g => g.Grade == "中").Share);
        Assert.Empty(old.Results.Findings);
    }

    [Fact]
    public void An_older_rulebook_with_grades_of_its_own_says_the_mapping_is_missing()
    {
        var own = WithoutResultApplication(National).Replace("\"grade\": \"良\", \"min\"", "\"grade\": \"较好\", \"min\"", StringComparison.Ordinal);
        Assert.Contains("较好", own, StringComparison.Ordinal);
        var e = Assert.Throws<RulebookException>(() => Rulebook.Parse(own, "old-rules"));
        Assert.Equal("resultApplication", e.Field);
        Assert.Contains("较好", e.Message, StringComparison.Ordinal);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests;

public class Worked_vectors_of_the_issue_score_as_the_rules_say
{
    private static readonly Rulebook National = Rulebooks.Rulebooks.Default;

    private static RowScore Row(string target, string actual, decimal weight, decimal? stated = null, Rulebook? rulebook = null) =>
        RowScorer.Score(new IndicatorRow { Target = target, Actual = actual, Weight = weight, StatedScore = stated }, weight, rulebook ?? National);

    [Fact]
    public void Positive_target_of_50_with_40_done_scores_w_times_B_over_A()
    {
        var score = Row("50个", "40个", 8m);
        Assert.Equal(RowScoreKind.Exact, score.Kind);
        Assert.Equal(6.40m, score.Expected);
        Assert.Equal("8 × 40 ÷ 50 = 6.40", score.Explanation);
        Assert.False(score.TargetMet);
    }

    [Fact]
    public void Reverse_indicator_over_target_scores_w_times_A_over_B_by_default()
    {
        var score = Row("≤90万元", "99万元", 8m);
        Assert.Equal(7.27m, score.Expected);
        Assert.Equal("8 × 90 ÷ 99 = 7.27", score.Explanation);
    }

    [Fact]
    public void Reverse_indicator_under_the_linear_variant_scores_w_times_one_minus_the_excess()
    {
        var linear = Rulebook.Parse(Rulebooks.Rulebooks.Json("national-2020").Replace("\"reverseFormula\": \"ratio\"", "\"reverseFormula\": \"linear\"", StringComparison.Ordinal), "linear");
        var score = Row("≤90万元", "99万元", 8m, rulebook: linear);
        Assert.Equal(7.20m, score.Expected);
        Assert.Equal("8 × (1 − (99 − 90) ÷ 90) = 7.20", score.Explanation);
        Assert.Equal(0m, Row("≤90万元", "180万元", 8m, rulebook: linear).Expected);
    }

    [Fact]
    public void Reverse_indicator_within_target_scores_full_marks() => Assert.Equal(8m, Row("≤90万元", "85万元", 8m).Expected);

    [Fact]
    public void Equality_with_zero_scores_full_only_at_zero()
    {
        Assert.Equal(5m, Row("0", "0", 5m).Expected);
        Assert.Equal(0m, Row("0", "1", 5m).Expected);
    }

    [Fact]
    public void Over_achievement_never_scores_above_w_but_asks_for_an_explanation()
    {
        var score = Row("≥100个", "130个", 10m);
        Assert.Equal(10m, score.Expected);
        Assert.True(score.NeedsOverAchievementExplanation);
        Assert.False(Row("≥100个", "129个", 10m).NeedsOverAchievementExplanation);
    }

    [Fact]
    public void Percent_targets_explain_with_percent_signs() =>
        Assert.Equal("10 × 80% ÷ 90% = 8.89", Row("≥90%", "80%", 10m).Explanation);

    [Fact]
    public void Execution_of_215457_60_on_250000_is_86_18_percent_and_scores_8_62()
    {
        var e = ExecutionScore.Compute(250000m, 215457.60m, null, 10m, National);
        Assert.Equal("86.18%", e.Rate!.Value.ToString());
        Assert.Equal(8.62m, e.Score);
        Assert.Equal("215,457.60 ÷ 250,000 = 86.18%", e.RateExplanation);
    }

    [Fact]
    public void Execution_of_9034_on_20000_is_45_17_percent_and_scores_4_52()
    {
        var e = ExecutionScore.Compute(20000m, 9034m, null, 10m, Rulebooks.Rulebooks.BuiltIn("shanghai-2020"));
        Assert.Equal("45.17%", e.Rate!.Value.ToString());
        Assert.Equal(4.52m, e.Score);
        Assert.Equal("min(45.17%, 100%) × 10 = 4.52", e.ScoreExplanation);
    }

    [Fact]
    public void Execution_with_a_transfer_subtracts_it_and_caps_the_score_at_w()
    {
        var e = ExecutionScore.Compute(868m, 2032m, 0m, 10m, National);
        Assert.Equal("(2,032 − 0) ÷ 868 = 234.10%", e.RateExplanation);
        Assert.Equal(10m, e.Score);
        Assert.True(e.OverExecuted);
        Assert.Equal("50.00%", ExecutionScore.Compute(100m, 80m, 30m, 10m, National).Rate!.Value.ToString());
    }

    [Fact]
    public void Execution_without_a_budget_says_why_instead_of_guessing()
    {
        var e = ExecutionScore.Compute(0m, 5m, null, 10m, National);
        Assert.Null(e.Rate);
        Assert.Null(e.Score);
        Assert.Contains("全年预算数为 0", e.RateExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Qualitative_partly_achieved_on_10_points_allows_6_to_below_8()
    {
        var score = Row("≥90%", "部分达成", 10m, stated: 7m);
        Assert.Equal(RowScoreKind.Interval, score.Kind);
        Assert.Equal(new ScoreInterval(6m, 8m, MaxInclusive: false), score.Allowed);
        Assert.Equal("[6.00, 8.00)", score.Allowed!.Value.ToString(2));
        Assert.Equal(7m, score.Counted);
        Assert.False(score.Allowed.Value.Contains(8m));
        Assert.True(score.Allowed.Value.Contains(6m));
    }

    [Fact]
    public void A_qualitative_score_outside_its_tier_counts_at_the_nearest_allowed_score()
    {
        Assert.Equal(7.99m, Row("≥90%", "基本完成", 10m, stated: 10m).Counted);
        Assert.Equal(5.99m, Row("≥99.99%", "年末发生重大故障", 10m, stated: 10m).Counted);
        Assert.Equal(8m, Row("完善", "完善", 10m, stated: 5m).Counted);
        Assert.Equal(6m, Row("≥90%", "基本完成", 10m).Counted);
    }

    [Fact]
    public void A_row_that_cannot_be_scored_says_why()
    {
        var noWeight = RowScorer.Score(new IndicatorRow { Target = "100%", Actual = "90%" }, null, National);
        Assert.Equal(RowScoreKind.Unscorable, noWeight.Kind);
        Assert.Equal("未填分值，无法计分", noWeight.Reason);
        var text = Row("100%", "市级非涉密信息系统全量上云", 10m, stated: 10m);
        Assert.Equal(RowScoreKind.Unscorable, text.Kind);
        Assert.Contains("市级非涉密信息系统全量上云", text.Reason, StringComparison.Ordinal);
        Assert.Equal(10m, text.Counted);
        Assert.Contains("单位不一致", Row("≤2小时", "1天", 3m).Reason, StringComparison.Ordinal);
        Assert.Equal(4m, Row("核减上云项目运维费", "按实计算", 4m, stated: 9m).Counted);
    }

    [Fact]
    public void A_row_weighted_0_scores_0_whatever_it_holds()
    {
        var score = Row("", "", 0m, stated: 0m);
        Assert.Equal(RowScoreKind.Exact, score.Kind);
        Assert.Equal(0m, score.Expected);
    }
}

public class Grade_bands_hold_at_their_edges
{
    [Theory]
    [InlineData("90", "优")]
    [InlineData("100", "优")]
    [InlineData("89.99", "良")]
    [InlineData("80", "良")]
    [InlineData("79.99", "中")]
    [InlineData("60", "中")]
    [InlineData("59.99", "差")]
    [InlineData("0", "差")]
    public void Total_gets_its_grade(string total, string grade) =>
        Assert.Equal(grade, Rulebooks.Rulebooks.Default.GradeFor(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)).Grade);
}

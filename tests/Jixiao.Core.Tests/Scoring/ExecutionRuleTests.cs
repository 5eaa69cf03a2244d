using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests;

public class Execution_rules_of_a_rulebook_change_the_numbers
{
    private static Rulebook With(string from, string to) =>
        Rulebook.Parse(Rulebooks.Rulebooks.Json("national-2020").Replace(from, to, StringComparison.Ordinal), "edited");

    [Fact]
    public void The_score_comes_from_the_unrounded_rate_unless_the_rulebook_says_printed()
    {
        var unrounded = ExecutionScore.Compute(10_000_000m, 8_614_501m, null, 10m, Rulebooks.Rulebooks.Default);
        Assert.Equal("86.15%", unrounded.Rate!.Value.ToString());
        Assert.Equal(8.61m, unrounded.Score);
        Assert.Contains("按未舍入的执行率 86.1450% 计算", unrounded.ScoreExplanation, StringComparison.Ordinal);
        var printed = ExecutionScore.Compute(10_000_000m, 8_614_501m, null, 10m,
            With("\"scoreFrom\": \"unrounded-rate\"", "\"scoreFrom\": \"printed-rate\""));
        Assert.Equal(8.62m, printed.Score);
    }

    [Fact]
    public void A_threshold_scores_a_low_rate_zero()
    {
        var rules = With("\"zeroBelowRate\": null", "\"zeroBelowRate\": 0.6");
        Assert.Equal(0m, ExecutionScore.Compute(100m, 59m, null, 10m, rules).Score);
        Assert.Equal(6m, ExecutionScore.Compute(100m, 60m, null, 10m, rules).Score);
    }

    [Fact]
    public void Total_caps_by_execution_rate_cap_the_total()
    {
        var rules = With("\"totalCaps\": []",
            "\"totalCaps\": [{ \"rateBelow\": 0.8, \"maxTotal\": 89 }, { \"rateBelow\": 0.7, \"maxTotal\": 79 }, { \"rateBelow\": 0.6, \"maxTotal\": 69 }, { \"rateBelow\": 0.5, \"maxTotal\": 59 }]");
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation };
        form.Funds.Add(new FundsRow { Role = FundsRowRole.Total, Budget = 100m, Executed = 65m, Weight = 10m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Target = "≥10个", Actual = "10个", Weight = 90m, StatedScore = 90m });
        var score = Scorer.Score(form, rules);
        Assert.Equal(79m, score.Total.Value);
        Assert.Equal(new TotalCap(0.7m, 79m), score.AppliedCap);
        Assert.Contains("总分封顶 79", score.Total.Explanation, StringComparison.Ordinal);
        Assert.Equal(96.5m, Scorer.Score(form).Total.Value);
    }
}

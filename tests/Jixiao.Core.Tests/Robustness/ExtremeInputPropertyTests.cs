using CsCheck;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests.Robustness;

// Property tests over extreme input (Extreme): no exception anywhere, and the checker's safety net never has to catch one.
// A failure prints the shrunk input and a seed to reproduce it.

public class Notation_parser_reads_any_text_without_throwing
{
    [Fact]
    public void Any_text_parses_and_every_reading_of_it_prints()
    {
        Extreme.ValueText.Sample(text =>
        {
            var value = IndicatorValue.Parse(text);
            _ = value.ToString();
            _ = value.NumberText();
            _ = value.AsPercentage?.ToString();
            _ = value.Direction;
            Assert.True(value.Number is null || Math.Abs(value.Number.Value) <= DomainRanges.MaxQuantity, $"{text} read as {value.Number}");
        }, iter: 3000);
    }
}

public class Percentage_prints_any_value_without_throwing
{
    [Fact]
    public void Any_fraction_and_any_printed_precision_print()
    {
        Extreme.StatedRate.Sample(p =>
        {
            if (p is not { } rate) return;
            _ = rate.ToString();
            _ = rate.PrintedPoints;
            _ = rate.Points;
            _ = rate.AtPrecision(99).ToString();
        }, iter: 2000);
    }

    [Fact]
    public void Any_text_either_parses_as_a_percentage_within_the_domain_or_does_not()
    {
        Extreme.ValueText.Sample(text =>
        {
            if (Percentage.TryParse(text, out var p)) Assert.True(DomainRanges.IsPercentage(p), $"{text} → {p.Fraction} ({p.Decimals})");
        }, iter: 2000);
    }
}

public class Row_scorer_scores_any_row_without_throwing
{
    [Fact]
    public void Any_target_actual_weight_and_stated_score_give_a_score_or_a_reason()
    {
        Gen.Select(Extreme.ValueText, Extreme.ValueText, Extreme.NullableDecimal, Extreme.NullableDecimal, Extreme.Rulebook).Sample(t =>
        {
            var (target, actual, weight, stated, rulebook) = t;
            var score = RowScorer.Score(new IndicatorRow { Target = target, Actual = actual, StatedScore = stated }, weight, rulebook);
            Assert.False(string.IsNullOrEmpty(score.Explanation));
        }, iter: 3000);
    }
}

public class Execution_score_computes_any_amounts_without_throwing
{
    [Fact]
    public void Any_budget_executed_transfer_and_weight_give_a_rate_or_a_reason()
    {
        Gen.Select(Extreme.NullableDecimal, Extreme.NullableDecimal, Extreme.NullableDecimal, Extreme.NullableDecimal, Extreme.Rulebook).Sample(t =>
        {
            var (budget, executed, transfer, weight, rulebook) = t;
            var score = ExecutionScore.Compute(budget, executed, transfer, weight, rulebook);
            Assert.False(string.IsNullOrEmpty(score.RateExplanation));
            _ = score.Rate?.ToString();
            _ = score.OverExecuted;
        }, iter: 3000);
    }

    [Fact]
    public void A_decimal_max_executed_amount_over_a_tiny_budget_has_no_rate_and_says_why()
    {
        var score = ExecutionScore.Compute(0.0000000000000000000000000001m, decimal.MaxValue, null, 10m, Rulebooks.Rulebooks.Default);
        Assert.Null(score.Rate);
        Assert.Null(score.Score);
        Assert.Contains("超出", score.RateExplanation, StringComparison.Ordinal);
    }
}

public class Scorer_scores_any_form_without_throwing
{
    [Fact]
    public void Any_form_gets_a_total_and_a_grade()
    {
        Gen.Select(Extreme.Form, Extreme.Rulebook).Sample(t =>
        {
            var score = Scorer.Score(t.Item1, t.Item2);
            Assert.NotNull(score.Grade);
            _ = score.Total.Explanation;
        }, iter: 1000);
    }
}

public class Checker_checks_any_form_without_an_internal_error
{
    [Fact]
    public void Any_set_of_forms_gets_findings_and_no_rule_ever_throws()
    {
        Gen.Select(Extreme.Form.Array[1, 3], Extreme.Rulebook).Sample(t =>
        {
            var (forms, rulebook) = t;
            var results = Checker.Check([.. forms.Select(f => new DocumentForm("a.txt", f))], rulebook);
            Assert.Equal(forms.Length, results.Count);
            foreach (var finding in results.SelectMany(r => r.Findings))
            {
                Assert.True(finding.Code != CheckCodes.InternalError, finding.Message + "\n" + finding.Explanation);
                _ = FindingText.Line(finding);
            }
        }, iter: 1000);
    }
}

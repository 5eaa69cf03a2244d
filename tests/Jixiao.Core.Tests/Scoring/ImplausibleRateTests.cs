using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests;

public class An_implausible_execution_rate_is_flagged_and_an_incomputable_one_does_not_overflow
{
    private static PerformanceForm Form(decimal budget, decimal executed)
    {
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, Year = 2020, MoneyUnit = MoneyUnit.Yuan };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = budget, Executed = executed, Weight = 10m });
        return form;
    }

    [Fact]
    public void A_rate_of_ten_to_the_twenty_first_percent_is_kept_and_reported_as_implausible()
    {
        var form = Form(0.0001m, 100_000_000_000_000m);
        var score = Scorer.Score(form);
        Assert.NotNull(score.Execution.Rate);
        var finding = Assert.Single(Checker.Check(form, Rulebooks.Rulebooks.Default), f => f.Code == CheckCodes.OverExecution);
        Assert.Contains("不合常理", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modest_over_execution_keeps_the_adjustment_message()
    {
        var finding = Assert.Single(Checker.Check(Form(100m, 120m), Rulebooks.Rulebooks.Default), f => f.Code == CheckCodes.OverExecution);
        Assert.Contains("年中追加调整", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_beyond_any_decimal_gives_no_rate_and_no_score_instead_of_failing()
    {
        var form = Form(0.0000000000000000000000000001m, 79_000_000_000_000_000_000_000_000_000m);
        var execution = Scorer.Score(form).Execution;
        Assert.Null(execution.Rate);
        Assert.Null(execution.Score);
        Assert.Contains("超出", execution.RateExplanation, StringComparison.Ordinal);
        Assert.DoesNotContain(Checker.Check(form, Rulebooks.Rulebooks.Default), f => f.Code == CheckCodes.OverExecution);
    }
}

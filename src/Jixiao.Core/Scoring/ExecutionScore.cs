using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Scoring;

/// <summary>The execution-rate row (§3.3): 执行率 and its score, each with how it was computed.</summary>
public sealed class ExecutionScore
{
    /// <summary>全年预算数 (A), 全年执行数 (B), 上级财政移动支付 (C) as used.</summary>
    public decimal? Budget { get; init; }

    public decimal? Executed { get; init; }

    public decimal? Transfer { get; init; }

    /// <summary>The computed rate at the rulebook's printed precision; <see cref="Percentage.Fraction"/> is unrounded.</summary>
    public Percentage? Rate { get; init; }

    /// <summary>"42,456,311.08 ÷ 42,546,380.00 = 99.79%", or why there is no rate.</summary>
    public required string RateExplanation { get; init; }

    /// <summary>The row's 分值, null where the layout has no execution-score row (Hunan department-wide).</summary>
    public decimal? Weight { get; init; }

    /// <summary>min(rate, 100%) × w, rounded; null when there is no rate or no weight.</summary>
    public decimal? Score { get; init; }

    /// <summary>"min(99.79%, 100%) × 10 = 9.98", or why there is no score.</summary>
    public required string ScoreExplanation { get; init; }

    /// <summary>Rate above 100%: the budget figure did not include in-year adjustments (§3.3).</summary>
    public bool OverExecuted => Rate is { Fraction: > 1m };

    /// <summary>
    /// Computes 执行率 = B / A, or (B − C) / A when the rulebook subtracts a stated transfer, and its score on
    /// <paramref name="weight"/> (no score when the weight is null).
    /// </summary>
    public static ExecutionScore Compute(decimal? budget, decimal? executed, decimal? transfer, decimal? weight, Rulebook rulebook)
    {
        var rule = rulebook.Execution;
        var d = rulebook.ScoreDecimals;
        var c = rule.SubtractTransfer ? transfer : null;
        if (budget is null || executed is null)
            return new ExecutionScore
            {
                Budget = budget, Executed = executed, Transfer = c, Weight = weight,
                RateExplanation = budget is null ? "未填全年预算数，无法计算执行率" : "未填全年执行数，无法计算执行率",
                ScoreExplanation = "没有执行率，无法计分",
            };
        if (budget == 0m)
            return new ExecutionScore
            {
                Budget = budget, Executed = executed, Transfer = c, Weight = weight,
                RateExplanation = "全年预算数为 0，无法计算执行率", ScoreExplanation = "没有执行率，无法计分",
            };
        var numerator = executed.Value - (c ?? 0m);
        if (Percentage.Ratio(numerator, budget.Value, rule.RateDecimals) is not { } rate)
            return new ExecutionScore
            {
                Budget = budget, Executed = executed, Transfer = c, Weight = weight,
                RateExplanation = "全年执行数与全年预算数相差悬殊，执行率超出可计算范围，请核对金额和单位",
                ScoreExplanation = "没有执行率，无法计分",
            };
        var rateHow = (c is null ? Show.Amount(executed.Value) : $"({Show.Amount(executed.Value)} − {Show.Amount(c.Value)})")
            + $" ÷ {Show.Amount(budget.Value)} = {rate}";
        if (weight is null)
            return new ExecutionScore
            {
                Budget = budget, Executed = executed, Transfer = c, Rate = rate, RateExplanation = rateHow,
                ScoreExplanation = "本表没有预算执行率分值，执行率不单独计分",
            };

        var w = weight.Value;
        var basis = rule.ScoreFrom == ExecutionScoreBasis.UnroundedRate ? rate.Fraction : rate.PrintedPoints / 100m;
        var capped = Math.Clamp(basis, 0m, 1m);
        string scoreHow;
        decimal score;
        if (rule.ZeroBelowRate is { } zero && rate.Fraction < zero)
        {
            score = 0m;
            scoreHow = $"执行率 {rate} 低于 {Show.Plain(zero * 100m)}%，得 0";
        }
        else
        {
            score = rulebook.Round(capped * w);
            scoreHow = $"min({rate}, 100%) × {Show.Amount(w)} = {Show.Score(score, d)}";
            var fromPrinted = rulebook.Round(Math.Clamp(rate.PrintedPoints / 100m, 0m, 1m) * w);
            if (rule.ScoreFrom == ExecutionScoreBasis.UnroundedRate && fromPrinted != score)
                scoreHow += $"（按未舍入的执行率 {Show.FinePercent(rate.Fraction)} 计算）";
        }
        return new ExecutionScore
        {
            Budget = budget, Executed = executed, Transfer = c, Rate = rate, RateExplanation = rateHow, Weight = w,
            Score = score, ScoreExplanation = scoreHow,
        };
    }
}

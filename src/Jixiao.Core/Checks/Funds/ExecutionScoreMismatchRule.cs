using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.Funds;

/// <summary>
/// A stated execution-rate score that differs from the rulebook's score of the recomputed rate (§3.3). Reported even when
/// the score follows the printed rate, because a wrong rate makes a wrong score and a wrong total; the message then says
/// that the score is only as wrong as the rate, so the fix is one cell plus its score.
/// </summary>
public sealed class ExecutionScoreMismatchRule : ICheckRule
{
    public string Code => CheckCodes.ExecutionScoreMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind == FormKind.Monitoring) yield break;
        foreach (var row in form.Funds)
        {
            if (row.StatedScore is not { } stated || row.Weight is not { } weight || weight <= 0m) continue;
            if (context.IsUncertain(row.Source) || ExecutionRates.Fraction(form, row) is not { } fraction) continue;
            var rule = context.Rulebook.Execution;
            var expected = Score(context.Rulebook, fraction, weight);
            if (Numbers.ScoreAgrees(stated, expected)) continue;
            var rate = new Percentage(fraction, rule.RateDecimals);
            var how = Explain(context.Rulebook, rate, weight, expected);
            var followsStatedRate = row.StatedRate is { } printed && printed.PrintedPoints != rate.AtPrecision(printed.Decimals).PrintedPoints
                && Numbers.ScoreAgrees(stated, Score(context.Rulebook, printed.Fraction, weight));
            var note = followsStatedRate ? $"该得分按填报的执行率{row.StatedRate}计算，执行率本身有误。" : "";
            var noteEn = followsStatedRate ? $" The score follows the stated rate {row.StatedRate}, which is itself wrong." : "";
            yield return new Finding(
                Code, Severity.Error,
                $"执行率得分填报为{Numbers.Format(stated)}，按{context.Rulebook.Label}应为{Numbers.Format(expected, context.Rulebook.ScoreDecimals)}（{how}）。{note}",
                $"The execution-rate score {Numbers.Format(stated)} differs from the rulebook's {Numbers.Format(expected, context.Rulebook.ScoreDecimals)} ({how}).{noteEn}",
                Locations.Funds(row, "得分"),
                Numbers.Format(stated), Numbers.Format(expected, context.Rulebook.ScoreDecimals), how);
        }
    }

    /// <summary>The rulebook's execution score: w × min(rate, 100%), zero below an optional threshold, rounded.</summary>
    public static decimal Score(Rulebook rulebook, decimal fraction, decimal weight)
    {
        var rule = rulebook.Execution;
        var rate = rule.ScoreFrom == ExecutionScoreBasis.PrintedRate
            ? Numbers.Round(fraction * 100m, rule.RateDecimals) / 100m
            : fraction;
        if (rule.ZeroBelowRate is { } threshold && rate < threshold) return 0m;
        return rulebook.Round(weight * Math.Min(Math.Max(rate, 0m), 1m));
    }

    private static string Explain(Rulebook rulebook, Percentage rate, decimal weight, decimal expected)
    {
        var capped = rate.Fraction >= 1m ? "100%" : rate.ToString();
        var zero = rulebook.Execution.ZeroBelowRate is { } t && rate.Fraction < t ? $"执行率低于{Numbers.Percent(t, 0)}得0分" : null;
        return zero ?? $"{Numbers.Plain(weight)} × min({rate}, 100%) = {Numbers.Plain(weight)} × {capped} = {Numbers.Format(expected, rulebook.ScoreDecimals)}";
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Scoring;

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
        var rulebook = context.Rulebook;
        if (form.Kind == FormKind.Monitoring) yield break;
        foreach (var row in form.Funds)
        {
            if (row.StatedScore is not { } stated || row.Weight is not { } weight || weight <= 0m || context.IsDoubtful(row.Source, CellRole.Budget, CellRole.Executed, CellRole.Transfer, CellRole.Rate, CellRole.Weight, CellRole.Score)) continue;
            if (!DomainRanges.IsScore(stated) || !DomainRanges.IsScore(weight)) continue;
            var engine = ExecutionScore.Compute(ExecutionRates.Base(form, row), row.Executed, row.Transfer, weight, rulebook);
            var basis = "";
            // A total left at 0 over filled 其中 rows is scored on what its parts add up to (ExecutionRates.FromParts).
            if (engine.Rate is null && ExecutionRates.FromParts(form, row) is { } parts && !parts.Parts.Any(p => context.IsDoubtful(p.Source, CellRole.Budget, CellRole.Executed, CellRole.Label)))
            {
                engine = ExecutionScore.Compute(parts.Budget, parts.Executed, null, weight, rulebook);
                basis = "本行金额填为0，按其中各项之和：";
            }
            if (engine.Score is not { } expected || engine.Rate is not { } rate) continue;
            if (Numbers.ScoreAgrees(stated, expected)) continue;
            var expectedText = Numbers.Format(expected, rulebook.ScoreDecimals);
            var how = basis + engine.RateExplanation + "；" + engine.ScoreExplanation;
            var followsStatedRate = row.StatedRate is { } printed && DomainRanges.IsPercentage(printed) && printed.PrintedPoints != rate.AtPrecision(printed.Decimals).PrintedPoints
                && Numbers.ScoreAgrees(stated, rulebook.Round(weight * Math.Clamp(printed.Fraction, 0m, 1m)));
            var note = followsStatedRate ? $"该得分按填报的执行率{row.StatedRate}计算，执行率本身有误。"
                : rate.Fraction > 1m && stated < expected ? "执行率超过100%时该规则按满分计；如当地规则对超预算执行扣分，请选用相应规则。" : "";
            var noteEn = followsStatedRate ? $" The score follows the stated rate {row.StatedRate}, which is itself wrong."
                : rate.Fraction > 1m && stated < expected ? " Over-execution scores full marks under this rulebook; pick a local rulebook if it deducts." : "";
            yield return new Finding(
                Code, Severity.Error,
                $"执行率得分填报为{Numbers.Format(stated)}，按{rulebook.Label}应为{expectedText}（{engine.ScoreExplanation}）。{note}",
                $"The execution-rate score {Numbers.Format(stated)} differs from the rulebook's {expectedText} ({engine.ScoreExplanation}).{noteEn}",
                Locations.Funds(row, "得分"),
                Numbers.Format(stated), expectedText, how);
        }
    }
}

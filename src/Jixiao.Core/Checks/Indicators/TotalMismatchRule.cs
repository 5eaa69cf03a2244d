using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// A stated 总分 that is not the sum of the stated scores (execution score + every row, §3.4). It compares with the
/// scores as stated, so a wrong row score is reported once, on its row, and not again here.
/// </summary>
public sealed class TotalMismatchRule : ICheckRule
{
    public string Code => CheckCodes.TotalMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.StatedTotal is not { } stated || form.Incomplete) yield break;
        if (context.SumIsDoubtful(FormBlock.Indicators, CellRole.Score) || context.SumIsDoubtful(FormBlock.Funds, CellRole.Score)
            || context.SumIsDoubtful(FormBlock.Total, CellRole.StatedTotal)) yield break;
        if (!form.Kind.IsScored()) yield break;
        var rows = context.Weighted.Where(r => !WeightSumRule.IsPlaceholder(r)).ToList();
        if (rows.Count == 0 || rows.Any(r => r.Row.StatedScore is null)) yield break;
        var execution = form.Funds.FirstOrDefault(r => r.StatedScore is not null && r.Weight is > 0m);
        // A score no form could state is reported as value-out-of-range; a sum over it means nothing.
        if (!DomainRanges.IsScore(stated) || !DomainRanges.IsScore(execution?.StatedScore) || rows.Any(r => !DomainRanges.IsScore(r.Row.StatedScore))) yield break;
        var sum = rows.Sum(r => r.Row.StatedScore!.Value) + (execution?.StatedScore ?? 0m);
        var tolerance = Numbers.Decimals(stated) >= 2 ? 0m : Numbers.HalfUnit(Numbers.Decimals(stated));
        if (Math.Abs(stated - sum) <= tolerance) yield break;
        // Some rulebooks cap the whole total by the execution rate (§3.3): a total at the cap is the rule, not an error.
        if (Cap(context) is { } cap && sum > cap && Math.Abs(stated - cap) <= tolerance) yield break;
        var terms = (execution is null ? "" : $"执行率得分 {Numbers.Format(execution.StatedScore!.Value)} + ")
            + string.Join(" + ", rows.GroupBy(r => r.Level1).Select(g => $"{g.Key} {Numbers.Plain(g.Sum(r => r.Row.StatedScore!.Value))}"));
        yield return new Finding(
            Code, Severity.Error,
            $"总分填报为{Numbers.Format(stated)}，各项得分之和为{Numbers.Plain(sum)}。",
            $"The stated total {Numbers.Format(stated)} is not the sum of the scores, {Numbers.Plain(sum)}.",
            Locations.Total(form, "得分"),
            Numbers.Format(stated), Numbers.Plain(sum), $"{terms} = {Numbers.Plain(sum)}");
    }

    private static decimal? Cap(CheckContext context)
    {
        var caps = context.Rulebook.Execution.TotalCaps;
        if (caps.Count == 0) return null;
        var row = Funds.ExecutionRates.WholeRows(context.Form).FirstOrDefault();
        if (row is null || Funds.ExecutionRates.Fraction(context.Form, row, context.Rulebook) is not { } rate) return null;
        var applying = caps.Where(c => rate < c.RateBelow).Select(c => (decimal?)c.MaxTotal).Min();
        return applying;
    }
}

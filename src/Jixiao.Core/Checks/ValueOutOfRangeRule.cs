using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks;

/// <summary>
/// A number no form could hold (<see cref="DomainRanges"/>): an amount beyond 10^15, a weight or score beyond 1000, a
/// rate beyond 1,000,000% or printed with a precision outside 0–6 decimals. It comes from a misreading, a slip of the
/// keyboard or a hostile request; the other rules leave it out of their arithmetic, so this finding is the one place it
/// is reported.
/// </summary>
public sealed class ValueOutOfRangeRule : ICheckRule
{
    public string Code => CheckCodes.ValueOutOfRange;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        foreach (var row in form.Funds)
        {
            // Almost every row is in range: tested without building the field lists that name what is not.
            if (Amounts(row.InitialBudget, row.Budget, row.Executed, row.Transfer, row.ForecastExecuted) && Scores(row.Weight, row.StatedScore)
                && DomainRanges.IsPercentage(row.StatedRate)) continue;
            var label = Locations.Clean(row.Label);
            foreach (var (field, value) in new[] { ("年初预算数", row.InitialBudget), ("全年预算数", row.Budget), ("全年执行数", row.Executed), ("上级财政移动支付", row.Transfer), ("全年预计执行数", row.ForecastExecuted) })
                if (!DomainRanges.IsAmount(value)) yield return Amount(Locations.Funds(row, field), label, field, value!.Value, form.MoneyUnit);
            foreach (var (field, value) in new[] { ("分值", row.Weight), ("得分", row.StatedScore) })
                if (!DomainRanges.IsScore(value)) yield return Score(Locations.Funds(row, field), label, field, value!.Value);
            if (!DomainRanges.IsPercentage(row.StatedRate)) yield return Rate(Locations.Funds(row, "执行率"), label, "执行率", row.StatedRate!.Value);
        }

        foreach (var r in context.Weighted)
        {
            if (Scores(r.Row.Level1Weight, r.Row.Level2Weight, r.Row.Weight, r.Row.StatedScore)) continue;
            var label = Locations.Label(r.Row);
            foreach (var (field, value) in new[] { ("一级指标分值", r.Row.Level1Weight), ("二级指标分值", r.Row.Level2Weight), ("分值", r.Row.Weight), ("得分", r.Row.StatedScore) })
                if (!DomainRanges.IsScore(value)) yield return Score(Locations.Indicator(r.Row, r.Index, field), label, field, value!.Value);
        }

        foreach (var (field, value) in new[] { ("分值", form.StatedWeightTotal), ("得分", form.StatedTotal) })
            if (!DomainRanges.IsScore(value)) yield return Score(Locations.Total(form, field), "总分", field, value!.Value);

        if (form.Staffing is { } staffing)
        {
            var where = new FindingLocation(Blocks.Staffing, staffing.Source?.Row, null, "财政供养人员情况");
            foreach (var (field, value) in new[] { ("编制数", staffing.Authorized), ("实际在职人数", staffing.Actual) })
                if (value is { } count && !DomainRanges.IsAmount(count))
                    yield return Make(where with { Field = field }, $"财政供养人员情况的{field}为{Numbers.Format(count)}，超出任何单位可能的人数", Numbers.Format(count), "≤ " + Numbers.Plain(DomainRanges.MaxAmount));
            if (!DomainRanges.IsPercentage(staffing.StatedControlRate))
                yield return Rate(where with { Field = "控制率" }, "财政供养人员情况", "控制率", staffing.StatedControlRate!.Value);
        }

        for (var i = 0; i < form.BasicData.Count; i++)
        {
            var row = form.BasicData[i];
            if (Amounts(row.PriorYearFinal, row.Budget, row.Final)) continue;
            var label = Locations.Clean(row.Label);
            foreach (var (field, value) in new[] { ("上年决算数", row.PriorYearFinal), ("本年预算数", row.Budget), ("本年决算数", row.Final) })
                if (!DomainRanges.IsAmount(value))
                    yield return Amount(new FindingLocation(Blocks.BasicData, row.Source?.Row ?? i + 1, field, label), label, field, value!.Value, form.MoneyUnit);
        }

        if (form.Kind == FormKind.Report)
            foreach (var s in context.ReportSentences)
                foreach (var f in s.OutOfRange)
                    yield return Make(new FindingLocation(Blocks.Report, s.Number + 1, f.Label, Reports.ReportArithmeticRule.Excerpt(s.Text)),
                        $"报告所述“{f.Label}{f.Printed}{f.Unit}”超出任何报告可能的数值（金额不超过{Numbers.Plain(DomainRanges.MaxAmount)}，百分比不超过{Numbers.Plain(DomainRanges.MaxRate * 100m)}%且至多{DomainRanges.MaxDecimals}位小数），未参与核算",
                        f.Printed + f.Unit, "取值范围内的数");
    }

    private static bool Amounts(params ReadOnlySpan<decimal?> values)
    {
        foreach (var v in values)
            if (!DomainRanges.IsAmount(v)) return false;
        return true;
    }

    private static bool Scores(params ReadOnlySpan<decimal?> values)
    {
        foreach (var v in values)
            if (!DomainRanges.IsScore(v)) return false;
        return true;
    }

    private Finding Amount(FindingLocation where, string label, string field, decimal value, MoneyUnit? unit) =>
        Make(where, $"“{label}”的{field}为{Numbers.Format(value)}{unit?.Symbol()}，超出任何预算表可能的金额（不超过{Numbers.Plain(DomainRanges.MaxAmount)}）",
            Numbers.Format(value), "≤ " + Numbers.Plain(DomainRanges.MaxAmount));

    private Finding Score(FindingLocation where, string label, string field, decimal value) =>
        Make(where, $"“{label}”的{field}为{Numbers.Format(value)}，超出任何表格可能的分值（百分制，不超过{Numbers.Plain(DomainRanges.MaxScore)}）",
            Numbers.Format(value), "≤ " + Numbers.Plain(DomainRanges.MaxScore));

    private Finding Rate(FindingLocation where, string label, string field, Percentage rate)
    {
        var why = rate.Decimals is < 0 or > DomainRanges.MaxPercentDecimals
            ? $"按{rate.Decimals}位小数填报，而百分比只能印到0至{DomainRanges.MaxPercentDecimals}位小数"
            : $"为{rate}，超出任何比率可能的范围（不超过{Numbers.Plain(DomainRanges.MaxRate * 100m)}%）";
        return Make(where, $"“{label}”的{field}{why}", rate.ToString(), $"0–{DomainRanges.MaxPercentDecimals}位小数，不超过{Numbers.Plain(DomainRanges.MaxRate * 100m)}%");
    }

    private Finding Make(FindingLocation where, string what, string stated, string expected) => new(
        Code, Severity.Error,
        what + "，有关核算已略去。请核对原件或重新填写。",
        $"{where.Field}: {stated} is outside what any form can hold ({expected}); the arithmetic on it was left out.",
        where, stated, expected, Ranges);

    private static readonly string Ranges =
        $"表格中的数值应在可能的范围内：金额不超过{Numbers.Plain(DomainRanges.MaxAmount)}，分值和得分不超过{Numbers.Plain(DomainRanges.MaxScore)}（百分制），" +
        $"比率不超过{Numbers.Plain(DomainRanges.MaxRate * 100m)}%，百分比至多{DomainRanges.MaxPercentDecimals}位小数";
}

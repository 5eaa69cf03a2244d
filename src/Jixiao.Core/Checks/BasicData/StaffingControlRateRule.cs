using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.BasicData;

/// <summary>在职人员控制率 = 实际在职人数 / 编制数 (§2.2); a stated 控制率 that does not follow from the two counts.</summary>
public sealed class StaffingControlRateRule : ICheckRule
{
    public string Code => CheckCodes.ShareMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Staffing is not { StatedControlRate: { } stated, Authorized: { } authorized, Actual: { } actual } staffing) yield break;
        if (!DomainRanges.IsPercentage(stated) || context.IsDoubtful(staffing.Source, CellRole.Authorized, CellRole.ActualStaff, CellRole.Rate)) yield break;
        // No 编制数 (0) gives no rate to compare; a count no unit could have gives none either (value-out-of-range).
        if (!DomainRanges.IsAmount(actual) || !DomainRanges.IsAmount(authorized) || DomainRanges.Rate(actual, authorized) is not { } fraction) yield break;
        var computed = new Percentage(fraction, stated.Decimals);
        if (computed.PrintedPoints == stated.PrintedPoints) yield break;
        yield return new Finding(
            Code, Severity.Error,
            $"在职人员控制率填报为{stated}，按实际在职人数{Numbers.Format(actual)}÷编制数{Numbers.Format(authorized)}计算应为{computed}。",
            $"Staff control rate stated {stated}; {Numbers.Format(actual)} / {Numbers.Format(authorized)} gives {computed}.",
            new FindingLocation(Blocks.Staffing, staffing.Source?.Row, "控制率", "财政供养人员情况"),
            stated.ToString(), computed.ToString(), $"{Numbers.Format(actual)} ÷ {Numbers.Format(authorized)} = {computed}");
    }
}

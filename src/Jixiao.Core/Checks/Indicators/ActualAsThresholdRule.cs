using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// Full marks on an actual written as a bound (≥266米, 大于93%): a bound is the target's language, not a measured value,
/// so whether the target was met cannot be verified (§3.1: an actual states what was achieved). Warning: the unit may
/// have meant the bound literally.
/// </summary>
public sealed class ActualAsThresholdRule : ICheckRule
{
    public string Code => CheckCodes.ActualAsThreshold;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        foreach (var r in context.Weighted)
        {
            if (r.Row.StatedScore is not { } score || r.Weight is not { } weight || weight <= 0m || score < weight) continue;
            var actual = context.Parse(r.Row.Actual);
            if (actual.Kind != ValueKind.Quantity || actual.Comparator is Comparator.None or Comparator.EqualTo) continue;
            if (!context.Parse(r.Row.Target).IsQuantitative) continue;
            if (context.IsDoubtful(r.Row.Source, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score)) continue;
            var label = Locations.Label(r.Row);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”实际完成值写作“{Locations.Clean(r.Row.Actual!)}”，只是一个界限而非实际数值，无法核实是否达到目标{Locations.Clean(r.Row.Target ?? "")}，却得满分{Numbers.Format(score)}。",
                $"{label}: the actual \"{r.Row.Actual}\" is a bound, not a measured value, yet the row scores full marks.",
                Locations.Indicator(r.Row, r.Index, "实际完成值"),
                Locations.Clean(r.Row.Actual!), "实际数值（如 266米）",
                "实际完成值应填写实际达到的数值，界限（≥、大于）只用于目标值");
        }
    }
}

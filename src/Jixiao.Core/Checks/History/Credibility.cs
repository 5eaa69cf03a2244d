using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.History;

/// <summary>What the credibility signals share: whether a form shows its whole indicator set, and whether a row met its target.</summary>
internal static class Credibility
{
    /// <summary>
    /// True when the form's rows cover every 一级 indicator of the rulebook's tree for its kind (产出, 效益, 满意度): a
    /// pattern over the whole set says something about the form, a pattern over a cut-off excerpt does not.
    /// </summary>
    public static bool CoversTree(PerformanceForm form, Rulebook rulebook)
    {
        var tree = rulebook.TreeFor(form.Kind) ?? rulebook.TreeFor(FormKind.ProjectSelfEvaluation);
        if (tree is null || tree.Blocks.Count == 0 || form.Indicators.Count == 0) return false;
        foreach (var block in tree.Blocks)
        {
            var core = block.Name.EndsWith("指标", StringComparison.Ordinal) ? block.Name[..^2] : block.Name;
            if (!form.Indicators.Exists(r => (r.Level1 ?? "").Contains(core, StringComparison.Ordinal))) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether a row met its target: full marks where it has a weight and a score, else a quantitative actual that meets a
    /// quantitative target of the same unit; null when the row does not say.
    /// </summary>
    public static bool? Met(CheckContext context, IndicatorRow row)
    {
        if (row.Weight is { } w && w > 0m && row.StatedScore is { } s) return s >= w;
        var target = context.Parse(row.Target);
        var actual = context.Parse(row.Actual);
        if (target.Kind != ValueKind.Quantity || actual.Kind != ValueKind.Quantity || actual.Comparator != Comparator.None
            || target.Factors.Count > 0 || actual.Factors.Count > 0 || target.Unit != actual.Unit || target.Number is not { } a || actual.Number is not { } b) return null;
        return target.Direction switch
        {
            Direction.Positive => b >= a,
            Direction.Reverse => b <= a,
            Direction.Equality => b == a,
            _ => null,
        };
    }
}

/// <summary>
/// Every indicator of a whole set at full marks with its actual written exactly as its target (100% for =100%, 8个 for
/// 8个): a year rarely lands on every target to the unit, so a reviewer should ask for the evidence. Info, not a fault.
/// </summary>
public sealed class AllTargetsExactlyMetRule : ICheckRule
{
    public string Code => CheckCodes.AllTargetsExactlyMet;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation) || !Credibility.CoversTree(form, context.Rulebook)) yield break;
        foreach (var row in form.Indicators)
        {
            if (row.Weight is not { } w || row.StatedScore != w) yield break;
            var target = context.Parse(row.Target);
            var actual = context.Parse(row.Actual);
            var same = target.Kind == ValueKind.Quantity && actual.Kind == ValueKind.Quantity
                ? target.Number == actual.Number && target.Unit == actual.Unit
                : ProjectIdentity.Key(row.Target) == ProjectIdentity.Key(row.Actual) && !string.IsNullOrWhiteSpace(row.Actual);
            if (!same) yield break;
        }
        yield return new Finding(
            Code, Severity.Info,
            $"全部{form.Indicators.Count}项指标均得满分，且每项实际完成值都与年度指标值相同：请核实完成值的佐证材料。",
            $"All {form.Indicators.Count} indicators score full marks with every actual equal to its target.",
            new FindingLocation(Blocks.Indicators, null, "实际完成值"),
            null, null, $"{form.Indicators.Count}/{form.Indicators.Count} 行：得分 = 分值，实际完成值 = 年度指标值");
    }
}

/// <summary>
/// Every indicator met (full marks, or the actual meets the target) while the funds were executed below the rulebook's
/// <c>checks.lowExecutionRate</c>: the output was either paid from elsewhere or is overstated (§3.3: below 60% some
/// provinces cap the total; §4: targets reported reached with little money spent).
/// </summary>
public sealed class TargetsMetLowExecutionRule : ICheckRule
{
    public string Code => CheckCodes.TargetsMetLowExecution;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        var threshold = context.Rulebook.Checks.LowExecutionRate;
        if (threshold <= 0m || form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation)) yield break;
        var whole = Funds.ExecutionRates.WholeRows(form).FirstOrDefault();
        if (whole is null || context.IsDoubtful(whole.Source, CellRole.Budget, CellRole.Executed, CellRole.Transfer)
            || Funds.ExecutionRates.Fraction(form, whole, context.Rulebook) is not { } rate || rate >= threshold) yield break;
        var met = 0;
        foreach (var row in form.Indicators)
        {
            if (context.IsDoubtful(row.Source, CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score)) continue;
            switch (Credibility.Met(context, row))
            {
                case true: met++; break;
                case false: yield break;
            }
        }
        if (met == 0) yield break;
        var unit = form.MoneyUnit?.Symbol() ?? "";
        var rateText = Numbers.Percent(rate, 2);
        yield return new Finding(
            Code, Severity.Warning,
            $"资金执行率仅{rateText}（{Funds.ExecutionRates.Formula(form, whole, context.Rulebook)}{unit}），低于{Numbers.Percent(threshold, 0)}，而{met}项可判断的指标全部完成：请说明产出的资金来源，或核实完成值。",
            $"Only {rateText} of the funds were executed, yet all {met} indicators that can be judged are met.",
            Locations.Funds(whole, "执行率"),
            rateText, "≥ " + Numbers.Percent(threshold, 0),
            $"执行率 {rateText} < {Numbers.Percent(threshold, 0)}；{met} 项指标完成，0 项未完成");
    }
}

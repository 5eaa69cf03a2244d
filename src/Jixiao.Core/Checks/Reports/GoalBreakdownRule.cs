using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// The amounts a table's 年度总体目标 text breaks down ("共申请预算资金2026400元，其中A 400000元、B 252000元…"). Parts above
/// their whole are always wrong. Parts below it are wrong only where the list is complete, and the form itself says so:
/// the other goal text (预期目标 against 实际完成情况) lists the same parts and they add up to its whole exactly.
/// </summary>
public sealed class GoalBreakdownRule : ICheckRule
{
    public string Code => CheckCodes.SubtotalMismatch;

    private sealed record Breakdown(string Field, ReportSentence Sentence, ReportFigure Whole, List<ReportFigure> Parts, decimal Sum, decimal Tolerance)
    {
        public bool AddsUp => Math.Abs(Sum - Whole.Wan) <= Tolerance;

        /// <summary>The parts' names in order: two lists with the same names break the same whole down the same way.</summary>
        public string Names => string.Join("|", Parts.Select(p => Locations.Clean(p.Label)));
    }

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind == FormKind.Report) yield break;
        var breakdowns = new List<Breakdown>();
        foreach (var (field, text) in new[] { ("预期目标", form.PlannedGoal), ("实际完成情况", form.ActualGoal) })
            // Most goal texts break nothing down; extracting their figures would be wasted on every form checked.
            if (text is not null && ReportArithmeticRule.BreakdownStart(text) < text.Length)
                foreach (var s in ReportFigures.Extract(text))
                    if (Of(field, s) is { } b) breakdowns.Add(b);
        foreach (var b in breakdowns)
        {
            if (b.AddsUp) continue;
            var over = b.Sum > b.Whole.Wan;
            // Below its whole a 其中 list may name only some parts; it is complete when the form's other list of the same
            // parts makes its whole.
            var complete = breakdowns.Find(o => o != b && o.AddsUp && o.Names == b.Names);
            if (!over && complete is null) continue;
            var terms = string.Join(" + ", b.Parts.Select(p => p.Printed));
            var sum = Numbers.Format(Scale(b.Sum, b.Whole), Math.Max(b.Whole.Decimals, b.Parts.Max(p => p.Decimals)));
            var difference = Numbers.Format(Scale(Math.Abs(b.Whole.Wan - b.Sum), b.Whole), Math.Max(b.Whole.Decimals, b.Parts.Max(p => p.Decimals)));
            var unit = b.Whole.Unit;
            var why = over ? "超过了总数" : $"比总数少{difference}{unit}，而{complete!.Field}所列同样各项之和恰为其总数{complete.Whole.Printed}{complete.Whole.Unit}，可见所列各项即全部组成";
            yield return new Finding(
                Code, Severity.Error,
                $"{b.Field}称“{ReportArithmeticRule.Excerpt(b.Whole.Label)}{b.Whole.Printed}{unit}”，其中所列各项合计{sum}{unit}，{why}。",
                $"{b.Field}: the parts of {b.Whole.Printed}{unit} add up to {sum}{unit}" + (over ? ", more than the whole." : $", {difference} short, although the same parts make the whole in {complete!.Field}."),
                new FindingLocation(Blocks.Header, null, b.Field, ReportArithmeticRule.Excerpt(b.Sentence.Text)),
                b.Whole.Printed + unit, sum + unit,
                $"{terms} = {sum}{unit}");
        }
    }

    /// <summary>The whole (the last amount before 其中 / 包括) and the amounts after it, when there are at least two.</summary>
    private static Breakdown? Of(string field, ReportSentence s)
    {
        if (s.Figures.Count < 3) return null;
        var at = ReportArithmeticRule.BreakdownStart(s.Text);
        if (at >= s.Text.Length) return null;
        ReportFigure? whole = null;
        var parts = new List<ReportFigure>();
        foreach (var f in s.Figures)
        {
            if (f.Kind != FigureKind.Amount || ReportArithmeticRule.IsChangeLabel(f.Label) || f.Label.Contains('占') || (f.End > at && ReportArithmeticRule.IsProgressLabel(f.Label))) continue;
            if (f.End <= at) whole = f;
            else parts.Add(f);
        }
        if (whole is null || parts.Count < 2) return null;
        decimal sum = 0m, half = whole.WanHalfUnit;
        foreach (var p in parts)
        {
            sum += p.Wan;
            half += p.WanHalfUnit;
        }
        return new Breakdown(field, s, whole, parts, sum, half);
    }

    private static decimal Scale(decimal wan, ReportFigure like) => like.Unit switch
    {
        "元" => wan * 10_000m,
        "亿元" => wan / 10_000m,
        _ => wan,
    };
}

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>
/// Targets that cannot be measured (§4): a slogan (进一步, 明显, 有效 …), no number on a 数量/时效/成本 row, a rate above
/// 100% as target (≥100%), 100% on an indicator that is not a rate, a wrong unit (百分比), money used as an output.
/// One finding per row, the first reason found. Only on forms whose targets the unit writes itself.
/// </summary>
public sealed partial class TargetNotMeasurableRule : ICheckRule
{
    public string Code => CheckCodes.TargetNotMeasurable;

    private static readonly string[] Slogans = ["进一步", "明显", "有效", "显著", "完善", "可持续发展", "符合相关规定", "不断", "大力", "积极", "逐步"];
    private static readonly string[] NumericLevel2 = ["数量指标", "时效指标", "成本指标"];
    private static readonly string[] RateWords = ["率", "度", "性", "比例", "比重", "占比", "%", "％", "百分"];
    private static readonly string[] MoneyUnits = ["元", "万元", "亿元", "千元"];

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.Targets)) yield break;
        foreach (var r in context.Weighted)
        {
            if (string.IsNullOrWhiteSpace(r.Row.Target)) continue;
            var target = context.Parse(r.Row.Target);
            if (Reason(r, target) is not { } reason) continue;
            var label = Locations.Label(r.Row);
            yield return new Finding(
                Code, Severity.Warning,
                $"“{label}”的年度指标值“{Locations.Clean(r.Row.Target)}”无法衡量：{reason.Zh}。",
                $"{label}: the target \"{r.Row.Target}\" cannot be measured: {reason.En}.",
                Locations.Indicator(r.Row, r.Index, "年度指标值"),
                Locations.Clean(r.Row.Target), reason.Expected, reason.Zh);
        }
    }

    private static (string Zh, string En, string Expected)? Reason(WeightedRow r, IndicatorValue target)
    {
        var text = Locations.Clean(r.Row.Target ?? "");
        var name = Locations.Clean((r.Row.Name ?? "") + (r.Row.Content ?? ""));
        if (!target.IsQuantitative)
        {
            if (Slogans.FirstOrDefault(s => text.Contains(s, StringComparison.Ordinal)) is { } slogan)
                return ($"口号式表述（“{slogan}”）没有可核验的数值或标准", $"a slogan (\"{slogan}\") with nothing to verify", "可量化的数值或明确标准");
            // A 时效 target that names a calendar date or period (2020.1.1-2020.12.31, 2021年6月底前) is verifiable by
            // the date itself: the guidance asks for a deadline, not for a number with a unit.
            if (r.Level2.StartsWith("时效", StringComparison.Ordinal) && CalendarDate().IsMatch(text)) return null;
            if (NumericLevel2.Any(l => r.Level2.StartsWith(l, StringComparison.Ordinal)))
                return ($"{IndicatorWeights.StripWeight(r.Level2)}须有数值和计量单位", $"a {r.Level2} row needs a number and a unit", "数值 + 计量单位");
            return null;
        }
        if (string.Equals(target.Unit, "百分比", StringComparison.Ordinal))
            return ("计量单位“百分比”应写为%", "the unit 百分比 should be %", "%");
        if (target.Unit is "%" or "％" && target.Number is { } n)
        {
            if (n > 100m || (n == 100m && target.Comparator is Comparator.AtLeast or Comparator.GreaterThan))
                return ($"比率目标写成“{text}”，比率不能超过100%", $"a rate target of {text} asks for more than 100%", "≤ 100%");
            if (n == 100m && name.Length > 0 && !RateWords.Any(w => name.Contains(w, StringComparison.Ordinal)))
                return ("指标不是比率却以100%为目标，无法核验完成了什么", "100% on an indicator that is not a rate", "具体数量或比率指标");
        }
        if (target.Unit is { } unit && MoneyUnits.Contains(unit) && Locations.Clean(r.Row.Level1 ?? "").StartsWith("产出", StringComparison.Ordinal)
            // 成本指标 and, in the 2021+ tree, its 经济/社会/生态环境成本指标 are where money belongs.
            && !r.Level2.Contains("成本", StringComparison.Ordinal))
            return ("以资金投入作为产出指标", "money (an input) used as an output", "实际产出的数量、质量或时效");
        return null;
    }

    /// <summary>A year with its month: 2020年12月, 2020.12, 2020-12-31, 2020/1/1.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:19|20)\d{2}\s*(?:年|[.\-/．－])\s*\d{1,2}")]
    private static partial System.Text.RegularExpressions.Regex CalendarDate();
}

using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Scoring;

/// <summary>The per-row rules of §3.2 (positive, reverse, equality, range, qualitative tiers, over-achievement).</summary>
public static class RowScorer
{
    /// <summary>Scores one row (its 年度指标值, 实际完成值 and stated 得分) on <paramref name="weight"/> by the rulebook.</summary>
    public static RowScore Score(IndicatorRow row, decimal? weight, Rulebook rulebook, int index = 0)
    {
        var vocabulary = rulebook.Qualitative.Vocabulary;
        var target = IndicatorValue.Parse(row.Target, vocabulary);
        var actual = IndicatorValue.Parse(row.Actual, vocabulary);
        var d = rulebook.ScoreDecimals;
        var stated = row.StatedScore;

        RowScore Unscorable(string reason)
        {
            decimal counted;
            string how;
            if (stated is null) (counted, how) = (0m, "未填得分，总分按 0 计");
            else if (!DomainRanges.IsScore(stated.Value)) (counted, how) = (0m, $"所填得分 {Show.Amount(stated.Value)} 超出任何表格可能的得分，总分按 0 计");
            else if (weight is not null && stated > weight) (counted, how) = (weight.Value, $"总分按分值 {Show.Amount(weight.Value)} 计（所填得分 {Show.Amount(stated.Value)} 超过分值）");
            else if (stated < 0m) (counted, how) = (0m, "总分按 0 计（所填得分为负数）");
            else (counted, how) = (stated.Value, $"总分按所填得分 {Show.Amount(stated.Value)} 计");
            return new RowScore
            {
                Index = index, Row = row, Target = target, Actual = actual, Weight = weight, Direction = target.Direction,
                Kind = RowScoreKind.Unscorable, Counted = counted, Reason = reason, Explanation = reason + "；" + how,
                Tier = actual.Tier, TierWord = actual.TierWord,
            };
        }

        if (weight is null) return Unscorable("未填分值，无法计分");
        if (weight is { } outOfRange && !DomainRanges.IsScore(outOfRange))
        {
            // Counted as if it had no weight: a weight no form could carry bounds nothing.
            weight = null;
            return Unscorable($"分值 {Show.Amount(outOfRange)} 超出任何表格可能的分值（±{Show.Plain(DomainRanges.MaxScore)}），无法计分");
        }
        var w = weight.Value;
        if (w == 0m)
            return new RowScore
            {
                Index = index, Row = row, Target = target, Actual = actual, Weight = w, Direction = target.Direction,
                Kind = RowScoreKind.Exact, Expected = 0m, Counted = 0m, Explanation = "分值为 0，得 0",
                Tier = actual.Tier, TierWord = actual.TierWord,
            };

        if (actual.Kind == ValueKind.Qualitative)
        {
            var rule = rulebook.Qualitative.For(actual.Tier!.Value);
            var interval = new ScoreInterval(rulebook.Round(rule.Min * w), rulebook.Round(rule.Max * w), rule.MaxInclusive);
            var counted = stated is null ? interval.Min : interval.Nearest(stated.Value, d);
            var note = stated is null ? "未填得分，总分按下限计"
                : interval.Contains(stated.Value) ? $"所填得分 {Show.Amount(stated.Value)} 在区间内"
                : $"所填得分 {Show.Amount(stated.Value)} 不在区间内，总分按 {Show.Score(counted, d)} 计";
            return new RowScore
            {
                Index = index, Row = row, Target = target, Actual = actual, Weight = w,
                Direction = target.IsQuantitative ? target.Direction : Direction.Qualitative,
                Kind = RowScoreKind.Interval, Allowed = interval, Tier = actual.Tier, TierWord = actual.TierWord,
                TargetMet = actual.Tier == QualitativeTier.Achieved, Counted = counted,
                Explanation = $"实际完成值「{actual.Text.Trim()}」含“{actual.TierWord}”，归入“{rule.Label}”档：" +
                    $"[{Show.Plain(rule.Min)} × {Show.Amount(w)}, {Show.Plain(rule.Max)} × {Show.Amount(w)}{(rule.MaxInclusive ? "]" : ")")} = {interval.ToString(d)}；{note}",
            };
        }

        if (actual.Kind == ValueKind.Empty) return Unscorable("未填实际完成值，无法计分");
        if (target.Kind == ValueKind.Empty) return Unscorable("未填年度指标值，无法计分");
        if (!target.IsQuantitative)
            return Unscorable(actual.IsQuantitative
                ? $"年度指标值「{target.Text.Trim()}」不是可计量的数值，实际完成值「{actual.Text.Trim()}」无法与之比较"
                : $"年度指标值「{target.Text.Trim()}」与实际完成值「{actual.Text.Trim()}」都是文字，且不含可识别的完成情况表述");
        if (actual.Kind == ValueKind.Range) return Unscorable($"实际完成值「{actual.Text.Trim()}」是区间，无法与目标比较");
        if (!actual.IsQuantitative)
            return Unscorable($"实际完成值「{actual.Text.Trim()}」既不是数值，也不含可识别的完成情况表述");
        if (target.Unit is not null && actual.Unit is not null && target.Unit != actual.Unit)
            return Unscorable($"单位不一致：年度指标值为 {target.Unit}，实际完成值为 {actual.Unit}");
        if ((target.Factors.Count > 1) != (actual.Factors.Count > 1))
            return Unscorable($"年度指标值「{target.Text.Trim()}」与实际完成值「{actual.Text.Trim()}」写法不同（一个是乘积），无法比较");

        var (score, met, how) = Quantitative(target, actual, w, rulebook);
        var rounded = rulebook.Round(score);
        var over = OverAchieved(target, actual.Number!.Value, rulebook.OverAchievementThreshold);
        return new RowScore
        {
            Index = index, Row = row, Target = target, Actual = actual, Weight = w, Direction = target.Direction,
            Kind = RowScoreKind.Exact, Expected = rounded, TargetMet = met, NeedsOverAchievementExplanation = over,
            Counted = rounded,
            Explanation = how + $" = {Show.Score(rounded, d)}"
                + (over ? $"；超过目标 {Show.Plain(rulebook.OverAchievementThreshold)} 倍以上，目标可能定得过低，需说明原因" : ""),
        };
    }

    private static (decimal Score, bool Met, string How) Quantitative(IndicatorValue target, IndicatorValue actual, decimal w, Rulebook rulebook)
    {
        var a = target.Number!.Value;
        var b = actual.Number!.Value;
        var ws = Show.Amount(w);
        string T(decimal n) => target.Unit == "%" ? Show.Plain(n) + "%" : Show.Plain(n);
        var full = $"实际 {actual.NumberText()} 达到目标 {target}，得满分 {ws}";
        switch (target.Direction)
        {
            case Direction.Equality:
                return b == 0m ? (w, true, $"目标为 0，实际为 0，得满分 {ws}") : (0m, false, $"目标为 0，实际为 {actual.NumberText()}，得 0");
            case Direction.Reverse:
                if (b <= a) return (w, true, full);
                if (a <= 0m) return (0m, false, $"实际 {actual.NumberText()} 超过目标 {target}，目标不大于 0，得 0");
                if (rulebook.ReverseFormula == ReverseFormula.Ratio)
                    return (w * a / b, false, $"{ws} × {T(a)} ÷ {T(b)}");
                if (b >= 2m * a) return (0m, false, $"实际 {T(b)} 达到目标 {T(a)} 的两倍，得 0");
                return (w * (1m - (b - a) / a), false, $"{ws} × (1 − ({T(b)} − {T(a)}) ÷ {T(a)})");
            case Direction.Within:
                var high = target.UpperNumber!.Value;
                if (b >= a && b <= high) return (w, true, $"实际 {actual.NumberText()} 在目标区间 {target} 内，得满分 {ws}");
                if (b > high) return (w * high / b, false, $"{ws} × {T(high)} ÷ {T(b)}");
                return a <= 0m ? (0m, false, $"实际 {T(b)} 低于目标区间，得 0") : (Math.Max(0m, w * b / a), false, $"{ws} × {T(b)} ÷ {T(a)}");
            default:
                if (b >= a) return (w, true, full);
                if (a <= 0m || b <= 0m) return (0m, false, $"实际 {actual.NumberText()} 未达到目标 {target}，得 0");
                return (w * b / a, false, $"{ws} × {T(b)} ÷ {T(a)}");
        }
    }

    /// <summary>B ≥ threshold × A (reverse: A ≥ threshold × B): the target was probably set too low (§3.2).</summary>
    internal static bool OverAchieved(IndicatorValue target, decimal b, decimal threshold)
    {
        var a = target.Number!.Value;
        return target.Direction switch
        {
            Direction.Positive => a > 0m && b >= threshold * a,
            Direction.Reverse => b > 0m && a >= threshold * b,
            _ => false,
        };
    }
}

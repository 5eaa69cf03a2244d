using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Core.Forms;

/// <summary>What a 事前绩效评估 concludes: the project may be budgeted as asked, only with a reduced amount, or not at all.</summary>
public enum ExAnteConclusion
{
    /// <summary>通过</summary>
    Pass,
    /// <summary>调减后通过: budgeted with the reduced amount the assessment states.</summary>
    PassReduced,
    /// <summary>不通过: 不得安排预算.</summary>
    Fail,
}

/// <summary>
/// The header cells of an ex-ante assessment beyond the common ones (申请金额, 评估结论, 调减后金额). They are template roles
/// and so live in <see cref="PerformanceForm.Extra"/> under these role ids, as printed; the rules and the round gate read
/// them through the typed accessors here.
/// </summary>
public static partial class ExAnteFields
{
    /// <summary>申请资金 / 申请金额: what the unit asks to have budgeted.</summary>
    public const string RequestedAmount = "requestedAmount";

    /// <summary>调减后金额 / 建议安排金额: what the assessment allows when it concludes 调减后通过.</summary>
    public const string ReducedAmount = "reducedAmount";

    /// <summary>评估结论 as printed (通过 / 不通过 / 调减后通过 or the rulebook's other words for them).</summary>
    public const string Conclusion = "conclusion";

    /// <summary>The requested amount in 万元; null when the cell is empty or holds no single amount.</summary>
    public static decimal? Requested(PerformanceForm form) => AmountIn(form, RequestedAmount);

    /// <summary>The reduced amount in 万元; null when the cell is empty or holds no single amount.</summary>
    public static decimal? Reduced(PerformanceForm form) => AmountIn(form, ReducedAmount);

    /// <summary>True when the cell has text that is not one amount (prose, two figures): a reader should say so.</summary>
    public static bool IsUnreadableAmount(PerformanceForm form, string role) =>
        form.Extra.TryGetValue(role, out var text) && !string.IsNullOrWhiteSpace(text) && AmountIn(form, role) is null;

    /// <summary>
    /// "480", "480万元", "4,800,000元", "0.48亿元": one amount, in 万元. Without a unit in the cell the form's money unit
    /// applies (万元 when it names none, as ex-ante sheets do).
    /// </summary>
    public static decimal? AmountIn(PerformanceForm form, string role)
    {
        if (!form.Extra.TryGetValue(role, out var text) || string.IsNullOrWhiteSpace(text)) return null;
        var m = Amount().Match(text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim());
        if (!m.Success || !decimal.TryParse(m.Groups["n"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return null;
        if (n > DomainRanges.MaxAmount) return null;
        return m.Groups["u"].Value switch
        {
            "亿元" => n * 10_000m,
            "万元" => n,
            "元" => n / 10_000m,
            _ => form.MoneyUnit == MoneyUnit.Yuan ? n / 10_000m : n,
        };
    }

    [GeneratedRegex(@"^(?<n>\d{1,15}(?:\.\d{1,6})?)\s*(?<u>亿元|万元|元)?$")]
    private static partial Regex Amount();
}

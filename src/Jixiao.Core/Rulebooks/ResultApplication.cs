namespace Jixiao.Core.Rulebooks;

/// <summary>
/// What next year's budget does with a project after its evaluation (结果应用), mildest first: the order is the order of
/// severity, so the stricter of two actions is the larger value.
/// </summary>
public enum BudgetAction
{
    /// <summary>优先保障</summary>
    Prioritise,
    /// <summary>合理保障</summary>
    Maintain,
    /// <summary>核减</summary>
    Cut,
    /// <summary>取消或暂停</summary>
    CancelOrSuspend,
}

public static class BudgetActions
{
    public static readonly IReadOnlyList<BudgetAction> All = [BudgetAction.Prioritise, BudgetAction.Maintain, BudgetAction.Cut, BudgetAction.CancelOrSuspend];

    public static string ChineseName(this BudgetAction action) => action switch
    {
        BudgetAction.Prioritise => "优先保障",
        BudgetAction.Maintain => "合理保障",
        BudgetAction.Cut => "核减",
        BudgetAction.CancelOrSuspend => "取消或暂停",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The code a rulebook, the API and the exports write (priority, maintain, cut, cancel-or-suspend).</summary>
    public static string Code(this BudgetAction action) => action switch
    {
        BudgetAction.Prioritise => "priority",
        BudgetAction.Maintain => "maintain",
        BudgetAction.Cut => "cut",
        BudgetAction.CancelOrSuspend => "cancel-or-suspend",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The action of a code or of its Chinese name; null for anything else.</summary>
    public static BudgetAction? FromCode(string? text) =>
        All.Cast<BudgetAction?>().FirstOrDefault(a => string.Equals(a!.Value.Code(), text?.Trim(), StringComparison.Ordinal)
                                                      || string.Equals(a.Value.ChineseName(), text?.Trim(), StringComparison.Ordinal));
}

/// <summary>The action and share of the current-year budget a grade leads to.</summary>
public sealed record GradeBudgetRule(string Grade, BudgetAction Action, decimal Share);

/// <summary>
/// A finding that, when a project's form carries it, makes the suggestion at least <see cref="Action"/> and at most
/// <see cref="Share"/> of the budget, whatever the grade; <see cref="Reason"/> says why in the budget view.
/// </summary>
public sealed record FindingBudgetRule(string Code, BudgetAction Action, decimal Share, string Reason);

/// <summary>A suggestion for one project: the action, the share of its current-year budget, the amount, and why.</summary>
public sealed record BudgetSuggestion(BudgetAction Action, decimal Share, decimal? Amount, IReadOnlyList<string> Reasons);

/// <summary>
/// The rulebook's 结果应用 section ("resultApplication" in the JSON): grade → budget action and share of the project's
/// current-year budget, findings that lower it, and the precision amounts are printed at.
/// </summary>
public sealed class ResultApplication
{
    /// <summary>The largest share a rulebook may give: twice this year's budget.</summary>
    public const decimal MaxShare = 2m;

    /// <summary>Decimals suggested amounts (元) are rounded to, half away from zero.</summary>
    public required int AmountDecimals { get; init; }

    /// <summary>One rule per grade of the rulebook.</summary>
    public required IReadOnlyList<GradeBudgetRule> Grades { get; init; }

    public IReadOnlyList<FindingBudgetRule> Findings { get; init; } = [];

    /// <summary>Rounds an amount at the printed precision, half away from zero.</summary>
    public decimal Round(decimal amount) => Math.Round(amount, AmountDecimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The suggestion for a project graded <paramref name="grade"/> whose form carries <paramref name="findingCodes"/>,
    /// with the amount from <paramref name="currentBudget"/> (元; null when unknown: no amount, the action still holds).
    /// The strictest of the grade's rule and every matching finding rule wins; the lowest share with it.
    /// </summary>
    public BudgetSuggestion Suggest(string grade, IEnumerable<string> findingCodes, decimal? currentBudget)
    {
        var rule = Grades.FirstOrDefault(g => string.Equals(g.Grade, grade, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The rulebook has no budget rule for grade {grade}.", nameof(grade));
        var action = rule.Action;
        var share = rule.Share;
        var reasons = new List<string> { $"评价等级“{grade}”：{rule.Action.ChineseName()}，按本年预算的 {Percent(rule.Share)} 安排" };
        var codes = findingCodes.ToHashSet(StringComparer.Ordinal);
        foreach (var f in Findings.Where(f => codes.Contains(f.Code)))
        {
            reasons.Add($"{f.Reason}（{f.Code}）：至少{f.Action.ChineseName()}，不超过本年预算的 {Percent(f.Share)}");
            if (f.Action > action) action = f.Action;
            if (f.Share < share) share = f.Share;
        }
        decimal? amount = currentBudget is { } b && b >= 0m && b <= Forms.DomainRanges.MaxAmount ? Round(b * share) : null;
        return new BudgetSuggestion(action, share, amount, reasons);
    }

    /// <summary>A share as the budget view prints it: 0.9 → 90%, 0.875 → 87.5%.</summary>
    public static string Percent(decimal share) =>
        (share * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Features.BudgetResults;

/// <summary>
/// Finance's decision on next year's budget for one evaluated project. <see cref="Action"/> is a code (priority,
/// maintain, cut, cancel-or-suspend) or its Chinese name; <see cref="Amount"/> is in 元 at the rulebook's precision.
/// </summary>
public sealed record DecideBudgetRequest(
    [property: Description("预算安排：priority 优先保障、maintain 合理保障、cut 核减、cancel-or-suspend 取消或暂停"), Required, MaxLength(32)] string Action,
    [property: Description("下年度安排金额（元）"), Range(0, Limits.Money)] decimal Amount,
    [property: Description("决定理由"), Required, MinLength(1), MaxLength(2000)] string Reason) : IRequestContract;

/// <summary>One recorded decision: what finance chose, beside what the rulebook suggested then.</summary>
public sealed record BudgetDecisionDto(
    int Id, int FormId, int Year, string Action, string ActionName, decimal Amount, string Reason,
    string SuggestedAction, string SuggestedActionName, decimal? SuggestedAmount, string Grade, string RulebookId,
    bool FollowsSuggestion, DateTimeOffset DecidedAt, string DecidedBy)
{
    public static BudgetDecisionDto From(BudgetDecision d) => new(d.Id, d.FormId, d.Year, d.Action.Code(), d.Action.ChineseName(), d.Amount, d.Reason,
        d.SuggestedAction.Code(), d.SuggestedAction.ChineseName(), d.SuggestedAmount, d.Grade, d.RulebookId, d.FollowsSuggestion, d.DecidedAt, d.DecidedByName);
}

/// <summary>
/// One evaluated project for next year's budget: its grade, what the rulebook suggests (action, share of
/// <see cref="CurrentBudget"/>, amount, why) and finance's decision in force, if any.
/// </summary>
public sealed record BudgetSuggestionDto(
    int FormId, int Year, int OrganisationId, string? UnitName, string? DepartmentName, string? ProjectName, string Status, string StatusName,
    decimal? Total, string Grade, string RulebookId, string RulebookLabel, decimal? CurrentBudget, string BudgetSource,
    string SuggestedAction, string SuggestedActionName, decimal Share, decimal? SuggestedAmount, IReadOnlyList<string> Reasons,
    BudgetDecisionDto? Decision, bool Applied, bool? FollowsSuggestion);

/// <summary>How many evaluated projects the ledger counts under one heading, and their money (元).</summary>
public sealed record LedgerLineDto(
    string Name, int Evaluated, int Decided, int Followed, int Differed, int Undecided,
    decimal CurrentBudget, decimal SuggestedAmount, decimal DecidedAmount);

/// <summary>
/// 结果应用台账: for a year, whether each evaluated project's result was applied to next year's budget — in total, by
/// grade, by suggested action and by 主管部门.
/// </summary>
public sealed record BudgetLedgerDto(
    int Year, LedgerLineDto Total, IReadOnlyList<LedgerLineDto> ByGrade, IReadOnlyList<LedgerLineDto> ByAction, IReadOnlyList<LedgerLineDto> ByDepartment);

/// <summary>The words and numbers of the budget screens and exports, in one place.</summary>
public static class BudgetText
{
    /// <summary>An amount in 元 as the screens print it: 1,234,567.80.</summary>
    public static string Yuan(decimal? amount) => amount is { } a ? a.ToString("#,##0.00", CultureInfo.InvariantCulture) : "—";

    public static string Applied(BudgetSuggestionDto s) =>
        !s.Applied ? "未决定" : s.FollowsSuggestion == true ? "已决定，与建议一致" : "已决定，与建议不同";

    public static string Source(bool fromProject) => fromProject ? "预算项目（年度资金总额）" : "自评表（全年预算数）";
}

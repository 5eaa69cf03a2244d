using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.BudgetResults;

/// <summary>Which evaluated projects a list shows: all, those without a decision, those decided, those decided otherwise than suggested.</summary>
public enum AppliedFilter
{
    All,
    Undecided,
    Decided,
    Differs,
}

/// <summary>
/// Results into next year's budget (结果应用): for every evaluated project — the current, scored project
/// self-evaluation of a year, submitted or further — the rulebook the form is scored by suggests an action and an
/// amount from its grade and findings; finance records its decision (append-only, so each change keeps the one before);
/// the ledger counts, for the year, which results were applied. Everything reads through the request's scoped context.
/// </summary>
public sealed class BudgetService(AppDbContext db, TimeProvider clock)
{
    /// <summary>A self-evaluation counts as evaluated once the unit has submitted it; drafts and returned ones do not.</summary>
    public static readonly IReadOnlyList<FormStatus> EvaluatedStates =
        [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.FinanceApproved, FormStatus.Published];

    private static Refusal? MayDecide(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有“财政审核”角色可以查看和决定下年度预算安排。");

    /// <summary>The rulebook a form is scored by (its fact names it); a name no longer shipped falls back to the default.</summary>
    public static Rulebook RulebookOf(string? id) =>
        id is not null && Rulebooks.Names.Contains(id, StringComparer.Ordinal) ? Rulebooks.BuiltIn(id) : Rulebooks.Default;

    private IQueryable<FormFact> Evaluated(int? year, int? organisationId, string? organisationPath)
    {
        var facts = db.FormFacts.AsNoTracking().Where(f => f.Kind == FormKind.ProjectSelfEvaluation && f.IsCurrent && f.Scored
                                                           && f.ComputedGrade != null && EvaluatedStates.Contains(f.Status));
        if (year is { } y) facts = facts.Where(f => f.Year == y);
        if (organisationPath is not null) facts = facts.Where(f => f.OrganisationPath.StartsWith(organisationPath));
        else if (organisationId is { } id) facts = facts.Where(f => f.OrganisationId == id);
        return facts;
    }

    // Initialised, not constructed: EF can order and page by the members of an initialiser.
    private sealed class Row
    {
        public required FormFact Fact { get; init; }
        public decimal? ProjectBudget { get; init; }
        public BudgetDecision? Decision { get; init; }
    }

    private IQueryable<Row> Rows(IQueryable<FormFact> facts) =>
        from f in facts
        select new Row
        {
            Fact = f,
            ProjectBudget = f.Form!.Project!.BudgetYuan,
            Decision = db.BudgetDecisions.Where(d => d.FormId == f.FormId).OrderByDescending(d => d.Id).FirstOrDefault(),
        };

    /// <summary>The finding codes the rulebooks' budget rules name, per form, for the forms of <paramref name="formIds"/>.</summary>
    private async Task<ILookup<int, string>> RuleFindingsAsync(IReadOnlyCollection<int> formIds, CancellationToken ct)
    {
        var codes = Rulebooks.Names.SelectMany(n => Rulebooks.BuiltIn(n).Results.Findings.Select(f => f.Code)).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0 || formIds.Count == 0) return Array.Empty<int>().ToLookup(i => i, _ => "");
        var found = new List<(int FormId, string Code)>();
        // Chunked: a year's export asks for every evaluated form, and a statement holds a bounded number of parameters.
        foreach (var chunk in formIds.Chunk(1000))
            found.AddRange((await db.Findings.AsNoTracking().Where(x => chunk.Contains(x.FormId) && codes.Contains(x.Code))
                .Select(x => new { x.FormId, x.Code }).Distinct().ToListAsync(ct)).Select(x => (x.FormId, x.Code)));
        return found.ToLookup(x => x.FormId, x => x.Code);
    }

    private static BudgetSuggestionDto Dto(Row row, IEnumerable<string> findingCodes)
    {
        var f = row.Fact;
        var rulebook = RulebookOf(f.RulebookId);
        var fromProject = row.ProjectBudget is not null;
        var budget = row.ProjectBudget ?? f.BudgetYuan;
        var s = rulebook.Results.Suggest(f.ComputedGrade!, findingCodes, budget);
        var reasons = budget is null ? s.Reasons.Append("本年预算数未知（项目未录入年度资金总额，自评表未注明金额单位），只给出安排方式").ToList() : s.Reasons;
        var decision = row.Decision is { } d ? BudgetDecisionDto.From(d) : null;
        return new BudgetSuggestionDto(f.FormId, f.Year, f.OrganisationId, f.UnitName, f.DepartmentName, f.ProjectName, f.Status.ToString(), f.Status.ChineseName(),
            f.ComputedTotal, f.ComputedGrade!, rulebook.Name, rulebook.Label, budget, BudgetText.Source(fromProject),
            s.Action.Code(), s.Action.ChineseName(), s.Share, s.Amount, reasons, decision, decision is not null, decision?.FollowsSuggestion);
    }

    /// <summary>The subtree an organisation filter names, or a refusal when it is outside the caller's (404) or unknown.</summary>
    private async Task<Outcome<string?>> PathOf(int? organisationId, CancellationToken ct)
    {
        if (organisationId is not { } id) return (string?)null;
        var path = await db.Organisations.Where(o => o.Id == id).Select(o => o.Path).SingleOrDefaultAsync(ct);
        return path is null ? Refusal.NotFound("组织") : path;
    }

    /// <summary>The evaluated projects of a year (of an organisation's subtree), by 主管部门, unit and project, with suggestion and decision.</summary>
    public async Task<Outcome<Page<BudgetSuggestionDto>>> Suggestions(CurrentUser user, int? year, int? organisationId, AppliedFilter applied, int? page, int? pageSize, CancellationToken ct)
    {
        var path = await PathOf(organisationId, ct);
        if (path.Refusal is { } refusal) return refusal;
        if (MayDecide(user) is { } forbidden) return forbidden;
        if (!Enum.IsDefined(applied)) return Refusal.Invalid("applied 只能是 All、Undecided、Decided 或 Differs。");
        var facts = Evaluated(year, null, path.Value);
        facts = applied switch
        {
            AppliedFilter.Undecided => facts.Where(f => !db.BudgetDecisions.Any(d => d.FormId == f.FormId)),
            AppliedFilter.Decided => facts.Where(f => db.BudgetDecisions.Any(d => d.FormId == f.FormId)),
            // Decided otherwise than suggested: the latest decision's action or amount is not the suggestion it was shown.
            AppliedFilter.Differs => facts.Where(f => db.BudgetDecisions.Any(d => d.FormId == f.FormId
                && !db.BudgetDecisions.Any(later => later.FormId == d.FormId && later.Id > d.Id)
                && (d.Action != d.SuggestedAction || d.SuggestedAmount == null || d.Amount != d.SuggestedAmount))),
            _ => facts,
        };
        var rows = await Rows(facts).OrderBy(r => r.Fact.Year).ThenBy(r => r.Fact.DepartmentName).ThenBy(r => r.Fact.UnitName)
            .ThenBy(r => r.Fact.ProjectName).ThenBy(r => r.Fact.FormId).ToPageAsync(page, pageSize, ct);
        var findings = await RuleFindingsAsync(rows.Items.Select(r => r.Fact.FormId).ToList(), ct);
        return rows.Map(r => Dto(r, findings[r.Fact.FormId]));
    }

    /// <summary>One evaluated project's suggestion and decision.</summary>
    public async Task<Outcome<BudgetSuggestionDto>> Suggestion(CurrentUser user, int formId, CancellationToken ct)
    {
        var row = await Rows(db.FormFacts.AsNoTracking().Where(f => f.FormId == formId)).SingleOrDefaultAsync(ct);
        if (row is null) return Refusal.NotFound("表单");
        if (MayDecide(user) is { } forbidden) return forbidden;
        if (NotEvaluated(row.Fact) is { } notEvaluated) return notEvaluated;
        var findings = await RuleFindingsAsync([formId], ct);
        return Dto(row, findings[formId]);
    }

    private static Refusal? NotEvaluated(FormFact f) =>
        f.Kind != FormKind.ProjectSelfEvaluation ? Refusal.Invalid($"只有项目支出绩效自评表的评价结果用于下年度预算，此表单是{f.Kind.ChineseName()}。")
        : !f.IsCurrent ? Refusal.WrongState("此表单已被新版本取代，请对当前版本作出决定。")
        : !EvaluatedStates.Contains(f.Status) ? Refusal.WrongState($"表单状态为“{f.Status.ChineseName()}”，单位提交后才有评价结果。")
        : f.ComputedGrade is null ? Refusal.WrongState("此表单没有计算出等级（资金或指标不完整），不能据以安排预算。")
        : null;

    /// <summary>Every decision on a form, newest first: the one in force and the ones it replaced.</summary>
    public async Task<Outcome<IReadOnlyList<BudgetDecisionDto>>> History(CurrentUser user, int formId, CancellationToken ct)
    {
        if (!await db.FormFacts.AnyAsync(f => f.FormId == formId, ct)) return Refusal.NotFound("表单");
        if (MayDecide(user) is { } forbidden) return forbidden;
        var list = await db.BudgetDecisions.AsNoTracking().Where(d => d.FormId == formId).OrderByDescending(d => d.Id).ToListAsync(ct);
        return list.Select(BudgetDecisionDto.From).ToList();
    }

    /// <summary>
    /// Records finance's decision for one project, beside the suggestion shown now; a later decision replaces it and
    /// keeps it as history. The amount is in 元 at the rulebook's precision.
    /// </summary>
    public async Task<Outcome<BudgetDecisionDto>> Decide(CurrentUser user, int formId, DecideBudgetRequest request, CancellationToken ct)
    {
        var current = await Suggestion(user, formId, ct);
        if (current.Refusal is { } refusal) return refusal;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var suggestion = current.Value!;
        if (BudgetActions.FromCode(request.Action) is not { } action)
            return Refusal.Invalid($"预算安排“{request.Action}”无效，应为{string.Join("、", BudgetActions.All.Select(a => $"{a.Code()}（{a.ChineseName()}）"))}之一。");
        var rulebook = RulebookOf(suggestion.RulebookId);
        if (rulebook.Results.Round(request.Amount) != request.Amount)
            return Refusal.Invalid($"金额 {request.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} 元的小数位过多：按规则“{rulebook.Label}”，金额保留 {rulebook.Results.AmountDecimals} 位小数。");
        if (string.IsNullOrWhiteSpace(request.Reason)) return Refusal.Invalid("请填写决定理由。");

        var now = clock.GetUtcNow();
        var fact = await db.FormFacts.AsNoTracking().Where(f => f.FormId == formId).Select(f => new { f.OrganisationPath, f.Year }).SingleAsync(ct);
        var decision = new BudgetDecision
        {
            FormId = formId,
            OrganisationPath = fact.OrganisationPath,
            Year = fact.Year,
            Action = action,
            Amount = request.Amount,
            Reason = request.Reason.Trim(),
            SuggestedAction = BudgetActions.FromCode(suggestion.SuggestedAction)!.Value,
            SuggestedAmount = suggestion.SuggestedAmount,
            RulebookId = suggestion.RulebookId,
            Grade = suggestion.Grade,
            DecidedAt = now,
            DecidedById = user.Id,
            DecidedByName = user.Actor.UserName,
        };
        db.BudgetDecisions.Add(decision);
        db.Audit(user.Actor, now, "budget-decision", "form", formId.ToString(System.Globalization.CultureInfo.InvariantCulture), fact.OrganisationPath, "下年度预算安排",
            suggestion.Decision is { } before ? $"{before.ActionName} {BudgetText.Yuan(before.Amount)} 元" : null,
            $"{action.ChineseName()} {BudgetText.Yuan(request.Amount)} 元：{decision.Reason}");
        await db.SaveChangesAsync(ct);
        return BudgetDecisionDto.From(decision);
    }

    /// <summary>Every evaluated project of the year in scope, for the ledger and the export (not paged: the budget system takes all).</summary>
    public async Task<Outcome<IReadOnlyList<BudgetSuggestionDto>>> All(CurrentUser user, int year, int? organisationId, CancellationToken ct)
    {
        var path = await PathOf(organisationId, ct);
        if (path.Refusal is { } refusal) return refusal;
        if (MayDecide(user) is { } forbidden) return forbidden;
        var rows = await Rows(Evaluated(year, null, path.Value)).OrderBy(r => r.Fact.DepartmentName).ThenBy(r => r.Fact.UnitName)
            .ThenBy(r => r.Fact.ProjectName).ThenBy(r => r.Fact.FormId).ToListAsync(ct);
        var findings = await RuleFindingsAsync(rows.Select(r => r.Fact.FormId).ToList(), ct);
        return rows.Select(r => Dto(r, findings[r.Fact.FormId])).ToList();
    }

    /// <summary>The ledger of a year: in total, by grade, by suggested action and by 主管部门.</summary>
    public async Task<Outcome<BudgetLedgerDto>> Ledger(CurrentUser user, int year, int? organisationId, CancellationToken ct)
    {
        var all = await All(user, year, organisationId, ct);
        if (all.Refusal is { } refusal) return refusal;
        var rows = all.Value!;
        return new BudgetLedgerDto(year, Line("合计", rows),
            rows.GroupBy(r => r.Grade).OrderBy(g => GradeOrder(g.Key)).Select(g => Line(g.Key, g.ToList())).ToList(),
            rows.GroupBy(r => BudgetActions.FromCode(r.SuggestedAction)!.Value).OrderBy(g => g.Key).Select(g => Line(g.Key.ChineseName(), g.ToList())).ToList(),
            rows.GroupBy(r => r.DepartmentName ?? "（无主管部门）").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Line(g.Key, g.ToList())).ToList());
    }

    private static int GradeOrder(string grade)
    {
        var i = Rulebooks.Default.Grades.Select(g => g.Grade).ToList().IndexOf(grade);
        return i < 0 ? int.MaxValue : i;
    }

    private static LedgerLineDto Line(string name, IReadOnlyList<BudgetSuggestionDto> rows) => new(
        name, rows.Count, rows.Count(r => r.Applied), rows.Count(r => r.FollowsSuggestion == true), rows.Count(r => r.FollowsSuggestion == false),
        rows.Count(r => !r.Applied), rows.Sum(r => r.CurrentBudget ?? 0m), rows.Sum(r => r.SuggestedAmount ?? 0m), rows.Sum(r => r.Decision?.Amount ?? 0m));
}

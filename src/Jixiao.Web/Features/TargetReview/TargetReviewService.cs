using System.Globalization;
using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.TargetReview;

/// <summary>
/// Targets reviewed before they enter the budget (领域指南 §2.5, 财预〔2015〕88号): the reviewer whose turn it is grades a
/// targets form with the rulebook's grades and says why; a grade the rulebook marks not approvable (差) blocks approval;
/// once approved, targets change only through an adjustment request (纠偏) that finance approves, which writes the new
/// target values into the form so that every later carry and comparison reads them.
/// </summary>
public sealed class TargetReviewService(AppDbContext db, FormCheck check, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The grades and criteria of targets of <paramref name="year"/>: the national rulebook of the year is where they live.</summary>
    public static IReadOnlyList<TargetGradeRule> GradesFor(int? year) => Rulebooks.NationalFor(year).TargetGrades;

    /// <summary>A targets form's grades and adjustment requests, oldest first: what its review panel shows (the API's
    /// <see cref="Grades"/> and <see cref="Adjustments"/> read the same queries).</summary>
    public sealed record Rows(List<TargetGrade> Grades, List<TargetAdjustment> Adjustments);

    /// <summary>
    /// <see cref="Rows"/> of <paramref name="formId"/>, by queries compiled per context type: the form page reads them
    /// for every targets form past the draft, in the scope that reads the form (docs/benchmarks.md).
    /// </summary>
    public static async Task<Rows> RowsOf(AppDbContext db, int formId, CancellationToken ct)
    {
        var queries = RowQueries.For(db);
        return new Rows(await queries.Grades(db, formId).ToListAsync(ct), await queries.Adjustments(db, formId).ToListAsync(ct));
    }

    private sealed class CompiledRows
    {
        public Func<AppDbContext, int, IAsyncEnumerable<TargetGrade>> Grades { get; } = EF.CompileAsyncQuery<AppDbContext, int, TargetGrade>((AppDbContext db, int formId) =>
            db.TargetGrades.AsNoTracking().Where(g => g.FormId == formId).OrderBy(g => g.Id));

        public Func<AppDbContext, int, IAsyncEnumerable<TargetAdjustment>> Adjustments { get; } = EF.CompileAsyncQuery<AppDbContext, int, TargetAdjustment>((AppDbContext db, int formId) =>
            db.TargetAdjustments.AsNoTracking().Where(a => a.FormId == formId).OrderBy(a => a.Id));
    }

    private static readonly CompiledPerContext<CompiledRows> RowQueries = new(() => new CompiledRows());

    /// <summary>
    /// Why approving a targets form is refused, or null: the latest grade is one that may not enter the budget, or finance
    /// would approve it into the budget before anyone graded it. Called by the workflow for every approval.
    /// </summary>
    public static async Task<Refusal?> ApprovalRefusal(AppDbContext db, FormRecord record, CancellationToken ct)
    {
        if (record.Kind != FormKind.Targets) return null;
        var latest = await db.TargetGrades.AsNoTracking().Where(g => g.FormId == record.Id).OrderByDescending(g => g.Id).FirstOrDefaultAsync(ct);
        var year = record.FiscalYear?.Year ?? record.StatedYear;
        if (latest is not null && GradesFor(year).FirstOrDefault(r => r.Grade == latest.Grade) is { Approvable: false })
            return Refusal.WrongState($"此绩效目标的审核等级为“{latest.Grade}”（{latest.UserName}，{Time(latest.At)}），不得进入预算，不能审核通过。请退回单位重新申报，或重新评定等级。");
        if (latest is null && record.Status == FormStatus.DepartmentApproved && GradesFor(year).Count > 0)
            return Refusal.WrongState("绩效目标须先评定审核等级（优/良/中/差）并写明理由，才能审核通过进入预算。");
        return null;
    }

    public async Task<Outcome<TargetGrade>> Grade(CurrentUser user, int formId, GradeRequest request, CancellationToken ct)
    {
        var record = await db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).SingleOrDefaultAsync(f => f.Id == formId, ct);
        if (record is null) return Refusal.NotFound("表单");
        if (record.Kind != FormKind.Targets) return Refusal.Invalid($"只有绩效目标申报表需要评定审核等级，此表单是“{record.Kind.ChineseName()}”。");
        // The reviewer whose turn it is grades: the department while it is submitted, finance once the department approved it.
        if (!user.Is(Roles.DepartmentReviewer) && !user.Is(Roles.FinanceReviewer))
            return Refusal.Forbidden("只有审核人（“主管部门审核”或“财政审核”角色）可以评定绩效目标的等级。");
        if (record.Status is not (FormStatus.Submitted or FormStatus.DepartmentApproved) || record.IsSuperseded)
            return Refusal.WrongState($"只能在审核中（已提交或主管部门已审核）评定等级；此表单状态为“{record.Status.ChineseName()}”。");
        if (!FormService.Allows(record, user, WorkflowAction.Approve))
            return Refusal.Forbidden($"表单处于“{record.Status.ChineseName()}”时，由{(record.Status == FormStatus.Submitted ? "主管部门" : "财政部门")}审核人评定等级。");
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var rules = GradesFor(record.FiscalYear!.Year);
        var grade = request.Grade.Trim();
        if (rules.FirstOrDefault(r => r.Grade == grade) is null)
            return ContractValidation.FieldRefusal("$.grade", $"等级应为 {string.Join("、", rules.Select(r => r.Grade))} 之一，不是“{grade}”。");
        if (string.IsNullOrWhiteSpace(request.Reasons)) return ContractValidation.FieldRefusal("$.reasons", "评定等级必须写明理由。");

        var now = clock.GetUtcNow();
        var row = new TargetGrade
        {
            FormId = record.Id, OrganisationPath = record.Organisation!.Path, Grade = grade, Reasons = request.Reasons.Trim(),
            UserId = user.Id, UserName = user.Actor.UserName, Role = user.Is(Roles.FinanceReviewer) && record.Status == FormStatus.DepartmentApproved ? Roles.FinanceReviewer : Roles.DepartmentReviewer,
            At = now,
        };
        db.TargetGrades.Add(row);
        db.Audit(user.Actor, now, "grade", "form", Id(record.Id), record.Organisation.Path, "审核等级", null, $"{grade}（{row.Reasons}）");
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<Outcome<IReadOnlyList<TargetGrade>>> Grades(int formId, CancellationToken ct)
    {
        if (!await db.Forms.AnyAsync(f => f.Id == formId, ct)) return Refusal.NotFound("表单");
        return await RowQueries.For(db).Grades(db, formId).ToListAsync(ct);
    }

    /// <summary>The latest grade of each of <paramref name="formIds"/> (the review queue shows them).</summary>
    public static async Task<Dictionary<int, TargetGrade>> LatestGrades(AppDbContext db, IReadOnlyCollection<int> formIds, CancellationToken ct)
    {
        if (formIds.Count == 0) return [];
        var grades = await db.TargetGrades.AsNoTracking().Where(g => formIds.Contains(g.FormId)).ToListAsync(ct);
        return grades.GroupBy(g => g.FormId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!);
    }

    public async Task<Outcome<TargetAdjustment>> RequestAdjustment(CurrentUser user, int formId, AdjustmentRequest request, CancellationToken ct)
    {
        var record = await db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).AsNoTracking().SingleOrDefaultAsync(f => f.Id == formId, ct);
        if (record is null) return Refusal.NotFound("表单");
        if (!user.Is(Roles.UnitFiller)) return Refusal.Forbidden("只有“单位填报”角色可以申请调整绩效目标。");
        if (record.Kind != FormKind.Targets) return Refusal.Invalid($"只有绩效目标申报表可以申请调整目标，此表单是“{record.Kind.ChineseName()}”。");
        if (!TargetCarryApproved(record))
            return Refusal.WrongState($"只有财政已审核的绩效目标需要通过调整申请修改；此表单状态为“{record.Status.ChineseName()}”{(record.Status.IsEditable() ? "，可直接修改" : "")}。");
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        if (string.IsNullOrWhiteSpace(request.Reason)) return ContractValidation.FieldRefusal("$.reason", "调整申请必须写明原因（纠偏的依据）。");
        if (request.Changes is not { Count: > 0 }) return ContractValidation.FieldRefusal("$.changes", "调整申请至少要改一个指标的目标值。");
        if (await db.TargetAdjustments.AnyAsync(a => a.FormId == formId && a.State == AdjustmentState.Pending, ct))
            return Refusal.WrongState("此绩效目标已有一项待审核的调整申请，请等待审核结果后再申请。");

        var form = FormRows.ToForm(record);
        var changes = new List<TargetChange>();
        for (var i = 0; i < request.Changes.Count; i++)
        {
            var change = request.Changes[i];
            var at = $"$.changes[{i}]";
            if (change.Row < 1 || change.Row > form.Indicators.Count)
                return ContractValidation.FieldRefusal(at + ".row", $"第 {change.Row} 行不存在：此表有 {form.Indicators.Count} 行指标。");
            if (changes.Any(c => c.Row == change.Row)) return ContractValidation.FieldRefusal(at + ".row", $"第 {change.Row} 行重复出现。");
            var row = form.Indicators[change.Row - 1];
            var after = change.Target?.Trim();
            if (string.IsNullOrEmpty(after)) return ContractValidation.FieldRefusal(at + ".target", $"第 {change.Row} 行（{row.Name}）调整后的目标值不能为空。");
            if (after == row.Target?.Trim()) return ContractValidation.FieldRefusal(at + ".target", $"第 {change.Row} 行（{row.Name}）调整后的目标值与现在相同（{after}）。");
            changes.Add(new TargetChange(change.Row, row.Name, row.Target, after));
        }

        var now = clock.GetUtcNow();
        var adjustment = new TargetAdjustment
        {
            FormId = formId, OrganisationPath = record.Organisation!.Path, UnitName = record.Organisation.Name, ProjectName = record.ProjectName,
            Year = record.FiscalYear!.Year, State = AdjustmentState.Pending, Reason = request.Reason.Trim(),
            ChangesJson = JsonSerializer.Serialize(changes, Json), RequestedById = user.Id, RequestedBy = user.Actor.UserName, RequestedAt = now,
        };
        // The request and its audit entry (which names the request's number) land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.TargetAdjustments.Add(adjustment);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, now, "request-adjustment", "form", Id(formId), adjustment.OrganisationPath, "目标调整申请", null,
            $"#{adjustment.Id}：{Describe(changes)}（{adjustment.Reason}）");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return adjustment;
    }

    /// <summary>
    /// Finance approves or rejects a pending adjustment. Approval writes the new target values into the targets form
    /// (its facts and findings follow, through the one write path) and records each change in the audit trail. A
    /// deadlock's victim is run again whole (<see cref="WholeRetry"/>).
    /// </summary>
    public Task<Outcome<TargetAdjustment>> Decide(CurrentUser user, int adjustmentId, bool approve, string? comment, CancellationToken ct) =>
        db.RetryWholeAsync(token => DecideOnce(user, adjustmentId, approve, comment, token), ct);

    private async Task<Outcome<TargetAdjustment>> DecideOnce(CurrentUser user, int adjustmentId, bool approve, string? comment, CancellationToken ct)
    {
        var adjustment = await db.TargetAdjustments.SingleOrDefaultAsync(a => a.Id == adjustmentId, ct);
        if (adjustment is null) return Refusal.NotFound("调整申请");
        if (!user.Is(Roles.FinanceReviewer)) return Refusal.Forbidden("绩效目标随预算由财政批准，调整申请由“财政审核”角色审核。");
        if (adjustment.State != AdjustmentState.Pending)
            return Refusal.WrongState($"此调整申请已于 {Time(adjustment.DecidedAt!.Value)} 由{adjustment.DecidedBy}{Name(adjustment.State)}。");
        if (!approve && string.IsNullOrWhiteSpace(comment)) return Refusal.Invalid("驳回调整申请必须填写原因。");
        if (comment is { Length: > Limits.ReasonText }) return Refusal.Invalid($"审核意见超过 {Limits.ReasonText} 字。");

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (approve)
        {
            var record = await FormStore.LoadForWriteAsync(db, adjustment.FormId, ct);
            if (record is null) return Refusal.NotFound("表单");
            if (!TargetCarryApproved(record) || record.IsSuperseded)
                return Refusal.WrongState($"绩效目标现在的状态是“{record.Status.ChineseName()}”，不再是已批准的目标，不能按调整申请修改。");
            var form = FormRows.ToForm(record);
            var changes = Changes(adjustment);
            foreach (var change in changes)
            {
                if (change.Row > form.Indicators.Count || form.Indicators[change.Row - 1].Target?.Trim() != change.Before?.Trim())
                    return new Refusal(RefusalKind.Conflict, "目标值已被修改", $"第 {change.Row} 行的目标值在申请之后已被修改（现为“{(change.Row <= form.Indicators.Count ? form.Indicators[change.Row - 1].Target : "（该行已不存在）")}”），请驳回后由单位重新申请。");
                form.Indicators[change.Row - 1].Target = change.After;
            }
            FormStore.Write(record, form, check(form), FormService.RulebookFor(form), await FormStore.PlaceAsync(db, record.Organisation!, ct), now);
            record.Revision++;
            record.UpdatedAt = now;
            foreach (var change in changes)
                db.Audit(user.Actor, now, "adjust", "form", Id(record.Id), record.Organisation!.Path, $"第{change.Row}行 {change.Indicator} 年度指标值",
                    change.Before, $"{change.After}（调整申请 #{adjustment.Id}：{adjustment.Reason}）");
        }
        adjustment.State = approve ? AdjustmentState.Approved : AdjustmentState.Rejected;
        adjustment.DecidedBy = user.Actor.UserName;
        adjustment.DecidedAt = now;
        adjustment.Decision = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        db.Audit(user.Actor, now, approve ? "approve-adjustment" : "reject-adjustment", "form", Id(adjustment.FormId), adjustment.OrganisationPath,
            "目标调整申请", "待审核", $"#{adjustment.Id} {Name(adjustment.State)}" + (adjustment.Decision is null ? "" : $"（{adjustment.Decision}）"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return adjustment;
    }

    public async Task<Outcome<IReadOnlyList<TargetAdjustment>>> Adjustments(int formId, CancellationToken ct)
    {
        if (!await db.Forms.AnyAsync(f => f.Id == formId, ct)) return Refusal.NotFound("表单");
        return await RowQueries.For(db).Adjustments(db, formId).ToListAsync(ct);
    }

    public async Task<Outcome<TargetAdjustment>> Adjustment(int id, CancellationToken ct) =>
        await db.TargetAdjustments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a ? a : Refusal.NotFound("调整申请");

    /// <summary>Adjustment requests in the caller's subtree, optionally of one state, the oldest pending first.</summary>
    public Task<Page<TargetAdjustment>> List(AdjustmentState? state, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.TargetAdjustments.AsNoTracking();
        if (state is { } s) query = query.Where(a => a.State == s);
        return query.OrderBy(a => a.State != AdjustmentState.Pending).ThenBy(a => a.Id).ToPageAsync(page, pageSize, ct);
    }

    public static IReadOnlyList<TargetChange> Changes(TargetAdjustment adjustment) =>
        JsonSerializer.Deserialize<List<TargetChange>>(adjustment.ChangesJson, Json) ?? [];

    public static string Name(AdjustmentState state) => state switch
    {
        AdjustmentState.Pending => "待审核",
        AdjustmentState.Approved => "已批准",
        AdjustmentState.Rejected => "已驳回",
    };

    public static string Describe(IEnumerable<TargetChange> changes) =>
        string.Join("；", changes.Select(c => $"第{c.Row}行 {c.Indicator}：{c.Before ?? "（空）"} → {c.After}"));

    private static bool TargetCarryApproved(FormRecord record) => Rounds.TargetCarry.Approved(record.Status);

    private static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

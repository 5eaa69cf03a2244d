using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// <see cref="NewVersion"/>: the unit, project, kind, year and period already have a form and this one replaces it;
/// the older form is kept, marked superseded. Without it a second such form is refused.
/// </summary>
public sealed record CreateFormRequest(
    [property: Description("单位 ID")] int OrganisationId,
    [property: Description("年度"), Range(2000, 2100)] int FiscalYear,
    [property: Description("预算项目 ID")] int? ProjectId,
    [property: Description("表单"), Required] FormV1 Form,
    [property: Description("作为新版本取代已有的同一表单")] bool NewVersion = false) : IRequestContract;

public sealed record SaveFormRequest(
    [property: Description("修订号")] int Revision,
    [property: Description("表单"), Required] FormV1 Form) : IRequestContract;

/// <summary><see cref="Justifications"/> maps a finding's key (<see cref="FindingDto.Key"/>) to why the unit submits anyway.</summary>
public sealed record SubmitRequest(
    [property: Description("修订号")] int Revision,
    [property: Description("提交理由"), MaxLength(Limits.Rows), EachMaxLength(Limits.ReasonText)] Dictionary<string, string>? Justifications) : IRequestContract;

public sealed record ReasonRequest([property: Description("原因"), MaxLength(Limits.ReasonText)] string? Reason) : IRequestContract;

/// <summary>
/// Saving and moving forms through the workflow. Every query goes through the request's scoped
/// <see cref="AppDbContext"/>, so a form outside the caller's subtree is "not found" here too.
/// </summary>
public sealed class FormService(AppDbContext db, FormCheck check, TimeProvider clock, Jixiao.Web.Ui.DeadlineOptions deadlines)
{
    private sealed record Rule(FormStatus From, WorkflowAction Action, string Role, FormStatus To);

    /// <summary>The whole workflow: 草稿 → 已提交 → 主管部门已审核 → 财政已审核 → 已公开, 退回 and 解锁 back to the unit.</summary>
    private static readonly Rule[] Workflow =
    [
        new(FormStatus.Draft, WorkflowAction.Submit, Roles.UnitFiller, FormStatus.Submitted),
        new(FormStatus.Returned, WorkflowAction.Submit, Roles.UnitFiller, FormStatus.Submitted),
        new(FormStatus.Submitted, WorkflowAction.Return, Roles.DepartmentReviewer, FormStatus.Returned),
        new(FormStatus.Submitted, WorkflowAction.Approve, Roles.DepartmentReviewer, FormStatus.DepartmentApproved),
        new(FormStatus.DepartmentApproved, WorkflowAction.Return, Roles.FinanceReviewer, FormStatus.Returned),
        new(FormStatus.DepartmentApproved, WorkflowAction.Approve, Roles.FinanceReviewer, FormStatus.FinanceApproved),
        new(FormStatus.DepartmentApproved, WorkflowAction.Unlock, Roles.DepartmentReviewer, FormStatus.Returned),
        new(FormStatus.FinanceApproved, WorkflowAction.Unlock, Roles.FinanceReviewer, FormStatus.Returned),
        new(FormStatus.FinanceApproved, WorkflowAction.Publish, Roles.FinanceReviewer, FormStatus.Published),
        new(FormStatus.Submitted, WorkflowAction.Withdraw, Roles.UnitFiller, FormStatus.Draft),
        new(FormStatus.Published, WorkflowAction.Unpublish, Roles.FinanceReviewer, FormStatus.FinanceApproved),
    ];

    /// <summary>
    /// A third-party evaluation report goes from the agency's evaluator straight to finance, which commissioned it:
    /// 草稿 → 已提交 → 财政已审核 (accepted) or 退回 to the evaluator.
    /// </summary>
    private static readonly Rule[] EvaluationWorkflow =
    [
        new(FormStatus.Draft, WorkflowAction.Submit, Roles.Evaluator, FormStatus.Submitted),
        new(FormStatus.Returned, WorkflowAction.Submit, Roles.Evaluator, FormStatus.Submitted),
        new(FormStatus.Submitted, WorkflowAction.Withdraw, Roles.Evaluator, FormStatus.Draft),
        new(FormStatus.Submitted, WorkflowAction.Return, Roles.FinanceReviewer, FormStatus.Returned),
        new(FormStatus.Submitted, WorkflowAction.Approve, Roles.FinanceReviewer, FormStatus.FinanceApproved),
        new(FormStatus.FinanceApproved, WorkflowAction.Unlock, Roles.FinanceReviewer, FormStatus.Returned),
        new(FormStatus.FinanceApproved, WorkflowAction.Publish, Roles.FinanceReviewer, FormStatus.Published),
        new(FormStatus.Published, WorkflowAction.Unpublish, Roles.FinanceReviewer, FormStatus.FinanceApproved),
    ];

    private static Rule[] WorkflowOf(FormKind kind) => kind == FormKind.Evaluation ? EvaluationWorkflow : Workflow;

    /// <summary>Who fills, saves and submits forms of a kind: the evaluation rubric is the third-party evaluator's, every other kind the unit's.</summary>
    public static string FillerRole(FormKind kind) => kind == FormKind.Evaluation ? Roles.Evaluator : Roles.UnitFiller;

    private static Refusal FillerOnly(FormKind kind, string what) => Refusal.Forbidden($"{kind.ChineseName()}只有“{FillerRole(kind)}”角色可以{what}。");

    /// <summary>
    /// A form tracked with what a save rewrites (findings, facts), so that changes to it are saved. A caller that writes
    /// the form afresh (<see cref="Write"/>) asks without the <paramref name="rows"/>: the write reads them only if they change.
    /// </summary>
    public async Task<Outcome<FormRecord>> Find(int id, CancellationToken ct, bool rows = true) =>
        await FormStore.LoadForWriteAsync(db, id, ct, rows) is { } form ? form : Refusal.NotFound("表单");

    /// <summary>
    /// A form for showing or exporting; changes to it are not saved (use <see cref="Find"/> for that). The body comes
    /// with the form's own row: one primary-key lookup, plus one for the stored findings unless the screen checks the
    /// form afresh (the editor, the print view).
    /// </summary>
    public async Task<Outcome<FormRecord>> Read(int id, CancellationToken ct, bool withStoredFindings = true) =>
        await Load(id, withStoredFindings, ct) is { } form ? form : Refusal.NotFound("表单");

    private async Task<FormRecord?> Load(int id, bool storedFindings, CancellationToken ct)
    {
        var queries = Queries.For(db);
        var form = await queries.Form(db, id, ct);
        if (form is not null && storedFindings) form.Findings = (await queries.Findings(db, id).ToListAsync(ct)).OrderBy(f => f.Position).ToList();
        return form;
    }

    /// <summary>
    /// <see cref="Load"/>'s queries, compiled per context type (<see cref="CompiledPerContext{TQuery}"/>): translating the
    /// LINQ on every call was a tenth of a form page's processor time.
    /// </summary>
    private sealed class LoadQueries
    {
        public Func<AppDbContext, int, CancellationToken, Task<FormRecord?>> Form { get; } = EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Forms.AsNoTracking().Include(f => f.Organisation).Include(f => f.FiscalYear).SingleOrDefault(f => f.Id == id));

        public Func<AppDbContext, int, IAsyncEnumerable<FormFinding>> Findings { get; } = EF.CompileAsyncQuery((AppDbContext db, int id) =>
            db.Findings.AsNoTracking().Where(r => r.FormId == id));
    }

    private static readonly CompiledPerContext<LoadQueries> Queries = new(() => new LoadQueries());

    /// <summary>
    /// The rulebook of a form nobody chose one for (the checker registered in Program uses the same); a save scores by
    /// the choice in force for the unit and year (<see cref="RulebookChoices"/>).
    /// </summary>
    public static Jixiao.Core.Rulebooks.Rulebook RulebookFor(PerformanceForm form) => Jixiao.Core.Rulebooks.Rulebooks.Default;

    /// <summary>
    /// Body, header, findings and facts of <paramref name="record"/> from <paramref name="form"/> (<see cref="FormStore"/>),
    /// checked afresh: on its own, and against the unit's other stored forms of the year and the project's earlier years
    /// (<see cref="FormRelations"/>), so a save, an import and a submit all see what only related forms show.
    /// </summary>
    private async Task<IReadOnlyList<Finding>> Write(FormRecord record, PerformanceForm form, DateTimeOffset now, CancellationToken ct,
        IReadOnlyList<FormRelations.BatchForm>? batch = null)
    {
        var unit = record.Organisation!;
        var year = record.FiscalYear!.Year;
        // Checked and scored by the rulebook finance chose for the unit's subtree and the year (the default without a choice).
        var rulebook = RulebookChoices.RulebookOf(await RulebookChoices.InForceAsync(db, unit.Path, record.FiscalYear!, ct));
        // The budget system's figures for the project (双监控) are checked beside the form's own arithmetic.
        IReadOnlyList<Finding> findings = [.. check(form, rulebook), .. await ExecutionImports.ExecutionFigureChecks.For(db, record, form, ct)];
        var id = record.Id == 0 ? (int?)null : record.Id;
        var related = await FormRelations.GatherAsync(db, form, id, unit, year, rulebook, ct);
        // An import's other forms are not stored yet when this one is written: they are compared with all the same.
        if (batch is { Count: > 0 }) related = [.. related, .. FormRelations.FromBatch(form, unit.Path, unit, year, batch, rulebook)];
        if (related.Count > 0) findings = [.. findings, .. FormRelations.Check(form, id, unit, year, related, rulebook)];
        // A targets form is also held against its peers (the indicator library).
        if (form.Kind == FormKind.Targets)
            findings = [.. findings, .. await Library.TargetsAdvice.FindingsAsync(db, year, form, rulebook, ct)];
        await FormStore.WriteAsync(db, record, form, findings, rulebook, await FormStore.PlaceAsync(db, unit, ct, record.Fact), now, ct);
        return findings;
    }

    /// <summary>The stored forms the form page checks <paramref name="record"/> against as it is edited (<see cref="FormRelations"/>).</summary>
    public Task<IReadOnlyList<DocumentForm>> Related(FormRecord record, PerformanceForm form, CancellationToken ct) =>
        FormRelations.GatherAsync(db, form, record.Id, record.Organisation!, record.FiscalYear!.Year, RulebookFor(form), ct);

    /// <summary>A new form (or a new version of one), run again whole if it was a deadlock's victim (<see cref="WholeRetry"/>).</summary>
    public Task<Outcome<FormRecord>> Create(CurrentUser user, CreateFormRequest request, CancellationToken ct) =>
        db.RetryWholeAsync(token => CreateOnce(user, request, token), ct);

    private async Task<Outcome<FormRecord>> CreateOnce(CurrentUser user, CreateFormRequest request, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null) return Refusal.NotFound("单位");
        if (!user.Is(Roles.UnitFiller) && !user.Is(Roles.Evaluator)) return Refusal.Forbidden("只有“单位填报”或“第三方评价”角色可以新建表单。");
        // The editor and the API send the same contract; both are held to its bounds here.
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var form = request.Form.ToForm();
        if (!user.Is(FillerRole(form.Kind))) return FillerOnly(form.Kind, "新建");
        if (TooLong(form) is { } tooLong) return tooLong;
        // A report is about one project: the evaluator reaches only those of its agency's tasks.
        if (form.Kind == FormKind.Evaluation && request.ProjectId is null)
            return ContractValidation.FieldRefusal("$.projectId", $"{form.Kind.ChineseName()}必须指定所评价的预算项目。");

        BudgetProject? project = null;
        if (request.ProjectId is { } projectId)
        {
            project = await db.Projects.Include(p => p.FiscalYear).SingleOrDefaultAsync(p => p.Id == projectId, ct);
            if (project is null) return Refusal.NotFound("项目");
            if (project.OrganisationId != organisation.Id) return Refusal.Invalid($"项目“{project.Name}”不属于“{organisation.Name}”。");
            if (project.FiscalYear!.Year != request.FiscalYear) return Refusal.Invalid($"项目“{project.Name}”属于 {project.FiscalYear.Year} 年度，不是 {request.FiscalYear} 年度。");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var year = await Year(request.FiscalYear, ct);
        if (year.Closed) return Refusal.WrongState($"{year.Year} 年度已关闭，不能新建表单。");
        FormRecord? replaced = null;
        if (request.NewVersion)
        {
            // The older form gives its key up first: the unique index must never see two holders.
            var key = FormIdentity.Key(organisation.Path, year.Year, form.Kind, project?.Name ?? form.Project, form.MonitoringMonths);
            replaced = await db.Forms.SingleOrDefaultAsync(f => f.UniqueKey == key, ct);
            if (replaced is null) return Refusal.Invalid("没有可被新版本取代的表单：该单位此项目、类型、年度和期间还没有表单，请直接新建。");
            replaced.UniqueKey = null;
            await db.SaveChangesAsync(ct);
        }
        var added = await AddDraft(form, organisation, year, project, now, ct);
        if (added.Refusal is { } refusal) return refusal;
        var record = added.Value!;
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, now, "create", "form", Id(record), organisation.Path, "表单", null,
            $"{record.Kind.ChineseName()} {record.ProjectName ?? record.UnitName ?? organisation.Name}");
        if (replaced is not null)
        {
            replaced.SupersededById = record.Id;
            await db.FormFacts.Where(f => f.FormId == replaced.Id).ExecuteUpdateAsync(x => x.SetProperty(f => f.IsCurrent, false), ct);
            db.Audit(user.Actor, now, "supersede", "form", Id(replaced), organisation.Path, "表单", null, $"已被新版本（表单 {Id(record)}）取代");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return record;
    }

    /// <summary>
    /// A new draft of <paramref name="form"/> for <paramref name="unit"/>, checked like every save; written with the
    /// caller's next SaveChanges (creation here, imports from the API and the import page). <paramref name="batch"/>: the
    /// other forms of the same import still to be stored, compared with like the unit's stored forms (their unit keys are
    /// organisation paths).
    /// </summary>
    internal async Task<Outcome<FormRecord>> AddDraft(PerformanceForm form, Organisation unit, FiscalYear year, BudgetProject? project, DateTimeOffset now, CancellationToken ct,
        IReadOnlyList<FormRelations.BatchForm>? batch = null)
    {
        if (project is not null && Projects.ProjectAdmin.RefuseNewForms(project) is { } archived) return archived;
        var key = FormIdentity.Key(unit.Path, year.Year, form.Kind, project?.Name ?? form.Project, form.MonitoringMonths);
        if (await Holder(key, null, ct) is { } holder) return Duplicate(holder, form.Kind, year.Year);
        var record = new FormRecord
        {
            Organisation = unit,
            FiscalYear = year,
            Project = project,
            Status = FormStatus.Draft,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        record.UniqueKey = key;
        await Write(record, form, now, ct, batch);
        db.Forms.Add(record);
        return record;
    }

    /// <summary>The current form that holds <paramref name="key"/>, saved or about to be (an import adds several before saving).</summary>
    private async Task<FormRecord?> Holder(string key, int? except, CancellationToken ct) =>
        db.Forms.Local.FirstOrDefault(f => f.UniqueKey == key && f.Id != except)
        ?? await db.Forms.IgnoreQueryFilters().Include(f => f.Organisation).FirstOrDefaultAsync(f => f.UniqueKey == key && f.Id != except, ct);

    private static Refusal Duplicate(FormRecord holder, FormKind kind, int year) =>
        new(RefusalKind.WrongState, "已有同一表单",
            $"{holder.Organisation?.Name ?? holder.UnitName}已有 {year} 年度的{kind.ChineseName()}" +
            (holder.ProjectName is { Length: > 0 } p && kind is not (FormKind.DepartmentSelfEvaluation or FormKind.DepartmentBasicData) ? $"（{p}）" : "") +
            (kind == FormKind.Monitoring ? $"（1-{holder.MonitoringMonths ?? 0}月）" : "") +
            $"，表单编号 {holder.Id}，状态“{holder.Status.ChineseName()}”。请打开该表单修改；确需重新填报的，请作为新版本新建（原表单保留并标记为已被取代）。",
            new Dictionary<string, object?> { ["existingFormId"] = holder.Id });

    /// <summary>The fiscal year, added when neither the database nor this unit of work has it yet. Callers refuse a closed one.</summary>
    /// <remarks>
    /// Units file the first forms of a new year at the same moment: adding the year through the change tracker made all
    /// but one of them fail on the unique index (a 500 in the soak test). The row is inserted by one statement that
    /// leaves an existing year alone, on both databases, and then read.
    /// </remarks>
    internal async Task<FiscalYear> Year(int year, CancellationToken ct)
    {
        if (db.FiscalYears.Local.FirstOrDefault(y => y.Year == year) is { } tracked) return tracked;
        if (await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, ct) is { } stored) return stored;
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"FiscalYears\" (\"Year\", \"Closed\") VALUES ({year}, {false}) ON CONFLICT DO NOTHING", ct);
        return await db.FiscalYears.SingleAsync(y => y.Year == year, ct);
    }

    public async Task<Outcome<FormRecord>> Save(CurrentUser user, int id, SaveFormRequest request, CancellationToken ct)
    {
        // One connection for the save's statements (the form, its related forms, the write): EF otherwise opens and closes
        // it around each, as on the form page (FormEditor.Load).
        await db.Database.OpenConnectionAsync(ct);
        var found = await Find(id, ct, rows: false);
        if (found.Refused) return found;
        var record = found.Value!;
        if (!user.Is(FillerRole(record.Kind))) return FillerOnly(record.Kind, "修改");
        if (record.IsSuperseded) return Refusal.WrongState($"此表单已被新版本（表单 {record.SupersededById}）取代，不能修改。");
        if (record.IsLocked) return Refusal.WrongState($"表单状态为“{record.Status.ChineseName()}”，已锁定，不能修改。");
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var form = request.Form.ToForm();
        if (TooLong(form) is { } tooLong) return tooLong;
        if (form.Kind != record.Kind) return Refusal.Invalid($"不能把“{record.Kind.ChineseName()}”改为“{form.Kind.ChineseName()}”。");
        if (record.Revision != request.Revision) return Conflict(record, form, request.Revision);
        // The project came with the form (FormStore.LoadForWriteAsync): no round trip of its own.
        var projectName = record.Project?.Name;
        var key = FormIdentity.Key(record.Organisation!.Path, record.FiscalYear!.Year, record.Kind, projectName ?? form.Project, form.MonitoringMonths);
        if (key != record.UniqueKey && await Holder(key, record.Id, ct) is { } holder) return Duplicate(holder, record.Kind, record.FiscalYear.Year);

        var before = FormRows.ToSharedForm(record);
        var now = clock.GetUtcNow();
        record.UniqueKey = key;
        await Write(record, form, now, ct);
        record.Revision = request.Revision + 1;
        record.UpdatedAt = now;
        foreach (var change in FormDiff.Compare(before, form))
            db.Audit(user.Actor, now, "update", "form", Id(record), record.Organisation!.Path, change.Label, change.Before, change.After);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the revision column did not match, nothing was written.
            db.ChangeTracker.Clear();
            var stored = await Read(id, ct, withStoredFindings: false);
            return stored.Refusal ?? Conflict(stored.Value!, form, request.Revision);
        }
        // The form came from this request and nothing changes it now: the answer (FormDto) and the next save's diff read
        // it as the stored body.
        FormBody.Share(record.Body!, form);
        return record;
    }

    private static Refusal? TooLong(PerformanceForm form) =>
        TextLimits.Check(form) is [var first, ..]
            ? Refusal.Invalid($"“{first.Field}”有 {first.Length} 字，超过该栏上限 {first.Limit} 字。请删减后再保存。")
            : null;

    private static Refusal Conflict(FormRecord stored, PerformanceForm yours, int yourRevision) =>
        new(RefusalKind.Conflict, "表单已被他人修改",
            $"您基于第 {yourRevision} 次修订进行编辑，但表单已是第 {stored.Revision} 次修订（{stored.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC）。您的修改未保存；请对照两个版本后重新保存。",
            new Dictionary<string, object?>
            {
                ["yours"] = new { revision = yourRevision, form = FormV1.From(yours) },
                ["stored"] = new { revision = stored.Revision, status = stored.Status, updatedAt = stored.UpdatedAt, form = FormV1.From(FormRows.ToForm(stored)) },
            });

    public async Task<Outcome<FormRecord>> Submit(CurrentUser user, int id, SubmitRequest request, CancellationToken ct)
    {
        var found = await Find(id, ct, rows: false);
        if (found.Refused) return found;
        var record = found.Value!;
        if (Allowed(record, user, WorkflowAction.Submit) is { } refusal) return refusal;
        if (await Rounds.RoundGate.LateSubmission(db, record.UniqueKey, deadlines.TodayBy(clock), ct) is { } late) return late;
        if (record.Revision != request.Revision) return Conflict(record, FormRows.ToForm(record), request.Revision);

        var form = FormRows.ToForm(record);
        if (await Rounds.ExAnteGate.Submission(db, record, form, ct) is { } gated) return gated;
        var findings = await Write(record, form, clock.GetUtcNow(), ct);
        var justifications = request.Justifications ?? [];
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        var missing = errors.Where(f => !justifications.TryGetValue(FindingDto.KeyOf(f), out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        if (missing.Count > 0)
            return new Refusal(RefusalKind.JustificationMissing, "提交前需逐条说明错误",
                $"表单仍有 {missing.Count} 个错误级问题。请修改，或在每个问题下写明提交理由。",
                new Dictionary<string, object?> { ["missing"] = missing.Select(FindingDto.From).ToList() });

        var now = clock.GetUtcNow();
        var version = new FormVersion
        {
            FormId = record.Id,
            Number = record.LatestVersion + 1,
            CreatedAt = now,
            CreatedById = user.Id,
            CreatedByName = user.Name,
            FormJson = FormBody.Serialize(form),
            SchemaVersion = FormBody.CurrentVersion,
            FindingsJson = FormJson.SerializeFindings(findings),
            RulebookId = record.Fact?.RulebookId,
            Justifications = errors.Select(f => new FindingJustification
            {
                FindingCode = f.Code,
                FindingLocation = f.Location.ToString(),
                FindingMessage = f.Message,
                Text = justifications[FindingDto.KeyOf(f)].Trim(),
            }).ToList(),
        };
        db.Versions.Add(version);
        record.LatestVersion = version.Number;
        Move(record, user, WorkflowAction.Submit, null, now, version.Number);
        foreach (var j in version.Justifications)
            db.Audit(user.Actor, now, "justify", "form", Id(record), record.Organisation!.Path, $"说明 {j.FindingCode} {j.FindingLocation}", null, j.Text);
        return await SaveTransition(record, ct);
    }

    public Task<Outcome<FormRecord>> Return(CurrentUser user, int id, string? reason, CancellationToken ct) =>
        Act(user, id, WorkflowAction.Return, reason, reasonRequired: true, ct);

    public Task<Outcome<FormRecord>> Approve(CurrentUser user, int id, string? comment, CancellationToken ct) =>
        Act(user, id, WorkflowAction.Approve, comment, reasonRequired: false, ct);

    public Task<Outcome<FormRecord>> Unlock(CurrentUser user, int id, string? reason, CancellationToken ct) =>
        Act(user, id, WorkflowAction.Unlock, reason, reasonRequired: true, ct);

    public Task<Outcome<FormRecord>> Publish(CurrentUser user, int id, CancellationToken ct) =>
        Act(user, id, WorkflowAction.Publish, null, reasonRequired: false, ct);

    /// <summary>The unit takes its submission back before anyone has reviewed it; the form is a draft again.</summary>
    public Task<Outcome<FormRecord>> Withdraw(CurrentUser user, int id, CancellationToken ct) =>
        Act(user, id, WorkflowAction.Withdraw, null, reasonRequired: false, ct);

    /// <summary>Finance takes a published form off the portal (back to 财政已审核), saying why.</summary>
    public Task<Outcome<FormRecord>> Unpublish(CurrentUser user, int id, string? reason, CancellationToken ct) =>
        Act(user, id, WorkflowAction.Unpublish, reason, reasonRequired: true, ct);

    /// <summary>
    /// Deletes a draft that was never submitted (a submitted form keeps its history), recorded in the audit trail. A form
    /// it had superseded becomes current again.
    /// </summary>
    public Task<Outcome<int>> Delete(CurrentUser user, int id, CancellationToken ct) => db.RetryWholeAsync(token => DeleteOnce(user, id, token), ct);

    private async Task<Outcome<int>> DeleteOnce(CurrentUser user, int id, CancellationToken ct)
    {
        var found = await Find(id, ct);
        if (found.Refused) return found.Refusal!;
        var record = found.Value!;
        if (!user.Is(FillerRole(record.Kind))) return FillerOnly(record.Kind, "删除草稿");
        if (record.Status != FormStatus.Draft || record.LatestVersion > 0 || await db.Transitions.AnyAsync(t => t.FormId == id, ct))
            return Refusal.WrongState($"只能删除从未提交过的草稿；此表单状态为“{record.Status.ChineseName()}”{(record.LatestVersion > 0 ? "，已有提交记录" : "")}，不能删除。");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = record.UniqueKey;
        db.Audit(user.Actor, now, "delete", "form", Id(record), record.Organisation!.Path, "表单",
            $"{record.Kind.ChineseName()} {record.ProjectName ?? record.UnitName ?? record.Organisation.Name}（草稿，第 {record.Revision} 次修订）", null);
        db.Forms.Remove(record);
        await db.SaveChangesAsync(ct);
        // Ids grow with creation time; SQLite cannot order by a DateTimeOffset column.
        var previous = await db.Forms.Where(f => f.SupersededById == id).OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        if (previous is not null && key is not null)
        {
            previous.SupersededById = null;
            previous.UniqueKey = key;
            await db.FormFacts.Where(f => f.FormId == previous.Id).ExecuteUpdateAsync(x => x.SetProperty(f => f.IsCurrent, true), ct);
            db.Audit(user.Actor, now, "restore", "form", Id(previous), record.Organisation.Path, "表单", "已被取代", "取代它的草稿已删除，恢复为当前表单");
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return id;
    }

    private async Task<Outcome<FormRecord>> Act(CurrentUser user, int id, WorkflowAction action, string? reason, bool reasonRequired, CancellationToken ct)
    {
        var found = await Find(id, ct);
        if (found.Refused) return found;
        var record = found.Value!;
        if (Allowed(record, user, action) is { } refusal) return refusal;
        if (reasonRequired && string.IsNullOrWhiteSpace(reason)) return Refusal.Invalid($"{action.ChineseName()}必须填写原因。");
        if (action == WorkflowAction.Approve && await TargetReview.TargetReviewService.ApprovalRefusal(db, record, ct) is { } ungraded) return ungraded;
        Move(record, user, action, reason?.Trim(), clock.GetUtcNow(), null);
        return await SaveTransition(record, ct);
    }

    /// <summary>Whether <paramref name="user"/> may take <paramref name="action"/> on the form now (screens show only such buttons).</summary>
    public static bool Allows(FormRecord record, CurrentUser user, WorkflowAction action) => Allowed(record, user, action) is null;

    private static Refusal? Allowed(FormRecord record, CurrentUser user, WorkflowAction action)
    {
        if (record.IsSuperseded && action != WorkflowAction.Unpublish)
            return Refusal.WrongState($"此表单已被新版本（表单 {record.SupersededById}）取代，不能{action.ChineseName()}。");
        var rule = WorkflowOf(record.Kind).FirstOrDefault(r => r.From == record.Status && r.Action == action);
        if (rule is null)
            return Refusal.WrongState($"表单当前状态为“{record.Status.ChineseName()}”，不能{action.ChineseName()}。");
        return user.Is(rule.Role) ? null : Refusal.Forbidden($"表单处于“{record.Status.ChineseName()}”时，{action.ChineseName()}需要“{rule.Role}”角色。");
    }

    private void Move(FormRecord record, CurrentUser user, WorkflowAction action, string? reason, DateTimeOffset now, int? versionNumber)
    {
        var rule = WorkflowOf(record.Kind).First(r => r.From == record.Status && r.Action == action);
        db.Transitions.Add(new WorkflowTransition
        {
            FormId = record.Id,
            Action = action,
            From = record.Status,
            To = rule.To,
            At = now,
            UserId = user.Id,
            UserName = user.Name,
            Reason = reason,
            VersionNumber = versionNumber,
        });
        db.Audit(user.Actor, now, action.ToString().ToLowerInvariant(), "form", Id(record), record.Organisation!.Path, "状态",
            record.Status.ChineseName(), rule.To.ChineseName() + (reason is null ? "" : $"（{reason}）"));
        record.Status = rule.To;
        record.Revision++;
        record.UpdatedAt = now;
        FormStore.Moved(record, now);
    }

    private async Task<Outcome<FormRecord>> SaveTransition(FormRecord record, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return record;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal(RefusalKind.Conflict, "表单已被他人修改", "在您操作的同时，表单已被他人修改或流转。请刷新后重试。");
        }
    }

    public async Task<Outcome<IReadOnlyList<WorkflowTransition>>> History(int id, CancellationToken ct)
    {
        if (!await db.Forms.AnyAsync(f => f.Id == id, ct)) return Refusal.NotFound("表单");
        return Outcome<IReadOnlyList<WorkflowTransition>>.Ok(await db.Transitions.Where(t => t.FormId == id).OrderBy(t => t.Id).ToListAsync(ct));
    }

    public async Task<Outcome<IReadOnlyList<FormVersion>>> Versions(int id, CancellationToken ct)
    {
        if (!await db.Forms.AnyAsync(f => f.Id == id, ct)) return Refusal.NotFound("表单");
        return Outcome<IReadOnlyList<FormVersion>>.Ok(await db.Versions.Include(v => v.Justifications).Where(v => v.FormId == id).OrderBy(v => v.Number).ToListAsync(ct));
    }

    public async Task<Outcome<FormVersion>> Version(int id, int number, CancellationToken ct)
    {
        var version = await db.Versions.Include(v => v.Justifications).SingleOrDefaultAsync(v => v.FormId == id && v.Number == number, ct);
        return version is null ? Refusal.NotFound($"第 {number} 版") : version;
    }

    /// <summary>Compares version <paramref name="from"/> with version <paramref name="to"/>, or with the current state when it is null.</summary>
    public async Task<Outcome<IReadOnlyList<FieldChange>>> Diff(int id, int from, int? to, CancellationToken ct)
    {
        var older = await Version(id, from, ct);
        if (older.Refused) return older.Refusal!;
        PerformanceForm newer;
        if (to is { } n)
        {
            var version = await Version(id, n, ct);
            if (version.Refused) return version.Refusal!;
            newer = FormBody.Read(version.Value!);
        }
        else
        {
            var current = await Read(id, ct, withStoredFindings: false);
            if (current.Refused) return current.Refusal!;
            newer = FormRows.ToForm(current.Value!);
        }
        return Outcome<IReadOnlyList<FieldChange>>.Ok(FormDiff.Compare(FormBody.Read(older.Value!), newer));
    }

    private static string Id(FormRecord record) => record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

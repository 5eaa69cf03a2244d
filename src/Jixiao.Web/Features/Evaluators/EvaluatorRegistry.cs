using System.Globalization;
using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Evaluators;

/// <summary>
/// Third-party evaluation (第三方评价): the registry of agencies and their experts, the tasks finance gives them (one
/// agency per project at a time), and finance's quality score of each delivered report. Finance (财政审核) keeps all of
/// it; administrators read the registry; everyone signed in lists the tasks their scope shows (an evaluator its
/// agency's active ones). What an evaluator may reach is decided by the context's query filters, not here.
/// </summary>
public sealed class EvaluatorRegistry(AppDbContext db, TimeProvider clock, IOptions<EvaluatorQualityOptions> quality)
{
    private static readonly Refusal FinanceOnly = Refusal.Forbidden("只有“财政审核”角色可以维护第三方机构、分派评价任务和评定报告质量。");

    private static readonly Refusal ReadersOnly = Refusal.Forbidden("只有“财政审核”或“系统管理”角色可以查看第三方机构名录。");

    private static bool MayRead(CurrentUser user) => user.Is(Roles.FinanceReviewer) || user.Is(Roles.Administrator);

    public async Task<Outcome<Page<AgencyDto>>> Agencies(CurrentUser user, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        if (!MayRead(user)) return ReadersOnly;
        var query = db.EvaluationAgencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(a => a.Name.Contains(term) || a.CreditCode.Contains(term));
        }
        var agencies = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).ToPageAsync(page, pageSize, ct);
        var stats = await Stats(agencies.Items.Select(a => a.Id).ToList(), ct);
        return agencies.Map(a => Dto(a, stats));
    }

    public async Task<Outcome<AgencyDetailDto>> Agency(CurrentUser user, int id, CancellationToken ct)
    {
        var agency = await db.EvaluationAgencies.AsNoTracking().Include(a => a.Experts).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return Refusal.NotFound("第三方机构");
        if (!MayRead(user)) return ReadersOnly;
        var stats = await Stats([id], ct);
        return new AgencyDetailDto(Dto(agency, stats), agency.Experts.Where(x => !x.Removed).OrderBy(x => x.Id).Select(ExpertDto.From).ToList());
    }

    private sealed record AgencyStats(int Experts, int ActiveTasks, int Tasks, List<decimal> Scores);

    /// <summary>Counts per agency, read in three small queries (SQLite cannot sum or average decimals in SQL).</summary>
    private async Task<Dictionary<int, AgencyStats>> Stats(List<int> ids, CancellationToken ct)
    {
        var experts = await db.EvaluationExperts.Where(x => ids.Contains(x.AgencyId) && !x.Removed)
            .GroupBy(x => x.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var tasks = await db.EvaluationAssignments.Where(a => ids.Contains(a.AgencyId))
            .GroupBy(a => a.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var active = await db.ActiveAssignments(db.EvaluationAssignments).Where(a => ids.Contains(a.AgencyId))
            .GroupBy(a => a.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var scores = (await db.EvaluationQualityScores.Where(q => ids.Contains(q.AgencyId)).Select(q => new { q.AgencyId, q.Total }).ToListAsync(ct))
            .GroupBy(q => q.AgencyId).ToDictionary(g => g.Key, g => g.Select(q => q.Total).ToList());
        return ids.ToDictionary(id => id, id => new AgencyStats(
            experts.GetValueOrDefault(id), active.GetValueOrDefault(id), tasks.GetValueOrDefault(id), scores.GetValueOrDefault(id) ?? []));
    }

    private static AgencyDto Dto(EvaluationAgency a, Dictionary<int, AgencyStats> stats)
    {
        var s = stats[a.Id];
        // Printed with one decimal, so rounded there, half away from zero.
        decimal? average = s.Scores.Count == 0 ? null : Math.Round(s.Scores.Sum() / s.Scores.Count, 1, MidpointRounding.AwayFromZero);
        return new AgencyDto(a.Id, a.Name, a.CreditCode, a.Contact, a.Phone, a.Qualifications, a.OrganisationId, s.Experts, s.ActiveTasks, s.Tasks, s.Scores.Count, average);
    }

    /// <summary>A new agency in the registry of the caller's finance bureau.</summary>
    public async Task<Outcome<AgencyDetailDto>> CreateAgency(CurrentUser user, AgencyRequest request, CancellationToken ct)
    {
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var code = request.CreditCode.Trim().ToUpperInvariant();
        if (CreditCodes.Problem(code) is { } problem) return ContractValidation.FieldRefusal("$.creditCode", $"统一社会信用代码“{code}”无效：{problem}。");
        var bureau = await db.Organisations.SingleOrDefaultAsync(o => o.Path == user.ScopePath, ct);
        if (bureau is null) return Refusal.NotFound("所在财政部门");
        if (await db.EvaluationAgencies.IgnoreQueryFilters().AnyAsync(a => a.CreditCode == code, ct))
            return Duplicate(code);
        var agency = new EvaluationAgency
        {
            Name = request.Name.Trim(), CreditCode = code, Contact = request.Contact?.Trim() ?? "", Phone = request.Phone?.Trim() ?? "",
            Qualifications = request.Qualifications?.Trim() ?? "", OrganisationId = bureau.Id, OrganisationPath = bureau.Path, CreatedAt = clock.GetUtcNow(),
        };
        db.EvaluationAgencies.Add(agency);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, clock.GetUtcNow(), "create", "agency", Id(agency.Id), bureau.Path, "第三方机构", null, $"{agency.Name}（{agency.CreditCode}）");
        await db.SaveChangesAsync(ct);
        return new AgencyDetailDto(Dto(agency, await Stats([agency.Id], ct)), []);
    }

    private static Refusal Duplicate(string code) =>
        new(RefusalKind.Conflict, "机构已在名录中", $"统一社会信用代码为“{code}”的机构已在名录中。",
            new Dictionary<string, object?> { ["errors"] = new[] { new ContractError("$.creditCode", $"统一社会信用代码为“{code}”的机构已在名录中。") } });

    public async Task<Outcome<AgencyDetailDto>> UpdateAgency(CurrentUser user, int id, AgencyRequest request, CancellationToken ct)
    {
        var agency = await db.EvaluationAgencies.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return Refusal.NotFound("第三方机构");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var code = request.CreditCode.Trim().ToUpperInvariant();
        if (CreditCodes.Problem(code) is { } problem) return ContractValidation.FieldRefusal("$.creditCode", $"统一社会信用代码“{code}”无效：{problem}。");
        if (code != agency.CreditCode && await db.EvaluationAgencies.IgnoreQueryFilters().AnyAsync(a => a.CreditCode == code, ct)) return Duplicate(code);
        var now = clock.GetUtcNow();
        void Change(string label, string before, string after, Action<string> set)
        {
            if (before == after) return;
            db.Audit(user.Actor, now, "update", "agency", Id(agency.Id), agency.OrganisationPath, label, before, after);
            set(after);
        }
        Change("机构名称", agency.Name, request.Name.Trim(), v => agency.Name = v);
        Change("统一社会信用代码", agency.CreditCode, code, v => agency.CreditCode = v);
        Change("联系人", agency.Contact, request.Contact?.Trim() ?? "", v => agency.Contact = v);
        Change("联系电话", agency.Phone, request.Phone?.Trim() ?? "", v => agency.Phone = v);
        Change("资质", agency.Qualifications, request.Qualifications?.Trim() ?? "", v => agency.Qualifications = v);
        await db.SaveChangesAsync(ct);
        return (await Agency(user, id, ct)).Value!;
    }

    public async Task<Outcome<ExpertDto>> AddExpert(CurrentUser user, int agencyId, ExpertRequest request, CancellationToken ct)
    {
        var agency = await db.EvaluationAgencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null) return Refusal.NotFound("第三方机构");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var expert = new EvaluationExpert
        {
            AgencyId = agency.Id, Name = request.Name.Trim(), Field = request.Field?.Trim() ?? "", Title = request.Title?.Trim() ?? "",
            OrganisationPath = agency.OrganisationPath,
        };
        db.EvaluationExperts.Add(expert);
        db.Audit(user.Actor, clock.GetUtcNow(), "add-expert", "agency", Id(agency.Id), agency.OrganisationPath, "专家", null,
            $"{expert.Name}（{expert.Field}，{expert.Title}）");
        await db.SaveChangesAsync(ct);
        return ExpertDto.From(expert);
    }

    /// <summary>The expert leaves the agency's list; tasks that named them keep the name.</summary>
    public async Task<Outcome<ExpertDto>> RemoveExpert(CurrentUser user, int agencyId, int expertId, CancellationToken ct)
    {
        var expert = await db.EvaluationExperts.SingleOrDefaultAsync(x => x.Id == expertId && x.AgencyId == agencyId && !x.Removed, ct);
        if (expert is null) return Refusal.NotFound("专家");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        expert.Removed = true;
        db.Audit(user.Actor, clock.GetUtcNow(), "remove-expert", "agency", Id(agencyId), expert.OrganisationPath, "专家", expert.Name, null);
        await db.SaveChangesAsync(ct);
        return ExpertDto.From(expert);
    }

    /// <summary>Tasks in the caller's scope (an evaluator: its agency's active ones), newest first.</summary>
    public async Task<Page<EvaluationTaskDto>> Tasks(int? agencyId, int? year, bool activeOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.EvaluationAssignments.AsNoTracking();
        if (agencyId is { } a) query = query.Where(x => x.AgencyId == a);
        if (year is { } y) query = query.Where(x => x.Year == y);
        if (activeOnly) query = db.ActiveAssignments(query);
        var rows = await query.OrderByDescending(x => x.Year).ThenByDescending(x => x.Id).ToPageAsync(page, pageSize, ct);
        var dtos = await TaskDtos(rows.Items, ct);
        return new Page<EvaluationTaskDto>(dtos, rows.PageNumber, rows.PageSize, rows.Total);
    }

    public async Task<Outcome<EvaluationTaskDto>> Task(int id, CancellationToken ct)
    {
        var task = await db.EvaluationAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return task is null ? Refusal.NotFound("评价任务") : (await TaskDtos([task], ct))[0];
    }

    private async Task<List<EvaluationTaskDto>> TaskDtos(IReadOnlyList<EvaluationAssignment> tasks, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var agencyIds = tasks.Select(t => t.AgencyId).Distinct().ToList();
        var projectIds = tasks.Select(t => t.ProjectId).Distinct().ToList();
        var agencies = await db.EvaluationAgencies.IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var expertIds = tasks.SelectMany(t => ExpertIdsOf(t)).Distinct().ToList();
        var experts = await db.EvaluationExperts.IgnoreQueryFilters().Where(x => expertIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var reports = await EvaluationReports.Current(db.Forms, projectIds).Select(f => new { f.Id, ProjectId = f.ProjectId!.Value, f.Status }).ToListAsync(ct);
        var scores = await db.EvaluationQualityScores.Where(q => ids.Contains(q.AssignmentId)).Select(q => new { q.AssignmentId, q.Total }).ToDictionaryAsync(q => q.AssignmentId, q => q.Total, ct);
        var closedYears = await db.FiscalYears.Where(y => y.Closed).Select(y => y.Year).ToListAsync(ct);
        return tasks.Select(t =>
        {
            var report = reports.FirstOrDefault(r => r.ProjectId == t.ProjectId);
            return new EvaluationTaskDto(t.Id, t.AgencyId, agencies.GetValueOrDefault(t.AgencyId) ?? "", t.ProjectId, t.ProjectName, t.OrganisationId, t.UnitName, t.Year,
                ExpertIdsOf(t).Select(e => experts.GetValueOrDefault(e) ?? "").ToList(), t.Note, t.AssignedAt, t.AssignedBy,
                t.WithdrawnAt is null && !closedYears.Contains(t.Year), t.WithdrawnAt, t.WithdrawReason, report?.Id, report?.Status,
                scores.TryGetValue(t.Id, out var total) ? total : null);
        }).ToList();
    }

    private static List<int> ExpertIdsOf(EvaluationAssignment task) => JsonSerializer.Deserialize<List<int>>(task.ExpertIds) ?? [];

    /// <summary>Finance gives an agency a project to evaluate; one agency per project at a time, within an open year.</summary>
    public async Task<Outcome<EvaluationTaskDto>> Assign(CurrentUser user, AssignRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var agency = await db.EvaluationAgencies.SingleOrDefaultAsync(a => a.Id == request.AgencyId, ct);
        if (agency is null) return Refusal.NotFound("第三方机构");
        var project = await db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear).SingleOrDefaultAsync(p => p.Id == request.ProjectId, ct);
        if (project is null) return Refusal.NotFound("项目");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        if (project.FiscalYear!.Closed) return Refusal.WrongState($"{project.FiscalYear.Year} 年度已关闭，不能再分派评价任务。");
        if (Projects.ProjectAdmin.RefuseNewForms(project) is { } archived) return archived;
        var busy = await db.ActiveAssignments(db.EvaluationAssignments.IgnoreQueryFilters())
            .Where(a => a.ProjectId == project.Id).Select(a => new { a.Id, a.AgencyId }).FirstOrDefaultAsync(ct);
        if (busy is not null)
        {
            var holder = await db.EvaluationAgencies.IgnoreQueryFilters().Where(a => a.Id == busy.AgencyId).Select(a => a.Name).SingleAsync(ct);
            return new Refusal(RefusalKind.WrongState, "项目已有评价任务",
                $"项目“{project.Name}”已分派给“{holder}”（任务 {busy.Id}）。请先撤回该任务，再分派给其他机构。",
                new Dictionary<string, object?> { ["existingTaskId"] = busy.Id });
        }
        var expertIds = (request.ExpertIds ?? []).Distinct().ToList();
        var known = await db.EvaluationExperts.Where(x => x.AgencyId == agency.Id && !x.Removed && expertIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
        if (expertIds.Except(known).ToList() is [var stranger, ..])
            return ContractValidation.FieldRefusal($"$.expertIds[{expertIds.IndexOf(stranger)}]", $"专家 {stranger} 不是“{agency.Name}”的专家。");
        var now = clock.GetUtcNow();
        var task = new EvaluationAssignment
        {
            AgencyId = agency.Id, ProjectId = project.Id, OrganisationId = project.OrganisationId, OrganisationPath = project.Organisation!.Path,
            Year = project.FiscalYear.Year, ProjectName = project.Name, UnitName = project.Organisation.Name, ExpertIds = JsonSerializer.Serialize(expertIds),
            Note = request.Note?.Trim() ?? "", AssignedAt = now, AssignedBy = user.Actor.UserName,
        };
        db.EvaluationAssignments.Add(task);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, now, "assign", "evaluation-task", Id(task.Id), task.OrganisationPath, "评价任务", null, $"{agency.Name}：{project.Name}（{task.Year} 年度）");
        await db.SaveChangesAsync(ct);
        return (await TaskDtos([task], ct))[0];
    }

    /// <summary>Ends a task: the agency's evaluators lose the project with their next request. The report and its score stay.</summary>
    public async Task<Outcome<EvaluationTaskDto>> Withdraw(CurrentUser user, int id, WithdrawRequest request, CancellationToken ct)
    {
        var task = await db.EvaluationAssignments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (task is null) return Refusal.NotFound("评价任务");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        if (string.IsNullOrWhiteSpace(request.Reason)) return ContractValidation.FieldRefusal("$.reason", "撤回评价任务必须填写原因。");
        if (task.WithdrawnAt is not null) return Refusal.WrongState($"评价任务 {task.Id} 已于 {task.WithdrawnAt:yyyy-MM-dd} 撤回。");
        var now = clock.GetUtcNow();
        task.WithdrawnAt = now;
        task.WithdrawnBy = user.Actor.UserName;
        task.WithdrawReason = request.Reason.Trim();
        db.Audit(user.Actor, now, "withdraw", "evaluation-task", Id(task.Id), task.OrganisationPath, "评价任务", "进行中", $"已撤回（{task.WithdrawReason}）");
        await db.SaveChangesAsync(ct);
        return (await TaskDtos([task], ct))[0];
    }

    /// <summary>
    /// The evaluator opens the report of a task: the project's evaluation form, made now (the kind's blank layout with the rulebook's rubric rows,
    /// through <see cref="FormService.Create"/> like every new form) unless it exists.
    /// </summary>
    public async Task<Outcome<int>> StartReport(CurrentUser user, FormService forms, int taskId, CancellationToken ct)
    {
        var task = await db.EvaluationAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == taskId, ct);
        if (task is null) return Refusal.NotFound("评价任务");
        if (!user.Is(Roles.Evaluator)) return Refusal.Forbidden("只有“第三方评价”角色可以填写评价报告。");
        if (await EvaluationReports.Current(db.Forms, [task.ProjectId]).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct) is { } existing) return existing;
        var unit = await db.Organisations.SingleAsync(o => o.Id == task.OrganisationId, ct);
        var place = await FormStore.PlaceAsync(db, unit, ct);
        var form = Ui.FormTemplates.Blank(EvaluationReports.Kind, task.Year, unit.Name, place.DepartmentName, task.ProjectName, Jixiao.Core.Rulebooks.Rulebooks.Default);
        // The report names its project whether or not the layout prints a project line.
        form.Project = task.ProjectName;
        var created = await forms.Create(user, new CreateFormRequest(unit.Id, task.Year, task.ProjectId, FormV1.From(form)), ct);
        return created.Refusal is { } refusal ? refusal : created.Value!.Id;
    }

    public IReadOnlyList<QualityCriterionDto> Criteria() => quality.Value.Criteria.Select(c => new QualityCriterionDto(c.Name, c.Max)).ToList();

    public async Task<Outcome<QualityDto>> Quality(CurrentUser user, int taskId, CancellationToken ct)
    {
        var task = await db.EvaluationAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == taskId, ct);
        if (task is null) return Refusal.NotFound("评价任务");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        var score = await db.EvaluationQualityScores.AsNoTracking().SingleOrDefaultAsync(q => q.AssignmentId == taskId, ct);
        return score is null ? Refusal.NotFound("质量评分") : QualityDto(score);
    }

    /// <summary>
    /// Finance scores the report of a task by the configured criteria (each once, 0 to its maximum); the total is their
    /// sum. The report must have been submitted. Scoring again replaces the earlier score, both in the audit trail.
    /// </summary>
    public async Task<Outcome<QualityDto>> RecordQuality(CurrentUser user, int taskId, QualityRequest request, CancellationToken ct)
    {
        var task = await db.EvaluationAssignments.SingleOrDefaultAsync(a => a.Id == taskId, ct);
        if (task is null) return Refusal.NotFound("评价任务");
        if (!user.Is(Roles.FinanceReviewer)) return FinanceOnly;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var criteria = quality.Value.Criteria;
        if (criteria.Count == 0) return Refusal.WrongState("尚未配置报告质量评分标准（Jixiao:EvaluatorQuality:Criteria），不能评分。");
        var problems = new List<ContractError>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var criterion = criteria.FirstOrDefault(c => c.Name == item.Criterion.Trim());
            if (criterion is null)
                problems.Add(new ContractError($"$.items[{i}].criterion", $"评分项“{item.Criterion}”不在评分标准中（可选：{string.Join("、", criteria.Select(c => c.Name))}）。"));
            else if (request.Items.Take(i).Any(o => o.Criterion.Trim() == criterion.Name))
                problems.Add(new ContractError($"$.items[{i}].criterion", $"评分项“{criterion.Name}”重复。"));
            else if (item.Score > criterion.Max)
                problems.Add(new ContractError($"$.items[{i}].score", $"“{criterion.Name}”满分 {Show(criterion.Max)} 分，得分 {Show(item.Score)} 超过满分。"));
        }
        foreach (var missing in criteria.Where(c => request.Items.All(i => i.Criterion.Trim() != c.Name)))
            problems.Add(new ContractError("$.items", $"缺少评分项“{missing.Name}”。"));
        if (problems.Count > 0) return ContractValidation.Refusal(problems);

        var report = await EvaluationReports.Current(db.Forms, [task.ProjectId]).Select(f => new { f.Id, f.Status }).FirstOrDefaultAsync(ct);
        if (report is null) return Refusal.WrongState($"评价任务 {task.Id}（{task.ProjectName}）还没有评价报告，不能评定质量。");
        if (report.Status is FormStatus.Draft or FormStatus.Returned)
            return Refusal.WrongState($"评价报告（表单 {report.Id}）状态为“{report.Status.ChineseName()}”，提交后才能评定质量。");

        var items = criteria.Select(c =>
        {
            var given = request.Items.Single(i => i.Criterion.Trim() == c.Name);
            return new QualityItemDto(c.Name, c.Max, given.Score, given.Comment?.Trim() ?? "");
        }).ToList();
        var total = items.Sum(i => i.Score);
        var now = clock.GetUtcNow();
        var score = await db.EvaluationQualityScores.SingleOrDefaultAsync(q => q.AssignmentId == taskId, ct);
        var before = score is null ? null : Show(score.Total);
        if (score is null)
        {
            score = new EvaluationQualityScore { AssignmentId = task.Id, AgencyId = task.AgencyId, OrganisationPath = task.OrganisationPath, Items = "[]", RecordedBy = "" };
            db.EvaluationQualityScores.Add(score);
        }
        score.FormId = report.Id;
        score.Total = total;
        score.Items = JsonSerializer.Serialize(items);
        score.Comment = request.Comment?.Trim() ?? "";
        score.RecordedAt = now;
        score.RecordedBy = user.Actor.UserName;
        db.Audit(user.Actor, now, "quality", "evaluation-task", Id(task.Id), task.OrganisationPath, "报告质量评分", before, Show(total));
        await db.SaveChangesAsync(ct);
        return QualityDto(score);
    }

    private QualityDto QualityDto(EvaluationQualityScore score)
    {
        var items = JsonSerializer.Deserialize<List<QualityItemDto>>(score.Items) ?? [];
        return new QualityDto(score.AssignmentId, score.FormId, score.Total, items.Sum(i => i.Max), items, score.Comment, score.RecordedAt, score.RecordedBy);
    }

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The evaluation report of a task: the project's current form of the evaluation-rubric kind.</summary>
public static class EvaluationReports
{
    public const FormKind Kind = FormKind.Evaluation;

    public static IQueryable<FormRecord> Current(IQueryable<FormRecord> forms, IReadOnlyCollection<int> projectIds) =>
        forms.Where(f => f.Kind == Kind && f.UniqueKey != null && f.ProjectId != null && projectIds.Contains(f.ProjectId.Value));
}

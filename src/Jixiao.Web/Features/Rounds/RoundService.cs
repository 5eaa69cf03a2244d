using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Jixiao.Web.Ui;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Rounds;

/// <summary>
/// The year's rounds: finance opens one over a subtree (every unit gets its tasks and a reminder), watches completion,
/// extends one unit's deadline and closes it. Everything goes through the request's scoped context, so a round, task
/// or unit outside the caller's subtree is "not found".
/// </summary>
public sealed class RoundService(AppDbContext db, FormService forms, TimeProvider clock, DeadlineOptions deadlines)
{
    /// <summary>Days before a unit's deadline its "due soon" reminder falls.</summary>
    public const int DueSoonDays = 3;

    public DateOnly Today => deadlines.TodayBy(clock);

    private static Refusal? MayManage(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有“财政审核”角色可以开启、延期和关闭轮次。");

    public async Task<Outcome<Round>> Open(CurrentUser user, OpenRoundRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        if (!Enum.IsDefined(request.Kind)) return Refusal.Invalid("未知的轮次类型。");
        if (request.Kind == RoundKind.Monitoring && request.MonitoringMonths is null) return Refusal.Invalid("绩效监控轮次须填写监控月份（1-N 月的 N，1 至 12）。");
        if (request.Kind != RoundKind.Monitoring && request.MonitoringMonths is not null) return Refusal.Invalid("只有绩效监控轮次填写监控月份。");
        if (request.Deadline < Today) return Refusal.Invalid($"截止日期 {RoundText.Date(request.Deadline)} 早于今天（{RoundText.Date(Today)}）。");
        var root = request.OrganisationId is { } id
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct)
            : await db.Organisations.SingleOrDefaultAsync(o => o.Path == user.ScopePath, ct);
        if (root is null) return Refusal.NotFound("组织");
        if (MayManage(user) is { } forbidden) return forbidden;

        var year = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == request.Year, ct);
        if (year is { Closed: true }) return Refusal.WrongState($"{request.Year} 年度已关闭，不能开启轮次。");
        var formKind = RoundText.FormKindOf(request.Kind);
        if (await db.Rounds.AnyAsync(r => r.Year == request.Year && r.Kind == request.Kind && r.MonitoringMonths == request.MonitoringMonths
                && r.ClosedAt == null && (root.Path.StartsWith(r.OrganisationPath) || r.OrganisationPath.StartsWith(root.Path)), ct))
            return Refusal.WrongState($"“{root.Name}”已有未关闭的{RoundText.DefaultTitle(request.Kind, request.Year, request.MonitoringMonths)}轮次，请先关闭它。");

        var units = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Unit && o.Path.StartsWith(root.Path))
            .OrderBy(o => o.Path).ToListAsync(ct);
        var prefixes = FormStore.Prefixes(root.Path);
        // A unit's 主管部门 is its nearest department ancestor: inside the subtree, or above it when finance opened it lower.
        var departments = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Department && (o.Path.StartsWith(root.Path) || prefixes.Contains(o.Path))).ToListAsync(ct);
        var projects = RoundText.PerProject(request.Kind) && year is not null
            ? await db.Projects.AsNoTracking().Where(p => p.FiscalYearId == year.Id && p.Organisation!.Path.StartsWith(root.Path)).OrderBy(p => p.Code).ToListAsync(ct)
            : [];

        var now = clock.GetUtcNow();
        var round = new Round
        {
            Kind = request.Kind,
            Year = request.Year,
            MonitoringMonths = request.MonitoringMonths,
            OrganisationId = root.Id,
            OrganisationPath = root.Path,
            OrganisationName = root.Name,
            Title = string.IsNullOrWhiteSpace(request.Title) ? RoundText.DefaultTitle(request.Kind, request.Year, request.MonitoringMonths) : request.Title.Trim(),
            Deadline = request.Deadline,
            OpenedAt = now,
            OpenedBy = user.Name,
        };
        foreach (var unit in units)
        {
            var department = departments.Where(d => unit.Path.StartsWith(d.Path, StringComparison.Ordinal)).MaxBy(d => d.Path.Length);
            var owed = RoundText.PerProject(request.Kind)
                ? projects.Where(p => p.OrganisationId == unit.Id).Select(p => (Id: (int?)p.Id, Name: (string?)p.Name)).ToList()
                : [(null, null)];
            foreach (var (projectId, projectName) in owed)
                round.Tasks.Add(new RoundTask
                {
                    OrganisationId = unit.Id,
                    OrganisationPath = unit.Path,
                    UnitName = unit.Name,
                    DepartmentId = department?.Id,
                    DepartmentName = department?.Name,
                    ProjectId = projectId,
                    ProjectName = projectName,
                    Kind = formKind,
                    FormKey = FormIdentity.Key(unit.Path, request.Year, formKind, projectName, request.MonitoringMonths),
                    Deadline = request.Deadline,
                });
        }
        if (round.Tasks.Count == 0)
            return Refusal.Invalid(RoundText.PerProject(request.Kind)
                ? $"“{root.Name}”范围内没有 {request.Year} 年度的预算项目，无法分派任务。请先录入项目。"
                : $"“{root.Name}”范围内没有预算单位，无法分派任务。");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        foreach (var unit in round.Tasks.GroupBy(t => (t.OrganisationId, t.OrganisationPath)))
            Remind(round, unit.Key.OrganisationId, unit.Key.OrganisationPath, unit.Count(), round.Deadline, now);
        db.Audit(user.Actor, now, "open", "round", Id(round), root.Path, "轮次", null,
            $"{round.Title}，截止 {RoundText.Date(round.Deadline)}，{round.Tasks.Select(t => t.OrganisationId).Distinct().Count()} 个单位 {round.Tasks.Count} 项任务");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return round;
    }

    /// <summary>A unit's three reminders: now, <see cref="DueSoonDays"/> days before its deadline, and the day after it.</summary>
    private void Remind(Round round, int organisationId, string path, int tasks, DateOnly deadline, DateTimeOffset now)
    {
        db.RoundReminders.Add(Reminder(round, organisationId, path, ReminderKind.Opened, now,
            $"新任务：{round.Title}，共 {tasks} 项，截止 {RoundText.Date(deadline)}。"));
        AddDeadlineReminders(round, organisationId, path, deadline, now);
    }

    private void AddDeadlineReminders(Round round, int organisationId, string path, DateOnly deadline, DateTimeOffset now)
    {
        var soon = StartOf(deadline.AddDays(-DueSoonDays));
        if (soon > now)
            db.RoundReminders.Add(Reminder(round, organisationId, path, ReminderKind.DueSoon, soon,
                $"即将截止：{round.Title}将于 {RoundText.Date(deadline)} 截止，尚有未提交的表单。"));
        db.RoundReminders.Add(Reminder(round, organisationId, path, ReminderKind.Overdue, StartOf(deadline.AddDays(1)),
            $"已逾期：{round.Title}已于 {RoundText.Date(deadline)} 截止，尚有未提交的表单，请尽快提交。"));
    }

    private static RoundReminder Reminder(Round round, int organisationId, string path, ReminderKind kind, DateTimeOffset due, string message) => new()
    {
        RoundId = round.Id,
        OrganisationId = organisationId,
        OrganisationPath = path,
        Kind = kind,
        DueAt = due,
        State = ReminderState.Pending,
        Message = message,
    };

    // Deadlines are local dates; a reminder is due at the start of its day in the server's time zone, counted from
    // the clock's today by the days between Today and the day (the demo's calendar sets Today apart from the clock).
    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(day.DayNumber - Today.DayNumber).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public async Task<Outcome<Round>> Get(int id, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } round ? round : Refusal.NotFound("轮次");

    public Task<Page<Round>> List(int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Rounds.AsNoTracking();
        if (year is { } y) query = query.Where(r => r.Year == y);
        return query.OrderByDescending(r => r.Id).ToPageAsync(page, pageSize, ct);
    }

    // Initialised, not constructed: EF can order and page by the members of an initialiser, not of a constructor.
    private sealed class TaskRow
    {
        public required RoundTask Task { get; init; }
        public required Round Round { get; init; }
        public int? FormId { get; init; }
        public FormStatus? Status { get; init; }
    }

    private IQueryable<TaskRow> TaskRows(IQueryable<RoundTask> tasks) =>
        from t in tasks
        join f in db.Forms on t.FormKey equals f.UniqueKey into found
        from f in found.DefaultIfEmpty()
        select new TaskRow { Task = t, Round = t.Round!, FormId = f == null ? null : f.Id, Status = f == null ? null : f.Status };

    private TaskDto Dto(TaskRow row)
    {
        var (t, r) = (row.Task, row.Round);
        var done = IsDone(row.Status);
        return new TaskDto(t.Id, r.Id, r.Title, t.Kind.Code(), t.Kind.ChineseName(), r.Year, r.MonitoringMonths, t.OrganisationId, t.UnitName,
            t.DepartmentName, t.ProjectId, t.ProjectName, t.Deadline, t.Deadline.DayNumber - Today.DayNumber, !done && t.Deadline < Today,
            r.ClosedAt is not null, row.FormId, row.Status?.ToString(), row.Status?.ChineseName(), done);
    }

    public static bool IsDone(FormStatus? status) => status is not (null or FormStatus.Draft or FormStatus.Returned);

    /// <summary>
    /// The caller's tasks (their subtree's), the open rounds' first, nearest deadline first; <paramref name="open"/>
    /// leaves out closed rounds.
    /// </summary>
    public async Task<Page<TaskDto>> Tasks(int? roundId, int? organisationId, bool open, int? page, int? pageSize, CancellationToken ct)
    {
        var tasks = db.RoundTasks.AsNoTracking();
        if (roundId is { } rid) tasks = tasks.Where(t => t.RoundId == rid);
        if (organisationId is { } oid) tasks = tasks.Where(t => t.OrganisationId == oid);
        if (open) tasks = tasks.Where(t => t.Round!.ClosedAt == null);
        var result = (await TaskRows(tasks).OrderBy(r => r.Round.ClosedAt != null).ThenBy(r => r.Task.Deadline).ThenBy(r => r.Task.Id)
            .ToPageAsync(page, pageSize, ct)).Map(Dto);
        // The ex-ante gate holds back targets tasks of new projects (found in one query); a task already submitted passed it.
        var pending = result.Items.Where(t => !t.Done && t.ProjectId is not null && t.Kind == FormKind.Targets.Code()).Select(t => t.ProjectId!.Value).ToList();
        var fresh = pending.Count == 0 ? [] : await NewProjects(pending, ct);
        var gated = new List<TaskDto>(result.Items.Count);
        foreach (var task in result.Items)
            gated.Add(task is { Done: false, ProjectId: { } project } && fresh.Contains(project) && task.Kind == FormKind.Targets.Code()
                ? task with { Blocked = (await ExAnteGate.Of(db, project, ct)).Reason }
                : task);
        return result with { Items = gated };
    }

    /// <summary>Those of <paramref name="projectIds"/> no earlier year of their unit has a project of the same code for.</summary>
    private async Task<HashSet<int>> NewProjects(IReadOnlyCollection<int> projectIds, CancellationToken ct)
    {
        var fresh = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)
                && !db.Projects.Any(q => q.OrganisationId == p.OrganisationId && q.Code == p.Code && q.FiscalYear!.Year < p.FiscalYear!.Year))
            .Select(p => p.Id).ToListAsync(ct);
        return fresh.ToHashSet();
    }

    /// <summary>
    /// The round's targets tasks not yet submitted that the ex-ante gate holds back, by unit and project: only new
    /// projects (no earlier year of the same code) are candidates, so a round of recurring projects costs one query.
    /// </summary>
    public async Task<IReadOnlyList<HeldBackDto>> HeldBack(int id, CancellationToken ct)
    {
        var candidates = await (
            from t in db.RoundTasks.AsNoTracking().Where(t => t.RoundId == id && t.Kind == FormKind.Targets && t.ProjectId != null)
            join p in db.Projects on t.ProjectId equals p.Id
            where !db.Projects.Any(q => q.OrganisationId == p.OrganisationId && q.Code == p.Code && q.FiscalYear!.Year < p.FiscalYear!.Year)
            join f in db.Forms on t.FormKey equals f.UniqueKey into found
            from f in found.DefaultIfEmpty()
            where f == null || f.Status == FormStatus.Draft || f.Status == FormStatus.Returned
            orderby t.UnitName, t.ProjectName
            select new { t.UnitName, t.ProjectName, ProjectId = t.ProjectId!.Value }).ToListAsync(ct);
        var held = new List<HeldBackDto>();
        foreach (var c in candidates)
            if ((await ExAnteGate.Of(db, c.ProjectId, ct)).Reason is { } reason) held.Add(new(c.UnitName, c.ProjectName ?? "", reason));
        return held;
    }

    /// <summary>Completion by unit (<paramref name="byDepartment"/> false) or by 主管部门, SQL over the tasks and the forms holding their keys.</summary>
    public async Task<Outcome<Page<CompletionDto>>> Completion(int id, bool byDepartment, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == id, ct)) return Refusal.NotFound("轮次");
        var today = Today;
        var rows = from t in db.RoundTasks.Where(t => t.RoundId == id)
                   join f in db.Forms on t.FormKey equals f.UniqueKey into found
                   from f in found.DefaultIfEmpty()
                   select new
                   {
                       t.OrganisationId, t.UnitName, t.DepartmentId, t.DepartmentName, t.Deadline,
                       Started = f != null,
                       Submitted = f != null && f.Status != FormStatus.Draft && f.Status != FormStatus.Returned,
                       Approved = f != null && (f.Status == FormStatus.FinanceApproved || f.Status == FormStatus.Published),
                   };
        var grouped = byDepartment
            ? rows.GroupBy(r => new { r.DepartmentId, r.DepartmentName }).Select(g => new
            {
                Id = g.Key.DepartmentId, Name = g.Key.DepartmentName ?? "（无主管部门）", Department = (string?)g.Key.DepartmentName,
                Units = g.Select(r => r.OrganisationId).Distinct().Count(), Tasks = g.Count(), Started = g.Count(r => r.Started),
                Submitted = g.Count(r => r.Submitted), Approved = g.Count(r => r.Approved),
                Overdue = g.Count(r => !r.Submitted && r.Deadline < today), Deadline = g.Max(r => r.Deadline),
            })
            : rows.GroupBy(r => new { r.OrganisationId, r.UnitName, r.DepartmentName }).Select(g => new
            {
                Id = (int?)g.Key.OrganisationId, Name = g.Key.UnitName, Department = (string?)g.Key.DepartmentName,
                Units = 1, Tasks = g.Count(), Started = g.Count(r => r.Started),
                Submitted = g.Count(r => r.Submitted), Approved = g.Count(r => r.Approved),
                Overdue = g.Count(r => !r.Submitted && r.Deadline < today), Deadline = g.Max(r => r.Deadline),
            });
        // Least complete first: the rows finance has to chase.
        var result = await grouped.OrderByDescending(c => c.Overdue).ThenBy(c => (double)c.Submitted / c.Tasks).ThenBy(c => c.Name)
            .ToPageAsync(page, pageSize, ct);
        return result.Map(c => new CompletionDto(c.Id, c.Name, c.Department, c.Units, c.Tasks, c.Started, c.Submitted, c.Approved, c.Overdue, c.Deadline,
            c.Tasks == 0 ? 0m : Math.Round(100m * c.Submitted / c.Tasks, 1, MidpointRounding.AwayFromZero)));
    }

    public async Task<Outcome<RoundExtension>> Extend(CurrentUser user, int id, ExtendRequest request, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return Refusal.NotFound("轮次");
        if (MayManage(user) is { } forbidden) return forbidden;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        if (string.IsNullOrWhiteSpace(request.Reason)) return Refusal.Invalid("延期必须填写原因。");
        var tasks = await db.RoundTasks.Where(t => t.RoundId == id && t.OrganisationId == request.OrganisationId).ToListAsync(ct);
        if (tasks.Count == 0) return Refusal.NotFound("本轮次中的该单位");
        var before = tasks.Max(t => t.Deadline);
        if (request.Until <= before) return Refusal.Invalid($"延期后的截止日期须晚于该单位现在的截止日期 {RoundText.Date(before)}。");
        if (request.Until < Today) return Refusal.Invalid($"延期后的截止日期 {RoundText.Date(request.Until)} 早于今天（{RoundText.Date(Today)}）。");

        var now = clock.GetUtcNow();
        var path = tasks[0].OrganisationPath;
        foreach (var task in tasks) task.Deadline = request.Until;
        var extension = new RoundExtension
        {
            RoundId = id, OrganisationId = request.OrganisationId, OrganisationPath = path, Before = before, Until = request.Until,
            Reason = request.Reason.Trim(), At = now, UserName = user.Name,
        };
        db.RoundExtensions.Add(extension);
        // The unit's pending deadline reminders follow its new deadline.
        await db.RoundReminders.Where(r => r.RoundId == id && r.OrganisationId == request.OrganisationId && r.State == ReminderState.Pending
            && r.Kind != ReminderKind.Opened).ExecuteDeleteAsync(ct);
        AddDeadlineReminders(round, request.OrganisationId, path, request.Until, now);
        db.Audit(user.Actor, now, "extend", "round", Id(round), path, "截止日期", RoundText.Date(before), $"{RoundText.Date(request.Until)}（{extension.Reason}）");
        await db.SaveChangesAsync(ct);
        return extension;
    }

    public async Task<Outcome<IReadOnlyList<RoundExtension>>> Extensions(int id, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == id, ct)) return Refusal.NotFound("轮次");
        return await db.RoundExtensions.AsNoTracking().Where(x => x.RoundId == id).OrderBy(x => x.Id).ToListAsync(ct);
    }

    public async Task<Outcome<Round>> Close(CurrentUser user, int id, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return Refusal.NotFound("轮次");
        if (MayManage(user) is { } forbidden) return forbidden;
        // Only the round's own subtree may close it: a department inside it sees the round but does not own it.
        if (!round.OrganisationPath.StartsWith(user.ScopePath, StringComparison.Ordinal)) return Refusal.Forbidden("只有开启轮次的财政部门可以关闭它。");
        if (round.ClosedAt is not null) return Refusal.WrongState($"轮次已于 {round.ClosedAt:yyyy-MM-dd} 关闭。");
        var now = clock.GetUtcNow();
        round.ClosedAt = now;
        round.ClosedBy = user.Name;
        db.Audit(user.Actor, now, "close", "round", Id(round), round.OrganisationPath, "轮次", "进行中", "已关闭");
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>
    /// The task's form: the one already holding its key, or a new draft that starts from what the unit already has
    /// (<see cref="TargetCarry"/>).
    /// </summary>
    public async Task<Outcome<int>> StartForm(CurrentUser user, int taskId, CancellationToken ct)
    {
        var task = await db.RoundTasks.AsNoTracking().Include(t => t.Round).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return Refusal.NotFound("任务");
        if (await db.Forms.Where(f => f.UniqueKey == task.FormKey).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct) is { } existing) return existing;
        if (!user.Is(Roles.UnitFiller)) return Refusal.Forbidden("只有“单位填报”角色可以填写任务表单。");
        var unit = await db.Organisations.SingleOrDefaultAsync(o => o.Id == task.OrganisationId, ct);
        if (unit is null) return Refusal.NotFound("单位");
        var form = await TargetCarry.StartingForm(db, unit, task.Round!.Year, task.Kind, task.ProjectId, task.ProjectName, task.Round.MonitoringMonths, ct);
        var created = await forms.Create(user, new CreateFormRequest(unit.Id, task.Round.Year, task.ProjectId, FormV1.From(form)), ct);
        if (created.Refusal is { } refusal)
            return refusal.Extensions?.GetValueOrDefault("existingFormId") is int holder ? holder : refusal;
        return created.Value!.Id;
    }

    /// <summary>The caller's reminders that fell due, newest first (what the unit's home and the notification list show).</summary>
    public Task<Page<RoundReminder>> Notifications(int? page, int? pageSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.RoundReminders.AsNoTracking().Where(r => r.State != ReminderState.Skipped && r.DueAt <= now)
            .OrderByDescending(r => r.DueAt).ThenByDescending(r => r.Id).ToPageAsync(page, pageSize, ct);
    }

    private static string Id(Round round) => round.Id.ToString(CultureInfo.InvariantCulture);
}

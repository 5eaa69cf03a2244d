using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Rounds;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.NextYear;

/// <summary>
/// Sets the next fiscal year up from this one for finance's subtree, in one action with a preview of exactly what it
/// creates. Organisations and users are not kept per year, so they simply continue (the preview counts them). Recurring
/// projects — a project that ran last year under the same code (延续项目), or a multi-year project whose period goes on —
/// are created in the next year with their codes, names and periods. Open tasks go on: tasks this year's rounds still
/// wait for stay on the units' homes (listed), and an open round of the next year that asks per project gets the tasks
/// of the projects carried into it. Applying runs in one transaction and creates only what is missing, so running it
/// twice creates nothing twice.
/// </summary>
public sealed class NextYearService(AppDbContext db, FormService forms, TimeProvider clock)
{
    private static Refusal? MayRun(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有“财政审核”角色可以结转下一年度。");

    public async Task<Outcome<NextYearPlan>> Preview(CurrentUser user, int year, CancellationToken ct)
    {
        var planned = await Plan(user, year, ct);
        return planned.Refusal is { } refusal ? refusal : planned.Value!.Plan;
    }

    private sealed record Planned(NextYearPlan Plan, Dictionary<int, BudgetProject> Sources);

    private async Task<Outcome<Planned>> Plan(CurrentUser user, int year, CancellationToken ct)
    {
        if (MayRun(user) is { } forbidden) return forbidden;
        if (year is < 2000 or >= 2100) return Refusal.Invalid($"年度 {year} 无效，应在 2000–2099 之间。");
        var from = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (from is null) return Refusal.NotFound($"{year} 年度");
        var to = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year + 1, ct);
        if (to is { Closed: true }) return Refusal.WrongState($"{year + 1} 年度已关闭，不能结转。");

        var organisations = await db.Organisations.AsNoTracking().GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().CountAsync(u => db.Organisations.Any(o => o.Id == u.OrganisationId), ct);

        // Whether a project ran the year before under its code is one correlated lookup per row, in SQL.
        var thisYear = await db.Projects.AsNoTracking().Include(p => p.Organisation)
            .Where(p => p.FiscalYearId == from.Id && !p.Archived)
            .Select(p => new { Project = p, RanBefore = db.Projects.Any(q => q.OrganisationId == p.OrganisationId && q.Code == p.Code && q.FiscalYear!.Year == year - 1) })
            .OrderBy(x => x.Project.Organisation!.Path).ThenBy(x => x.Project.Code).ToListAsync(ct);
        // Codes are unique within a year across the whole tree, so a code taken outside the subtree also blocks.
        var taken = to is null ? [] : (await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.FiscalYearId == to.Id)
            .Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var create = new List<CarriedProject>();
        var existing = new List<CarriedProject>();
        var sources = new Dictionary<int, BudgetProject>();
        foreach (var (p, ranBefore) in thisYear.Select(x => (x.Project, x.RanBefore)))
        {
            string? why = null;
            if (p.IsMultiYear)
            {
                if (p.PeriodEndYear > year) why = $"多年项目（项目期 {p.PeriodStartYear}–{p.PeriodEndYear} 年）";
            }
            else if (ranBefore) why = $"延续项目（{year - 1} 年起同一代码）";
            if (why is null) continue;
            sources[p.Id] = p;
            var carried = new CarriedProject(p.Id, p.OrganisationId, p.Organisation!.Name, p.Code, p.Name, p.BudgetYuan, p.PeriodStartYear, p.PeriodEndYear, why);
            (taken.Contains(p.Code) ? existing : create).Add(carried);
        }

        var openTasks = await db.RoundTasks.AsNoTracking().Where(t => t.Round!.Year == year && t.Round.ClosedAt == null)
            .Where(t => !db.Forms.Any(f => f.UniqueKey == t.FormKey && f.Status != FormStatus.Draft && f.Status != FormStatus.Returned))
            .OrderBy(t => t.Deadline).ThenBy(t => t.Id)
            .Select(t => new OpenTask(t.Id, t.Round!.Title, t.UnitName, t.ProjectName, t.Kind.ChineseName(), t.Deadline)).ToListAsync(ct);

        var nextRounds = to is null ? [] : await db.Rounds.AsNoTracking()
            .Where(r => r.Year == year + 1 && r.ClosedAt == null && r.Kind != RoundKind.DepartmentWide).ToListAsync(ct);
        var newTasks = new List<NewTask>();
        foreach (var round in nextRounds)
            foreach (var p in create.Where(c => sources[c.FromProjectId].Organisation!.Path.StartsWith(round.OrganisationPath, StringComparison.Ordinal)))
                newTasks.Add(new NewTask(round.Id, round.Title, p.OrganisationId, p.UnitName, p.Code, p.Name, round.Deadline));

        var plan = new NextYearPlan(year, year + 1, to is null,
            organisations.Where(o => o.Key == OrganisationKind.Department).Sum(o => o.Count), organisations.Where(o => o.Key == OrganisationKind.Unit).Sum(o => o.Count),
            users, create, existing, newTasks, openTasks);
        return new Planned(plan, sources);
    }

    /// <summary>Sets the next year up in one transaction, run again whole if it was a deadlock's victim (<see cref="WholeRetry"/>).</summary>
    public Task<Outcome<NextYearResult>> Apply(CurrentUser user, int year, CancellationToken ct) =>
        db.RetryWholeAsync(token => ApplyOnce(user, year, token), ct);

    private async Task<Outcome<NextYearResult>> ApplyOnce(CurrentUser user, int year, CancellationToken ct)
    {
        var planned = await Plan(user, year, ct);
        if (planned.Refusal is { } refusal) return refusal;
        var plan = planned.Value!.Plan;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var next = await forms.Year(plan.ToYear, ct);
        var sources = plan.Projects.Select(c => planned.Value.Sources[c.FromProjectId]).ToList();
        var created = new Dictionary<string, BudgetProject>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var project = new BudgetProject
            {
                Code = source.Code, Name = source.Name, OrganisationId = source.OrganisationId, FiscalYearId = next.Id, BudgetYuan = null,
                PeriodStartYear = source.PeriodStartYear, PeriodEndYear = source.PeriodEndYear, PeriodGoal = source.PeriodGoal,
            };
            db.Projects.Add(project);
            created[source.Code] = project;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Refusal(RefusalKind.Conflict, "结转冲突", "结转的同时有人新建了下一年度的项目，本次未作任何改动。请刷新预览后重试。");
        }

        var tasks = 0;
        foreach (var group in plan.Tasks.GroupBy(t => t.RoundId))
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == group.Key, ct);
            var formKind = RoundText.FormKindOf(round.Kind);
            foreach (var planned1 in group)
            {
                var project = created[planned1.Code];
                var unit = sources.First(s => s.Code == planned1.Code).Organisation!;
                var key = FormIdentity.Key(unit.Path, round.Year, formKind, project.Name, round.MonitoringMonths);
                if (await db.RoundTasks.AnyAsync(t => t.RoundId == round.Id && t.FormKey == key, ct)) continue;
                var place = await FormStore.PlaceAsync(db, unit, ct);
                db.RoundTasks.Add(new RoundTask
                {
                    RoundId = round.Id, OrganisationId = unit.Id, OrganisationPath = unit.Path, UnitName = unit.Name,
                    DepartmentId = place.DepartmentId, DepartmentName = place.DepartmentName, ProjectId = project.Id, ProjectName = project.Name,
                    Kind = formKind, FormKey = key, Deadline = round.Deadline,
                });
                tasks++;
            }
        }
        // A run that found everything in place leaves no trace but its answer: running twice records one carry.
        if (!plan.CreatesYear && created.Count == 0 && tasks == 0)
        {
            await transaction.CommitAsync(ct);
            return new NextYearResult(plan.FromYear, plan.ToYear, false, 0, 0, plan.OpenTasks.Count);
        }
        db.Audit(user.Actor, now, "next-year", "fiscal-year", plan.ToYear.ToString(CultureInfo.InvariantCulture), user.ScopePath, "年度结转",
            plan.FromYear.ToString(CultureInfo.InvariantCulture),
            $"{plan.ToYear} 年度：新建项目 {created.Count} 个，新增任务 {tasks} 项；沿用主管部门 {plan.Departments} 个、预算单位 {plan.Units} 个、用户 {plan.Users} 人；未完成任务 {plan.OpenTasks.Count} 项继续有效");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new NextYearResult(plan.FromYear, plan.ToYear, plan.CreatesYear, created.Count, tasks, plan.OpenTasks.Count);
    }
}

/// <summary>One project of this year that goes on next year, and why (延续项目 or 多年项目).</summary>
public sealed record CarriedProject(int FromProjectId, int OrganisationId, string UnitName, string Code, string Name, decimal? BudgetYuan,
    int? PeriodStartYear, int? PeriodEndYear, string Reason);

/// <summary>A task an open round of the next year gets for a carried project.</summary>
public sealed record NewTask(int RoundId, string RoundTitle, int OrganisationId, string UnitName, string Code, string ProjectName, DateOnly Deadline);

/// <summary>A task of this year's open rounds still waiting for its form: it stays on the unit's home.</summary>
public sealed record OpenTask(int TaskId, string RoundTitle, string UnitName, string? ProjectName, string FormKind, DateOnly Deadline);

/// <summary>
/// What carrying <see cref="FromYear"/> into <see cref="ToYear"/> creates (<see cref="CreatesYear"/>, <see cref="Projects"/>,
/// <see cref="Tasks"/>), what is there already (<see cref="AlreadyThere"/>) and what simply continues.
/// </summary>
public sealed record NextYearPlan(int FromYear, int ToYear, bool CreatesYear, int Departments, int Units, int Users,
    IReadOnlyList<CarriedProject> Projects, IReadOnlyList<CarriedProject> AlreadyThere, IReadOnlyList<NewTask> Tasks, IReadOnlyList<OpenTask> OpenTasks);

public sealed record NextYearResult(int FromYear, int ToYear, bool CreatedYear, int CreatedProjects, int CreatedTasks, int OpenTasks);

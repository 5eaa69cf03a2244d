using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Projects;

/// <summary>
/// Budget projects (预算项目) per unit and year: the rules the project endpoints and the 预算项目 screen share. The code
/// is fixed at creation (forms and imports refer to it); an archived project keeps its forms but takes no new ones.
/// </summary>
public sealed class ProjectAdmin(AppDbContext db, TimeProvider clock)
{
    /// <summary>Units fill their own projects in; finance and administrators keep every unit's list in their subtree.</summary>
    public static bool MayManage(CurrentUser user) =>
        user.Is(Roles.UnitFiller) || user.Is(Roles.FinanceReviewer) || user.Is(Roles.Administrator);

    private static readonly Refusal NotAllowed = Refusal.Forbidden("只有“单位填报”“财政审核”或“系统管理”角色可以管理预算项目。");

    public async Task<Page<ProjectDto>> List(ProjectQuery query, CancellationToken ct)
    {
        var projects = db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear).AsNoTracking();
        if (query.OrganisationId is { } orgId) projects = projects.Where(p => p.OrganisationId == orgId);
        if (query.Year is { } y) projects = projects.Where(p => p.FiscalYear!.Year == y);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            projects = projects.Where(p => p.Name.Contains(term) || p.Code.Contains(term));
        }
        if (!query.IncludeArchived) projects = projects.Where(p => !p.Archived);
        var page = await projects.OrderBy(p => p.Organisation!.Path).ThenBy(p => p.Code).ThenBy(p => p.Id).ToPageAsync(query.Page, query.PageSize, ct);
        return page.Map(ProjectDto.From);
    }

    public async Task<Outcome<ProjectDto>> Create(CurrentUser user, CreateProjectRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null) return Refusal.NotFound("单位");
        if (!MayManage(user)) return NotAllowed;
        if (organisation.Kind != OrganisationKind.Unit)
            return ContractValidation.FieldRefusal("$.organisationId", $"预算项目属于预算单位，“{organisation.Name}”是{Organisation.KindName(organisation.Kind)}。");
        if (request.FiscalYear is < 2000 or > 2100) return ContractValidation.FieldRefusal("$.fiscalYear", $"年度 {request.FiscalYear} 无效，应在 2000–2100 之间。");

        var year = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == request.FiscalYear, ct);
        if (year is null) db.FiscalYears.Add(year = new FiscalYear { Year = request.FiscalYear });
        var code = request.Code.Trim();
        if (year.Id != 0 && await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.FiscalYearId == year.Id && p.Code == code, ct))
            return new Refusal(RefusalKind.Conflict, "代码已存在", $"{request.FiscalYear} 年度已有代码为“{code}”的项目。",
                new Dictionary<string, object?> { ["errors"] = new[] { new ContractError("$.code", $"{request.FiscalYear} 年度已有代码为“{code}”的项目。") } });

        if (PeriodRefusal(request.FiscalYear, request.PeriodStartYear, request.PeriodEndYear, request.PeriodGoal) is { } period) return period;
        var project = new BudgetProject
        {
            Code = code, Name = request.Name.Trim(), Organisation = organisation, FiscalYear = year, BudgetYuan = request.BudgetYuan,
            PeriodStartYear = request.PeriodStartYear, PeriodEndYear = request.PeriodEndYear, PeriodGoal = Trimmed(request.PeriodGoal),
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, clock.GetUtcNow(), "create", "project", Id(project), organisation.Path, "项目", null, project.Name);
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }

    /// <summary>Name and budget change; the code does not (the request has no code to change).</summary>
    public async Task<Outcome<ProjectDto>> Update(CurrentUser user, int id, UpdateProjectRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var project = await Find(id, ct);
        if (project is null) return Refusal.NotFound("项目");
        if (!MayManage(user)) return NotAllowed;
        if (PeriodRefusal(project.FiscalYear!.Year, request.PeriodStartYear, request.PeriodEndYear, request.PeriodGoal) is { } period) return period;
        var now = clock.GetUtcNow();
        var name = request.Name.Trim();
        if (name != project.Name)
        {
            db.Audit(user.Actor, now, "update", "project", Id(project), project.Organisation!.Path, "名称", project.Name, name);
            project.Name = name;
        }
        if (request.BudgetYuan != project.BudgetYuan)
        {
            db.Audit(user.Actor, now, "update", "project", Id(project), project.Organisation!.Path, "预算（元）",
                project.BudgetYuan?.ToString(CultureInfo.InvariantCulture), request.BudgetYuan?.ToString(CultureInfo.InvariantCulture));
            project.BudgetYuan = request.BudgetYuan;
        }
        var goal = Trimmed(request.PeriodGoal);
        if (request.PeriodStartYear != project.PeriodStartYear || request.PeriodEndYear != project.PeriodEndYear || goal != project.PeriodGoal)
        {
            db.Audit(user.Actor, now, "update", "project", Id(project), project.Organisation!.Path, "项目期",
                PeriodText(project.PeriodStartYear, project.PeriodEndYear, project.PeriodGoal), PeriodText(request.PeriodStartYear, request.PeriodEndYear, goal));
            (project.PeriodStartYear, project.PeriodEndYear, project.PeriodGoal) = (request.PeriodStartYear, request.PeriodEndYear, goal);
        }
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }

    public async Task<Outcome<ProjectDto>> SetArchived(CurrentUser user, int id, bool archived, CancellationToken ct)
    {
        var project = await Find(id, ct);
        if (project is null) return Refusal.NotFound("项目");
        if (!MayManage(user)) return NotAllowed;
        if (project.Archived != archived)
        {
            db.Audit(user.Actor, clock.GetUtcNow(), archived ? "archive" : "restore", "project", Id(project), project.Organisation!.Path, "状态",
                archived ? "使用中" : "已归档", archived ? "已归档" : "使用中");
            project.Archived = archived;
            await db.SaveChangesAsync(ct);
        }
        return ProjectDto.From(project);
    }

    /// <summary>
    /// A multi-year project names both ends of its period (项目期), its year lies inside it and it runs more than one year;
    /// a 项目期目标 belongs to a multi-year project only.
    /// </summary>
    private static Refusal? PeriodRefusal(int year, int? start, int? end, string? goal)
    {
        if (start is null && end is null)
            return string.IsNullOrWhiteSpace(goal) ? null : ContractValidation.FieldRefusal("$.periodStartYear", "项目期目标只属于多年项目：请同时填写项目期的起止年度。");
        if (start is null || end is null)
            return ContractValidation.FieldRefusal(start is null ? "$.periodStartYear" : "$.periodEndYear", "多年项目须同时填写项目期的起始年度和结束年度。");
        if (end <= start) return ContractValidation.FieldRefusal("$.periodEndYear", $"项目期结束年度 {end} 应晚于起始年度 {start}（一年的项目不是多年项目）。");
        if (year < start || year > end) return ContractValidation.FieldRefusal("$.fiscalYear", $"{year} 年度不在项目期 {start}–{end} 年内。");
        return null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? PeriodText(int? start, int? end, string? goal) =>
        start is null ? null : $"{start}–{end} 年" + (goal is null ? "" : $"：{goal}");

    /// <summary>Why <paramref name="project"/> takes no new form, or null: the one rule every way of filing a form asks.</summary>
    public static Refusal? RefuseNewForms(BudgetProject project) =>
        project.Archived ? Refusal.WrongState($"预算项目“{project.Name}”（{project.Code}）已归档，不能再新建或导入表单。") : null;

    private Task<BudgetProject?> Find(int id, CancellationToken ct) =>
        db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear).SingleOrDefaultAsync(p => p.Id == id, ct);

    private static string Id(BudgetProject project) => project.Id.ToString(CultureInfo.InvariantCulture);
}

public sealed record ProjectQuery(int? OrganisationId = null, int? Year = null, string? Search = null, bool IncludeArchived = false, int? Page = null, int? PageSize = null);

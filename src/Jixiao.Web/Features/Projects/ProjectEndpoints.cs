using System.Globalization;
using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Projects;

public sealed record ProjectDto(int Id, string Code, string Name, int OrganisationId, string OrganisationName, int FiscalYear, decimal? BudgetYuan)
{
    public static ProjectDto From(BudgetProject p) =>
        new(p.Id, p.Code, p.Name, p.OrganisationId, p.Organisation?.Name ?? "", p.FiscalYear?.Year ?? 0, p.BudgetYuan);
}

public sealed record CreateProjectRequest(
    [property: Description("单位 ID")] int OrganisationId,
    [property: Description("年度"), Range(2000, 2100)] int FiscalYear,
    [property: Description("项目代码"), Required, MinLength(1), MaxLength(ColumnLengths.ProjectCode)] string Code,
    [property: Description("项目名称"), Required, MinLength(1), MaxLength(ColumnLengths.ProjectName)] string Name,
    [property: Description("预算（元）"), Range(0, Limits.Money)] decimal? BudgetYuan) : IRequestContract;

public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("项目");

        group.MapGet("/", async Task<IResult> (AppDbContext db, int? organisationId, int? year, string? search, int? page, int? pageSize, CancellationToken ct) =>
        {
            var query = db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear).AsNoTracking();
            if (organisationId is { } orgId) query = query.Where(p => p.OrganisationId == orgId);
            if (year is { } y) query = query.Where(p => p.FiscalYear!.Year == y);
            if (!string.IsNullOrWhiteSpace(search)) query = query.Where(p => p.Name.Contains(search) || p.Code.Contains(search));
            var result = await query.OrderBy(p => p.Id).ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(result.Map(ProjectDto.From));
        }).WithSummary("预算项目列表（分页）");

        group.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, CancellationToken ct) =>
            await db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear).SingleOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? (IResult)TypedResults.Ok(ProjectDto.From(p))
                : Refusal.NotFound("项目").ToHttp()).WithSummary("读取预算项目");

        group.MapPost("/", Create).WithSummary("新建预算项目");
    }

    private static async Task<IResult> Create(CreateProjectRequest request, ClaimsPrincipal principal, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.Require(principal);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null) return Refusal.NotFound("单位").ToHttp();
        if (!user.Is(Roles.UnitFiller) && !user.Is(Roles.Administrator))
            return Refusal.Forbidden("只有“单位填报”或“系统管理”角色可以新建项目。").ToHttp();
        if (string.IsNullOrWhiteSpace(request.Code) || string.IsNullOrWhiteSpace(request.Name))
            return Refusal.Invalid("项目代码和名称不能为空。").ToHttp();
        if (request.FiscalYear is < 2000 or > 2100) return Refusal.Invalid($"年度 {request.FiscalYear} 无效。").ToHttp();

        var year = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == request.FiscalYear, ct);
        if (year is null) db.FiscalYears.Add(year = new FiscalYear { Year = request.FiscalYear });
        var code = request.Code.Trim();
        if (year.Id != 0 && await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.FiscalYearId == year.Id && p.Code == code, ct))
            return new Refusal(RefusalKind.Conflict, "代码已存在", $"{request.FiscalYear} 年度已有代码为“{code}”的项目。").ToHttp();

        var project = new BudgetProject { Code = code, Name = request.Name.Trim(), Organisation = organisation, FiscalYear = year, BudgetYuan = request.BudgetYuan };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, clock.GetUtcNow(), "create", "project", project.Id.ToString(CultureInfo.InvariantCulture), organisation.Path, "项目", null, project.Name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", ProjectDto.From(project));
    }
}

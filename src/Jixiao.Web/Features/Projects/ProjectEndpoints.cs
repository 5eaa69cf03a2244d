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

public sealed record ProjectDto(int Id, string Code, string Name, int OrganisationId, string OrganisationName, int FiscalYear, decimal? BudgetYuan, bool Archived,
    int? PeriodStartYear = null, int? PeriodEndYear = null, string? PeriodGoal = null)
{
    public static ProjectDto From(BudgetProject p) =>
        new(p.Id, p.Code, p.Name, p.OrganisationId, p.Organisation?.Name ?? "", p.FiscalYear?.Year ?? 0, p.BudgetYuan, p.Archived,
            p.PeriodStartYear, p.PeriodEndYear, p.PeriodGoal);
}

public sealed record CreateProjectRequest(
    [property: Description("单位 ID")] int OrganisationId,
    [property: Description("年度"), Range(2000, 2100)] int FiscalYear,
    [property: Description("项目代码"), Required, MinLength(1), MaxLength(ColumnLengths.ProjectCode)] string Code,
    [property: Description("项目名称"), Required, MinLength(1), MaxLength(ColumnLengths.ProjectName)] string Name,
    [property: Description("预算（元）"), Range(0, Limits.Money)] decimal? BudgetYuan,
    [property: Description("多年项目：项目期起始年度"), Range(2000, 2100)] int? PeriodStartYear = null,
    [property: Description("多年项目：项目期结束年度"), Range(2000, 2100)] int? PeriodEndYear = null,
    [property: Description("多年项目：项目期目标（各年度绩效目标申报表沿用）"), MaxLength(Limits.IndicatorText)] string? PeriodGoal = null) : IRequestContract;

/// <summary>
/// What may change of a project: no code here, since the code is fixed at creation. The period fields replace the
/// stored ones (all absent: a one-year project).
/// </summary>
public sealed record UpdateProjectRequest(
    [property: Description("项目名称"), Required, MinLength(1), MaxLength(ColumnLengths.ProjectName)] string Name,
    [property: Description("预算（元）"), Range(0, Limits.Money)] decimal? BudgetYuan,
    [property: Description("多年项目：项目期起始年度"), Range(2000, 2100)] int? PeriodStartYear = null,
    [property: Description("多年项目：项目期结束年度"), Range(2000, 2100)] int? PeriodEndYear = null,
    [property: Description("多年项目：项目期目标（各年度绩效目标申报表沿用）"), MaxLength(Limits.IndicatorText)] string? PeriodGoal = null) : IRequestContract;

public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("项目");

        group.MapGet("/", async (ProjectAdmin projects, int? organisationId, int? year, string? search, bool? includeArchived, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await projects.List(new ProjectQuery(organisationId, year, search, includeArchived ?? false, page, pageSize), ct)))
            .WithSummary("预算项目列表（分页；归档的项目仅在 includeArchived=true 时列出）");

        group.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, CancellationToken ct) =>
            await db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear).SingleOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? (IResult)TypedResults.Ok(ProjectDto.From(p))
                : Refusal.NotFound("项目").ToHttp()).WithSummary("读取预算项目");

        group.MapPost("/", async (CreateProjectRequest request, ClaimsPrincipal principal, ProjectAdmin projects, CancellationToken ct) =>
            (await projects.Create(CurrentUser.Require(principal), request, ct))
                .ToHttp(p => TypedResults.Created($"/api/v1/projects/{p.Id}", p))).WithSummary("新建预算项目");

        group.MapPut("/{id:int}", async (int id, UpdateProjectRequest request, ClaimsPrincipal principal, ProjectAdmin projects, CancellationToken ct) =>
            (await projects.Update(CurrentUser.Require(principal), id, request, ct)).ToHttp(TypedResults.Ok)).WithSummary("修改预算项目名称和预算（代码不可改）");

        group.MapPost("/{id:int}/archive", async (int id, ClaimsPrincipal principal, ProjectAdmin projects, CancellationToken ct) =>
            (await projects.SetArchived(CurrentUser.Require(principal), id, true, ct)).ToHttp(TypedResults.Ok)).WithSummary("归档预算项目（不再接受新表单）");

        group.MapPost("/{id:int}/restore", async (int id, ClaimsPrincipal principal, ProjectAdmin projects, CancellationToken ct) =>
            (await projects.SetArchived(CurrentUser.Require(principal), id, false, ct)).ToHttp(TypedResults.Ok)).WithSummary("恢复已归档的预算项目");
    }
}

using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Organisations;

public sealed record OrganisationDto(int Id, string Code, string Name, OrganisationKind Kind, string KindName, int? ParentId, string Path)
{
    public static OrganisationDto From(Organisation o) => new(o.Id, o.Code, o.Name, o.Kind, Organisation.KindName(o.Kind), o.ParentId, o.Path);
}

public sealed record CreateOrganisationRequest(
    [property: Description("上级组织 ID")] int ParentId,
    [property: Description("组织代码"), Required, MinLength(1), MaxLength(ColumnLengths.OrganisationCode)] string Code,
    [property: Description("组织名称"), Required, MinLength(1), MaxLength(ColumnLengths.OrganisationName)] string Name,
    [property: Description("组织类型")] OrganisationKind Kind) : IRequestContract;

public sealed record RenameOrganisationRequest(
    [property: Description("组织名称"), Required, MinLength(1), MaxLength(ColumnLengths.OrganisationName)] string Name) : IRequestContract;

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("组织");

        group.MapGet("/", async Task<IResult> (AppDbContext db, string? search, int? page, int? pageSize, CancellationToken ct) =>
        {
            var query = db.Organisations.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(search)) query = query.Where(o => o.Name.Contains(search) || o.Code.Contains(search));
            var result = await query.OrderBy(o => o.Path).ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(result.Map(OrganisationDto.From));
        }).WithSummary("组织列表（管辖范围内，分页）");

        group.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, CancellationToken ct) =>
            await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
                ? (IResult)TypedResults.Ok(OrganisationDto.From(o))
                : Refusal.NotFound("组织").ToHttp()).WithSummary("读取组织");

        group.MapPost("/", async (CreateOrganisationRequest request, ClaimsPrincipal principal, OrganisationAdmin admin, CancellationToken ct) =>
            (await admin.Create(CurrentUser.Require(principal), request, ct))
                .ToHttp(o => TypedResults.Created($"/api/v1/organisations/{o.Id}", o))).WithSummary("新建下级组织（系统管理）");

        group.MapPut("/{id:int}", async (int id, RenameOrganisationRequest request, ClaimsPrincipal principal, OrganisationAdmin admin, CancellationToken ct) =>
            (await admin.Rename(CurrentUser.Require(principal), id, request, ct)).ToHttp(TypedResults.Ok)).WithSummary("修改组织名称（系统管理；代码不可改）");
    }
}

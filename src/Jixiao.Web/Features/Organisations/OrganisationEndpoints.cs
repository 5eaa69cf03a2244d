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

        group.MapPost("/", Create).WithSummary("新建下级组织（系统管理）");
    }

    private static async Task<IResult> Create(CreateOrganisationRequest request, ClaimsPrincipal principal, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.Require(principal);
        var parent = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.ParentId, ct);
        if (parent is null) return Refusal.NotFound("上级组织").ToHttp();
        if (!user.Is(Roles.Administrator)) return Refusal.Forbidden("只有“系统管理”角色可以新建组织。").ToHttp();
        var code = request.Code?.Trim() ?? "";
        if (code.Length is 0 or > 64 || code.Contains('/', StringComparison.Ordinal))
            return Refusal.Invalid("组织代码必须是 1–64 个字符，且不能包含“/”。").ToHttp();
        if (string.IsNullOrWhiteSpace(request.Name)) return Refusal.Invalid("组织名称不能为空。").ToHttp();
        if (request.Kind <= parent.Kind) return Refusal.Invalid($"“{Organisation.KindName(parent.Kind)}”下不能建立“{Organisation.KindName(request.Kind)}”。").ToHttp();
        if (await db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, ct))
            return new Refusal(RefusalKind.Conflict, "代码已存在", $"组织代码“{code}”已被使用。").ToHttp();

        var organisation = new Organisation { Code = code, Name = request.Name.Trim(), Kind = request.Kind, Parent = parent, Path = Organisation.ChildPath(parent.Path, code) };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, clock.GetUtcNow(), "create", "organisation", organisation.Id.ToString(CultureInfo.InvariantCulture), organisation.Path, "组织", null, organisation.Name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationDto.From(organisation));
    }
}

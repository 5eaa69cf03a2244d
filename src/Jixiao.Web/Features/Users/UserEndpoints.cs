using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Users;

public sealed record UserDto(string Id, string UserName, string DisplayName, int OrganisationId, IReadOnlyList<string> Roles);

public sealed record CreateUserRequest(
    [property: Description("用户名"), Required, MinLength(1), MaxLength(ColumnLengths.PersonName)] string UserName,
    [property: Description("显示名称"), MaxLength(ColumnLengths.PersonName)] string DisplayName,
    [property: Description("密码"), Required, MaxLength(ColumnLengths.PersonName)] string Password,
    [property: Description("角色"), Required, MaxLength(ColumnLengths.PersonName)] string Role,
    [property: Description("组织 ID")] int OrganisationId) : IRequestContract;

public sealed record MeDto(string Id, string UserName, IReadOnlyList<string> Roles, string ScopePath);

public static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal principal) =>
        {
            var user = CurrentUser.Require(principal);
            return TypedResults.Ok(new MeDto(user.Id, user.Name, user.Roles.Order(StringComparer.Ordinal).ToList(), user.ScopePath));
        }).WithTags("用户").WithSummary("当前用户");

        var group = api.MapGroup("/users").WithTags("用户");

        group.MapGet("/", async Task<IResult> (ClaimsPrincipal principal, AppDbContext db, int? page, int? pageSize, CancellationToken ct) =>
        {
            if (!CurrentUser.Require(principal).Is(Roles.Administrator)) return Refusal.Forbidden("只有“系统管理”角色可以管理用户。").ToHttp();
            // Users are scoped through their organisation, which the context filters.
            var query = db.Users.Where(u => db.Organisations.Any(o => o.Id == u.OrganisationId)).OrderBy(u => u.UserName)
                .Select(u => new
                {
                    u.Id, u.UserName, u.DisplayName, u.OrganisationId,
                    Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                });
            var result = await query.ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(result.Map(u => new UserDto(u.Id, u.UserName ?? "", u.DisplayName, u.OrganisationId, u.Roles)));
        }).WithSummary("用户列表（系统管理）");

        group.MapPost("/", async Task<IResult> (CreateUserRequest request, ClaimsPrincipal principal, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        {
            var admin = CurrentUser.Require(principal);
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
            if (organisation is null) return Refusal.NotFound("组织").ToHttp();
            if (!admin.Is(Roles.Administrator)) return Refusal.Forbidden("只有“系统管理”角色可以管理用户。").ToHttp();
            if (!Roles.All.Contains(request.Role)) return Refusal.Invalid($"未知的角色“{request.Role}”，可选：{string.Join("、", Roles.All)}。").ToHttp();
            var user = new AppUser { UserName = request.UserName, DisplayName = request.DisplayName ?? "", OrganisationId = organisation.Id, LockoutEnabled = true };
            var created = await users.CreateAsync(user, request.Password ?? "");
            if (!created.Succeeded) return Refusal.Invalid(string.Join("；", created.Errors.Select(e => e.Description))).ToHttp();
            await users.AddToRoleAsync(user, request.Role);
            db.Audit(admin.Actor, clock.GetUtcNow(), "create", "user", user.Id, organisation.Path, "用户", null, $"{user.UserName}（{request.Role}）");
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", new UserDto(user.Id, user.UserName ?? "", user.DisplayName, user.OrganisationId, [request.Role]));
        }).WithSummary("新建用户（系统管理）");
    }
}

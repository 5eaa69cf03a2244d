using System.Security.Claims;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.Users;

public sealed record UserDto(string Id, string UserName, string DisplayName, int OrganisationId, IReadOnlyList<string> Roles, string OrganisationName, bool Locked, int? AgencyId = null);

/// <summary><see cref="Password"/> is set only when the request gave none: the generated one, shown this once.</summary>
public sealed record CreatedUser(UserDto User, string? Password);

public sealed record CreateUserRequest(
    [property: Description("用户名"), Required, MinLength(1), MaxLength(ColumnLengths.PersonName)] string UserName,
    [property: Description("显示名称"), MaxLength(ColumnLengths.PersonName)] string DisplayName,
    [property: Description("密码（不填则生成一次性密码）"), MaxLength(ColumnLengths.PersonName)] string? Password,
    [property: Description("角色"), Required, MaxLength(ColumnLengths.PersonName)] string Role,
    [property: Description("组织 ID")] int OrganisationId,
    [property: Description("第三方机构 ID（仅“第三方评价”角色；组织须为登记该机构的财政部门）")] int? AgencyId = null) : IRequestContract;

public sealed record UpdateUserRequest(
    [property: Description("显示名称"), MaxLength(ColumnLengths.PersonName)] string DisplayName,
    [property: Description("角色"), Required, MaxLength(ColumnLengths.PersonName)] string Role,
    [property: Description("组织 ID（管辖范围）")] int OrganisationId,
    [property: Description("第三方机构 ID（仅“第三方评价”角色）")] int? AgencyId = null) : IRequestContract;

public sealed record OneTimePasswordDto(string Password);

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

        group.MapGet("/", async (ClaimsPrincipal principal, UserAdmin admin, string? search, int? page, int? pageSize, CancellationToken ct) =>
            (await admin.List(CurrentUser.Require(principal), search, page, pageSize, ct)).ToHttp(TypedResults.Ok)).WithSummary("用户列表（系统管理，分页，可搜索）");

        group.MapPost("/", async (CreateUserRequest request, ClaimsPrincipal principal, UserAdmin admin, CancellationToken ct) =>
            (await admin.Create(CurrentUser.Require(principal), request, ct))
                .ToHttp(c => TypedResults.Created($"/api/v1/users/{c.User.Id}", c))).WithSummary("新建用户（系统管理；不给密码则返回一次性密码）");

        group.MapPut("/{id}", async (string id, UpdateUserRequest request, ClaimsPrincipal principal, UserAdmin admin, CancellationToken ct) =>
            (await admin.Update(CurrentUser.Require(principal), id, request, ct)).ToHttp(TypedResults.Ok)).WithSummary("修改用户的显示名称、角色和所属组织（系统管理）");

        group.MapPost("/{id}/lock", async (string id, ClaimsPrincipal principal, UserAdmin admin, CancellationToken ct) =>
            (await admin.SetLocked(CurrentUser.Require(principal), id, true, ct)).ToHttp(TypedResults.Ok)).WithSummary("锁定用户（系统管理）");

        group.MapPost("/{id}/unlock", async (string id, ClaimsPrincipal principal, UserAdmin admin, CancellationToken ct) =>
            (await admin.SetLocked(CurrentUser.Require(principal), id, false, ct)).ToHttp(TypedResults.Ok)).WithSummary("解锁用户（系统管理）");

        group.MapPost("/{id}/reset-password", async (string id, ClaimsPrincipal principal, UserAdmin admin, CancellationToken ct) =>
            (await admin.ResetPassword(CurrentUser.Require(principal), id, ct)).ToHttp(p => TypedResults.Ok(new OneTimePasswordDto(p)))).WithSummary("重置密码（系统管理；返回一次性密码）");
    }
}

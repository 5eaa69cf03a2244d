using System.Collections.Frozen;
using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Jixiao.Web.Problems;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Access;

/// <summary>
/// Narrows the request's <see cref="AppDbContext"/> to the caller's organisation subtree (anonymous: published forms
/// only) before any endpoint runs. With the context's query filters this is the single place access is enforced:
/// an id outside the subtree simply does not exist, so every endpoint answers 404 for it.
/// </summary>
public static class AccessScope
{
    public static IApplicationBuilder UseAccessScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await ApplyAsync(context.RequestServices.GetRequiredService<AppDbContext>(), context.User, context.RequestAborted);
            await next(context);
        });

    /// <summary>
    /// Also for Blazor components, which run outside the HTTP pipeline once their circuit is up. An evaluator
    /// (第三方评价) is narrowed further, to the projects of its agency's active tasks; one without an agency sees nothing.
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (db.IsRestricted) return;
        var user = CurrentUser.From(principal);
        if (user is null) db.Restrict(null, publishedOnly: true);
        else if (user.Is(Roles.Evaluator) || user.AgencyId is not null)
        {
            if (user.AgencyId is { } agency) await db.RestrictToAgencyAsync(user.ScopePath, agency, ct);
            else db.Restrict(CurrentUser.NothingPath, publishedOnly: false);
        }
        else db.Restrict(user.ScopePath, publishedOnly: false);
    }
}

/// <summary>
/// The API groups (OpenAPI tags) an evaluator may use at all: its forms, their findings and files, its units and
/// projects, its tasks, its own tokens and account. Every other group — including any added later — answers 403 to an
/// evaluator, so a new feature is closed to agencies until someone decides otherwise here. What the allowed groups
/// return is limited by the context's query filters as for everyone.
/// </summary>
public static class EvaluatorGroups
{
    public static readonly System.Collections.Frozen.FrozenSet<string> Allowed = new[]
    {
        "表单", "审核问题", "组织", "项目", "下载", "API 令牌", "用户", "第三方评价", "公开查询", "统计", "审计", "导入", "轮次与任务",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static RouteGroupBuilder LimitEvaluators(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            if (CurrentUser.From(context.HttpContext.User) is { } user && (user.Is(Roles.Evaluator) || user.AgencyId is not null))
            {
                var tag = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags.FirstOrDefault();
                if (tag is null || !Allowed.Contains(tag))
                    return Problems.Refusal.Forbidden($"第三方评价人员只能使用与评价任务有关的功能，不能使用“{tag ?? "此功能"}”。").ToHttp();
            }
            return await next(context);
        });
}

/// <summary>Adds the organisation path and display name to the cookie's claims at sign-in.</summary>
public sealed class JixiaoClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await AddJixiaoClaims(identity, user, db);
        return identity;
    }

    public static async Task AddJixiaoClaims(ClaimsIdentity identity, AppUser user, AppDbContext db)
    {
        var path = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == user.OrganisationId).Select(o => o.Path).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(CurrentUser.ScopeClaim, path ?? CurrentUser.NothingPath));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.AgencyId is { } agency) identity.AddClaim(new Claim(CurrentUser.AgencyClaim, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

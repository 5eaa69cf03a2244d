using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Account;

public sealed record ChangePasswordRequest(
    [property: Description("当前密码"), Required, MaxLength(ColumnLengths.PersonName)] string CurrentPassword,
    [property: Description("新密码"), Required, MaxLength(ColumnLengths.PersonName)] string NewPassword) : IRequestContract;

/// <summary>Cookie sign-in for the browser: the login page posts here (with its antiforgery token).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            SignInManager<AppUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            if (result.Succeeded) return Results.LocalRedirect(target);
            // A new stamp ends every open session of a locked account at its next check.
            if (result.IsLockedOut && await signIn.UserManager.FindByNameAsync(userName) is { } locked)
                await signIn.UserManager.UpdateSecurityStampAsync(locked);
            // The same answer for an unknown name, a wrong password and a locked account: nothing tells which names exist.
            return Results.LocalRedirect($"/login?error=failed&returnUrl={Uri.EscapeDataString(target)}");
        }).ExcludeFromDescription();

        // Without the token another site could sign a user out by posting here.
        // The antiforgery middleware only checks endpoints that read a form, and this one reads none: it checks itself.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Text("退出请求无效：缺少页面的防伪令牌。请使用页面上的“退出登录”按钮。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>Under /api/v1: a signed-in user changes their password; their other sessions end (new security stamp).</summary>
    public static void MapPasswordEndpoint(this RouteGroupBuilder api) =>
        api.MapPost("/me/password", async (ChangePasswordRequest request, ClaimsPrincipal principal, PasswordChange passwords, CancellationToken ct) =>
            (await passwords.Change(CurrentUser.Require(principal), request, ct)).ToHttp(_ => TypedResults.NoContent())).WithTags("用户").WithSummary("修改我的密码（其他会话随即失效）");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

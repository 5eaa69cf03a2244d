using Jixiao.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Account;

/// <summary>Cookie sign-in for the browser: the login page posts here (with its antiforgery token).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            if (result.Succeeded) return Results.LocalRedirect(target);
            var error = result.IsLockedOut ? "locked" : "failed";
            return Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
        }).ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

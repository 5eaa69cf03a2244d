using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Access;

/// <summary>
/// When a sign-in cookie is checked against its account (<c>Jixiao:SessionCheckSeconds</c>). Identity's validator reads
/// the user's security stamp once the cookie is older than the interval, then rebuilds the principal (user, roles, claims:
/// five queries) and issues a renewed cookie. A client that keeps sending the older cookie (an API script, or several
/// requests already in flight) paid that on every request: at 50 connections it was a third of a form page's processor
/// time. A user and stamp verified within the interval are taken as verified: the stamp changes with every lockout,
/// password or role change (UserAdmin, AccountEndpoints), so a session still ends within the interval after one, on every
/// instance, as before; what the cookie claims is what that stamp was issued with.
/// </summary>
public sealed class SessionChecks
{
    private readonly ConcurrentDictionary<(string User, string Stamp), DateTimeOffset> verified = new();

    /// <summary>At most this many users' verifications are kept; past it the expired ones are dropped.</summary>
    private const int Kept = 50_000;

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        // Resolving the validator builds SignInManager, UserManager and their store: the time check comes first.
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval) return;
        var key = KeyOf(context.Principal, services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity);
        if (key is { } k && verified.TryGetValue(k, out var at) && now - at <= options.ValidationInterval && now >= at) return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        // A rejected principal is null here; only a stamp that matched the account is remembered.
        if (key is { } known && context.Principal is not null)
        {
            if (verified.Count >= Kept) Prune(now, options.ValidationInterval);
            verified[known] = now;
        }
    }

    private static (string, string)? KeyOf(ClaimsPrincipal? principal, ClaimsIdentityOptions claims) =>
        principal?.FindFirstValue(claims.UserIdClaimType) is { } user && principal.FindFirstValue(claims.SecurityStampClaimType) is { } stamp
            ? (user, stamp)
            : null;

    private void Prune(DateTimeOffset now, TimeSpan interval)
    {
        foreach (var (key, at) in verified)
            if (now - at > interval || now < at) verified.TryRemove(key, out _);
    }
}

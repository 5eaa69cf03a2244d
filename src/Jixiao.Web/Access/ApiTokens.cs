using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Access;

/// <summary>API tokens: "jx_" + 32 random bytes; only the SHA-256 is stored, so a database leak gives no usable token.</summary>
public static class TokenSecrets
{
    public const string Prefix = "jx_";

    public static string NewToken() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// The second authentication scheme, for /api only: "Authorization: Bearer jx_…". A revoked, expired or unknown token
/// fails; the principal carries the same claims as the cookie (roles, scope).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<AppUser> users,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Path.StartsWithSegments("/api")) return AuthenticateResult.NoResult();
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var hash = TokenSecrets.Hash(token);
        var now = clock.GetUtcNow();
        var stored = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash);
        if (stored?.User is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
            return AuthenticateResult.Fail("API 令牌无效、已过期或已吊销。");
        if (await users.IsLockedOutAsync(stored.User)) return AuthenticateResult.Fail("账户已锁定。");

        // Once a minute is precise enough for "last used" and spares SQLite a write on every request.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync();
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, stored.User.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, stored.User.UserName ?? stored.User.Id));
        foreach (var role in await users.GetRolesAsync(stored.User)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        await JixiaoClaimsFactory.AddJixiaoClaims(identity, stored.User, db);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

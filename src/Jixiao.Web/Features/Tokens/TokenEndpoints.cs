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

namespace Jixiao.Web.Features.Tokens;

public sealed record CreateTokenRequest(
    [property: Description("令牌名称"), Required, MinLength(1), MaxLength(ColumnLengths.PersonName)] string Name,
    [property: Description("有效天数"), Range(1, 3650)] int? ExpiresInDays) : IRequestContract;

/// <summary><see cref="Token"/> is shown once, at creation; only its hash is kept.</summary>
public sealed record CreatedTokenDto(int Id, string Name, string Token, DateTimeOffset? ExpiresAt);

public sealed record TokenDto(int Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("API 令牌");

        group.MapGet("/", async Task<IResult> (ClaimsPrincipal principal, AppDbContext db, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id).OrderBy(t => t.Id)
                .Select(t => new TokenDto(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToListAsync(ct);
            return TypedResults.Ok(tokens);
        }).WithSummary("我的 API 令牌");

        group.MapPost("/", async Task<IResult> (CreateTokenRequest request, ClaimsPrincipal principal, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            if (string.IsNullOrWhiteSpace(request.Name)) return Refusal.Invalid("令牌名称不能为空。").ToHttp();
            if (request.ExpiresInDays is <= 0 or > 3650) return Refusal.Invalid("有效期必须在 1–3650 天之间。").ToHttp();
            var now = clock.GetUtcNow();
            var secret = TokenSecrets.NewToken();
            var token = new ApiToken
            {
                UserId = user.Id,
                Name = request.Name.Trim(),
                TokenHash = TokenSecrets.Hash(secret),
                CreatedAt = now,
                ExpiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : null,
            };
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(ct);
            db.Audit(user.Actor, now, "create", "api-token", token.Id.ToString(CultureInfo.InvariantCulture), user.ScopePath, "令牌", null, token.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedTokenDto(token.Id, token.Name, secret, token.ExpiresAt));
        }).WithSummary("新建 API 令牌（令牌只显示这一次）");

        group.MapDelete("/{id:int}", async Task<IResult> (int id, ClaimsPrincipal principal, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            // Another person's token is as invisible as an unknown one.
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == user.Id, ct);
            if (token is null) return Refusal.NotFound("令牌").ToHttp();
            if (token.RevokedAt is null)
            {
                var now = clock.GetUtcNow();
                token.RevokedAt = now;
                db.Audit(user.Actor, now, "revoke", "api-token", token.Id.ToString(CultureInfo.InvariantCulture), user.ScopePath, "令牌", token.Name, "已吊销");
                await db.SaveChangesAsync(ct);
            }
            return TypedResults.NoContent();
        }).WithSummary("吊销 API 令牌");
    }
}

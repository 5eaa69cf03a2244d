using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Tokens;

/// <summary>A person's own API tokens, for the token endpoints and the API 令牌 screen: nobody sees or revokes another's.</summary>
public sealed class TokenService(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TokenDto>> List(CurrentUser user, CancellationToken ct) =>
        await db.ApiTokens.Where(t => t.UserId == user.Id).OrderBy(t => t.Id)
            .Select(t => new TokenDto(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToListAsync(ct);

    public async Task<Outcome<CreatedTokenDto>> Create(CurrentUser user, CreateTokenRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        if (string.IsNullOrWhiteSpace(request.Name)) return ContractValidation.FieldRefusal("$.name", "令牌名称不能为空。");
        if (request.ExpiresInDays is <= 0 or > 3650) return ContractValidation.FieldRefusal("$.expiresInDays", "有效期必须在 1–3650 天之间。");
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
        return new CreatedTokenDto(token.Id, token.Name, secret, token.ExpiresAt);
    }

    /// <summary>Revoking twice is no error: the token stays revoked from the first time.</summary>
    public async Task<Outcome<bool>> Revoke(CurrentUser user, int id, CancellationToken ct)
    {
        // Another person's token is as invisible as an unknown one.
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == user.Id, ct);
        if (token is null) return Refusal.NotFound("令牌");
        if (token.RevokedAt is not null) return false;
        var now = clock.GetUtcNow();
        token.RevokedAt = now;
        db.Audit(user.Actor, now, "revoke", "api-token", token.Id.ToString(CultureInfo.InvariantCulture), user.ScopePath, "令牌", token.Name, "已吊销");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

using System.Security.Claims;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;

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

        group.MapGet("/", async (ClaimsPrincipal principal, TokenService tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.List(CurrentUser.Require(principal), ct))).WithSummary("我的 API 令牌");

        group.MapPost("/", async (CreateTokenRequest request, ClaimsPrincipal principal, TokenService tokens, CancellationToken ct) =>
            (await tokens.Create(CurrentUser.Require(principal), request, ct))
                .ToHttp(t => TypedResults.Created($"/api/v1/tokens/{t.Id}", t))).WithSummary("新建 API 令牌（令牌只显示这一次）");

        group.MapDelete("/{id:int}", async (int id, ClaimsPrincipal principal, TokenService tokens, CancellationToken ct) =>
            (await tokens.Revoke(CurrentUser.Require(principal), id, ct)).ToHttp(_ => TypedResults.NoContent())).WithSummary("吊销 API 令牌");
    }
}

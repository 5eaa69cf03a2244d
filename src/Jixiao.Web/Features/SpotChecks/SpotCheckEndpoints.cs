using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.SpotChecks;

public static class SpotCheckEndpoints
{
    public static void MapSpotCheckEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/spot-checks").WithTags("抽查复核");
        group.MapGet("/", async (int? year, int? page, int? pageSize, SpotCheckService service, CancellationToken ct) =>
            TypedResults.Ok(await service.List(year, page, pageSize, ct))).WithSummary("抽查记录（分页）");

        group.MapPost("/", async (DrawSpotCheckRequest request, ClaimsPrincipal user, SpotCheckService service, CancellationToken ct) =>
            (await service.Draw(CurrentUser.Require(user), request, ct))
                .ToHttp(s => TypedResults.Created($"/api/v1/spot-checks/{s.Id}", new SpotCheckWithEntriesDto(SpotCheckDto.From(s, s.Entries.Count, 0), s.Entries.Select(EntryDto.From).ToList()))))
            .WithSummary("抽取样本（财政审核；随机、按风险加权或按规则，给定样本量或比例；种子与样本一并记录）");

        group.MapGet("/credibility", async (int? year, SpotCheckService service, CancellationToken ct) =>
            TypedResults.Ok(await service.Credibility(year, null, ct)))
            .WithSummary("单位可信度：已复核行中分数被改动的分值占比（Σ|复核分−自评分| ÷ Σ分值），可信度 = 1 − 该占比");

        group.MapGet("/{id:int}", async (int id, SpotCheckService service, CancellationToken ct) =>
            (await service.Get(id, ct)).ToHttp(r => TypedResults.Ok(new SpotCheckWithEntriesDto(
                SpotCheckDto.From(r.Check, r.Entries.Count, r.Entries.Count(e => e.RecheckedAt is not null)), r.Entries.Select(EntryDto.From).ToList()))))
            .WithSummary("读取抽查及其样本");

        group.MapGet("/{id:int}/entries/{entryId:int}", async (int id, int entryId, SpotCheckService service, CancellationToken ct) =>
            (await service.Sheet(id, entryId, ct)).ToHttp(sheet => TypedResults.Ok(sheet)))
            .WithSummary("复核表：每行的单位自评分、按规则计算的得分和复核得分");

        group.MapPut("/{id:int}/entries/{entryId:int}", async (int id, int entryId, RecheckRequest request, ClaimsPrincipal user, SpotCheckService service, CancellationToken ct) =>
            (await service.Recheck(CurrentUser.Require(user), id, entryId, request, ct)).ToHttp(e => TypedResults.Ok(EntryDto.From(e))))
            .WithSummary("记录复核得分（财政审核；每行一个复核得分，总分为各行之和；另行记录，不改动单位的表）");
    }
}

public sealed record SpotCheckWithEntriesDto(SpotCheckDto SpotCheck, IReadOnlyList<EntryDto> Entries);

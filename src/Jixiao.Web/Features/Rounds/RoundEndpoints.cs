using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.Rounds;

public static class RoundEndpoints
{
    public static void MapRoundEndpoints(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("轮次与任务");
        rounds.MapGet("/", async (int? year, int? page, int? pageSize, RoundService service, CancellationToken ct) =>
            TypedResults.Ok((await service.List(year, page, pageSize, ct)).Map(RoundDto.From))).WithSummary("轮次列表（分页）");
        rounds.MapPost("/", async (OpenRoundRequest request, ClaimsPrincipal user, RoundService service, CancellationToken ct) =>
            (await service.Open(CurrentUser.Require(user), request, ct)).ToHttp(r => TypedResults.Created($"/api/v1/rounds/{r.Id}", RoundDto.From(r))))
            .WithSummary("开启轮次（财政审核；为范围内每个单位分派任务并发送提醒）");
        rounds.MapGet("/{id:int}", async (int id, RoundService service, CancellationToken ct) =>
            (await service.Get(id, ct)).ToHttp(r => TypedResults.Ok(RoundDto.From(r)))).WithSummary("读取轮次");
        rounds.MapGet("/{id:int}/tasks", async (int id, int? organisationId, int? page, int? pageSize, RoundService service, CancellationToken ct) =>
            (await service.Get(id, ct)).Refusal is { } refusal
                ? (IResult)refusal.ToHttp()
                : TypedResults.Ok(await service.Tasks(id, organisationId, open: false, page, pageSize, ct))).WithSummary("轮次的任务（分页）");
        rounds.MapGet("/{id:int}/completion", async (int id, string? by, int? page, int? pageSize, RoundService service, CancellationToken ct) =>
        {
            if (by is not (null or "unit" or "department")) return Refusal.Invalid($"by 只能是 unit 或 department，不是“{by}”。").ToHttp();
            return (await service.Completion(id, by == "department", page, pageSize, ct)).ToHttp(p => TypedResults.Ok(p));
        }).WithSummary("完成情况（按单位或按主管部门，分页）");
        rounds.MapGet("/{id:int}/extensions", async (int id, RoundService service, CancellationToken ct) =>
            (await service.Extensions(id, ct)).ToHttp(list => TypedResults.Ok(list.Select(ExtensionDto.From).ToList()))).WithSummary("延期记录");
        rounds.MapPost("/{id:int}/extensions", async (int id, ExtendRequest request, ClaimsPrincipal user, RoundService service, CancellationToken ct) =>
            (await service.Extend(CurrentUser.Require(user), id, request, ct)).ToHttp(x => TypedResults.Ok(ExtensionDto.From(x))))
            .WithSummary("为一个单位延期（财政审核，必须填写原因）");
        rounds.MapPost("/{id:int}/close", async (int id, ClaimsPrincipal user, RoundService service, CancellationToken ct) =>
            (await service.Close(CurrentUser.Require(user), id, ct)).ToHttp(r => TypedResults.Ok(RoundDto.From(r))))
            .WithSummary("关闭轮次（之后未延期的单位不能再提交）");

        var tasks = api.MapGroup("/tasks").WithTags("轮次与任务");
        tasks.MapGet("/", async (bool? open, int? page, int? pageSize, RoundService service, CancellationToken ct) =>
            TypedResults.Ok(await service.Tasks(null, null, open ?? true, page, pageSize, ct))).WithSummary("我的任务（管辖范围内；默认只列未关闭轮次的）");
        tasks.MapPost("/{id:int}/form", async (int id, ClaimsPrincipal user, RoundService service, CancellationToken ct) =>
            (await service.StartForm(CurrentUser.Require(user), id, ct)).ToHttp(formId => TypedResults.Ok(new StartedFormDto(formId))))
            .WithSummary("填写任务的表单（已有则返回它；新建时从已批准的绩效目标或上年目标开始）");

        api.MapGet("/notifications", async (int? page, int? pageSize, RoundService service, CancellationToken ct) =>
            TypedResults.Ok((await service.Notifications(page, pageSize, ct)).Map(NotificationDto.From))).WithTags("轮次与任务").WithSummary("提醒（分页）");
    }
}

public sealed record StartedFormDto(int FormId);

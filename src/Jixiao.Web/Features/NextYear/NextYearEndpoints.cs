using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.NextYear;

public static class NextYearEndpoints
{
    public static void MapNextYearEndpoints(this RouteGroupBuilder api)
    {
        var years = api.MapGroup("/years").WithTags("年度结转");
        years.MapGet("/{year:int}/next", async (int year, ClaimsPrincipal user, NextYearService service, CancellationToken ct) =>
            (await service.Preview(CurrentUser.Require(user), year, ct)).ToHttp(p => TypedResults.Ok(p)))
            .WithSummary("预览结转到下一年度（财政审核）：将新建的年度、延续项目和任务，沿用的组织和用户，继续有效的未完成任务");
        years.MapPost("/{year:int}/next", async (int year, ClaimsPrincipal user, NextYearService service, CancellationToken ct) =>
            (await service.Apply(CurrentUser.Require(user), year, ct)).ToHttp(r => TypedResults.Ok(r)))
            .WithSummary("结转到下一年度（财政审核；一个事务内完成，重复执行不会重复新建）");
    }
}

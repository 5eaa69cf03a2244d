using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.Imports;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        // Exempt from Admission: an upload arrives as slowly as the uploader's line and would hold a turn meanwhile.
        var group = api.MapGroup("/imports").WithTags("导入").DisableRateLimiting();

        group.MapPost("/preview", async (ImportRequest request, ClaimsPrincipal user, ImportService imports, CancellationToken ct) =>
            (await imports.Preview(CurrentUser.Require(user), request, ct)).ToHttp(items => TypedResults.Ok(items)))
            .WithSummary("预览导入：每份表单的审核问题，以及将归入的单位和项目（按名称或代码匹配，或新建）；不保存任何内容");

        group.MapPost("/", async (ImportRequest request, ClaimsPrincipal user, ImportService imports, CancellationToken ct) =>
            (await imports.Confirm(CurrentUser.Require(user), request, ct)).ToHttp(result => TypedResults.Created("/api/v1/forms", result)))
            .WithSummary("确认导入：全部表单在一个事务中保存为草稿，任何一份出错则全部不保存");
    }
}

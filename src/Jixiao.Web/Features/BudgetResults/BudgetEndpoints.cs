using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Downloads;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.BudgetResults;

public static class BudgetEndpoints
{
    public static void MapBudgetEndpoints(this RouteGroupBuilder api)
    {
        var budget = api.MapGroup("/budget").WithTags("结果应用");
        budget.MapGet("/suggestions", async (int? year, int? organisationId, AppliedFilter? applied, int? page, int? pageSize, ClaimsPrincipal user, BudgetService service, CancellationToken ct) =>
            (await service.Suggestions(CurrentUser.Require(user), year, organisationId, applied ?? AppliedFilter.All, page, pageSize, ct)).ToHttp(p => TypedResults.Ok(p)))
            .WithSummary("下年度预算建议（财政审核；每个已评价项目的等级、建议安排与金额、依据和已作出的决定，分页；applied 为 All、Undecided、Decided 或 Differs）");
        budget.MapGet("/suggestions/{formId:int}", async (int formId, ClaimsPrincipal user, BudgetService service, CancellationToken ct) =>
            (await service.Suggestion(CurrentUser.Require(user), formId, ct)).ToHttp(s => TypedResults.Ok(s)))
            .WithSummary("一个项目的下年度预算建议与决定");
        budget.MapGet("/suggestions/{formId:int}/decisions", async (int formId, ClaimsPrincipal user, BudgetService service, CancellationToken ct) =>
            (await service.History(CurrentUser.Require(user), formId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("预算安排决定的历史（最新在前）");
        budget.MapPost("/suggestions/{formId:int}/decisions", async (int formId, DecideBudgetRequest request, ClaimsPrincipal user, BudgetService service, CancellationToken ct) =>
            (await service.Decide(CurrentUser.Require(user), formId, request, ct)).ToHttp(d => TypedResults.Created($"/api/v1/budget/suggestions/{formId}/decisions", d)))
            .WithSummary("记录下年度预算安排决定（财政审核；安排、金额（元）、理由；再次决定即修改，原决定留作历史）");
        budget.MapGet("/ledger", async (int year, int? organisationId, ClaimsPrincipal user, BudgetService service, CancellationToken ct) =>
            (await service.Ledger(CurrentUser.Require(user), year, organisationId, ct)).ToHttp(l => TypedResults.Ok(l)))
            .WithSummary("结果应用台账：某年度每个已评价项目的结果是否用于预算（合计、按等级、按建议安排、按主管部门）");
        budget.MapGet("/export.{format}", Export)
            .WithSummary("导出下年度预算建议与决定（xlsx 或 csv，供预算编制系统导入）");
    }

    private static async Task<IResult> Export(string format, int year, int? organisationId, ClaimsPrincipal user, BudgetService service, CancellationToken ct)
    {
        format = format.ToLowerInvariant();
        if (format is not ("xlsx" or "csv")) return Refusal.Invalid($"不支持的导出格式“{format}”，可选 xlsx 或 csv。").ToHttp();
        var all = await service.All(CurrentUser.Require(user), year, organisationId, ct);
        if (all.Refusal is { } refusal) return refusal.ToHttp();
        var output = new MemoryStream();
        if (format == "xlsx") BudgetExport.Xlsx(output, all.Value!);
        else BudgetExport.Csv(output, all.Value!);
        return TypedResults.File(output.ToArray(), format == "xlsx" ? DownloadEndpoints.Xlsx : "text/csv; charset=utf-8", $"下年度预算安排-{year}.{format}");
    }
}

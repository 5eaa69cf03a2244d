using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.ScoringRules;

public static class RulebookChoiceEndpoints
{
    public static void MapRulebookChoiceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rulebooks").WithTags("计分规则与模板");
        group.MapGet("/", () => TypedResults.Ok(RulebookChoiceService.Options())).WithSummary("可选的计分规则和模板地区");
        group.MapGet("/choices", async (int? year, int? page, int? pageSize, RulebookChoiceService service, CancellationToken ct) =>
            TypedResults.Ok(await service.List(year, page, pageSize, ct))).WithSummary("计分规则与模板的选择记录（本级、上级和下级的，最新在前，分页）");
        group.MapPost("/choices/preview", async (ChooseRulebookRequest request, int? page, int? pageSize, ClaimsPrincipal user, RulebookChoiceService service, CancellationToken ct) =>
            (await service.Preview(CurrentUser.Require(user), request, page, pageSize, ct)).ToHttp(p => TypedResults.Ok(p)))
            .WithSummary("预览更换计分规则对现有得分的影响（每张表：原总分/等级 → 新总分/等级；不保存）");
        group.MapPost("/choices", async (ChooseRulebookRequest request, ClaimsPrincipal user, RulebookChoiceService service, CancellationToken ct) =>
            (await service.Choose(CurrentUser.Require(user), request, ct)).ToHttp(c => TypedResults.Created($"/api/v1/rulebooks/choices/{c.Id}", c)))
            .WithSummary("为组织（含下级）和年度选择计分规则与模板并应用：草稿和已提交的表单重新计分，已公开的表单保留公开得分并记录差异（财政审核）");
    }
}

using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.Evaluators;

public static class EvaluatorEndpoints
{
    public static void MapEvaluatorEndpoints(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("第三方评价");
        agencies.MapGet("/", async (string? search, int? page, int? pageSize, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.Agencies(CurrentUser.Require(user), search, page, pageSize, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("第三方机构名录（分页；含任务数、已评报告数和报告质量平均分）");
        agencies.MapPost("/", async (AgencyRequest request, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.CreateAgency(CurrentUser.Require(user), request, ct)).ToHttp(a => TypedResults.Created($"/api/v1/agencies/{a.Agency.Id}", a)))
            .WithSummary("登记第三方机构（财政审核；统一社会信用代码按 GB 32100 校验）");
        agencies.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.Agency(CurrentUser.Require(user), id, ct)).ToHttp(TypedResults.Ok)).WithSummary("读取第三方机构及其专家");
        agencies.MapPut("/{id:int}", async (int id, AgencyRequest request, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.UpdateAgency(CurrentUser.Require(user), id, request, ct)).ToHttp(TypedResults.Ok)).WithSummary("修改第三方机构信息（财政审核）");
        agencies.MapPost("/{id:int}/experts", async (int id, ExpertRequest request, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.AddExpert(CurrentUser.Require(user), id, request, ct)).ToHttp(x => TypedResults.Created($"/api/v1/agencies/{id}/experts/{x.Id}", x)))
            .WithSummary("添加机构专家（财政审核）");
        agencies.MapDelete("/{id:int}/experts/{expertId:int}", async (int id, int expertId, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.RemoveExpert(CurrentUser.Require(user), id, expertId, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("移除机构专家（财政审核；已指定该专家的任务保留其姓名）");

        var tasks = api.MapGroup("/evaluation-tasks").WithTags("第三方评价");
        tasks.MapGet("/", async (int? agencyId, int? year, bool? active, int? page, int? pageSize, EvaluatorRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.Tasks(agencyId, year, active ?? false, page, pageSize, ct)))
            .WithSummary("评价任务（分页；管辖范围内；第三方评价人员只见本机构进行中的任务）");
        tasks.MapPost("/", async (AssignRequest request, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.Assign(CurrentUser.Require(user), request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/evaluation-tasks/{t.Id}", t)))
            .WithSummary("分派评价任务：第三方机构评价一个预算项目（财政审核；一个项目同时只有一个机构）");
        tasks.MapGet("/{id:int}", async (int id, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.Task(id, ct)).ToHttp(TypedResults.Ok)).WithSummary("读取评价任务");
        tasks.MapPost("/{id:int}/withdraw", async (int id, WithdrawRequest request, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.Withdraw(CurrentUser.Require(user), id, request, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("撤回评价任务（财政审核，必须填写原因；机构随即不能再访问该项目）");
        tasks.MapPost("/{id:int}/report", async (int id, ClaimsPrincipal user, EvaluatorRegistry registry, FormService forms, CancellationToken ct) =>
            (await registry.StartReport(CurrentUser.Require(user), forms, id, ct)).ToHttp(formId => TypedResults.Ok(new EvaluationReportDto(formId))))
            .WithSummary("填写评价报告（第三方评价；已有则返回它）");
        tasks.MapGet("/{id:int}/quality", async (int id, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.Quality(CurrentUser.Require(user), id, ct)).ToHttp(TypedResults.Ok)).WithSummary("读取报告质量评分（财政审核）");
        tasks.MapPut("/{id:int}/quality", async (int id, QualityRequest request, ClaimsPrincipal user, EvaluatorRegistry registry, CancellationToken ct) =>
            (await registry.RecordQuality(CurrentUser.Require(user), id, request, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("评定报告质量（财政审核；按评分标准逐项打分并写评语，再次评定覆盖上次）");

        api.MapGet("/evaluation-quality/criteria", (EvaluatorRegistry registry) => TypedResults.Ok(registry.Criteria()))
            .WithTags("第三方评价").WithSummary("报告质量评分标准（配置 Jixiao:EvaluatorQuality:Criteria）");
    }
}

public sealed record EvaluationReportDto(int FormId);

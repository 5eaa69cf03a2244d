using System.Security.Claims;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Forms;

public static class FormEndpoints
{
    public static void MapFormEndpoints(this RouteGroupBuilder api)
    {
        var forms = api.MapGroup("/forms").WithTags("表单");

        // Anonymous callers reach these two as well: the scope then holds published forms only.
        forms.MapGet("/", List).AllowAnonymous().Produces<Page<FormSummaryDto>>().WithSummary("表单列表（分页；匿名用户只看到已公开的表单）");
        forms.MapGet("/{id:int}", async (int id, FormService service, CancellationToken ct) =>
            (await service.Read(id, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f)))).AllowAnonymous().Produces<FormDto>().WithSummary("读取表单");

        forms.MapPost("/", async (CreateFormRequest request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Create(CurrentUser.Require(user), request, ct))
                .ToHttp(f => TypedResults.Created($"/api/v1/forms/{f.Id}", FormDto.From(f)))).WithSummary("新建表单");
        forms.MapPut("/{id:int}", async (int id, SaveFormRequest request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Save(CurrentUser.Require(user), id, request, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("保存表单（带 revision；他人已保存时返回 409 和两个版本）");
        forms.MapPost("/{id:int}/submit", async (int id, SubmitRequest request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Submit(CurrentUser.Require(user), id, request, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("提交（错误级问题需逐条说明）");
        forms.MapPost("/{id:int}/return", async (int id, ReasonRequest request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Return(CurrentUser.Require(user), id, request.Reason, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("退回（必须填写原因）");
        forms.MapPost("/{id:int}/approve", async (int id, ReasonRequest? request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Approve(CurrentUser.Require(user), id, request?.Reason, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("审核通过（主管部门或财政）");
        forms.MapPost("/{id:int}/unlock", async (int id, ReasonRequest request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Unlock(CurrentUser.Require(user), id, request.Reason, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("解锁已审核的表单（审核人，必须填写原因）");
        forms.MapPost("/{id:int}/publish", async (int id, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Publish(CurrentUser.Require(user), id, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("公开");
        forms.MapPost("/{id:int}/withdraw", async (int id, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Withdraw(CurrentUser.Require(user), id, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("撤回尚未审核的提交（单位填报，表单回到草稿）");
        forms.MapPost("/{id:int}/unpublish", async (int id, ReasonRequest request, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Unpublish(CurrentUser.Require(user), id, request.Reason, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f))))
            .WithSummary("取消公开（财政，必须填写原因；表单回到财政已审核）");
        forms.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, FormService service, CancellationToken ct) =>
            (await service.Delete(CurrentUser.Require(user), id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("删除从未提交过的草稿（记入审计）");

        forms.MapGet("/{id:int}/history", async (int id, FormService service, CancellationToken ct) =>
            (await service.History(id, ct)).ToHttp(list => TypedResults.Ok(list.Select(TransitionDto.Of).ToList())))
            .WithSummary("流转记录");
        forms.MapGet("/{id:int}/versions", async (int id, FormService service, CancellationToken ct) =>
            (await service.Versions(id, ct)).ToHttp(list => TypedResults.Ok(list.Select(VersionSummaryDto.From).ToList())))
            .WithSummary("提交版本列表");
        forms.MapGet("/{id:int}/versions/{number:int}", async (int id, int number, FormService service, CancellationToken ct) =>
            (await service.Version(id, number, ct)).ToHttp(v => TypedResults.Ok(VersionDto.From(v))))
            .WithSummary("读取某一提交版本（含提交说明）");
        forms.MapGet("/{id:int}/diff", async (int id, int from, int? to, FormService service, CancellationToken ct) =>
            (await service.Diff(id, from, to, ct)).ToHttp(changes => TypedResults.Ok(new DiffDto(from, to, changes))))
            .WithSummary("比较两个版本（省略 to 时与当前内容比较）");
        forms.MapGet("/{id:int}/audit", async Task<IResult> (int id, AppDbContext db, int? page, int? pageSize, CancellationToken ct) =>
        {
            if (!await db.Forms.AnyAsync(f => f.Id == id, ct)) return Refusal.NotFound("表单").ToHttp();
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "form" && a.EntityId == key)
                .OrderBy(a => a.Id).ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(result.Map(Audit.AuditEntryDto.From));
        }).WithSummary("表单的审计记录（谁在何时把哪个字段从什么改成什么）");
        forms.MapGet("/{id:int}/findings", async (int id, FormService service, CancellationToken ct) =>
            (await service.Read(id, ct)).ToHttp(f => TypedResults.Ok(FormDto.From(f).Findings)))
            .WithSummary("表单当前的审核问题");
    }

    private static async Task<IResult> List(
        AppDbContext db, string? status, string? kind, int? organisationId, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).AsNoTracking();
        if (status is not null)
        {
            if (!Enum.TryParse<FormStatus>(status, ignoreCase: true, out var s)) return Refusal.Invalid($"未知的状态“{status}”。").ToHttp();
            query = query.Where(f => f.Status == s);
        }
        if (kind is not null)
        {
            if (FormKinds.FromCode(kind) is not { } k) return Refusal.Invalid($"未知的表单类型“{kind}”。").ToHttp();
            query = query.Where(f => f.Kind == k);
        }
        if (organisationId is { } orgId)
        {
            // The whole subtree of the organisation asked for; an organisation outside the scope has none.
            var path = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (path is null) return Refusal.NotFound("单位").ToHttp();
            query = query.Where(f => f.Organisation!.Path.StartsWith(path));
        }
        if (year is { } y) query = query.Where(f => f.FiscalYear!.Year == y);
        var result = await query.OrderBy(f => f.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(result.Map(FormSummaryDto.From));
    }
}

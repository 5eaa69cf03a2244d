using System.Security.Claims;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Jixiao.Web.Features.Rectifications;

public static class RectificationEndpoints
{
    public static void MapRectificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rectifications").WithTags("整改");
        group.MapGet("/", async Task<IResult> (string? status, int? formId, bool? overdue, int? page, int? pageSize, RectificationService service, CancellationToken ct) =>
        {
            RectificationStatus? wanted = null;
            if (status is not null)
            {
                if (!Enum.TryParse<RectificationStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                    return Refusal.Invalid($"status 只能是 Open、InProgress、Submitted 或 Closed，不是“{status}”。").ToHttp();
                wanted = s;
            }
            var today = service.Today;
            return TypedResults.Ok((await service.List(wanted, formId, overdue ?? false, page, pageSize, ct)).Map(r => RectificationDto.From(r, today)));
        }).WithSummary("整改事项（管辖范围内；可按状态、表单、是否逾期筛选；逾期的在前）");

        group.MapPost("/", async (RaiseRectificationRequest request, ClaimsPrincipal user, RectificationService service, CancellationToken ct) =>
            (await service.Raise(CurrentUser.Require(user), request, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/rectifications/{r.Id}", RectificationDto.From(r, service.Today))))
            .WithSummary("提出整改事项（主管部门审核、财政审核；来自一次退回、一条审核意见或一个审核问题）");

        group.MapGet("/{id:int}", async (int id, RectificationService service, CancellationToken ct) =>
            (await service.Get(id, ct)).ToHttp(r => TypedResults.Ok(RectificationDto.From(r, service.Today, withDetail: true))))
            .WithSummary("读取整改事项（含办理记录和整改材料清单）");

        group.MapPost("/{id:int}/start", async (int id, ClaimsPrincipal user, RectificationService service, CancellationToken ct) =>
            (await service.Start(CurrentUser.Require(user), id, ct)).ToHttp(r => TypedResults.Ok(RectificationDto.From(r, service.Today))))
            .WithSummary("开始整改（责任单位）");

        group.MapPost("/{id:int}/evidence", UploadEvidence)
            .WithSummary("上传整改材料（责任单位；multipart/form-data：files；pdf、jpg、png、docx、xlsx、txt，与其他上传相同的大小和每日配额限制）");

        group.MapGet("/{id:int}/evidence/{evidenceId:int}", async (int id, int evidenceId, RectificationService service, CancellationToken ct) =>
            (await service.Evidence(id, evidenceId, ct)).ToHttp(x => TypedResults.File(x.Content, RectificationText.ContentType(x.Name), x.Name)))
            .WithSummary("下载整改材料（仅管辖范围内的人员）");

        group.MapPost("/{id:int}/submit", async (int id, RectificationStepRequest request, ClaimsPrincipal user, RectificationService service, CancellationToken ct) =>
            (await service.Submit(CurrentUser.Require(user), id, request.Note, ct)).ToHttp(r => TypedResults.Ok(RectificationDto.From(r, service.Today))))
            .WithSummary("提交整改材料，待复核（责任单位；必须写明整改情况）");

        group.MapPost("/{id:int}/close", async (int id, RectificationStepRequest request, ClaimsPrincipal user, RectificationService service, CancellationToken ct) =>
            (await service.Close(CurrentUser.Require(user), id, request.Note, ct)).ToHttp(r => TypedResults.Ok(RectificationDto.From(r, service.Today))))
            .WithSummary("确认整改完成（提出整改的审核单位或其上级）");

        group.MapPost("/{id:int}/send-back", async (int id, RectificationStepRequest request, ClaimsPrincipal user, RectificationService service, CancellationToken ct) =>
            (await service.SendBack(CurrentUser.Require(user), id, request.Note, ct)).ToHttp(r => TypedResults.Ok(RectificationDto.From(r, service.Today))))
            .WithSummary("退回重新整改（提出整改的审核单位或其上级，必须写明原因）");
    }

    private static async Task<IResult> UploadEvidence(int id, HttpRequest request, ClaimsPrincipal user, RectificationService service, UploadGate uploads, CancellationToken ct)
    {
        var read = await uploads.ReadForm(request, "文件（字段名 files）", ct);
        if (read.Refusal is { } refusal) return refusal.ToHttp();
        var form = read.Value!;
        var current = CurrentUser.Require(user);
        // The item and the role first, then sizes from the multipart headers: nothing over the policy is copied into memory.
        var found = await service.Get(id, ct);
        if (found.Refusal is { } missing) return missing.ToHttp();
        if (await uploads.Admit(current, form.Files.Select(f => new OfferedFile(f.FileName, f.Length)).ToList(), ct, RectificationText.EvidenceKinds) is { } refused)
            return refused.ToHttp();
        var files = new List<EvidenceFile>();
        foreach (var file in form.Files)
        {
            using var memory = new MemoryStream((int)file.Length);
            await file.CopyToAsync(memory, ct);
            files.Add(new EvidenceFile(file.FileName, memory.ToArray()));
        }
        return (await service.AddEvidence(current, id, files, ct)).ToHttp(r => TypedResults.Ok(RectificationDto.From(r, service.Today)));
    }
}

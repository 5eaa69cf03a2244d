using System.Globalization;
using System.Security.Claims;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Jixiao.Web.Features.Imports;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        // Exempt from Admission: an upload arrives as slowly as the uploader's line and would hold a turn meanwhile.
        var group = api.MapGroup("/imports").WithTags("导入").DisableRateLimiting();

        group.MapPost("/preview", async (ImportRequest request, ClaimsPrincipal user, ImportService imports, CancellationToken ct) =>
            (await imports.Preview(CurrentUser.Require(user), request, ct)).ToHttp(items => TypedResults.Ok(items)))
            .WithSummary("预览导入（已读出的表单 JSON）：每份表单的审核问题、单位或年度与所选不符的提醒，以及将归入的单位和项目（按名称或代码匹配，或新建）；不保存任何内容");

        group.MapPost("/", async (ImportRequest request, ClaimsPrincipal user, ImportService imports, CancellationToken ct) =>
            (await imports.Confirm(CurrentUser.Require(user), request, ct)).ToHttp(result => TypedResults.Created("/api/v1/forms", result)))
            .WithSummary("确认导入（已读出的表单 JSON）：全部表单在一个事务中保存为草稿，任何一份出错则全部不保存");

        group.MapPost("/files", UploadFiles)
            .WithSummary("上传文件导入（multipart/form-data：files，可选 organisationId、fiscalYear）：文件保存为导入任务后立即返回 202 和任务编号，由后台读取识别；用 GET /imports/jobs/{id} 查询进度和预览");

        group.MapGet("/jobs", async (ClaimsPrincipal user, ImportJobs jobs, CancellationToken ct) =>
            TypedResults.Ok((await jobs.Recent(CurrentUser.Require(user), ct)).Select(j => new ImportJobDto(j.Id, j.State.ToString(), ImportJobs.StateName(j.State),
                j.FilesTotal, j.FilesDone, j.CreatedAt, j.OrganisationId, j.FiscalYear, j.Error, null, null)).ToList()))
            .WithSummary("本人最近 7 天的导入任务（最新在前）");

        group.MapGet("/jobs/{id:int}", async (int id, ClaimsPrincipal user, ImportJobs jobs, CancellationToken ct) =>
            (await jobs.Get(CurrentUser.Require(user), id, ct)).ToHttp(job => TypedResults.Ok(job)))
            .WithSummary("导入任务的状态（排队中、识别中、已识别待确认、失败及原因、已导入）；识别完成后包含每张表单的审核问题和单位/年度提醒");

        group.MapPost("/jobs/{id:int}/confirm", async (int id, ImportJobConfirmRequest request, ClaimsPrincipal user, ImportJobs jobs, CancellationToken ct) =>
            (await jobs.Confirm(CurrentUser.Require(user), id, request, ct)).ToHttp(ids => TypedResults.Created("/api/v1/forms", new ImportResultDto(ids))))
            .WithSummary("确认导入任务：所选表单（默认全部，归入上传时所选单位）在一个事务中保存为草稿；表中单位或年度与所选不符时需 confirmWarnings=true");
    }

    private static async Task<IResult> UploadFiles(HttpRequest request, ClaimsPrincipal user, ImportJobs jobs, UploadGate uploads, CancellationToken ct)
    {
        var read = await uploads.ReadForm(request, "文件（字段名 files）", ct);
        if (read.Refusal is { } refusal) return refusal.ToHttp();
        var form = read.Value!;
        int? organisationId = null, fiscalYear = null;
        if (form.TryGetValue("organisationId", out var o) && !string.IsNullOrWhiteSpace(o))
        {
            if (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return Refusal.Invalid("organisationId（归属单位编号）应为整数。").ToHttp();
            organisationId = id;
        }
        if (form.TryGetValue("fiscalYear", out var y) && !string.IsNullOrWhiteSpace(y))
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return Refusal.Invalid("fiscalYear（年度）应为整数。").ToHttp();
            fiscalYear = year;
        }
        var current = CurrentUser.Require(user);
        // Sizes first, from the multipart headers: nothing over the policy is copied into memory.
        if (await uploads.Admit(current, form.Files.Select(f => new OfferedFile(f.FileName, f.Length)).ToList(), ct) is { } refused) return refused.ToHttp();
        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            using var memory = new MemoryStream((int)file.Length);
            await file.CopyToAsync(memory, ct);
            files.Add(new UploadedFile(file.FileName, memory.ToArray()));
        }
        return (await jobs.Start(current, organisationId, fiscalYear, files, ct))
            .ToHttp(job => TypedResults.Accepted($"/api/v1/imports/jobs/{job.Id}", job));
    }
}

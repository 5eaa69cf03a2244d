using System.Globalization;
using System.Security.Claims;
using Jixiao.Core.Forms;
using Jixiao.Documents.Execution;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Jixiao.Web.Features.ExecutionImports;

public static class ExecutionImportEndpoints
{
    public static void MapExecutionImportEndpoints(this RouteGroupBuilder api)
    {
        // Exempt from Admission like every upload: the body arrives as slowly as the uploader's line.
        var group = api.MapGroup("/execution-imports").WithTags("预算执行数据导入").DisableRateLimiting();

        group.MapPost("/", Preview)
            .WithSummary("预览预算执行数据导入（multipart/form-data：file 为预算执行系统导出的 xlsx 或 CSV，fiscalYear 年度，可选 unit = yuan/wan-yuan 指定金额单位，可选 cumulativeMonth 指定“累计支出”截至月份）：按项目编码匹配管辖范围内的项目，列出每张监控表和项目自评表的改动（原值 → 新值）、已锁定表单的差异、未匹配的编码和无法读取的行；不改动任何表单");

        group.MapGet("/", async (ClaimsPrincipal user, ExecutionImportService imports, CancellationToken ct) =>
            (await imports.Recent(CurrentUser.Require(user), ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("管辖范围内最近的预算执行数据导入（最新在前）");

        group.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, ExecutionImportService imports, CancellationToken ct) =>
            (await imports.Get(CurrentUser.Require(user), id, ct)).ToHttp(import => TypedResults.Ok(import)))
            .WithSummary("一次预算执行数据导入及其预览");

        group.MapPost("/{id:int}/apply", async (int id, ClaimsPrincipal user, ExecutionImportService imports, CancellationToken ct) =>
            (await imports.Apply(CurrentUser.Require(user), id, ct)).ToHttp(result => TypedResults.Ok(result)))
            .WithSummary("确认导入：在一个事务中把预览的改动写入表单（已审核或已公开的表单不覆盖，差异作为审核问题记录在表单上）；预览后有表单被修改则整体不导入（409）");
    }

    private static async Task<IResult> Preview(HttpRequest request, ClaimsPrincipal user, ExecutionImportService imports, UploadGate uploads, CancellationToken ct)
    {
        var read = await uploads.ReadForm(request, "文件（字段名 file）", ct);
        if (read.Refusal is { } refusal) return refusal.ToHttp();
        var form = read.Value!;
        if (!int.TryParse(form["fiscalYear"], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return Refusal.Invalid("fiscalYear（年度）必填，应为整数。").ToHttp();
        var unitText = form["unit"].ToString();
        MoneyUnit? unit = unitText switch
        {
            "yuan" or "元" => MoneyUnit.Yuan,
            "wan-yuan" or "万元" => MoneyUnit.TenThousandYuan,
            _ => null,
        };
        if (unitText.Length > 0 && unit is null) return Refusal.Invalid("unit（金额单位）应为 yuan（元）或 wan-yuan（万元）。").ToHttp();
        int? month = null;
        if (!string.IsNullOrWhiteSpace(form["cumulativeMonth"]))
        {
            if (!int.TryParse(form["cumulativeMonth"], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return Refusal.Invalid("cumulativeMonth（截至月份）应为 1 到 12 的整数。").ToHttp();
            month = m;
        }
        if (form.Files.Count != 1) return Refusal.Invalid(form.Files.Count == 0 ? "没有收到文件，请选择预算执行系统导出的 xlsx 或 CSV 文件（字段名 file）。" : "一次只能导入一个导出文件。").ToHttp();
        var current = CurrentUser.Require(user);
        var file = form.Files[0];
        if (await uploads.Admit(current, [new OfferedFile(file.FileName, file.Length)], ct, ExecutionExportReader.Extensions) is { } refused) return refused.ToHttp();
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, ct);
        return (await imports.Preview(current, file.FileName, memory.ToArray(), new ExecutionImportRequest(year, unit, month), ct))
            .ToHttp(import => TypedResults.Created($"/api/v1/execution-imports/{import.Id}", import));
    }
}

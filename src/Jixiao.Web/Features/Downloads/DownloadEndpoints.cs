using System.Globalization;
using System.Security.Claims;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Writers.Bundle;
using Jixiao.Documents.Writers.OpenData;
using Jixiao.Documents.Writers.Report;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Downloads;

/// <summary>
/// Files for download. Every form is read through the request's scoped <see cref="AppDbContext"/> (see
/// <see cref="AccessScope"/>): a form outside the caller's subtree, or an unpublished one for an anonymous visitor,
/// answers 404 exactly like the form API.
/// </summary>
public static class DownloadEndpoints
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Formats an anonymous visitor may download; the print view (html) is for signed-in users, the portal has its own page.</summary>
    private static readonly string[] PublicFormats = ["xlsx", "docx", "pdf", "json"];

    public static void MapDownloadEndpoints(this RouteGroupBuilder api)
    {
        // Exempt from Admission: a PDF or a year's zip takes seconds and would hold a turn that short requests need.
        var downloads = api.MapGroup("/downloads").WithTags("下载").DisableRateLimiting();
        downloads.MapGet("/forms/{id:int}.{format}", Form).AllowAnonymous()
            .WithSummary("下载一张表单：xlsx、docx、pdf、html（打印版）或 json（匿名用户只能下载已公开表单，且不含 html）");
        downloads.MapGet("/organisations/{organisationId:int}/{year:int}.zip", Zip)
            .WithSummary("下载单位（含下级）某年度的全部表单，打包为 zip（format 为 xlsx、docx、html 或 pdf，默认 xlsx）");
        downloads.MapGet("/organisations/{organisationId:int}/{year:int}/report-draft.docx", ReportDraft)
            .WithSummary("自评报告草稿（docx）：数字均由该单位该年度的表单计算，叙述部分标明待填写");
        downloads.MapGet("/open-data/{organisationId:int}/{year:int}/{file}", OpenData).AllowAnonymous()
            .WithSummary("开放数据：单位（含下级）某年度已公开的表单，forms.json、forms.csv、indicators.csv 或 findings.csv");
    }

    private static async Task<IResult> Form(int id, string format, ClaimsPrincipal user, FormService service, PdfRenderers pdf, CancellationToken ct)
    {
        format = format.ToLowerInvariant();
        var anonymous = CurrentUser.From(user) is null;
        if (format != "json" && FormBundle.Parse(format) is null)
            return Refusal.Invalid($"不支持的下载格式“{format}”，可选 xlsx、docx、pdf、html、json。").ToHttp();
        if (anonymous && !PublicFormats.Contains(format, StringComparer.Ordinal))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "未登录", detail: "打印版只对已登录用户提供；公开表单可下载 xlsx、docx、pdf 或 json。");

        var found = await service.Read(id, ct);
        if (found.Refusal is { } refusal) return refusal.ToHttp();
        var record = found.Value!;
        var form = FormRows.ToForm(record);

        if (format == "json")
        {
            var json = new MemoryStream();
            OpenDataJson.Write([Published(record)], json);
            return TypedResults.File(json.ToArray(), "application/json", FileName(record, ".json"));
        }

        var fileFormat = FormBundle.Parse(format)!.Value;
        if (fileFormat == FormFileFormat.Pdf && !pdf.Available) return PdfUnavailable();
        var output = new MemoryStream();
        await FormBundle.WriteAsync(form, fileFormat, output, fileFormat == FormFileFormat.Pdf ? await pdf.GetAsync(ct) : null, ct);
        return fileFormat == FormFileFormat.Html
            // The print view opens in the browser (inline) rather than being saved.
            ? TypedResults.File(output.ToArray(), "text/html; charset=utf-8")
            : TypedResults.File(output.ToArray(), ContentType(fileFormat), FileName(record, fileFormat.Extension()));
    }

    private static async Task<IResult> Zip(int organisationId, int year, string? format, AppDbContext db, FormService service, PdfRenderers pdf, CancellationToken ct)
    {
        if (FormBundle.Parse(format ?? "xlsx") is not { } fileFormat)
            return Refusal.Invalid($"不支持的打包格式“{format}”，可选 xlsx、docx、html、pdf。").ToHttp();
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return Refusal.NotFound("单位").ToHttp();
        if (fileFormat == FormFileFormat.Pdf && !pdf.Available) return PdfUnavailable();

        var records = await db.Forms.AsNoTracking()
            .Where(f => f.Organisation!.Path.StartsWith(organisation.Path) && f.FiscalYear!.Year == year)
            .OrderBy(f => f.Organisation!.Path).ThenBy(f => f.Kind).ThenBy(f => f.Id).ToListAsync(ct);
        var forms = records.Select(FormRows.ToForm).ToList();
        var output = new MemoryStream();
        await FormBundle.WriteZipAsync(forms, fileFormat, output, fileFormat == FormFileFormat.Pdf ? await pdf.GetAsync(ct) : null, ct);
        return TypedResults.File(output.ToArray(), "application/zip", Safe($"{organisation.Name}-{year.ToString(CultureInfo.InvariantCulture)}年度绩效表") + ".zip");
    }

    private static async Task<IResult> ReportDraft(int organisationId, int year, AppDbContext db, FormService service, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return Refusal.NotFound("单位").ToHttp();
        var records = await db.Forms.AsNoTracking()
            .Where(f => f.OrganisationId == organisationId && f.FiscalYear!.Year == year).OrderBy(f => f.Id).ToListAsync(ct);
        var forms = records.Select(FormRows.ToForm).ToList();
        // The drafter picks a unit's forms by the unit they state; here the record already says whose they are, and a
        // table that prints a shortened unit name still belongs in its unit's report.
        foreach (var form in forms)
        {
            form.Unit = organisation.Name;
            form.Year ??= year;
        }
        var draft = ReportDrafts.Build(forms, organisation.Name, year);
        var output = new MemoryStream();
        draft.WriteDocx(output);
        return TypedResults.File(output.ToArray(), Docx, Safe($"{organisation.Name}-{year.ToString(CultureInfo.InvariantCulture)}年度自评报告草稿") + ".docx");
    }

    private static async Task<IResult> OpenData(int organisationId, int year, string file, AppDbContext db, FormService service, CancellationToken ct)
    {
        file = file.ToLowerInvariant();
        string[] files = ["forms.json", OpenDataCsv.FormsFile, OpenDataCsv.IndicatorsFile, OpenDataCsv.FindingsFile];
        if (!files.Contains(file, StringComparer.Ordinal))
            return Refusal.Invalid($"没有开放数据文件“{file}”，可选 {string.Join("、", files)}。").ToHttp();
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return Refusal.NotFound("单位").ToHttp();

        // Open data is what was published, for everyone: a reviewer's download holds no drafts either.
        var records = await db.Forms.Include(f => f.Findings).AsNoTracking()
            .Where(f => f.Status == FormStatus.Published && f.SupersededById == null && f.Organisation!.Path.StartsWith(organisation.Path) && f.FiscalYear!.Year == year)
            .OrderBy(f => f.Id).ToListAsync(ct);
        var published = records.Select(Published).ToList();
        var output = new MemoryStream();
        var stem = Safe($"{organisation.Name}-{year.ToString(CultureInfo.InvariantCulture)}年度开放数据-");
        switch (file)
        {
            case "forms.json":
                OpenDataJson.Write(published, output);
                return TypedResults.File(output.ToArray(), "application/json", stem + file);
            case OpenDataCsv.FormsFile:
                OpenDataCsv.WriteForms(published, output);
                break;
            case OpenDataCsv.IndicatorsFile:
                OpenDataCsv.WriteIndicators(published, output);
                break;
            default:
                OpenDataCsv.WriteFindings(published, output);
                break;
        }
        return TypedResults.File(output.ToArray(), "text/csv; charset=utf-8", stem + file);
    }

    private static PublishedForm Published(FormRecord record) =>
        new(FormRows.ToForm(record), record.Findings.OrderBy(f => f.Position).Select(f => f.ToFinding()).ToList());

    private static IResult PdfUnavailable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时无法生成 PDF",
            detail: "服务器未安装 chromium，暂时无法生成 PDF。请改为下载 xlsx 或 docx，或请系统管理员安装 chromium 和 fonts-noto-cjk。");

    private static string ContentType(FormFileFormat format) => format switch
    {
        FormFileFormat.Xlsx => Xlsx,
        FormFileFormat.Docx => Docx,
        FormFileFormat.Pdf => "application/pdf",
        FormFileFormat.Html => "text/html; charset=utf-8",
    };

    /// <summary>
    /// "浏阳市数据资源中心-2020年度-项目支出绩效自评表-链路租赁经费.xlsx". The framework writes it as RFC 5987
    /// filename* (UTF-8) with an ASCII fallback, so browsers save it under its Chinese name.
    /// </summary>
    public static string FileName(FormRecord record, string extension)
    {
        var parts = new List<string>();
        if (record.Organisation?.Name is { Length: > 0 } unit) parts.Add(unit);
        if (record.FiscalYear is { } year) parts.Add(year.Year.ToString(CultureInfo.InvariantCulture) + "年度");
        parts.Add(record.Kind.ChineseName());
        if (record.ProjectName is { Length: > 0 } project) parts.Add(project);
        var name = Safe(string.Join("-", parts));
        return (name.Length > 120 ? name[..120] : name) + extension;
    }

    private static string Safe(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var ch in name) safe.Append(char.IsControl(ch) || "/\\:*?\"<>|".Contains(ch, StringComparison.Ordinal) ? '_' : ch);
        return safe.ToString().Trim();
    }
}

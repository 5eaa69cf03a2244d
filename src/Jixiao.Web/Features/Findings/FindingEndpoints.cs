using Jixiao.Core.Checks;
using Jixiao.Data;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Findings;

public sealed record FindingRowDto(int FormId, string FormTitle, string OrganisationName, FindingDto Finding);

public static class FindingEndpoints
{
    public static void MapFindingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/findings", async Task<IResult> (AppDbContext db, string? code, string? severity, int? year, int? page, int? pageSize, CancellationToken ct) =>
        {
            // Findings are reached through their form, so the form's scope filter applies to them.
            var query = db.Forms.AsNoTracking().SelectMany(f => f.Findings, (f, x) => new { Form = f, Finding = x });
            if (!string.IsNullOrWhiteSpace(code)) query = query.Where(r => r.Finding.Code == code);
            if (severity is not null)
            {
                if (!Enum.TryParse<Severity>(severity, ignoreCase: true, out var s)) return Refusal.Invalid($"未知的严重程度“{severity}”。").ToHttp();
                query = query.Where(r => r.Finding.Severity == s);
            }
            if (year is { } y) query = query.Where(r => r.Form.FiscalYear!.Year == y);
            var result = await query.OrderBy(r => r.Form.Id).ThenBy(r => r.Finding.Position)
                .Select(r => new { FormId = r.Form.Id, r.Form.Title, r.Form.ProjectName, Organisation = r.Form.Organisation!.Name, r.Finding })
                .ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(result.Map(r => new FindingRowDto(r.FormId, r.ProjectName ?? r.Title ?? "", r.Organisation, FindingDto.From(r.Finding.ToFinding()))));
        }).WithTags("审核问题").WithSummary("管辖范围内所有表单的审核问题（可按代码、严重程度、年度筛选）");
    }
}

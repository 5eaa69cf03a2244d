using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Analytics;

public sealed record BulkRequest(
    [property: Description("表单 ID"), Required, MaxLength(Paging.MaxPageSize)] List<int> Ids,
    [property: Description("意见或退回原因"), MaxLength(Limits.ReasonText)] string? Reason) : IRequestContract;

/// <summary>A form a bulk action left alone, and why (in Chinese).</summary>
public sealed record BulkSkip(int FormId, string Reason);

public sealed record BulkResult(IReadOnlyList<int> Done, IReadOnlyList<BulkSkip> Skipped);

public static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("统计");
        group.MapGet("/queue", Queue).WithSummary("审核队列（按风险排序，分页；可按状态、主管部门、类型、年度筛选）");
        group.MapGet("/overview", Overview).WithSummary("财政总览：按状态统计；排名和分布只计入已审核的表单（见 countedStates）；可按年度、主管部门、单位逐级查看（逐级列表分页：page，每页 50 行）");
        api.MapGet("/portal/forms", Portal).AllowAnonymous().WithTags("公开查询").WithSummary("公开表单搜索（标题、单位、部门、项目）：填报的与按规则重算的总分和等级");

        var bulk = api.MapGroup("/forms/bulk").WithTags("表单");
        bulk.MapPost("/approve", (BulkRequest request, ClaimsPrincipal user, FormService forms, AppDbContext db, CancellationToken ct) =>
            Bulk(request, WorkflowAction.Approve, CurrentUser.Require(user), forms, db, ct)).WithSummary("批量审核通过（跳过仍有未说明错误的表单，并说明原因）");
        bulk.MapPost("/return", (BulkRequest request, ClaimsPrincipal user, FormService forms, AppDbContext db, CancellationToken ct) =>
            Bulk(request, WorkflowAction.Return, CurrentUser.Require(user), forms, db, ct)).WithSummary("批量退回（必须填写原因）");
    }

    private static async Task<IResult> Queue(ClaimsPrincipal user, AppDbContext db, string? state, int? departmentId, string? kind, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var current = CurrentUser.Require(user);
        var states = Analytics.QueueStates(current);
        if (states.Count == 0) return Refusal.Forbidden("审核队列只对主管部门审核和财政审核角色开放。").ToHttp();
        if (ParseFilter(state, departmentId, kind, year) is not { } filter) return Refusal.Invalid($"未知的状态“{state}”或表单类型“{kind}”。").ToHttp();
        var result = await Analytics.QueuePageAsync(db, states, filter, page, pageSize, ct);
        return TypedResults.Ok(result.Map(i => new { i.FormId, i.Name, i.UnitName, i.DepartmentName, Kind = i.Kind.Code(), Status = i.Status.ToString(), i.Year,
            i.Errors, i.Warnings, i.Unexplained, i.Deductions, i.Risk, i.RiskExplanation, i.Scored, i.ComputedTotal, i.ComputedGrade }));
    }

    internal static QueueFilter? ParseFilter(string? state, int? departmentId, string? kind, int? year)
    {
        FormStatus? s = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<FormStatus>(state, ignoreCase: true, out var parsed)) return null;
            s = parsed;
        }
        FormKind? k = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (FormKinds.FromCode(kind) is not { } parsed) return null;
            k = parsed;
        }
        return new QueueFilter(s, departmentId, k, year);
    }

    private static async Task<IResult> Overview(ClaimsPrincipal user, AppDbContext db, IOptions<RankingOptions> rankings, int? year, int? departmentId, int? organisationId, int? page, CancellationToken ct)
    {
        var current = CurrentUser.Require(user);
        if (!current.Is(Roles.FinanceReviewer) && !current.Is(Roles.Administrator) && !current.Is(Roles.DepartmentReviewer))
            return Refusal.Forbidden("财政总览只对审核和管理角色开放。").ToHttp();
        var overview = await Analytics.OverviewAsync(db, rankings.Value.States, year, departmentId, organisationId, page, ct);
        return TypedResults.Ok(new
        {
            overview.Year, overview.Years, CountedStates = overview.CountedStates.Select(s => s.ToString()), CountedStateNames = overview.CountedStates.Select(s => s.ChineseName()),
            overview.Forms, overview.Counted, overview.ByState, overview.Totals, overview.Rates, overview.Level,
            Rows = overview.Rows.Items, overview.Rows.PageNumber, overview.Rows.PageSize, RowsTotal = overview.Rows.Total, overview.Ranking,
            Findings = overview.Findings.Select(f => new { Code = f.Label, Name = CheckCodes.ChineseName(f.Label), f.Count }),
        });
    }

    private static async Task<IResult> Portal(IServiceScopeFactory scopes, string? q, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        // Everyone sees the portal as the public does, signed in or not: published forms only.
        var result = await Ui.Workbench.Public(scopes, db => Analytics.PortalAsync(db, q, year, page, pageSize, ct));
        return TypedResults.Ok(result.Map(i => new
        {
            i.FormId, i.OrganisationId, i.UnitName, i.Year, Kind = i.Kind.Code(), i.Name, i.Scored,
            Stated = i.Scored ? new { Total = i.StatedTotal, Grade = i.StatedGrade } : null,
            Computed = i.Scored ? new { Total = i.ComputedTotal, Grade = i.ComputedGrade } : null,
            i.Differs,
        }));
    }

    /// <summary>
    /// Approves or returns each form on its own (one form's refusal stops nothing else). Bulk approval leaves out forms
    /// whose error findings were never justified at submission, and says which.
    /// </summary>
    internal static async Task<BulkResult> RunBulk(BulkRequest request, WorkflowAction action, CurrentUser user, FormService forms, AppDbContext db, CancellationToken ct)
    {
        var done = new List<int>();
        var skipped = new List<BulkSkip>();
        foreach (var id in request.Ids.Distinct())
        {
            if (action == WorkflowAction.Approve && await UnjustifiedErrorsAsync(db, id, ct) is { Count: > 0 } codes)
            {
                skipped.Add(new BulkSkip(id, $"仍有 {codes.Count} 个错误级问题未说明原因（{string.Join("、", codes.Distinct().Select(CheckCodes.ChineseName))}），请逐张审核。"));
                continue;
            }
            db.ChangeTracker.Clear();
            var outcome = action == WorkflowAction.Approve
                ? await forms.Approve(user, id, request.Reason, ct)
                : await forms.Return(user, id, request.Reason, ct);
            if (outcome.Refusal is { } refusal) skipped.Add(new BulkSkip(id, refusal.Detail));
            else done.Add(id);
        }
        return new BulkResult(done, skipped);
    }

    private static async Task<IResult> Bulk(BulkRequest request, WorkflowAction action, CurrentUser user, FormService forms, AppDbContext db, CancellationToken ct)
    {
        if (action == WorkflowAction.Return && string.IsNullOrWhiteSpace(request.Reason)) return Refusal.Invalid("批量退回必须填写原因。").ToHttp();
        return TypedResults.Ok(await RunBulk(request, action, user, forms, db, ct));
    }

    /// <summary>The codes of the form's current error findings that the latest submission did not justify.</summary>
    public static async Task<List<string>> UnjustifiedErrorsAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var errors = await db.Findings.AsNoTracking().Where(f => f.FormId == id && f.Severity == Severity.Error)
            .Select(f => new { f.Code, f.Block, f.RowNumber, f.Field, f.RowLabel }).ToListAsync(ct);
        if (errors.Count == 0) return [];
        var latest = await db.Versions.AsNoTracking().Where(v => v.FormId == id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstOrDefaultAsync(ct);
        var justified = await db.Justifications.AsNoTracking().Where(j => j.VersionId == latest).Select(j => new { j.FindingCode, j.FindingLocation }).ToListAsync(ct);
        return errors.Where(e => !justified.Any(j => j.FindingCode == e.Code && j.FindingLocation == new FindingLocation(e.Block, e.RowNumber, e.Field, e.RowLabel).ToString()))
            .Select(e => e.Code).ToList();
    }
}

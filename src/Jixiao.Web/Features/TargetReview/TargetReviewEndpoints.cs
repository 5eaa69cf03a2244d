using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.TargetReview;

/// <summary>A reviewer's grade of a targets form: one of the rulebook's grades (优/良/中/差) and why.</summary>
public sealed record GradeRequest(
    [property: Description("审核等级：优、良、中、差（以年度规则为准）"), Required, MinLength(1), MaxLength(ColumnLengths.StatedGrade)] string Grade,
    [property: Description("评定理由"), Required, MinLength(1), MaxLength(2000)] string Reasons) : IRequestContract;

/// <summary>One indicator row (numbered from 1, as the editor shows it) and its new 年度指标值.</summary>
public sealed record TargetChangeRequest(
    [property: Description("指标行号（从 1 开始）"), Range(1, Limits.Rows)] int Row,
    [property: Description("调整后的年度指标值"), Required, MaxLength(Limits.IndicatorText)] string Target) : IRequestContract;

/// <summary>A mid-year correction (纠偏) of approved targets: the changed target values and why.</summary>
public sealed record AdjustmentRequest(
    [property: Description("调整原因（纠偏依据）"), Required, MinLength(1), MaxLength(2000)] string Reason,
    [property: Description("调整的指标"), Required, MaxLength(Limits.Rows)] List<TargetChangeRequest> Changes) : IRequestContract;

public sealed record TargetGradeDto(int Id, int FormId, string Grade, bool Approvable, string Reasons, string UserName, string Role, DateTimeOffset At)
{
    public static TargetGradeDto From(TargetGrade g, int? year) =>
        new(g.Id, g.FormId, g.Grade, TargetReviewService.GradesFor(year).FirstOrDefault(r => r.Grade == g.Grade)?.Approvable ?? true, g.Reasons, g.UserName, g.Role, g.At);
}

public sealed record TargetGradeRuleDto(string Grade, string Criteria, bool Approvable);

public sealed record TargetChangeDto(int Row, string? Indicator, string? Before, string After);

public sealed record AdjustmentDto(
    int Id, int FormId, string UnitName, string? ProjectName, int Year, string State, string StateName, string Reason, IReadOnlyList<TargetChangeDto> Changes,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Decision)
{
    public static AdjustmentDto From(TargetAdjustment a) => new(a.Id, a.FormId, a.UnitName, a.ProjectName, a.Year, a.State.ToString(),
        TargetReviewService.Name(a.State), a.Reason, TargetReviewService.Changes(a).Select(c => new TargetChangeDto(c.Row, c.Indicator, c.Before, c.After)).ToList(),
        a.RequestedBy, a.RequestedAt, a.DecidedBy, a.DecidedAt, a.Decision);
}

public static class TargetReviewEndpoints
{
    public static void MapTargetReviewEndpoints(this RouteGroupBuilder api)
    {
        var forms = api.MapGroup("/forms").WithTags("绩效目标审核");
        forms.MapGet("/{id:int}/grades", async Task<IResult> (int id, TargetReviewService service, FormService formService, CancellationToken ct) =>
        {
            var grades = await service.Grades(id, ct);
            if (grades.Refusal is { } refusal) return refusal.ToHttp();
            var year = (await formService.Read(id, ct, withStoredFindings: false)).Value?.FiscalYear?.Year;
            return TypedResults.Ok(grades.Value!.Select(g => TargetGradeDto.From(g, year)).ToList());
        }).WithSummary("绩效目标的审核等级记录（最新一条有效）");
        forms.MapPost("/{id:int}/grades", async (int id, GradeRequest request, ClaimsPrincipal user, TargetReviewService service, CancellationToken ct) =>
            (await service.Grade(CurrentUser.Require(user), id, request, ct)).ToHttp(g => TypedResults.Ok(TargetGradeDto.From(g, null))))
            .WithSummary("评定绩效目标审核等级（优/良/中/差，须写理由；“差”不得审核通过进入预算）");
        forms.MapGet("/{id:int}/adjustments", async (int id, TargetReviewService service, CancellationToken ct) =>
            (await service.Adjustments(id, ct)).ToHttp(list => TypedResults.Ok(list.Select(AdjustmentDto.From).ToList())))
            .WithSummary("绩效目标的调整申请");
        forms.MapPost("/{id:int}/adjustments", async (int id, AdjustmentRequest request, ClaimsPrincipal user, TargetReviewService service, CancellationToken ct) =>
            (await service.RequestAdjustment(CurrentUser.Require(user), id, request, ct))
                .ToHttp(a => TypedResults.Created($"/api/v1/adjustments/{a.Id}", AdjustmentDto.From(a))))
            .WithSummary("申请调整已批准的绩效目标（单位填报，写明原因；财政批准后生效）");

        var adjustments = api.MapGroup("/adjustments").WithTags("绩效目标审核");
        adjustments.MapGet("/", async Task<IResult> (string? state, int? page, int? pageSize, TargetReviewService service, CancellationToken ct) =>
        {
            AdjustmentState? s = null;
            if (state is not null)
            {
                if (!Enum.TryParse<AdjustmentState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return Refusal.Invalid($"state 只能是 Pending、Approved 或 Rejected，不是“{state}”。").ToHttp();
                s = parsed;
            }
            return TypedResults.Ok((await service.List(s, page, pageSize, ct)).Map(AdjustmentDto.From));
        }).WithSummary("调整申请列表（管辖范围内，分页；待审核的在前）");
        adjustments.MapGet("/{id:int}", async (int id, TargetReviewService service, CancellationToken ct) =>
            (await service.Adjustment(id, ct)).ToHttp(a => TypedResults.Ok(AdjustmentDto.From(a)))).WithSummary("读取调整申请");
        adjustments.MapPost("/{id:int}/approve", async (int id, ReasonRequest? request, ClaimsPrincipal user, TargetReviewService service, CancellationToken ct) =>
            (await service.Decide(CurrentUser.Require(user), id, approve: true, request?.Reason, ct)).ToHttp(a => TypedResults.Ok(AdjustmentDto.From(a))))
            .WithSummary("批准调整申请（财政审核；新的目标值写入绩效目标，监控和自评以此为准）");
        adjustments.MapPost("/{id:int}/reject", async (int id, ReasonRequest request, ClaimsPrincipal user, TargetReviewService service, CancellationToken ct) =>
            (await service.Decide(CurrentUser.Require(user), id, approve: false, request.Reason, ct)).ToHttp(a => TypedResults.Ok(AdjustmentDto.From(a))))
            .WithSummary("驳回调整申请（财政审核，必须填写原因）");

        api.MapGet("/target-grades", (int? year) =>
            TypedResults.Ok(TargetReviewService.GradesFor(year).Select(r => new TargetGradeRuleDto(r.Grade, r.Criteria, r.Approvable)).ToList()))
            .WithTags("绩效目标审核").WithSummary("绩效目标审核等级及评定标准（来自年度规则）");
    }
}

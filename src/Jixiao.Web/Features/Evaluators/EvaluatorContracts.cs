using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Features.Evaluators;

public sealed record AgencyRequest(
    [property: Description("机构名称"), Required, MinLength(1), MaxLength(ColumnLengths.OrganisationName)] string Name,
    [property: Description("统一社会信用代码（18 位）"), Required, MinLength(1), MaxLength(18)] string CreditCode,
    [property: Description("联系人"), MaxLength(ColumnLengths.PersonName)] string? Contact,
    [property: Description("联系电话"), MaxLength(40)] string? Phone,
    [property: Description("资质"), MaxLength(EvaluatorLengths.Qualifications)] string? Qualifications) : IRequestContract;

public sealed record ExpertRequest(
    [property: Description("姓名"), Required, MinLength(1), MaxLength(ColumnLengths.PersonName)] string Name,
    [property: Description("专业领域"), MaxLength(EvaluatorLengths.Field)] string? Field,
    [property: Description("职称"), MaxLength(EvaluatorLengths.Field)] string? Title) : IRequestContract;

/// <summary>An evaluation task: the agency evaluates the project (of one year); <see cref="ExpertIds"/> optionally names its experts.</summary>
public sealed record AssignRequest(
    [property: Description("第三方机构 ID")] int AgencyId,
    [property: Description("预算项目 ID")] int ProjectId,
    [property: Description("指定专家 ID"), MaxLength(50)] List<int>? ExpertIds,
    [property: Description("任务说明"), MaxLength(EvaluatorLengths.Note)] string? Note) : IRequestContract;

public sealed record WithdrawRequest(
    [property: Description("撤回原因"), MaxLength(EvaluatorLengths.Note)] string? Reason) : IRequestContract;

public sealed record QualityItemRequest(
    [property: Description("评分项（与评分标准的名称一致）"), Required, MinLength(1), MaxLength(EvaluatorLengths.Field)] string Criterion,
    [property: Description("得分"), Range(0, Limits.Score)] decimal Score,
    [property: Description("评语"), MaxLength(EvaluatorLengths.Note)] string? Comment) : IRequestContract;

/// <summary>Finance's quality score of a task's report: one item per criterion of the configured scheme.</summary>
public sealed record QualityRequest(
    [property: Description("各评分项"), Required, MaxLength(50)] List<QualityItemRequest> Items,
    [property: Description("总体评语"), MaxLength(EvaluatorLengths.Note)] string? Comment) : IRequestContract;

public sealed record ExpertDto(int Id, string Name, string Field, string Title)
{
    public static ExpertDto From(EvaluationExpert x) => new(x.Id, x.Name, x.Field, x.Title);
}

/// <summary>An agency with what finance compares agencies by: its tasks and the quality scores of its reports (average of the recorded totals).</summary>
public sealed record AgencyDto(
    int Id, string Name, string CreditCode, string Contact, string Phone, string Qualifications, int OrganisationId,
    int Experts, int ActiveTasks, int Tasks, int ScoredReports, decimal? AverageQuality);

public sealed record AgencyDetailDto(AgencyDto Agency, IReadOnlyList<ExpertDto> Experts);

public sealed record EvaluationTaskDto(
    int Id, int AgencyId, string AgencyName, int ProjectId, string ProjectName, int OrganisationId, string UnitName, int Year,
    IReadOnlyList<string> Experts, string Note, DateTimeOffset AssignedAt, string AssignedBy, bool Active,
    DateTimeOffset? WithdrawnAt, string? WithdrawReason, int? ReportFormId, FormStatus? ReportStatus, decimal? QualityTotal);

public sealed record QualityItemDto(string Criterion, decimal Max, decimal Score, string Comment);

public sealed record QualityDto(int TaskId, int FormId, decimal Total, decimal Max, IReadOnlyList<QualityItemDto> Items, string Comment, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record QualityCriterionDto(string Name, decimal Max);

/// <summary>
/// The "Jixiao:EvaluatorQuality" settings: the criteria finance scores an agency's report by, each with its maximum
/// (appsettings.json holds the default scheme; a bureau sets its own).
/// </summary>
public sealed class EvaluatorQualityOptions
{
    public List<QualityCriterion> Criteria { get; set; } = [];
}

public sealed class QualityCriterion
{
    public string Name { get; set; } = "";

    public decimal Max { get; set; }
}

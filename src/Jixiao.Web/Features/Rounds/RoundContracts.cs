using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Features.Rounds;

/// <summary>
/// Opens a round over <see cref="OrganisationId"/>'s subtree (the caller's own organisation when absent).
/// <see cref="MonitoringMonths"/> is required for monitoring rounds and refused for the others.
/// </summary>
public sealed record OpenRoundRequest(
    [property: Description("轮次类型：Targets 绩效目标、Monitoring 绩效监控、SelfEvaluation 项目自评、DepartmentWide 部门整体自评")] RoundKind Kind,
    [property: Description("年度"), Range(2000, 2100)] int Year,
    [property: Description("截止日期（yyyy-MM-dd）")] DateOnly Deadline,
    [property: Description("监控月份 1-N（仅绩效监控）"), Range(1, 12)] int? MonitoringMonths = null,
    [property: Description("覆盖的组织 ID（默认本人所属组织）")] int? OrganisationId = null,
    [property: Description("标题（默认按类型和年度生成）"), MaxLength(200)] string? Title = null) : IRequestContract;

/// <summary>Moves one unit's deadline in a round to <see cref="Until"/>, with the reason recorded.</summary>
public sealed record ExtendRequest(
    [property: Description("单位 ID")] int OrganisationId,
    [property: Description("延期至（yyyy-MM-dd）")] DateOnly Until,
    [property: Description("延期原因"), Required, MinLength(1), MaxLength(2000)] string Reason) : IRequestContract;

public sealed record RoundDto(
    int Id, string Kind, string KindName, int Year, int? MonitoringMonths, int OrganisationId, string OrganisationName, string Title,
    DateOnly Deadline, DateTimeOffset OpenedAt, string OpenedBy, bool Closed, DateTimeOffset? ClosedAt, string? ClosedBy)
{
    public static RoundDto From(Round r) => new(r.Id, r.Kind.ToString(), RoundText.KindName(r.Kind), r.Year, r.MonitoringMonths, r.OrganisationId,
        r.OrganisationName, r.Title, r.Deadline, r.OpenedAt, r.OpenedBy, r.ClosedAt is not null, r.ClosedAt, r.ClosedBy);
}

/// <summary>
/// One task with its form's state: <see cref="FormId"/> is null until the unit starts the form; <see cref="Blocked"/>
/// says why a targets task cannot be submitted yet (a new project above the ex-ante threshold without a passed assessment).
/// </summary>
public sealed record TaskDto(
    int Id, int RoundId, string RoundTitle, string Kind, string KindName, int Year, int? MonitoringMonths, int OrganisationId, string UnitName,
    string? DepartmentName, int? ProjectId, string? ProjectName, DateOnly Deadline, int DaysLeft, bool Overdue, bool RoundClosed,
    int? FormId, string? FormStatus, string? FormStatusName, bool Done, string? Blocked = null);

/// <summary>A targets task the ex-ante gate holds back, with the reason the unit sees.</summary>
public sealed record HeldBackDto(string UnitName, string ProjectName, string Reason);

/// <summary>Completion of a round for one unit or one department (<see cref="Units"/> counts the units behind the row).</summary>
public sealed record CompletionDto(
    int? OrganisationId, string Name, string? DepartmentName, int Units, int Tasks, int Started, int Submitted, int Approved, int Overdue,
    DateOnly Deadline, decimal SubmittedShare);

public sealed record ExtensionDto(int Id, int RoundId, int OrganisationId, DateOnly Before, DateOnly Until, string Reason, DateTimeOffset At, string UserName)
{
    public static ExtensionDto From(RoundExtension x) => new(x.Id, x.RoundId, x.OrganisationId, x.Before, x.Until, x.Reason, x.At, x.UserName);
}

public sealed record NotificationDto(int Id, int RoundId, string Kind, string Message, DateTimeOffset DueAt, bool Emailed)
{
    public static NotificationDto From(RoundReminder r) => new(r.Id, r.RoundId, r.Kind.ToString(), r.Message, r.DueAt, r.Emailed > 0);
}

/// <summary>The round's own words, in one place for the API, the screens and the reminders.</summary>
public static class RoundText
{
    public static string KindName(RoundKind kind) => kind switch
    {
        RoundKind.Targets => "绩效目标申报",
        RoundKind.Monitoring => "绩效监控",
        RoundKind.SelfEvaluation => "项目支出绩效自评",
        RoundKind.DepartmentWide => "部门整体支出绩效自评",
    };

    /// <summary>The forms a round asks of each unit (per project for the project kinds).</summary>
    public static FormKind FormKindOf(RoundKind kind) => kind switch
    {
        RoundKind.Targets => FormKind.Targets,
        RoundKind.Monitoring => FormKind.Monitoring,
        RoundKind.SelfEvaluation => FormKind.ProjectSelfEvaluation,
        RoundKind.DepartmentWide => FormKind.DepartmentSelfEvaluation,
    };

    public static bool PerProject(RoundKind kind) => kind != RoundKind.DepartmentWide;

    public static string DefaultTitle(RoundKind kind, int year, int? months) =>
        $"{year} 年度{KindName(kind)}" + (kind == RoundKind.Monitoring ? $"（1-{months}月）" : "");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

namespace Jixiao.Core.Forms;

/// <summary>The form kinds of the domain guide (§2).</summary>
public enum FormKind
{
    /// <summary>项目支出绩效自评表</summary>
    ProjectSelfEvaluation,
    /// <summary>部门整体支出绩效自评表 (both layouts)</summary>
    DepartmentSelfEvaluation,
    /// <summary>部门整体支出绩效自评基础数据表</summary>
    DepartmentBasicData,
    /// <summary>项目支出绩效目标执行监控表</summary>
    Monitoring,
    /// <summary>绩效目标申报表</summary>
    Targets,
    /// <summary>自评报告 (narrative)</summary>
    Report,
}

public static class FormKinds
{
    /// <summary>The stable code used in JSON, URLs and the database.</summary>
    public static string Code(this FormKind kind) => kind switch
    {
        FormKind.ProjectSelfEvaluation => "project-self-evaluation",
        FormKind.DepartmentSelfEvaluation => "department-self-evaluation",
        FormKind.DepartmentBasicData => "department-basic-data",
        FormKind.Monitoring => "monitoring",
        FormKind.Targets => "targets",
        FormKind.Report => "report",
    };

    public static string ChineseName(this FormKind kind) => kind switch
    {
        FormKind.ProjectSelfEvaluation => "项目支出绩效自评表",
        FormKind.DepartmentSelfEvaluation => "部门整体支出绩效自评表",
        FormKind.DepartmentBasicData => "部门整体支出绩效自评基础数据表",
        FormKind.Monitoring => "项目支出绩效目标执行监控表",
        FormKind.Targets => "绩效目标申报表",
        FormKind.Report => "绩效自评报告",
    };

    /// <summary>Whether forms of this kind carry a 总分 and 等级 at all: only self-evaluations are scored.</summary>
    public static bool IsScored(this FormKind kind) => kind is FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation;

    public static FormKind? FromCode(string? code) =>
        Enum.GetValues<FormKind>().Cast<FormKind?>().FirstOrDefault(k => k!.Value.Code() == code);
}

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
    /// <summary>事前绩效评估表: the scoring sheet and conclusion a new project needs before its budget is arranged</summary>
    ExAnteAssessment,
    /// <summary>绩效评价评分表 of 部门评价 and 财政重点评价 (决策/过程/产出/效益 rubric) with the evaluator's report</summary>
    Evaluation,
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
        FormKind.ExAnteAssessment => "ex-ante",
        FormKind.Evaluation => "evaluation-rubric",
    };

    public static string ChineseName(this FormKind kind) => kind switch
    {
        FormKind.ProjectSelfEvaluation => "项目支出绩效自评表",
        FormKind.DepartmentSelfEvaluation => "部门整体支出绩效自评表",
        FormKind.DepartmentBasicData => "部门整体支出绩效自评基础数据表",
        FormKind.Monitoring => "项目支出绩效目标执行监控表",
        FormKind.Targets => "绩效目标申报表",
        FormKind.Report => "绩效自评报告",
        FormKind.ExAnteAssessment => "事前绩效评估表",
        FormKind.Evaluation => "绩效评价评分表",
    };

    /// <summary>Whether forms of this kind carry a 总分 and 等级 at all: only self-evaluations are scored.</summary>
    public static bool IsScored(this FormKind kind) => kind is FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation;

    public static FormKind? FromCode(string? code) =>
        Enum.GetValues<FormKind>().Cast<FormKind?>().FirstOrDefault(k => k!.Value.Code() == code);
}

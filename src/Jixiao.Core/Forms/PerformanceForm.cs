namespace Jixiao.Core.Forms;

/// <summary>
/// One form of any kind, as stated by its authors. Sections a kind does not have stay empty. Nothing here is computed:
/// the scoring engine and the checker work from what is stated and report their own values beside it.
/// </summary>
public sealed class PerformanceForm
{
    public FormKind Kind { get; set; }

    /// <summary>The template (layout family) the form was read with or created from; null only for forms built in code.</summary>
    public string? TemplateId { get; set; }

    /// <summary>The version of <see cref="TemplateId"/> it was read with.</summary>
    public int? TemplateVersion { get; set; }

    /// <summary>Header fields the model has no property for, keyed by the template's role id, as printed.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    /// <summary>The fiscal year the form is about (年度).</summary>
    public int? Year { get; set; }

    /// <summary>The title as printed, e.g. "财政项目支出绩效自评表".</summary>
    public string? Title { get; set; }

    /// <summary>项目名称 (project forms).</summary>
    public string? Project { get; set; }

    /// <summary>主管部门</summary>
    public string? Department { get; set; }

    /// <summary>实施单位 / 部门(单位)名称 / 填报单位.</summary>
    public string? Unit { get; set; }

    /// <summary>The unit the funds block prints money in, when the form says.</summary>
    public MoneyUnit? MoneyUnit { get; set; }

    public List<FundsRow> Funds { get; } = [];

    /// <summary>The months a monitoring table covers (6 for 1-6月).</summary>
    public int? MonitoringMonths { get; set; }

    /// <summary>年度总体目标: 预期目标 / 年初设定目标.</summary>
    public string? PlannedGoal { get; set; }

    /// <summary>年度总体目标: 实际完成情况 / 目标完成情况.</summary>
    public string? ActualGoal { get; set; }

    /// <summary>部门职能概述 of the department-wide layout.</summary>
    public string? Functions { get; set; }

    public List<IndicatorRow> Indicators { get; } = [];

    /// <summary>The 分值 printed on the 总分 row.</summary>
    public decimal? StatedWeightTotal { get; set; }

    /// <summary>总分 as stated.</summary>
    public decimal? StatedTotal { get; set; }

    /// <summary>等级 as stated (优/良/中/差), when the form or report states one.</summary>
    public string? StatedGrade { get; set; }

    /// <summary>Basic data table: 财政供养人员情况.</summary>
    public StaffingBlock? Staffing { get; set; }

    /// <summary>Basic data table: 经费控制情况 rows.</summary>
    public List<BasicDataRow> BasicData { get; } = [];

    /// <summary>The narrative text of a report (whole, as read).</summary>
    public string? Text { get; set; }

    /// <summary>填报人</summary>
    public string? Filler { get; set; }

    /// <summary>单位负责人</summary>
    public string? Head { get; set; }

    /// <summary>True when the form stops before its end (published excerpts often do); what is there is kept, nothing invented.</summary>
    public bool Incomplete { get; set; }

    /// <summary>
    /// Where reading was uncertain (cells shifted by a page break, a table cut off …), as records: the checker holds back
    /// exactly the checks that read a doubtful cell; <see cref="ReadingDoubtText"/> says them in Chinese.
    /// </summary>
    public List<ReadingDoubt> ReadingDoubts { get; } = [];

    /// <summary>Where the form starts in its source.</summary>
    public SourcePosition? Source { get; set; }

    /// <summary>
    /// A copy whose own properties (unit, year, …) can be set without touching this form; its lists and rows are this
    /// form's. For reading the form as filed elsewhere (the checks across forms), where a deep copy cost a JSON round trip
    /// on every form page and save.
    /// </summary>
    public PerformanceForm ShallowCopy() => (PerformanceForm)MemberwiseClone();
}

namespace Jixiao.Core.Forms;

/// <summary>The cause boxes of a monitoring table's 偏差原因分析 (§2.4).</summary>
[Flags]
public enum DeviationCauses
{
    None = 0,
    /// <summary>经费保障</summary>
    Funding = 1,
    /// <summary>制度保障</summary>
    Rules = 2,
    /// <summary>人员保障</summary>
    Staff = 4,
    /// <summary>硬件条件保障</summary>
    Hardware = 8,
    /// <summary>其他保障</summary>
    Other = 16,
}

/// <summary>完成目标可能性 of a monitoring table.</summary>
public enum CompletionLikelihood
{
    /// <summary>确定能</summary>
    Certain,
    /// <summary>有可能</summary>
    Possible,
    /// <summary>完全不可能</summary>
    Impossible,
}

/// <summary>
/// One indicator row under the 一级/二级/三级 tree. Targets and actuals are kept as the text the unit wrote; the
/// notation parser turns them into typed values when rules need them.
/// </summary>
public sealed class IndicatorRow
{
    /// <summary>一级指标, e.g. 产出指标 (filled down where the printed cell spans rows).</summary>
    public string? Level1 { get; set; }

    /// <summary>The 一级 weight where the form prints one ("产出指标(50分)", a 权重 column).</summary>
    public decimal? Level1Weight { get; set; }

    /// <summary>二级指标, e.g. 数量指标.</summary>
    public string? Level2 { get; set; }

    /// <summary>The 二级 weight where the form prints one ("数量指标（15）").</summary>
    public decimal? Level2Weight { get; set; }

    /// <summary>三级指标: the named indicator.</summary>
    public string? Name { get; set; }

    /// <summary>A description column some layouts have (目标内容, 指标解释/计算公式).</summary>
    public string? Content { get; set; }

    /// <summary>年度指标值 / 目标值 as written.</summary>
    public string? Target { get; set; }

    /// <summary>实际完成值 / 完成值 / 全年完成值 as written.</summary>
    public string? Actual { get; set; }

    /// <summary>分值 / 权重</summary>
    public decimal? Weight { get; set; }

    /// <summary>得分 as stated.</summary>
    public decimal? StatedScore { get; set; }

    /// <summary>偏差原因分析(及改进措施) / 未完成原因 / 原因说明.</summary>
    public string? Explanation { get; set; }

    /// <summary>改进措施 where the layout has it as a column of its own.</summary>
    public string? Improvement { get; set; }

    /// <summary>Monitoring: 1-N月执行情况.</summary>
    public string? MidYearProgress { get; set; }

    /// <summary>Monitoring: 全年预计完成情况.</summary>
    public string? ExpectedCompletion { get; set; }

    /// <summary>Monitoring: the ticked cause boxes.</summary>
    public DeviationCauses Causes { get; set; }

    /// <summary>Monitoring: 完成目标可能性, null when nothing is ticked.</summary>
    public CompletionLikelihood? Likelihood { get; set; }

    /// <summary>Monitoring: 备注.</summary>
    public string? Remark { get; set; }

    /// <summary>Columns the model has no property for (调整后预算数, 得分系数, 评分标准 …), keyed by the template's role id, as printed.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    public SourcePosition? Source { get; set; }
}

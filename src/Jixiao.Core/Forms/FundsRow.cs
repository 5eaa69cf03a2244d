namespace Jixiao.Core.Forms;

/// <summary>What a funds row stands for in its block; the checker adds parts up against their total.</summary>
public enum FundsRowRole
{
    /// <summary>年度资金总额 / 合计</summary>
    Total,
    /// <summary>其中：当年财政拨款 / 上年结转资金 / 其他资金 — parts of the total.</summary>
    Part,
    /// <summary>资金来源 rows of the department-wide layout (财政拨款, 其他资金): they add up to the whole.</summary>
    Source,
    /// <summary>资金结构 rows of the department-wide layout (基本支出, 项目支出): they add up to the whole too.</summary>
    Structure,
}

/// <summary>
/// One row of a funds block, amounts as stated in the form's <see cref="PerformanceForm.MoneyUnit"/>.
/// Columns that a layout does not have stay null.
/// </summary>
public sealed class FundsRow
{
    /// <summary>The label as printed, e.g. "其中：当年财政拨款".</summary>
    public string Label { get; set; } = "";

    public FundsRowRole Role { get; set; }

    /// <summary>年初预算数</summary>
    public decimal? InitialBudget { get; set; }

    /// <summary>全年预算数 (A): the adjusted budget the execution rate is computed on.</summary>
    public decimal? Budget { get; set; }

    /// <summary>全年执行数 (B); on a monitoring table the 1-N月执行数.</summary>
    public decimal? Executed { get; set; }

    /// <summary>上级财政移动支付 (C) of the seed-000 layout, where 执行率 = (B − C) / A.</summary>
    public decimal? Transfer { get; set; }

    /// <summary>全年预计执行数 of a monitoring table.</summary>
    public decimal? ForecastExecuted { get; set; }

    /// <summary>分值</summary>
    public decimal? Weight { get; set; }

    /// <summary>执行率 as printed (on a monitoring table the 1-N月执行率).</summary>
    public Percentage? StatedRate { get; set; }

    /// <summary>得分 as printed.</summary>
    public decimal? StatedScore { get; set; }

    /// <summary>Columns the model has no property for (调整后预算数, 得分系数, 评分标准 …), keyed by the template's role id, as printed.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    public SourcePosition? Source { get; set; }
}

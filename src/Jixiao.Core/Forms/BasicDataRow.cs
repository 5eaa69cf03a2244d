namespace Jixiao.Core.Forms;

/// <summary>
/// One line of the 经费控制情况 block of the basic data table (§2.3). <see cref="Depth"/> 0 is a heading
/// (三公经费, 项目支出, 公用经费 …); deeper rows are its breakdown (1、公务用车购置和维护经费, 其中：公车购置 …).
/// </summary>
public sealed class BasicDataRow
{
    public string Label { get; set; } = "";

    public int Depth { get; set; }

    /// <summary>上年决算数</summary>
    public decimal? PriorYearFinal { get; set; }

    /// <summary>本年预算数</summary>
    public decimal? Budget { get; set; }

    /// <summary>本年决算数</summary>
    public decimal? Final { get; set; }

    /// <summary>A text value where the row has one instead of amounts (厉行节约保障措施).</summary>
    public string? Text { get; set; }

    public SourcePosition? Source { get; set; }
}

/// <summary>财政供养人员情况 of the basic data table.</summary>
public sealed class StaffingBlock
{
    /// <summary>编制数</summary>
    public decimal? Authorized { get; set; }

    /// <summary>实际在职人数</summary>
    public decimal? Actual { get; set; }

    /// <summary>控制率 as printed.</summary>
    public Percentage? StatedControlRate { get; set; }

    public SourcePosition? Source { get; set; }
}

namespace Jixiao.Core.Checks;

/// <summary>One-line renderings of a finding for terminals and logs (the CLI's text report uses them).</summary>
public static class FindingText
{
    /// <summary>"错误 execution-rate-mismatch 资金 第79行（年度资金总额） 执行率：年度资金总额执行率填报为92.64%…".</summary>
    public static string Line(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding.Severity.ChineseName()} {finding.Code} {Where(finding.Location)}：{finding.Message}";
    }

    /// <summary>The location in Chinese: block, row (句 for a report sentence), row label, field.</summary>
    public static string Where(FindingLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var block = location.Block switch
        {
            Blocks.Funds => "资金",
            Blocks.Indicators => "指标",
            Blocks.Total => "总分",
            Blocks.BasicData => "经费控制情况",
            Blocks.Staffing => "人员情况",
            Blocks.Report => "报告正文",
            Blocks.Header => "表头",
            Blocks.Form => "整表",
            _ => location.Block,
        };
        var row = location.Row is { } r ? (location.Block == Blocks.Report ? $" 第{r}句" : $" 第{r}行") : "";
        var label = location.RowLabel is { Length: > 0 } l && location.Block != Blocks.Total ? $"（{l}）" : "";
        var field = location.Field is { Length: > 0 } f ? " " + f : "";
        return block + row + label + field;
    }
}

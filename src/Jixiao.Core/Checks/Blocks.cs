namespace Jixiao.Core.Checks;

/// <summary>The block names a <see cref="FindingLocation"/> uses.</summary>
public static class Blocks
{
    public const string Header = "header";
    public const string Funds = "funds";
    public const string Indicators = "indicators";
    public const string Total = "total";
    public const string BasicData = "basic-data";
    public const string Staffing = "staffing";
    public const string Report = "report";
    public const string Form = "form";

    public static string ChineseName(string block) => block switch
    {
        Header => "表头",
        Funds => "项目资金",
        Indicators => "绩效指标",
        Total => "总分",
        BasicData => "基础数据",
        Staffing => "人员情况",
        Report => "报告正文",
        Form => "全表",
        _ => block,
    };
}

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
}

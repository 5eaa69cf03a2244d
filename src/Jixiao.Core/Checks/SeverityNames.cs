namespace Jixiao.Core.Checks;

public static class SeverityNames
{
    /// <summary>The stable code used in JSON: error, warning, info.</summary>
    public static string Code(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
    };

    /// <summary>错误, 警告, 提示.</summary>
    public static string ChineseName(this Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "提示",
    };
}

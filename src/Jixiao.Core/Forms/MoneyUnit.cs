namespace Jixiao.Core.Forms;

/// <summary>The unit a form prints its money in. Forms use both; the unit is kept as printed, never converted silently.</summary>
public enum MoneyUnit
{
    /// <summary>元</summary>
    Yuan,
    /// <summary>万元</summary>
    TenThousandYuan,
}

public static class MoneyUnits
{
    public static string Symbol(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "元",
        MoneyUnit.TenThousandYuan => "万元",
    };

    public static string Code(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "yuan",
        MoneyUnit.TenThousandYuan => "wan-yuan",
    };

    /// <summary>Converts an amount printed in <paramref name="unit"/> to 元.</summary>
    public static decimal ToYuan(this MoneyUnit unit, decimal amount) => unit switch
    {
        MoneyUnit.Yuan => amount,
        MoneyUnit.TenThousandYuan => amount * 10_000m,
    };

    /// <summary>Finds 元 or 万元 in a header such as "项目资金 (万元)" or "资金情况（元）".</summary>
    public static MoneyUnit? Detect(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Contains("万元", StringComparison.Ordinal)) return MoneyUnit.TenThousandYuan;
        if (text.Contains('元')) return MoneyUnit.Yuan;
        return null;
    }
}

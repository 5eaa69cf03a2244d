namespace Jixiao.Core.Notation;

/// <summary>The comparator a value is written with (§3.1). <see cref="None"/> when the text names none.</summary>
public enum Comparator
{
    None,
    /// <summary>≥ (以上, 不低于, 达 …)</summary>
    AtLeast,
    /// <summary>&gt; (大于, 超过 …)</summary>
    GreaterThan,
    /// <summary>=</summary>
    EqualTo,
    /// <summary>≤ (以下, 以内, 不高于, 不超过 …)</summary>
    AtMost,
    /// <summary>&lt; (小于, 低于 …)</summary>
    LessThan,
}

/// <summary>What a target asks for: bigger is better, smaller is better, exactly this, or a judgement in words.</summary>
public enum Direction
{
    /// <summary>No target to speak of (empty cell).</summary>
    None,
    /// <summary>≥ &gt; = or a bare number: B ≥ A scores full marks, else w × B / A.</summary>
    Positive,
    /// <summary>≤ &lt;: B ≤ A scores full marks, else the rulebook's reverse formula.</summary>
    Reverse,
    /// <summary>A target of 0 (or =0): B = 0 scores full marks, anything else scores 0.</summary>
    Equality,
    /// <summary>A range (80%-90%): inside scores full marks, below is scored as positive, above as reverse.</summary>
    Within,
    /// <summary>Text: scored by tiers, not by arithmetic.</summary>
    Qualitative,
}

/// <summary>What kind of value a target or actual cell holds.</summary>
public enum ValueKind
{
    /// <summary>Nothing written (or a dash).</summary>
    Empty,
    /// <summary>A number with optional comparator and unit, also 7*24小时 and phrases like 满意度达95%.</summary>
    Quantity,
    /// <summary>Two numbers: 80%-90%, 5~10天.</summary>
    Range,
    /// <summary>Text that matches a completion word of the vocabulary (完成, 基本完成, 发生重大故障 …).</summary>
    Qualitative,
    /// <summary>Text the parser could not read as a value; kept as written.</summary>
    Text,
}

/// <summary>The three qualitative tiers of §3.2.</summary>
public enum QualitativeTier
{
    /// <summary>达成年度指标: [0.8w, w]</summary>
    Achieved,
    /// <summary>部分达成年度指标并具有一定效果: [0.6w, 0.8w)</summary>
    PartlyAchieved,
    /// <summary>未达成年度指标且效果较差: [0, 0.6w)</summary>
    NotAchieved,
}

public static class ComparatorSymbols
{
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.None => "",
        Comparator.AtLeast => "≥",
        Comparator.GreaterThan => ">",
        Comparator.EqualTo => "=",
        Comparator.AtMost => "≤",
        Comparator.LessThan => "<",
    };

    public static string Code(this QualitativeTier tier) => tier switch
    {
        QualitativeTier.Achieved => "achieved",
        QualitativeTier.PartlyAchieved => "partly-achieved",
        QualitativeTier.NotAchieved => "not-achieved",
    };

    public static string ChineseName(this QualitativeTier tier) => tier switch
    {
        QualitativeTier.Achieved => "达成年度指标",
        QualitativeTier.PartlyAchieved => "部分达成年度指标并具有一定效果",
        QualitativeTier.NotAchieved => "未达成年度指标且效果较差",
    };

    public static QualitativeTier? TierFromCode(string? code) =>
        Enum.GetValues<QualitativeTier>().Cast<QualitativeTier?>().FirstOrDefault(t => t!.Value.Code() == code);

    public static string ChineseName(this Direction direction) => direction switch
    {
        Direction.None => "无",
        Direction.Positive => "正向",
        Direction.Reverse => "反向",
        Direction.Equality => "等于",
        Direction.Within => "区间",
        Direction.Qualitative => "定性",
    };
}

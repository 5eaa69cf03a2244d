namespace Jixiao.Core.Checks;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Where a finding points: the form block (funds, indicators, total, header, basic-data, report), the row and the field.</summary>
public sealed record FindingLocation(string Block, int? Row = null, string? Field = null, string? RowLabel = null)
{
    public override string ToString() =>
        Block + (Row is null ? "" : $" 第{Row}行") + (RowLabel is null ? "" : $"（{RowLabel}）") + (Field is null ? "" : $" {Field}");

    /// <summary>For people: the block's Chinese name rather than its key ("项目资金“年度资金总额” 全年预算数", "绩效指标 第2行 得分").</summary>
    public string ToChinese() =>
        (RowLabel is null ? Blocks.ChineseName(Block) : $"{Blocks.ChineseName(Block)}“{RowLabel}”") + (Row is null ? "" : $" 第{Row}行") + (Field is null ? "" : $" {Field}");
}

/// <summary>
/// One inconsistency the checker found. <see cref="Code"/> is part of the public interface (docs/checks.md);
/// <see cref="Explanation"/> says how <see cref="Expected"/> was computed (the scoring engine's explanation).
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string MessageEn,
    FindingLocation Location,
    string? Stated = null,
    string? Expected = null,
    string? Explanation = null);

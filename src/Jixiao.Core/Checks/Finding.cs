using Jixiao.Core.Forms;

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
/// The other form a finding compares with (cross-form and cross-year checks): its kind, year and project, and the
/// document it came from (a file for the CLI, the stored form's key in the web app), so screens can link to it without
/// reading the message; <see cref="Id"/> is the caller's id of a stored form (<see cref="DocumentForm.Id"/>). <see cref="Document"/> is null when the finding compares with a set of forms (the unit's project
/// self-evaluations of a year), which <see cref="Kind"/> and <see cref="Year"/> then name.
/// </summary>
public sealed record FormReference(FormKind Kind, int? Year, string? Project, string? Document, int? Id = null)
{
    public static FormReference Of(DocumentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Form.Kind, form.Form.Year, form.Form.Project, form.Document, form.Id);
    }
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
    string? Explanation = null,
    FormReference? Compared = null);

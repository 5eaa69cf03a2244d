using Jixiao.Core.Notation;

namespace Jixiao.Data.Model;

/// <summary>
/// A standard indicator curated by finance (标准指标): what it means (指标解释), how it is counted (计算口径), the value a
/// project is expected to reach (标准值), its unit, direction and 一级/二级 category. A targets form that takes it carries
/// its definition in the row's 指标内容, so the form keeps what the indicator meant when it was set.
/// <para>
/// Visible inside the curating organisation's subtree (the units it serves) and from above it, like a round; only finance
/// of that organisation or above changes it.
/// </para>
/// </summary>
public sealed class StandardIndicator
{
    public int Id { get; set; }
    /// <summary>The organisation that curates the standard (usually a finance bureau).</summary>
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string Level1 { get; set; }
    /// <summary>二级指标; empty where the tree has no 二级 under the 一级.</summary>
    public string Level2 { get; set; } = "";
    public required string Name { get; set; }
    /// <summary><see cref="Forms.FormStore.NormaliseName"/> of <see cref="Name"/>: how it meets the stored facts.</summary>
    public required string NormalisedName { get; set; }
    /// <summary>指标解释</summary>
    public string? Definition { get; set; }
    /// <summary>计算口径</summary>
    public string? Method { get; set; }
    /// <summary>标准值 as written (≥95%, ≤3天 …).</summary>
    public string? StandardValue { get; set; }
    public string? Unit { get; set; }
    public Direction Direction { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

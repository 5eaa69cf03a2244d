using Jixiao.Core.Forms;

namespace Jixiao.Core.Templates;

/// <summary>What kind of value a role's cells hold; the editor and the API type a cell by it.</summary>
public enum RoleType
{
    Text,
    Amount,
    Percentage,
    Comparator,
    MeasureUnit,
    Weight,
    Score,
    Number,
    Tick,
}

/// <summary>
/// One role a column, field or row label can play (domain guide §2): its value type, the header it is printed with,
/// the typed property it fills (null: the cell goes to <c>Extra</c> under <see cref="Id"/>) and the words that name it.
/// </summary>
public sealed record ColumnRole(
    string Id,
    string Block,
    RoleType Type,
    string Header,
    string? Property,
    FormKind? Opens,
    IReadOnlyList<string> EqualsWords,
    IReadOnlyList<string> StartsWith,
    IReadOnlyList<string> EndsWith,
    IReadOnlyList<string> Contains,
    int Order)
{
    /// <summary>True when the cell goes to <c>Extra</c> rather than to a typed property.</summary>
    public bool IsExtra => Property is null;
}

/// <summary>A title rule: the first that fits decides the form kind a title announces.</summary>
public sealed record TitleRule(FormKind Kind, IReadOnlyList<string> EndsWith, IReadOnlyList<string> ContainsAny, IReadOnlyList<string> RequiresAny);

/// <summary>How a tree word is classified by its wording (the tree itself is the rulebook's).</summary>
public enum TreeWordKind
{
    Text,
    Level1,
    /// <summary>A word that is a 一级 in one rulebook year and a 二级 in another (成本指标, 满意度指标).</summary>
    Either,
    Level2,
}

/// <summary>The words narrative reports state their unit, total and grade with (roles.json "report").</summary>
public sealed record ReportWords(
    IReadOnlyList<string> AttachmentLines,
    IReadOnlyList<string> UnitEndings,
    IReadOnlyList<string> TitleUnitEnds,
    IReadOnlyList<string> TotalWords,
    IReadOnlyList<string> GradeWords,
    IReadOnlyList<string> LinkWords,
    IReadOnlyList<string> Grades);

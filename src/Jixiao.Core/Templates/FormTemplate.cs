using Jixiao.Core.Forms;

namespace Jixiao.Core.Templates;

/// <summary>
/// One layout family (docs/templates.md §3): form kind × region or family × year range, its blocks in printed order
/// with their columns by role, and print widths. Read by the recogniser (which roles to expect), the writers and the
/// editor (what to print and lay out).
/// </summary>
public sealed record FormTemplate(
    string Id,
    int Version,
    FormKind Kind,
    string Label,
    string Family,
    IReadOnlyList<string> Regions,
    int? YearFrom,
    int? YearTo,
    string Basis,
    IReadOnlyList<string> Titles,
    bool IsDefault,
    IReadOnlyList<TemplateBlock> Blocks,
    IReadOnlyDictionary<string, double> Widths,
    PrintSettings Print,
    string Source)
{
    public bool CoversYear(int? year) => year is not { } y || ((YearFrom is null || y >= YearFrom) && (YearTo is null || y <= YearTo));

    public bool IsNational => Regions.Contains("*");

    /// <summary>The first block of a type, or null.</summary>
    public TemplateBlock? Block(string type) => Blocks.FirstOrDefault(b => b.Type == type);

    /// <summary>Every role the template's columns and fields name, by block (role ids are unique within a block only).</summary>
    public IEnumerable<(string Block, string Role)> Roles =>
        Blocks.SelectMany(b => b.Columns.Select(c => (TemplateBlock.RoleBlock(b.Type) ?? b.Type, c.Role))
            .Concat(b.Rows.Where(r => r.Role is not null).Select(r => ("fundsRows", r.Role!))));

    public double Width(string role, double fallback) => Widths.TryGetValue(role, out var w) ? w : fallback;

    /// <summary>
    /// True when a table printed without a title (published rubrics often start at their header row) opens a form of this
    /// template's kind as soon as its indicator header fits this template better than any other ("opensUntitled").
    /// </summary>
    public bool OpensUntitled { get; init; }

    /// <summary>The sections of a 自评报告 template, in printed order (empty for tables).</summary>
    public IReadOnlyList<ReportSectionTemplate> Sections { get; init; } = [];
}

/// <summary>
/// How the table is printed beyond column widths: at least <see cref="MinColumns"/> grid columns (extra ones
/// <see cref="PadWidth"/> wide) and the width of a row-label column where the block has one.
/// </summary>
public sealed record PrintSettings(int MinColumns, double PadWidth, double LabelWidth);

/// <summary>A block of a template: header fields, funds, goals, indicators, total, grade, footer, staffing, basic data.</summary>
public sealed record TemplateBlock(
    string Type,
    string? Label,
    IReadOnlyList<TemplateColumn> Columns,
    IReadOnlyList<TemplateRow> Rows,
    string? Planned,
    string? Actual,
    IReadOnlyList<string> Lines)
{
    public static readonly IReadOnlyList<string> Types = ["header", "funds", "goals", "functions", "indicators", "total", "grade", "footer", "staffing", "basicData"];

    /// <summary>The lexicon block whose roles a template block's columns may use.</summary>
    public static string? RoleBlock(string type) => type switch
    {
        "header" or "footer" => "header",
        "funds" => "funds",
        "indicators" => "indicators",
        "staffing" or "basicData" => "basicData",
        _ => null,
    };
}

/// <summary>
/// A column (or header field) by role. <see cref="Header"/> overrides the role's printed header; an optional column is
/// printed only when a row has a value for it; <see cref="Group"/> prints a spanning header over a run of columns;
/// <see cref="Line"/> puts header fields on one printed line.
/// </summary>
public sealed record TemplateColumn(string Role, string? Header, bool Optional, string? Group, int Line, IReadOnlyList<string> Words);

/// <summary>A row a blank form starts with (funds rows, the basic data breakdown): its role, label and depth.</summary>
public sealed record TemplateRow(string? Role, string Label, int Depth);

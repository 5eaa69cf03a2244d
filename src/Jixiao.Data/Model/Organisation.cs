namespace Jixiao.Data.Model;

public enum OrganisationKind
{
    /// <summary>财政部门</summary>
    FinanceBureau,
    /// <summary>主管部门</summary>
    Department,
    /// <summary>预算单位 / 实施单位</summary>
    Unit,
}

/// <summary>
/// A node of the organisation tree. <see cref="Path"/> lists the codes from the root ("/CSCZ/CSDSJ/LYSJ/") so that
/// "inside this subtree" is one prefix comparison that both databases index.
/// </summary>
public sealed class Organisation
{
    public int Id { get; set; }

    /// <summary>Unique and immutable: the path is built from it.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Organisation? Parent { get; set; }

    public required string Path { get; set; }

    public static string ChildPath(string? parentPath, string code) => (parentPath ?? "/") + code + "/";

    public static string KindName(OrganisationKind kind) => kind switch
    {
        OrganisationKind.FinanceBureau => "财政部门",
        OrganisationKind.Department => "主管部门",
        OrganisationKind.Unit => "预算单位",
    };
}

/// <summary>A budget year (年度) forms are filed under.</summary>
public sealed class FiscalYear
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>A closed year takes no new forms.</summary>
    public bool Closed { get; set; }

    /// <summary>
    /// Finance has chosen a rulebook for some subtree in this year (<see cref="RulebookChoice"/>): without one, a save
    /// and a form page know the default applies without asking (<c>RulebookChoices.InForceAsync</c>). Set by the choice,
    /// which creates the year's row if need be; never cleared (a choice is never deleted).
    /// </summary>
    public bool HasRulebookChoices { get; set; }
}

/// <summary>A budget project (预算项目) of a unit in a year; project forms attach to it.</summary>
public sealed class BudgetProject
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int FiscalYearId { get; set; }

    public FiscalYear? FiscalYear { get; set; }

    /// <summary>年度资金总额 in 元, as budgeted.</summary>
    public decimal? BudgetYuan { get; set; }

    /// <summary>Archived: kept with its forms, but takes no new forms and is left out of the pickers.</summary>
    public bool Archived { get; set; }

    /// <summary>
    /// An applied execution import has figures for this project (<see cref="ExecutionFigure"/>): without them, a save of
    /// its monitoring table or self-evaluation knows there is nothing to compare without asking. Set where an import is
    /// applied; never cleared (applied figures are never deleted).
    /// </summary>
    public bool HasExecutionFigures { get; set; }

    /// <summary>A multi-year project's first year (项目期起始年度); null for a one-year project.</summary>
    public int? PeriodStartYear { get; set; }

    /// <summary>A multi-year project's last year (项目期结束年度).</summary>
    public int? PeriodEndYear { get; set; }

    /// <summary>项目期目标: the whole-period goal a multi-year project keeps in every year's targets form.</summary>
    public string? PeriodGoal { get; set; }

    public bool IsMultiYear => PeriodStartYear is not null && PeriodEndYear is not null;
}

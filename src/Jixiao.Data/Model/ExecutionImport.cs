using Jixiao.Core.Forms;

namespace Jixiao.Data.Model;

/// <summary>Where an execution import is: previewed (nothing written to any form) or applied.</summary>
public enum ExecutionImportState
{
    /// <summary>预览: the figures are read and the changes shown; no form has changed.</summary>
    Previewed,
    /// <summary>已导入: the changes were written in one transaction; the figures are what forms are checked against.</summary>
    Applied,
}

/// <summary>
/// One budget/treasury export (双监控) a finance reviewer brought in for a year over their subtree: the file, the unit
/// it was read in and why, the months it covers, the preview that was shown (<see cref="PreviewJson"/>, with the form
/// revisions it was computed on, so an apply after someone else's edit fails instead of overwriting) and its figures.
/// </summary>
public sealed class ExecutionImport
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>The importer's organisation: projects are matched within its subtree only.</summary>
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string FileName { get; set; }
    public long FileSize { get; set; }
    public MoneyUnit Unit { get; set; }
    public required string UnitBasis { get; set; }
    public int? MonthsCovered { get; set; }
    public ExecutionImportState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public string? AppliedByName { get; set; }
    /// <summary>The preview as shown (the web's contract, JSON): changes, locked differences, unmatched codes, unreadable rows.</summary>
    public required string PreviewJson { get; set; }
    public List<ExecutionFigure> Figures { get; set; } = [];
}

/// <summary>
/// One project's figures from an execution import, in 元 (the rows of one code added up). Matched to a budget project
/// of the import's year by code within the importer's subtree; <see cref="OrganisationPath"/> is the project's unit
/// (so the unit and its department see the figures their forms are checked against), or the importer's when unmatched.
/// </summary>
public sealed class ExecutionFigure
{
    public int Id { get; set; }
    public int ImportId { get; set; }
    public ExecutionImport? Import { get; set; }
    public required string OrganisationPath { get; set; }
    public int Year { get; set; }
    public required string ProjectCode { get; set; }
    public string? ProjectName { get; set; }
    public int? ProjectId { get; set; }
    /// <summary>The file's rows this project was read from ("2,6").</summary>
    public required string RowNumbers { get; set; }
    public decimal? InitialBudget { get; set; }
    public decimal? Budget { get; set; }
    /// <summary>Payments from January through each month, by month, as JSON ({"6": 1234.5}).</summary>
    public required string PaidJson { get; set; }
    /// <summary>Copied from the import when it is applied: forms are checked against the latest applied figures of their project.</summary>
    public bool Applied { get; set; }
}

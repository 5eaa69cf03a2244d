namespace Jixiao.Data.Model;

// The finance overview's running totals (docs/benchmarks.md, "The overview at 10,000 units"). Triggers on the facts and
// the findings keep them (PostgreSQL: Forms/OverviewTotalsSql; SQLite: Forms/OverviewTotalsSqlite), so every path that
// changes a fact or a finding (a save, an import, a transition, a supersession, a deletion, a re-derivation) changes
// them in the same transaction; the bulk loaders rebuild them in one pass. None is ever written by the app. Only
// current forms count; state is part of every key, so which states count as reviewed (Jixiao:Rankings) stays a
// reader's choice.

/// <summary>
/// How many current forms below one organisation (<see cref="Scope"/>: the path of each ancestor of the form's
/// organisation, not its own: a scope's own forms are a handful, read from the facts, and a unit's scope would double
/// the rows for nothing), in one year and state, fall in one band of computed total and one of execution rate: the
/// overview's counts by state and its two distributions, without reading the facts.
/// </summary>
public sealed class OverviewBand
{
    public required string Scope { get; set; }
    /// <summary>How many path segments <see cref="Scope"/> has (1: a root).</summary>
    public int Depth { get; set; }
    public int Year { get; set; }
    public FormStatus Status { get; set; }
    /// <summary>The total's band in <see cref="OverviewScale.Total"/> (-1: unscored or no total).</summary>
    public int TotalBand { get; set; }
    /// <summary>The execution rate's band in <see cref="OverviewScale.Rate"/> (-1: none).</summary>
    public int RateBand { get; set; }
    public int Forms { get; set; }
}

/// <summary>How many findings of one code the current forms below one organisation (as <see cref="OverviewBand.Scope"/>), year and state have (the overview's most frequent problems).</summary>
public sealed class OverviewFinding
{
    public required string Scope { get; set; }
    public int Depth { get; set; }
    public int Year { get; set; }
    public FormStatus Status { get; set; }
    public required string Code { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// The sums of the current forms of one organisation (<see cref="OverviewGrains.Organisation"/>: its own forms, the
/// ranking and a department's rows) or of one 主管部门 (<see cref="OverviewGrains.Department"/>, <see cref="GroupId"/> 0:
/// forms without one; the province's rows) in one year and state. Averages are these sums over these counts.
/// </summary>
public sealed class OverviewGroup
{
    public required string Grain { get; set; }
    public int GroupId { get; set; }
    /// <summary>The organisation's or the department's path (forms without a department: their root's), for scoping.</summary>
    public required string Path { get; set; }
    public int Year { get; set; }
    public FormStatus Status { get; set; }
    public int Forms { get; set; }
    /// <summary>Scored forms with a computed total, and the sum of those totals.</summary>
    public int TotalCount { get; set; }
    public decimal? TotalSum { get; set; }
    /// <summary>Forms with an execution rate, and the sum of those rates.</summary>
    public int RateCount { get; set; }
    public decimal? RateSum { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    /// <summary>The same for the scored forms with a computed total only (what the ranking counts).</summary>
    public int RankedRateCount { get; set; }
    public decimal? RankedRateSum { get; set; }
    public int RankedErrors { get; set; }
    public int RankedWarnings { get; set; }
}

public static class OverviewGrains
{
    public const string Organisation = "O";
    public const string Department = "D";
}

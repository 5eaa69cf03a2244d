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

// The indicator library's province-wide running totals (docs/library.md, "What it is built from"). PostgreSQL keeps them
// with triggers on the facts (Forms/LibrarySummarySql), so every path that changes a fact (a save, an import, a
// transition, a supersession, a deletion, a re-derivation, a bulk update) changes them in the same transaction. None is
// ever written by the app. SQLite keeps them with its own triggers (Forms/LibrarySummarySqlite; keys there are the
// texts joined by U+001F, not md5).

/// <summary>
/// How many current indicator rows one unit has of one library entry (category and normalised name) in one year
/// (<see cref="Year"/> 0: every year): the reference count that keeps <see cref="LibraryEntryTotal.Units"/> exact, a unit
/// counting when its count goes from 0 to 1 and no longer when it goes back to 0.
/// </summary>
public sealed class LibraryEntryUnit
{
    /// <summary>md5 of 一级, 二级 and normalised name (unbounded text from read documents does not fit a key).</summary>
    public required string EntryKey { get; set; }
    public int Year { get; set; }
    public required string OrganisationPath { get; set; }
    public int Rows { get; set; }
}

/// <summary>The same count per name as written and unit of measure: what the entry shows (the greatest of each) comes back from it when a row goes.</summary>
public sealed class LibraryEntryName
{
    public required string EntryKey { get; set; }
    public int Year { get; set; }
    public required string OrganisationPath { get; set; }
    /// <summary>md5 of the name as written and the unit of measure.</summary>
    public required string NameKey { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public int Rows { get; set; }
}

/// <summary>
/// One library entry as one organisation's subtree sees it (<see cref="Scope"/>: the path of the organisation and of each
/// of its ancestors), in one year (0: every year): what the library page lists, without reading the indicator rows.
/// </summary>
public sealed class LibraryEntryTotal
{
    public required string EntryKey { get; set; }
    public int Year { get; set; }
    /// <summary>The subtree counted: an organisation's path; a row's unit path and each of its ancestors' paths get one.</summary>
    public required string Scope { get; set; }
    /// <summary>How many path segments <see cref="Scope"/> has (1: a root).</summary>
    public int Depth { get; set; }
    public string Level1 { get; set; } = "";
    public string Level2 { get; set; } = "";
    public required string NormalisedName { get; set; }
    /// <summary>Current indicator rows.</summary>
    public int Rows { get; set; }
    /// <summary>Distinct units with at least one of them.</summary>
    public int Units { get; set; }
    /// <summary>The greatest name as written and unit of measure (what the library shows for the entry).</summary>
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
}

/// <summary>
/// One peer group (category, normalised name, unit of measure; targets or actuals) over a window of years: the window
/// ending in <see cref="Window"/> covers it and the two years before (0: every year). Only handed-in, current forms count.
/// </summary>
public sealed class LibraryPeerGroup
{
    /// <summary>md5 of targets/actuals, window, entry and unit of measure.</summary>
    public required string GroupKey { get; set; }
    public bool Actuals { get; set; }
    public int Window { get; set; }
    public string Level1 { get; set; } = "";
    public string Level2 { get; set; } = "";
    public required string NormalisedName { get; set; }
    public string? Unit { get; set; }
    /// <summary>Distinct units with a value in the group: the five-unit rule reads this.</summary>
    public int Units { get; set; }
    public int Values { get; set; }
}

/// <summary>The reference count of one unit's values in one peer group (keeps <see cref="LibraryPeerGroup.Units"/> exact).</summary>
public sealed class LibraryPeerUnit
{
    public required string GroupKey { get; set; }
    public required string OrganisationPath { get; set; }
    public int Rows { get; set; }
}

/// <summary>A peer group's values as a histogram: lowest, highest and median are read from it, only for groups of at least five units.</summary>
public sealed class LibraryPeerValue
{
    public required string GroupKey { get; set; }
    public decimal Value { get; set; }
    public int Count { get; set; }
}

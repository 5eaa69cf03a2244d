namespace Jixiao.Data.Model;

/// <summary>How a spot check (抽查复核) chose its sample.</summary>
public enum SpotCheckMethod
{
    /// <summary>随机抽取: uniformly, by the recorded seed.</summary>
    Random,
    /// <summary>按风险加权: each form's chance grows with its risk (<see cref="FormFact.Risk"/>), by the recorded seed.</summary>
    Risk,
    /// <summary>按规则: only forms matching the rule (stated grade, with findings), then at random by the seed.</summary>
    Rule,
}

/// <summary>
/// One sample finance drew from the submitted self-evaluations of its subtree and year: the method, its parameters and
/// seed (the same inputs draw the same sample again), how many forms it was drawn from, and the drawn forms. Seen from
/// inside the subtree and from above it, like a round.
/// </summary>
public sealed class SpotCheck
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string OrganisationName { get; set; }
    public int Year { get; set; }
    public SpotCheckMethod Method { get; set; }
    public long Seed { get; set; }
    public int? SampleSize { get; set; }
    /// <summary>The share asked for (0.1 = 10%), when the size was given as a rate.</summary>
    public decimal? Rate { get; set; }
    /// <summary>Rule: the stated grade a form must claim (优, 良 …), if any.</summary>
    public string? RuleGrade { get; set; }
    /// <summary>Rule: only forms with error or warning findings.</summary>
    public bool RuleWithFindings { get; set; }
    /// <summary>The forms the sample was drawn from (after the rule).</summary>
    public int Population { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public required string DrawnBy { get; set; }
    public List<SpotCheckEntry> Entries { get; set; } = [];
}

/// <summary>
/// One sampled form: the unit's stated total and grade as drawn, and the reviewer's re-check (recorded here, never on the
/// unit's form), with the rows re-scored in <see cref="Scores"/>.
/// </summary>
public sealed class SpotCheckEntry
{
    public int Id { get; set; }
    public int SpotCheckId { get; set; }
    public SpotCheck? SpotCheck { get; set; }
    /// <summary>1-based order of the draw.</summary>
    public int Position { get; set; }
    public int FormId { get; set; }
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public string? UnitName { get; set; }
    public string? ProjectName { get; set; }
    public decimal Risk { get; set; }
    public decimal? StatedTotal { get; set; }
    public string? StatedGrade { get; set; }
    public decimal? RecheckedTotal { get; set; }
    public string? RecheckedGrade { get; set; }
    /// <summary>Rows re-scored, rows whose score changed, the points they changed by and the points they were worth.</summary>
    public int RowsChecked { get; set; }
    public int RowsChanged { get; set; }
    public decimal PointsChanged { get; set; }
    public decimal PointsChecked { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? RecheckedAt { get; set; }
    public string? RecheckedBy { get; set; }
    public List<SpotCheckScore> Scores { get; set; } = [];
}

/// <summary>One row re-scored: 0 is the budget execution row, 1… the indicator rows in form order.</summary>
public sealed class SpotCheckScore
{
    public int EntryId { get; set; }
    public int Position { get; set; }
    public SpotCheckEntry? Entry { get; set; }
    public required string OrganisationPath { get; set; }
    public string? Name { get; set; }
    public decimal? Weight { get; set; }
    /// <summary>The unit's score on the form when re-checked.</summary>
    public decimal? Stated { get; set; }
    public decimal Rechecked { get; set; }
}

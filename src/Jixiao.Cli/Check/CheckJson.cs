using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Cli.Check;

/// <summary>
/// The JSON of <c>jixiao check --format json</c>, documented in docs/check-output.schema.json. The outline is a public
/// interface other tools rely on: add fields, never rename or remove them.
/// </summary>
public sealed record CheckOutput(IReadOnlyList<FileJson> Files);

public sealed record FileJson(string Path, string? Error, IReadOnlyList<FormJson> Forms);

public sealed record SourceJson(int Row, int Column, string? Sheet, int? Page)
{
    public static SourceJson? From(SourcePosition? p) => p is null ? null : new SourceJson(p.Row, p.Column, p.Sheet, p.Page);
}

/// <summary>One reading doubt: where (scope, block, row, cells), why (reason code), the raw text, and its sentence.</summary>
public sealed record DoubtJson(
    string Reason,
    string Scope,
    string Block,
    SourceJson? Source,
    IReadOnlyList<string> Cells,
    string? RowLabel,
    string? Text,
    string? Assumed,
    string Message)
{
    public static DoubtJson From(ReadingDoubt d) => new(
        ReadingDoubtText.Code(d.Reason), ReadingDoubtText.Code(d.Scope), ReadingDoubtText.Code(d.Block), SourceJson.From(d.Row),
        [.. d.Cells.Select(ReadingDoubtText.Code)], d.RowLabel, d.Text, d.Assumed, ReadingDoubtText.Describe(d));
}

public sealed record FundsJson(
    string Label,
    string Role,
    decimal? InitialBudget,
    decimal? Budget,
    decimal? Executed,
    decimal? Transfer,
    decimal? ForecastExecuted,
    decimal? Weight,
    decimal? StatedRate,
    string? StatedRateText,
    decimal? StatedScore,
    decimal? Rate,
    decimal? Score,
    string? RateExplanation,
    SourceJson? Source)
{
    /// <summary>Columns without a property of their own (调整后预算数, 得分系数, 指标性质 …), by role id, as printed.</summary>
    public IReadOnlyDictionary<string, string>? Extra { get; init; }
}

public sealed record IndicatorJson(
    string? Level1,
    decimal? Level1Weight,
    string? Level2,
    decimal? Level2Weight,
    string? Name,
    string? Content,
    string? Target,
    string? Actual,
    decimal? Weight,
    decimal? StatedScore,
    decimal? ExpectedScore,
    decimal? AllowedMin,
    decimal? AllowedMax,
    decimal? ScoredWeight,
    string? ScoreExplanation,
    string? Explanation,
    string? Improvement,
    string? MidYearProgress,
    string? ExpectedCompletion,
    IReadOnlyList<string> Causes,
    string? Likelihood,
    string? Remark,
    SourceJson? Source)
{
    /// <summary>Columns without a property of their own (调整后预算数, 得分系数, 指标性质 …), by role id, as printed.</summary>
    public IReadOnlyDictionary<string, string>? Extra { get; init; }
}

public sealed record StaffingJson(decimal? Authorized, decimal? Actual, decimal? StatedControlRate, SourceJson? Source);

public sealed record BasicDataJson(string Label, int Depth, decimal? PriorYearFinal, decimal? Budget, decimal? Final, string? Text, SourceJson? Source);

public sealed record FindingJson(string Code, string Severity, string Message, string MessageEn, LocationJson Location, string? Stated, string? Expected, string? Explanation)
{
    /// <summary>The other form a cross-form or cross-year finding compares with; absent on findings about the form alone.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ComparedJson? Compared { get; init; }

    public static FindingJson From(Finding f) =>
        new(f.Code, f.Severity.Code(), f.Message, f.MessageEn,
            new LocationJson(f.Location.Block, f.Location.Row, f.Location.Field, f.Location.RowLabel, FindingText.Where(f.Location)),
            f.Stated, f.Expected, f.Explanation)
        {
            Compared = f.Compared is { } c ? new ComparedJson(c.Document, c.Kind.Code(), c.Year, c.Project) : null,
        };
}

/// <summary>The compared form: its document (null for a set of forms), kind code, year and project.</summary>
public sealed record ComparedJson(string? Document, string Kind, int? Year, string? Project);

public sealed record LocationJson(string Block, int? Row, string? Field, string? RowLabel, string Text);

public sealed record FormJson
{
    public required string Kind { get; init; }
    public required string KindName { get; init; }
    /// <summary>The layout template the form was read with (docs/templates.md), and its version.</summary>
    public string? TemplateId { get; init; }
    public int? TemplateVersion { get; init; }
    /// <summary>Header fields without a property of their own, by role id, as printed.</summary>
    public IReadOnlyDictionary<string, string>? Extra { get; init; }
    public int? Year { get; init; }
    public string? Title { get; init; }
    public string? Project { get; init; }
    public string? Department { get; init; }
    public string? Unit { get; init; }
    public string? MoneyUnit { get; init; }
    public int? MonitoringMonths { get; init; }
    public string? PlannedGoal { get; init; }
    public string? ActualGoal { get; init; }
    public string? Functions { get; init; }
    public required IReadOnlyList<FundsJson> Funds { get; init; }
    public required IReadOnlyList<IndicatorJson> Indicators { get; init; }
    public decimal? StatedWeightTotal { get; init; }
    public decimal? StatedTotal { get; init; }
    public string? StatedGrade { get; init; }
    public string? Rulebook { get; init; }
    public decimal? WeightTotal { get; init; }
    public decimal? Total { get; init; }
    public string? TotalExplanation { get; init; }
    public string? Grade { get; init; }
    public StaffingJson? Staffing { get; init; }
    public required IReadOnlyList<BasicDataJson> BasicData { get; init; }
    public string? Text { get; init; }
    public string? Filler { get; init; }
    public string? Head { get; init; }
    public bool Incomplete { get; init; }
    /// <summary>The sentences of <see cref="ReadingDoubts"/>, kept for tools that read them as strings.</summary>
    public required IReadOnlyList<string> ReadingNotes { get; init; }
    public required IReadOnlyList<DoubtJson> ReadingDoubts { get; init; }
    public SourceJson? Source { get; init; }
    public required IReadOnlyList<FindingJson> Findings { get; init; }
}

public static class CheckJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        // Chinese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(CheckOutput output) => JsonSerializer.Serialize(output, Options);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jixiao.Data.Generation;

/// <summary>A spread measured over the corpus: the 10th percentile, the median, the mean and the 90th percentile.</summary>
public sealed record Spread(decimal P10, decimal Median, decimal Mean, decimal P90)
{
    public static Spread Of(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0) return new Spread(0, 0, 0, 0);
        var sorted = values.Order().ToList();
        decimal At(decimal q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * (sorted.Count - 1) + 0.5m))];
        return new Spread(At(0.1m), At(0.5m), Math.Round(sorted.Average(), 2, MidpointRounding.AwayFromZero), At(0.9m));
    }
}

/// <summary>
/// What the real published forms look like, measured once over ../shared/corpus (its 54 documents and the 10 audited
/// forms) with the real readers, recogniser and checker by tests/Jixiao.Cli.Tests/CorpusProfileTests (which also
/// fails when the corpus and this file drift apart, and rewrites the file with JIXIAO_UPDATE_PROFILE=1). The generator
/// draws its row counts, value shapes, text lengths, money units and error shares from it; nothing here is tuned by hand.
/// </summary>
public sealed record CorpusProfile
{
    /// <summary>Where the numbers come from.</summary>
    public required string Source { get; init; }

    /// <summary>Documents read.</summary>
    public required int Documents { get; init; }

    /// <summary>Forms recognised, by kind code.</summary>
    public required Dictionary<string, int> FormsByKind { get; init; }

    /// <summary>Indicator rows (with a name) per form, by kind code, over forms that have any.</summary>
    public required Dictionary<string, Spread> IndicatorRows { get; init; }

    /// <summary>The share of indicator rows under each 二级 name of the national trees (rows whose 二级 was read).</summary>
    public required Dictionary<string, decimal> Level2Shares { get; init; }

    /// <summary>The share of target cells of each shape (<see cref="ValueShapes"/>), over non-empty targets.</summary>
    public required Dictionary<string, decimal> TargetShapes { get; init; }

    /// <summary>The share of funds blocks printed in 元 (the rest in 万元), over forms that state a unit.</summary>
    public required decimal YuanShare { get; init; }

    /// <summary>Characters of the narrative text of reports.</summary>
    public required Spread ReportLength { get; init; }

    /// <summary>Characters of 预期目标 / 年度总体目标 texts.</summary>
    public required Spread GoalLength { get; init; }

    /// <summary>Characters of 三级 indicator names.</summary>
    public required Spread IndicatorNameLength { get; init; }

    /// <summary>The share of forms with at least one error finding, by kind code (kinds with forms only).</summary>
    public required Dictionary<string, decimal> ErrorShare { get; init; }

    /// <summary>How many forms carry an error finding of each code (one count per form and code).</summary>
    public required Dictionary<string, int> ErrorCodes { get; init; }

    /// <summary>
    /// The share of audited forms (corpus/audited/AUDIT.md) in which a careful auditor found a definite inconsistency.
    /// The checker sees less in cut-off excerpts than a person does in the whole form, so this is the rate the
    /// generator gives scored self-evaluations.
    /// </summary>
    public required decimal AuditedErrorShare { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The profile shipped with the generator (profile.json beside this file, embedded).</summary>
    public static CorpusProfile Shipped => ShippedProfile.Value;

    private static readonly Lazy<CorpusProfile> ShippedProfile = new(Load);

    private static CorpusProfile Load()
    {
        using var stream = typeof(CorpusProfile).Assembly.GetManifestResourceStream("Jixiao.Data.Generation.profile.json")
            ?? throw new InvalidOperationException("profile.json is not embedded in Jixiao.Data.");
        return JsonSerializer.Deserialize<CorpusProfile>(stream, Json) ?? throw new InvalidOperationException("profile.json is empty.");
    }
}

/// <summary>The shapes a target cell takes (§3.1 of the domain guide), as the profile counts them.</summary>
public static partial class ValueShapes
{
    /// <summary>A number with a comparator and a unit other than %: ≥150台, ≤30分钟.</summary>
    public const string ComparedQuantity = "compared-quantity";
    /// <summary>A percentage, with or without a comparator: ≥90%, 100%.</summary>
    public const string Percentage = "percentage";
    /// <summary>A bare quantity with its unit: 6项, 2套.</summary>
    public const string Quantity = "quantity";
    /// <summary>A range: 80%-90%.</summary>
    public const string Range = "range";
    /// <summary>A completion word or other text: 达到预期, 按时完成, 有效提升.</summary>
    public const string Qualitative = "qualitative";

    public static IReadOnlyList<string> All { get; } = [ComparedQuantity, Percentage, Quantity, Range, Qualitative];

    /// <summary>The shape of a target as the notation parser reads it; null for an empty cell.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[≥≤＞＜><]=?\s*\d")]
    private static partial System.Text.RegularExpressions.Regex ComparedFigure();

    public static string? Of(string? target)
    {
        var value = Core.Notation.IndicatorValue.Parse(target);
        return value.Kind switch
        {
            Core.Notation.ValueKind.Empty => null,
            Core.Notation.ValueKind.Range => Range,
            Core.Notation.ValueKind.Quantity when value.Unit == "%" => Percentage,
            Core.Notation.ValueKind.Quantity when value.Comparator != Core.Notation.Comparator.None => ComparedQuantity,
            Core.Notation.ValueKind.Quantity => Quantity,
            // A compared figure in a unit the notation does not know (≤50元/人, the usual 成本指标) is still a figure.
            Core.Notation.ValueKind.Qualitative or Core.Notation.ValueKind.Text when ComparedFigure().IsMatch(target!) => ComparedQuantity,
            Core.Notation.ValueKind.Qualitative or Core.Notation.ValueKind.Text => Qualitative,
        };
    }
}

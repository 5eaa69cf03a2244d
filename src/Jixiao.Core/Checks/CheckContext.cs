using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks;

/// <summary>
/// One form under check, with what the rules share: where its reading was uncertain. Rules hold back arithmetic on
/// uncertain rows (a page break that shifted cells makes any sum over them meaningless).
/// </summary>
public sealed partial class CheckContext
{
    public CheckContext(PerformanceForm form, Rulebook rulebook)
    {
        Form = form;
        Rulebook = rulebook;
        foreach (var note in form.ReadingNotes)
            foreach (Match m in RowNumber().Matches(note))
                if (int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row))
                    uncertainRows.Add(row);
    }

    public PerformanceForm Form { get; }

    public Rulebook Rulebook { get; }

    private readonly Dictionary<string, IndicatorValue> parsed = new(StringComparer.Ordinal);

    /// <summary>A target or actual read with the rulebook's vocabulary (cached: the same text recurs across rows).</summary>
    public IndicatorValue Parse(string? text)
    {
        var key = text ?? "";
        if (!parsed.TryGetValue(key, out var value))
            parsed[key] = value = IndicatorValue.Parse(key, Rulebook.Qualitative.Vocabulary);
        return value;
    }

    private IReadOnlyList<WeightedRow>? weighted;

    /// <summary>The indicator rows with the weight each one carries (see <see cref="IndicatorWeights"/>).</summary>
    public IReadOnlyList<WeightedRow> Weighted => weighted ??= IndicatorWeights.Of(Form);

    private readonly HashSet<int> uncertainRows = [];

    /// <summary>True when the reader left notes: sums over the whole form (totals, weight sums, subtotals) are held back.</summary>
    public bool ReadingUncertain => Form.ReadingNotes.Count > 0;

    /// <summary>True when a note names the source row of this value ("第12行"): row-level arithmetic is held back there.</summary>
    public bool IsUncertain(SourcePosition? source) => source is not null && uncertainRows.Contains(source.Row);

    [GeneratedRegex(@"第\s*(\d+)\s*行")]
    private static partial Regex RowNumber();
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
        foreach (var note in UncertainNotes(form))
            foreach (Match m in RowNumber().Matches(note))
                if (int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row))
                    uncertainRows.Add(row);
    }

    public PerformanceForm Form { get; }

    public Rulebook Rulebook { get; }

    /// <summary>
    /// Parsed values per vocabulary, shared by all checks: "100%", "≥90%", "基本完成" recur across thousands of rows and
    /// parsing dominated the checker's time. Bounded so a long-running server does not grow it without end.
    /// </summary>
    private static readonly ConditionalWeakTable<QualitativeVocabulary, ConcurrentDictionary<string, IndicatorValue>> ParsedValues = new();

    private const int ParsedValuesLimit = 50_000;

    /// <summary>A target or actual read with the rulebook's vocabulary (cached: the same text recurs across rows and forms).</summary>
    public IndicatorValue Parse(string? text)
    {
        var key = text ?? "";
        var vocabulary = Rulebook.Qualitative.Vocabulary;
        var cache = ParsedValues.GetValue(vocabulary, static _ => new ConcurrentDictionary<string, IndicatorValue>(StringComparer.Ordinal));
        if (cache.TryGetValue(key, out var value)) return value;
        if (cache.Count >= ParsedValuesLimit) cache.Clear();
        value = IndicatorValue.Parse(key, vocabulary);
        cache.TryAdd(key, value);
        return value;
    }

    private IReadOnlyList<Reports.ReportSentence>? sentences;

    /// <summary>The report's sentences with their figures (extracted once, used by the report rules).</summary>
    public IReadOnlyList<Reports.ReportSentence> ReportSentences => sentences ??= Reports.ReportFigures.Extract(Form.Text);

    private IReadOnlyList<WeightedRow>? weighted;

    /// <summary>The indicator rows with the weight each one carries (see <see cref="IndicatorWeights"/>).</summary>
    public IReadOnlyList<WeightedRow> Weighted => weighted ??= IndicatorWeights.Of(Form);

    private readonly HashSet<int> uncertainRows = [];

    /// <summary>True when the reader left notes of uncertain cells: sums over the whole form (totals, weight sums, subtotals) are held back.</summary>
    public bool ReadingUncertain => UncertainNotes(Form).Any();

    /// <summary>
    /// The reading notes that say a cell may be wrong (shifted by a page break, a fragment not placed, a truncated table).
    /// Notes that only record an interpretation ("该行未列一级指标，按二级指标归入…") leave the numbers certain.
    /// </summary>
    public static IEnumerable<string> UncertainNotes(PerformanceForm form) =>
        form.ReadingNotes.Where(n => UncertainWords.Any(w => n.Contains(w, StringComparison.Ordinal)));

    private static readonly string[] UncertainWords =
        ["错位", "跨页", "残片", "混入", "挤占", "无法确定", "不完整", "未读取", "未见", "不确定", "可能", "缺失", "无法识别", "中断"];

    /// <summary>True when a note names the source row of this value ("第12行"): row-level arithmetic is held back there.</summary>
    public bool IsUncertain(SourcePosition? source) => source is not null && uncertainRows.Contains(source.Row);

    [GeneratedRegex(@"第\s*(\d+)\s*行")]
    private static partial Regex RowNumber();
}

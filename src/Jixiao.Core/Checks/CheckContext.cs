using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks;

/// <summary>
/// One form under check, with what the rules share: its reading doubts (typed records). A rule holds back exactly
/// the arithmetic that reads a doubtful cell — a row check on that row, a sum that includes it — and nothing else.
/// </summary>
public sealed class CheckContext
{
    public CheckContext(PerformanceForm form, Rulebook rulebook)
    {
        Form = form;
        Rulebook = rulebook;
    }

    public PerformanceForm Form { get; }

    public Rulebook Rulebook { get; }

    /// <summary>A target or actual read with the rulebook's vocabulary (cached: the same text recurs across rows and forms).</summary>
    public IndicatorValue Parse(string? text) => IndicatorValue.Parse(text, Rulebook.Qualitative.Vocabulary);

    private IReadOnlyList<Reports.ReportSentence>? sentences;

    /// <summary>The report's sentences with their figures (extracted once, used by the report rules).</summary>
    public IReadOnlyList<Reports.ReportSentence> ReportSentences => sentences ??= Reports.ReportFigures.Extract(Form.Text);

    private IReadOnlyList<WeightedRow>? weighted;

    /// <summary>The indicator rows with the weight each one carries (see <see cref="IndicatorWeights"/>).</summary>
    public IReadOnlyList<WeightedRow> Weighted => weighted ??= IndicatorWeights.Of(Form);

    /// <summary>
    /// True when a check that reads <paramref name="cells"/> of the row read from <paramref name="source"/> must hold
    /// back: a doubt names that row as a whole or one of those cells. Doubts elsewhere do not matter to it.
    /// </summary>
    public bool IsDoubtful(SourcePosition? source, params ReadOnlySpan<CellRole> cells)
    {
        var doubts = Form.ReadingDoubts;
        if (doubts.Count == 0 || source is null) return false;
        foreach (var d in doubts)
        {
            if (!d.IsAt(source)) continue;
            foreach (var cell in cells)
                if (d.Covers(cell)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when a sum over <paramref name="block"/> that reads <paramref name="cells"/> of its rows must hold back: the
    /// whole form or the block is in doubt (a table cut off), or a row or cell the sum includes is.
    /// </summary>
    public bool SumIsDoubtful(FormBlock block, params ReadOnlySpan<CellRole> cells) => SumIsDoubtful(block, false, cells);

    /// <summary>
    /// The same, leaving out the records that the table is cut off (<see cref="IsCut"/>): whether what is visible was
    /// itself read with certainty, for a check that says what a partial sum already proves.
    /// </summary>
    public bool VisibleSumIsDoubtful(FormBlock block, params ReadOnlySpan<CellRole> cells) => SumIsDoubtful(block, true, cells);

    /// <summary>
    /// True when the table of <paramref name="block"/> stops before its end (a cut-off record for it or for the form, or
    /// the form marked incomplete): a sum over it is a partial sum, which the missing rows can only add to.
    /// </summary>
    public bool IsCut(FormBlock block)
    {
        if (Form.Incomplete) return true;
        foreach (var d in Form.ReadingDoubts)
            if (d.Reason == DoubtReason.CutOff && (d.Block == block || d.Block == FormBlock.Form)) return true;
        return false;
    }

    private bool SumIsDoubtful(FormBlock block, bool visibleOnly, ReadOnlySpan<CellRole> cells)
    {
        var doubts = Form.ReadingDoubts;
        if (doubts.Count == 0) return false;
        foreach (var d in doubts)
        {
            if (visibleOnly && d.Reason == DoubtReason.CutOff) continue;
            if (d.Scope == DoubtScope.Form) return true;
            // The total adds the funds' score: with the funds block cut off, no sum over the total can be checked.
            if (block == FormBlock.Total && d.Block == FormBlock.Funds && d.Reason == DoubtReason.CutOff) return true;
            if (d.Block != block) continue;
            if (d.Scope == DoubtScope.Block) return true;
            foreach (var cell in cells)
                if (d.Covers(cell)) return true;
        }
        return false;
    }
}

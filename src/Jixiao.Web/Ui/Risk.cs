using Jixiao.Core.Checks;
using Jixiao.Core.Scoring;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Web.Ui;

/// <summary>
/// How much a reviewer should worry about a form: error findings first, then rows that lost points with no reason
/// given, then the points lost at all. <see cref="Value"/> orders the review queue.
/// </summary>
public sealed record Risk(int Errors, int Warnings, int Unexplained, decimal Deductions, FormScore Score)
{
    public decimal Value => Errors * 100m + Unexplained * 20m + Warnings * 5m + Deductions;

    public static Risk Of(FormRecord record)
    {
        var form = FormRows.ToForm(record);
        var score = Scorer.Score(form);
        var deductions = score.Rows.Sum(r => Math.Max(0m, (r.Weight ?? 0m) - r.Counted))
                         + (score.Execution.Weight is { } w && score.Execution.Score is { } s ? Math.Max(0m, w - s) : 0m);
        return new Risk(
            record.Findings.Count(f => f.Severity == Severity.Error),
            record.Findings.Count(f => f.Severity == Severity.Warning),
            record.Findings.Count(f => f.Code is CheckCodes.DeductionUnexplained or CheckCodes.FullScoreDespiteMiss),
            deductions,
            score);
    }
}

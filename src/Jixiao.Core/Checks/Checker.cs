using Jixiao.Core.Checks.BasicData;
using Jixiao.Core.Checks.Funds;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Checks.Monitoring;
using Jixiao.Core.Checks.Reports;
using Jixiao.Core.Checks.Sets;
using Jixiao.Core.Checks.Targets;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks;

/// <summary>A form as read from a document: the document's name (path) groups forms of one file.</summary>
public sealed record DocumentForm(string Document, PerformanceForm Form);

/// <summary>The findings of one form of a set, in the order the forms were given.</summary>
public sealed record FormFindings(string Document, PerformanceForm Form, IReadOnlyList<Finding> Findings);

/// <summary>
/// The checker: runs the rule catalogue (docs/checks.md) over forms. Pure: no I/O, safe to call from many threads.
/// </summary>
public static class Checker
{
    /// <summary>Every per-form rule, in the order findings are listed.</summary>
    public static IReadOnlyList<ICheckRule> Rules { get; } =
    [
        new ReadingUncertainRule(),
        new ExecutionRateMismatchRule(),
        new ExecutionScoreMismatchRule(),
        new OverExecutionRule(),
        new FundsSubtotalMismatchRule(),
        new WeightSumRule(),
        new ScoreExceedsWeightRule(),
        new TotalMismatchRule(),
        new TotalUnreachableRule(),
        new GradeMismatchRule(),
        new MissingValueRule(),
        new FullScoreDespiteMissRule(),
        new ActualAsThresholdRule(),
        new NotApplicableScoredRule(),
        new QualitativeTierRule(),
        new ScoreNotProportionalRule(),
        new DeductionUnexplainedRule(),
        new OverAchievementUnexplainedRule(),
        new TargetNotMeasurableRule(),
        new DirectionReversedRule(),
        new MoneyAsQuantityRule(),
        new CostIndicatorMissingRule(),
        new TargetsWeightSumRule(),
        new DeadlineBeforeYearRule(),
        new TemplateTextRule(),
        new BasicDataSubtotalRule(),
        new StaffingControlRateRule(),
        new MonitoringProgressMismatchRule(),
        new MonitoringDeviationUnexplainedRule(),
        new MonitoringBehindScheduleRule(),
        new MonitoringMissingValueRule(),
        new ReportArithmeticRule(),
    ];

    /// <summary>Checks one form on its own.</summary>
    public static IReadOnlyList<Finding> Check(PerformanceForm form, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rulebook);
        return Check(new CheckContext(form, rulebook));
    }

    private static List<Finding> Check(CheckContext context)
    {
        var findings = new List<Finding>();
        var settings = context.Rulebook.Checks;
        foreach (var rule in Rules)
            if (settings.Applies(rule.Code)) findings.AddRange(rule.Check(context));
        return findings;
    }

    /// <summary>
    /// Checks forms read together (one or several documents): each form on its own, then what only a set shows —
    /// the same form twice (duplicate-form) and a narrative report against the tables of the same unit and year
    /// (report-table-mismatch). Returns one entry per input form, in input order.
    /// </summary>
    public static IReadOnlyList<FormFindings> Check(IReadOnlyList<DocumentForm> forms, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(rulebook);
        var contexts = forms.Select(f => new CheckContext(f.Form, rulebook)).ToList();
        var findings = contexts.Select(Check).ToList();
        if (rulebook.Checks.Applies(CheckCodes.DuplicateForm))
            foreach (var (index, finding) in DuplicateFormRule.Check(forms)) findings[index].Add(finding);
        if (rulebook.Checks.Applies(CheckCodes.ReportTableMismatch))
            foreach (var (index, finding) in ReportTableRule.Check(forms, contexts)) findings[index].Add(finding);
        return forms.Select((f, i) => new FormFindings(f.Document, f.Form, findings[i])).ToList();
    }

    /// <summary>True when any finding is an error (the CLI exits 1).</summary>
    public static bool HasErrors(IEnumerable<FormFindings> results) =>
        results.Any(r => r.Findings.Any(f => f.Severity == Severity.Error));
}

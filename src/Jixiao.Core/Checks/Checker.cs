using Jixiao.Core.Checks.BasicData;
using Jixiao.Core.Checks.Funds;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Checks.Monitoring;
using Jixiao.Core.Checks.Reports;
using Jixiao.Core.Checks.Sets;
using Jixiao.Core.Checks.Sheets;
using Jixiao.Core.Checks.Targets;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks;

/// <summary>
/// A form as read from a document: the document's name (path) groups forms of one file. <see cref="Id"/> is the
/// caller's own identifier of a stored form (the web app's form id), carried into <see cref="FormReference"/>.
/// </summary>
public sealed record DocumentForm(string Document, PerformanceForm Form, int? Id = null);

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
        new ValueOutOfRangeRule(),
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
        new FormUnfilledRule(),
        new FullScoreDespiteMissRule(),
        new ActualAsThresholdRule(),
        new NotApplicableScoredRule(),
        new QualitativeTierRule(),
        new ScoreNotProportionalRule(),
        new DeductionUnexplainedRule(),
        new OverAchievementUnexplainedRule(),
        new AllTargetsExactlyMetRule(),
        new TargetsMetLowExecutionRule(),
        new TargetNotMeasurableRule(),
        new DirectionReversedRule(),
        new MoneyAsQuantityRule(),
        new CostIndicatorMissingRule(),
        new TargetsWeightSumRule(),
        new DeadlineBeforeYearRule(),
        new TemplateTextRule(),
        new GoalBreakdownRule(),
        new BasicDataSubtotalRule(),
        new StaffingControlRateRule(),
        new MonitoringProgressMismatchRule(),
        new MonitoringDeviationUnexplainedRule(),
        new MonitoringLikelihoodMismatchRule(),
        new MonitoringBehindScheduleRule(),
        new MonitoringMissingValueRule(),
        new ReportArithmeticRule(),
        new ReportEmptyRule(),
        new ReportSectionMissingRule(),
        new ReportDraftGapRule(),
        new SectionWeightRule(),
        new ReducedAmountRule(),
        new ConclusionGradeRule(),
    ];

    /// <summary>Checks one form on its own.</summary>
    public static IReadOnlyList<Finding> Check(PerformanceForm form, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rulebook);
        return Check(new CheckContext(form, rulebook), Rules);
    }

    private static List<Finding> Check(CheckContext context, IReadOnlyList<ICheckRule> rules)
    {
        var findings = new List<Finding>();
        var settings = context.Rulebook.Checks;
        foreach (var rule in rules)
        {
            if (!settings.Applies(rule.Code)) continue;
            // A safety net, not the fix: a rule that throws is a defect (the property tests look for them), and it must
            // cost the user that one check on that one form, never the other rules, forms or files.
            try
            {
                findings.AddRange(rule.Check(context));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                findings.Add(InternalError(rule.Code, e));
            }
        }
        return findings;
    }

    /// <summary>
    /// The finding that stands for a rule that failed with <paramref name="exception"/>. A warning, not an error: nothing
    /// says the form is wrong, only that one check could not be made; the exception's type and message are kept for a bug
    /// report, never its stack trace.
    /// </summary>
    public static Finding InternalError(string ruleCode, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new Finding(
            CheckCodes.InternalError, Severity.Warning,
            $"检查规则“{ruleCode}”内部错误，本表未能完成该项检查；其他检查照常进行。请将本表提交给系统维护人员。",
            $"Internal error in the check rule {ruleCode}: that check was not made on this form; the other checks ran.",
            new FindingLocation(Blocks.Form, null, ruleCode),
            null, null, $"{exception.GetType().Name}: {exception.Message}");
    }

    /// <summary>Runs a rule over the whole set; when it fails, each form it concerns gets an internal-error finding.</summary>
    private static void SetRule(List<List<Finding>> findings, string code, Func<IEnumerable<(int Index, Finding Finding)>> run, Func<int, bool> concerns)
    {
        var found = new List<(int Index, Finding Finding)>();
        try
        {
            found.AddRange(run());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            for (var i = 0; i < findings.Count; i++)
                if (concerns(i)) findings[i].Add(InternalError(code, e));
        }
        foreach (var (index, finding) in found) findings[index].Add(finding);
    }

    /// <summary>
    /// Checks forms read together (one or several documents): each form on its own, then what only a set shows —
    /// the same form twice (duplicate-form) and a narrative report against the tables of the same unit and year
    /// (report-table-mismatch; with a history, the tables may also come from it). Returns one entry per input form, in input order.
    /// </summary>
    public static IReadOnlyList<FormFindings> Check(IReadOnlyList<DocumentForm> forms, Rulebook rulebook) => Check(forms, rulebook, Rules);

    /// <summary>
    /// Checks forms with their history: the forms under check as above, and each against the related forms handed in —
    /// earlier years of the same projects, the approved targets, the department's other tables (CrossFormChecks:
    /// target-below-last-actual, indicator-dropped, target-changed, department-projects-mismatch, basic-data-mismatch,
    /// satisfaction-always-high). The history is compared with, never checked itself; the forms under check are also each
    /// other's history (two years in one folder). Returns one entry per form under check, in input order.
    /// </summary>
    public static IReadOnlyList<FormFindings> Check(IReadOnlyList<DocumentForm> forms, Rulebook rulebook, IReadOnlyList<DocumentForm> history) =>
        Check(forms, rulebook, Rules, history);

    /// <summary>The same with another list of per-form rules (a subset, or the catalogue with a rule of one's own).</summary>
    public static IReadOnlyList<FormFindings> Check(IReadOnlyList<DocumentForm> forms, Rulebook rulebook, IReadOnlyList<ICheckRule> rules) =>
        Check(forms, rulebook, rules, []);

    /// <summary>Forms with their history and a list of per-form rules of one's own.</summary>
    public static IReadOnlyList<FormFindings> Check(IReadOnlyList<DocumentForm> forms, Rulebook rulebook, IReadOnlyList<ICheckRule> rules, IReadOnlyList<DocumentForm> history)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(history);
        var contexts = forms.Select(f => new CheckContext(f.Form, rulebook)).ToList();
        var findings = contexts.Select(c => Check(c, rules)).ToList();
        if (rulebook.Checks.Applies(CheckCodes.DuplicateForm))
            SetRule(findings, CheckCodes.DuplicateForm, () => DuplicateFormRule.Check(forms), _ => true);
        IReadOnlyList<DocumentForm> related = history.Count == 0 ? forms : [.. forms, .. history];
        if (rulebook.Checks.Applies(CheckCodes.ReportTableMismatch))
            SetRule(findings, CheckCodes.ReportTableMismatch, () => ReportTableRule.Check(forms, contexts, related), i => forms[i].Form.Kind == FormKind.Report);
        // Built inside the first rule's safety net (and once for all of them).
        var index = new Lazy<RelatedForms>(() => new RelatedForms(related));
        foreach (var (code, run) in CrossFormChecks.Rules)
            if (rulebook.Checks.Applies(code))
                SetRule(findings, code, () => run(forms, index.Value, rulebook), _ => true);
        return forms.Select((f, i) => new FormFindings(f.Document, f.Form, findings[i])).ToList();
    }

    /// <summary>True when any finding is an error (the CLI exits 1).</summary>
    public static bool HasErrors(IEnumerable<FormFindings> results) =>
        results.Any(r => r.Findings.Any(f => f.Severity == Severity.Error));

    /// <summary>True when a rule failed on some form (the CLI exits 3: the results are incomplete through a defect of ours).</summary>
    public static bool HasInternalErrors(IEnumerable<FormFindings> results) =>
        results.Any(r => r.Findings.Any(f => f.Code == CheckCodes.InternalError));
}

using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// Every finding the plausibility checks of issue 16 add on the four seeds, each with the arithmetic that justifies it;
/// the findings the seeds had before stay (<see cref="CheckerOnSeedsTests"/>).
/// </summary>
public class NewFindingsOnTheSeedsTests
{
    private static readonly string[] NewCodes =
    [
        CheckCodes.TotalUnreachable, CheckCodes.ActualAsThreshold, CheckCodes.NotApplicableScored, CheckCodes.TemplateTextLeft,
        CheckCodes.DeadlineBeforeYear, CheckCodes.MonitoringBehindSchedule, CheckCodes.DirectionReversed, CheckCodes.MoneyAsQuantity,
        CheckCodes.CostIndicatorMissing, CheckCodes.OverAchievementUnexplained,
        // Across forms and years, and the credibility signals: none on the seeds (seed 002's basic data table agrees with
        // its department table: 478.24 / 949.97 万元 against 4,782,400.00 / 9,499,678.85 元).
        CheckCodes.TargetBelowLastActual, CheckCodes.IndicatorDropped, CheckCodes.TargetChanged, CheckCodes.DepartmentProjectsMismatch,
        CheckCodes.BasicDataMismatch, CheckCodes.SatisfactionAlwaysHigh, CheckCodes.IndicatorsCopied, CheckCodes.AllTargetsExactlyMet,
        CheckCodes.TargetsMetLowExecution, CheckCodes.FormUnfilled, CheckCodes.MonitoringLikelihoodMismatch,
    ];

    private static readonly Lazy<IReadOnlyList<FormFindings>> All = new(() => CheckedDocuments.Seeds);

    private static List<(string Document, FormKind Kind, string Code, int? Row, Finding Finding)> New() =>
        [.. All.Value.SelectMany(r => r.Findings.Where(f => NewCodes.Contains(f.Code)).Select(f => (r.Document, r.Form.Kind, f.Code, f.Location.Row, f)))];

    [Fact]
    public void The_seeds_get_exactly_these_new_findings()
    {
        Assert.Equal(
            [
                ("000", CheckCodes.ActualAsThreshold, (int?)19), ("000", CheckCodes.ActualAsThreshold, 28), ("000", CheckCodes.ActualAsThreshold, 41),
                ("000", CheckCodes.DirectionReversed, 19),
                ("002", CheckCodes.ActualAsThreshold, 585), ("002", CheckCodes.MonitoringBehindSchedule, 250),
                ("003", CheckCodes.ActualAsThreshold, 19),
            ],
            New().Select(n => (n.Document, n.Code, n.Row)).Order());
    }

    [Fact]
    public void Seed_000_scores_full_marks_on_three_actuals_written_as_bounds()
    {
        // Row 19: target <=10E-7, actual <=10E-7, 4 of 4; row 28: target <=2 小时, actual 2 小时以内, 3 of 3; row 41:
        // target 90%以上, actual 95%以上, 10 of 10. A bound does not say what was reached, so the full score cannot be verified.
        var found = New().Where(n => n.Document == "000" && n.Code == CheckCodes.ActualAsThreshold).Select(n => (n.Row, n.Finding.Stated)).ToList();
        Assert.Equal([(19, "<=10E-7"), (28, "2小时以内"), (41, "95%以上")], found);
    }

    [Fact]
    public void Seed_000_puts_an_upper_bound_of_10E_7_under_a_quantity_indicator()
    {
        // Row 19 sits under 数量指标 with the target <=10E-7 (a loss rate): an output quantity takes a floor, not a ceiling.
        var f = Assert.Single(New(), n => n.Code == CheckCodes.DirectionReversed).Finding;
        Assert.Equal("<=10E-7", f.Stated);
    }

    [Fact]
    public void Seed_002_monitoring_spent_nothing_in_six_months_yet_ticks_every_indicator_certain_without_a_reason()
    {
        // 0 ÷ 32.68 = 0.00% after 1-6月, against a time schedule of 6/12 = 50.00%; all 9 rows ticked 确定能, no cause, no text.
        var f = Assert.Single(New(), n => n.Code == CheckCodes.MonitoringBehindSchedule).Finding;
        Assert.Equal(("0.00%", Severity.Warning), (f.Stated, f.Severity));
        Assert.Contains("50.00%（6/12）", f.Message);
        Assert.Contains("9项指标", f.Message);
    }

    [Fact]
    public void Seed_002_project_and_seed_003_one_stop_service_score_full_marks_on_a_bound()
    {
        // Seed 002 row 585: target ≤100%, actual ≤100%, 10 of 10. Seed 003 row 19 (安全事件发现率): target ≥90%, actual ≥90%, 10.0 of 10.0.
        Assert.Equal("≤100%", Assert.Single(New(), n => n is { Document: "002", Code: CheckCodes.ActualAsThreshold }).Finding.Stated);
        var f = Assert.Single(New(), n => n is { Document: "003", Code: CheckCodes.ActualAsThreshold }).Finding;
        Assert.Equal(("≥90%", "安全事件发现率"), (f.Stated, f.Location.RowLabel));
    }
}

using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// The checker on the four real seeds, read through the real text reader and recogniser with the default rulebook:
/// every finding issue 4 lists must be there (and a correctly filled form gets none — see the core tests).
/// </summary>
public class CheckerOnSeedsTests
{
    private static readonly Lazy<IReadOnlyList<FormFindings>> All = new(() => CheckedDocuments.Seeds);

    private static IEnumerable<FormFindings> Seed(string number, FormKind kind) =>
        All.Value.Where(r => r.Document == number && r.Form.Kind == kind);

    private static FormFindings Project(string name) =>
        Seed("003", FormKind.ProjectSelfEvaluation).First(r => (r.Form.Project ?? "").Contains(name, StringComparison.Ordinal));

    private static Finding One(FormFindings form, string code, Func<Finding, bool>? where = null) =>
        Assert.Single(form.Findings, f => f.Code == code && (where?.Invoke(f) ?? true));

    [Fact]
    public void Seed_003_e_government_network_rate_92_64_is_wrong_and_so_is_its_score_9_26()
    {
        var form = Project("政务外网");
        var rate = One(form, CheckCodes.ExecutionRateMismatch);
        Assert.Equal(("92.64%", "99.99%"), (rate.Stated, rate.Expected));
        var score = One(form, CheckCodes.ExecutionScoreMismatch);
        Assert.Equal(("9.26", "10.00"), (score.Stated, score.Expected));
    }

    [Fact]
    public void Seed_003_government_cloud_scored_full_marks_despite_a_major_failure()
    {
        var f = One(Project("政务云"), CheckCodes.FullScoreDespiteMiss);
        Assert.Contains("年末发生重大故障", f.Message);
        Assert.Contains("稳定率", f.Location.RowLabel);
        Assert.Equal("10.00", f.Stated);
    }

    [Fact]
    public void Seed_003_data_operations_basically_done_with_full_marks_and_a_score_of_6_where_the_rule_gives_8_89()
    {
        var form = Project("数据运营服务");
        var tier = Assert.Single(form.Findings, f => f.Code is CheckCodes.QualitativeTier or CheckCodes.FullScoreDespiteMiss && f.Location.RowLabel!.Contains("数据共享完成率", StringComparison.Ordinal));
        Assert.Equal("10.00", tier.Stated);
        var proportional = One(form, CheckCodes.ScoreNotProportional, f => f.Location.RowLabel!.Contains("整改率", StringComparison.Ordinal));
        Assert.Equal(("6.00", "8.89"), (proportional.Stated, proportional.Expected));
    }

    [Fact]
    public void Seed_003_one_stop_service_took_a_point_off_full_satisfaction_without_a_reason()
    {
        var f = One(Project("一网通办"), CheckCodes.DeductionUnexplained);
        Assert.Contains("满意度", f.Location.RowLabel);
        Assert.Equal(("9.00", "10.00"), (f.Stated, f.Expected));
    }

    [Fact]
    public void Seed_003_publishes_three_projects_twice_and_says_whether_the_copies_differ()
    {
        var duplicates = Seed("003", FormKind.ProjectSelfEvaluation).SelectMany(r => r.Findings.Where(f => f.Code == CheckCodes.DuplicateForm).Select(f => (r.Form.Project, f))).ToList();
        Assert.Equal(3, duplicates.Count);
        Assert.Contains(duplicates, d => d.Project!.Contains("数据运营服务", StringComparison.Ordinal) && d.f.Message.Contains("内容相同", StringComparison.Ordinal));
        Assert.Contains(duplicates, d => d.Project!.Contains("政务云", StringComparison.Ordinal) && d.f.Message.Contains("全量上云", StringComparison.Ordinal));
        Assert.Contains(duplicates, d => d.Project!.Contains("政务外网", StringComparison.Ordinal) && d.f.Message.Contains("不同", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_002_department_table_states_100_percent_on_rows_whose_amounts_say_otherwise()
    {
        var form = Seed("002", FormKind.DepartmentSelfEvaluation).Single();
        var rates = form.Findings.Where(f => f.Code == CheckCodes.ExecutionRateMismatch).ToList();
        Assert.Contains(rates, f => f.Location.RowLabel!.Contains("财政拨款", StringComparison.Ordinal) && f.Stated == "100.00%" && f.Expected == "177.36%");
        Assert.Contains(rates, f => f.Location.RowLabel!.Contains("基本支出", StringComparison.Ordinal) && f.Expected == "109.07%");
        Assert.Contains(rates, f => f.Location.RowLabel!.Contains("项目支出", StringComparison.Ordinal) && f.Expected == "198.64%");
    }

    [Fact]
    public void Seed_002_department_table_has_four_unexplained_deductions()
    {
        var form = Seed("002", FormKind.DepartmentSelfEvaluation).Single();
        var lines = form.Findings.Where(f => f.Code == CheckCodes.DeductionUnexplained).Select(f => f.Location.Row).ToList();
        var level2 = form.Form.Indicators.Where(r => lines.Contains(r.Source?.Row)).Select(r => r.Level2 ?? "").ToList();
        Assert.Equal(4, lines.Count);
        foreach (var block in new[] { "资产管理", "经济效益", "社会效益", "满意度" })
            Assert.Single(level2, l => l.Contains(block, StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_002_project_table_weights_add_up_to_110_and_its_total_96_is_not_the_sum()
    {
        var form = Seed("002", FormKind.ProjectSelfEvaluation).Single();
        Assert.Equal("110", One(form, CheckCodes.WeightSum).Stated);
        var total = One(form, CheckCodes.TotalMismatch);
        Assert.Equal(("96", "106"), (total.Stated, total.Expected));
    }

    [Fact]
    public void Seed_002_basic_data_puts_979_97_inside_a_project_total_of_949_97()
    {
        var f = One(Seed("002", FormKind.DepartmentBasicData).Single(), CheckCodes.SubtotalMismatch);
        Assert.Equal(("949.97", "979.97"), (f.Stated, f.Expected));
        Assert.Contains("业务工作专项", f.Message);
    }

    [Fact]
    public void Seed_002_report_states_a_share_of_98_93_percent_where_the_amounts_give_90_62()
    {
        var report = Seed("002", FormKind.Report).Single();
        var f = One(report, CheckCodes.ShareMismatch);
        Assert.Equal(("98.93%", "90.62%"), (f.Stated, f.Expected));
        // Its other amounts, shares, increases and breakdowns add up, and its 96分 matches the tables.
        Assert.Single(report.Findings, x => x.Severity >= Severity.Warning);
    }

    [Fact]
    public void Seed_002_monitoring_table_spent_nothing_yet_reports_every_target_at_100_percent()
    {
        var f = One(Seed("002", FormKind.Monitoring).Single(), CheckCodes.MonitoringProgressMismatch);
        Assert.Contains("9/9", f.Stated);
    }

    [Fact]
    public void Seed_000_rate_234_00_should_be_234_10_and_the_unit_spent_more_than_its_budget()
    {
        var form = Seed("000", FormKind.DepartmentSelfEvaluation).Single();
        Assert.Single(form.Findings, f => f.Code == CheckCodes.ExecutionRateMismatch && f.Stated == "234.00%" && f.Expected == "234.10%");
        Assert.Single(form.Findings, f => f.Code == CheckCodes.OverExecution);
    }

    [Fact]
    public void Seed_001_report_states_134_71_percent_against_its_own_234_71_and_the_table_of_seed_000()
    {
        var report = Seed("001", FormKind.Report).Single();
        var own = One(report, CheckCodes.ShareMismatch);
        Assert.Equal(("134.71%", "234.71%"), (own.Stated, own.Expected));
        var table = One(report, CheckCodes.ReportTableMismatch);
        Assert.Equal(("134.71%", "234.10%"), (table.Stated, table.Expected));
    }

    [Fact]
    public void The_findings_workbook_of_the_seeds_has_one_row_per_finding()
    {
        using var stream = new MemoryStream();
        Documents.Findings.FindingsWorkbook.Write(stream, All.Value);
        stream.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(1 + All.Value.Sum(r => r.Findings.Count), rows);
        Assert.True(Checker.HasErrors(All.Value));
    }

    [Fact]
    public void Seed_001_report_raises_nothing_else_about_sentences_that_add_up()
    {
        var report = Seed("001", FormKind.Report).Single();
        Assert.Equal([CheckCodes.ShareMismatch, CheckCodes.ReportTableMismatch],
            report.Findings.Where(f => f.Severity >= Severity.Warning && f.Code != CheckCodes.ReportSectionMissing).Select(f => f.Code));
    }

    [Fact]
    public void Seed_001_report_is_held_to_the_outline_and_lacks_only_its_grade_section()
    {
        // 一、单位基本情况 … 五、下一步改进措施 are recognised under their own words; 六、其他需要说明的情况 states no grade.
        var report = Seed("001", FormKind.Report).Single();
        var missing = Assert.Single(report.Findings, f => f.Code == CheckCodes.ReportSectionMissing);
        Assert.Equal("自评等级", missing.Location.Field);
    }
}

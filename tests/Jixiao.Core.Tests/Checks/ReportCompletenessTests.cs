using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Reports;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class An_empty_report_does_not_pass
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\u3000 ")]
    public void A_report_without_text_is_an_error_naming_the_sections_it_should_have(string? text)
    {
        var f = Assert.Single(Check(new PerformanceForm { Kind = FormKind.Report, Year = 2021, Text = text }), f => f.Code == CheckCodes.ReportEmpty);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(Blocks.Report, f.Location.Block);
        Assert.Contains("没有正文", f.Message, StringComparison.Ordinal);
        Assert.Contains("存在问题", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_without_text_is_no_empty_report() =>
        Assert.DoesNotContain(Check(new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation }), f => f.Code == CheckCodes.ReportEmpty);
}

public class A_report_missing_a_required_section_is_reported
{
    private const string Complete = """
        一、部门概况
        　　本单位负责全市数据资源管理。
        二、预算执行情况
        　　全年预算数100.00万元，执行数95.00万元，执行率95.00%。
        三、绩效目标完成情况
        　　各项产出指标均已完成。
        四、存在的问题
        　　个别项目进度偏慢。
        五、改进措施
        　　加强预算执行监控。
        六、自评等级
        　　自评得分92分，等级为优。
        """;

    private static List<Finding> Missing(string text) =>
        Run(new ReportSectionMissingRule(), new PerformanceForm { Kind = FormKind.Report, Year = 2021, Text = text }).ToList();

    [Fact]
    public void A_report_with_every_section_under_its_own_words_has_no_finding() => Assert.Empty(Missing(Complete));

    [Fact]
    public void A_section_left_out_is_named_with_what_it_should_say()
    {
        var text = Complete.Replace("四、存在的问题\n　　个别项目进度偏慢。\n", "", StringComparison.Ordinal);
        var f = Assert.Single(Missing(text));
        Assert.Equal(CheckCodes.ReportSectionMissing, f.Code);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("存在问题", f.Location.Field);
        Assert.Contains("缺少“存在问题”部分", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_with_nothing_under_it_counts_as_missing()
    {
        var text = Complete.Replace("　　加强预算执行监控。\n", "", StringComparison.Ordinal);
        var f = Assert.Single(Missing(text));
        Assert.Equal("改进措施", f.Location.Field);
        Assert.Contains("下面没有内容", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_organised_by_one_known_heading_is_held_to_the_whole_outline()
    {
        var findings = Missing("一、基本情况\n本单位全年预算执行良好，各项目标均已完成。");
        Assert.Equal(["预算及执行", "绩效目标完成情况", "存在问题", "改进措施", "自评等级"], findings.Select(f => f.Location.Field));
    }

    [Fact]
    public void A_text_without_any_known_heading_is_not_held_to_the_outline() =>
        Assert.Empty(Missing("本单位全年预算执行良好，各项目标均已完成。"));

    [Fact]
    public void An_empty_report_is_reported_once_as_empty_not_six_times_as_missing_sections() => Assert.Empty(Missing(""));
}

public class A_report_contradicting_its_self_evaluation_is_reported
{
    private static PerformanceForm Table()
    {
        var form = Clean();
        form.Unit = "湘江市数据资源局";
        form.Year = 2021;
        return form;
    }

    [Fact]
    public void A_grade_in_the_grade_section_other_than_the_tables_is_a_report_table_mismatch()
    {
        var report = new PerformanceForm
        {
            Kind = FormKind.Report, Unit = "湘江市数据资源局", Year = 2021,
            Text = "一、概况\n本局负责数据资源管理。\n六、自评等级\n本项目自评等级为中。",
        };
        var results = Checker.Check([new DocumentForm("单位", Table()), new DocumentForm("单位", report)], Rulebook);
        var f = Assert.Single(results[1].Findings, f => f.Code == CheckCodes.ReportTableMismatch);
        Assert.Equal("中", f.Stated);
        Assert.Equal("优", f.Expected);
    }
}

public class A_report_still_holding_the_drafts_gaps_is_warned
{
    [Fact]
    public void Each_section_with_a_gap_gets_one_warning_naming_what_is_left_to_write()
    {
        var text = "一、概况\n（一）部门职能。【请填写：部门（单位）主要职能职责】\n（二）人员情况。【请填写：编制数、实际在职人数】\n"
            + "二、预算执行情况\n全年预算数100万元。\n四、存在的问题\n【请填写：绩效目标未完成的原因】";
        var findings = Run(new ReportDraftGapRule(), new PerformanceForm { Kind = FormKind.Report, Text = text });
        Assert.Equal(["概况", "存在问题"], findings.Select(f => f.Location.Field));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("【请填写：部门（单位）主要职能职责】、【请填写：编制数、实际在职人数】", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_written_in_full_has_none() =>
        Assert.Empty(Run(new ReportDraftGapRule(), new PerformanceForm { Kind = FormKind.Report, Text = "一、概况\n本局负责数据资源管理。" }));
}

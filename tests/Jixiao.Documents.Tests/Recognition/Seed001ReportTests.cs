using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

public sealed class Seed001ReportTests
{
    private static readonly PerformanceForm Report = Assert.Single(Recognize.Seed("001"));

    [Fact]
    public void The_seed_is_one_report_of_2020_signed_by_the_wangcheng_data_centre()
    {
        Assert.Equal(FormKind.Report, Report.Kind);
        Assert.Equal(2020, Report.Year);
        Assert.Equal("长沙市望城区数据资源中心", Report.Unit);
        Assert.Equal("2020 年度望城区数据资源中心部门整体支出预算绩效自评报告", Report.Title);
    }

    [Fact]
    public void The_text_is_the_whole_narrative_in_order()
    {
        var text = Report.Text!;
        Assert.StartsWith("2020 年度望城区数据资源中心部门整体支出预算绩效自评报告\n一、单位基本情况\n", text);
        Assert.Contains("本年度预算支出完成率134.71%", text);
        Assert.True(text.IndexOf("四、存在的问题及原因分析", StringComparison.Ordinal) < text.IndexOf("五、下一步改进措施", StringComparison.Ordinal));
        Assert.EndsWith("长沙市望城区数据资源中心\n2021年1月25日", text);
    }

    [Fact]
    public void A_report_that_states_no_score_or_grade_gets_none()
    {
        Assert.Null(Report.StatedTotal);
        Assert.Null(Report.StatedGrade);
    }

    [Fact]
    public void A_grade_and_total_stated_in_a_report_are_read_and_contradictions_noted()
    {
        var consistent = Assert.Single(Recognize.Text("2021年度部门整体支出绩效自评报告\n一、概况\n自评总分为92.5分。\n九、评价等级\n绩效评价等级为“优”。\n"));
        Assert.Equal((92.5m, "优"), (consistent.StatedTotal, consistent.StatedGrade));

        var contradictory = Assert.Single(Recognize.Text("2021年度项目支出绩效自评报告\n综合得分为92分。\n经复核，自评得分为88分，等级为良好。\n"));
        Assert.Null(contradictory.StatedTotal);
        Assert.Equal("良", contradictory.StatedGrade);
        var doubt = Assert.Single(contradictory.ReadingDoubts);
        Assert.Equal((DoubtReason.ConflictingStatements, FormBlock.Report, "92分、88分"), (doubt.Reason, doubt.Block, doubt.Text));
        Assert.Equal([CellRole.StatedTotal], doubt.Cells);
    }
}

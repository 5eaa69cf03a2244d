using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// PDF text whose order was lost: the whole table on one line, the header words of the indicator block scattered
/// (a two-line header printed column by column, "年度 实际 指标值 完成值", the first row's cells among them). The rows
/// after the last header word are read
/// in the column order the default template prints, and the block carries a typed doubt saying the order was assumed.
/// </summary>
public sealed class A_flattened_table_with_its_header_words_out_of_order_is_read_under_a_block_doubt
{
    private const string Line =
        "某县项目支出绩效自评表 (2023年度) 项目名称 村卫生室运行补助 主管部门 某县卫生健康局 一级 指标 — 年度 实际 指标值 完成值 "
        + "指标1:村医培训人数 50人 二级指标 三级指标 分值 得分 52人 10 10 指标2:药品配送及时率 95% 96% 10 9.5 "
        + "指标3:慢病随访人数 300人 280人 10 9.3";

    [Fact]
    public void The_rows_after_the_header_words_are_read_and_the_block_says_its_column_order_was_assumed()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Line, "scrambled.txt")));

        Assert.Equal(("村卫生室运行补助", "某县卫生健康局"), (form.Project, form.Department));
        // The first row's cells stand among the header words: not placed, and the block's doubt covers it.
        Assert.Equal(
            [
                ("指标2:药品配送及时率", "95%", "96%", 10m, 9.5m),
                ("指标3:慢病随访人数", "300人", "280人", 10m, 9.3m),
            ],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells);
        Assert.Equal((DoubtScope.Block, FormBlock.Indicators), (doubt.Scope, doubt.Block));
    }

    [Fact]
    public void A_report_paragraph_naming_scores_is_not_taken_for_a_header()
    {
        var forms = FormRecognizer.Recognize(TextReader.Read(
            "某县2023年度村卫生室运行补助项目绩效自评报告\n"
            + "项目共设一级指标 3 个、二级指标 6 个、三级指标 12 个，自评得分为 96 分，其中产出指标得分 48 分，效益指标得分 30 分，"
            + "满意度指标得分 9 分，年度指标值均已完成，实际完成值见附表。",
            "report.txt"));

        var report = Assert.Single(forms);
        Assert.Equal(FormKind.Report, report.Kind);
        Assert.Empty(report.Indicators);
    }
}

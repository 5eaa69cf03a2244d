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
        // The first row's name and target stand among the header words, its actual, weight and score right after the
        // last of them: the two column groups are paired (one target, one group, the same unit).
        Assert.Equal(
            [
                ("指标1:村医培训人数", "50人", "52人", 10m, 10m),
                ("指标2:药品配送及时率", "95%", "96%", 10m, 9.5m),
                ("指标3:慢病随访人数", "300人", "280人", 10m, 9.3m),
            ],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells);
        Assert.Equal((DoubtScope.Block, FormBlock.Indicators), (doubt.Scope, doubt.Block));
    }

    [Fact]
    public void Rows_whose_column_groups_lost_their_order_are_paired_in_order_each_under_a_doubt_of_its_own()
    {
        // Row 1 is whole (a name, one target); after row 2's name three targets follow, one name comes late: from row 2
        // on, which target belongs to which row is an assumption of print order.
        const string line =
            "某县项目支出绩效自评表 (2023年度) 项目名称 农村改厕补助 主管部门 某县农业农村局 一级 指标 — 年度 实际 指标值 完成值 "
            + "指标1:改厕户数 120户 指标2:宣传场次 不少于4 场 30份 5次 二级指标 三级指标 指标5:验收合格率 分值 得分 "
            + "118户 4 4 5场 2 2 30份 2 2 6次 2 2 指标6:回访满意度 90% 95% 10 10";
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "columns.txt")));

        Assert.Equal(
            [
                ("指标1:改厕户数", "120户", "118户", 4m, 4m),
                ("指标2:宣传场次", "不少于4场", "5场", 2m, 2m),
                (null, "30份", "30份", 2m, 2m),
                ("指标5:验收合格率", "5次", "6次", 2m, 2m),
                ("指标6:回访满意度", "90%", "95%", 10m, 10m),
            ],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        var rowDoubts = form.ReadingDoubts.Where(d => d.Scope == DoubtScope.Cell && d.Reason == DoubtReason.ShiftedCells).ToList();
        Assert.Equal(3, rowDoubts.Count);
        // Each doubt is about its own row: rows 1 and 6 of the same line are not covered.
        Assert.DoesNotContain(rowDoubts, d => d.IsAt(form.Indicators[0].Source));
        Assert.DoesNotContain(rowDoubts, d => d.IsAt(form.Indicators[4].Source));
        Assert.All(form.Indicators.Skip(1).Take(3), r => Assert.Contains(rowDoubts, d => d.IsAt(r.Source)));
    }

    [Fact]
    public void Funds_figures_printed_before_their_labels_take_the_labels_that_follow_and_the_rate_standing_alone()
    {
        const string line =
            "项目支出绩效自评表 (2023年度) 项目名称 社区养老服务补贴 主管部门 某区民政局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            + "80000.00 80000.00 72,000.0 10 9.00 80000.00 80000.00 72000.0 — 上年结转资金 0 0 — 年度资金总额 项目资金 (元) "
            + "某区养老服务中心 实施单位 其中:当年财政拨款 预期目标 年度 总体 目标 90.00% 实际完成情况 补贴已按季度发放。";
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "funds.txt")));

        var total = Assert.Single(form.Funds, r => r.Role == FundsRowRole.Total);
        Assert.Equal(("年度资金总额", 80000m, 80000m, 72000m, 10m, 9m), (total.Label, total.InitialBudget!.Value, total.Budget!.Value, total.Executed!.Value, total.Weight!.Value, total.StatedScore!.Value));
        Assert.Equal(0.9m, total.StatedRate!.Value.Fraction);
        var part = Assert.Single(form.Funds, r => r.Label == "其中:当年财政拨款");
        Assert.Equal((80000m, 80000m, 72000m), (part.InitialBudget!.Value, part.Budget!.Value, part.Executed!.Value));
    }

    [Fact]
    public void Funds_figures_without_as_many_labels_after_them_are_not_given_any()
    {
        // Two unlabelled rows but only a total word after them: which row is which is not guessed.
        const string line =
            "项目支出绩效自评表 (2023年度) 项目名称 社区养老服务补贴 主管部门 某区民政局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            + "80000.00 80000.00 72,000.0 10 9.00 80000.00 80000.00 72000.0 — 年度资金总额 项目资金 (元) 某区养老服务中心 实施单位 "
            + "预期目标 年度 总体 目标 90.00% 实际完成情况 补贴已按季度发放。";
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "funds.txt")));

        Assert.DoesNotContain(form.Funds, r => r.Executed == 72000m);
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

using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A funds block whose parts stand on two levels — a 小计 row printed among its own items (资金小计 over ①②③, then 合计) —
/// read into the form's one level of parts: every row is kept as printed, each subtotal with a nested-parts doubt on its
/// label, so the checker does not add a subtotal and its own items together against the total and call it a mismatch.
/// </summary>
public sealed class A_subtotal_printed_among_its_own_items_is_not_added_to_them
{
    /// <summary>The department layout with its header one cell per line over spaced rows (StackedFundsHeader).</summary>
    private static string Stacked(string rows) => $"""
        部门整体支出绩效自评表
        (2022年度)
        部门(单位)名称 某县气象服务中心
        财政资金安排和使用情况  资金结构
        (万元)
        预算安排 拨付情况 结余情况
        年初部门预算安排金额
        历年结余结转
        年中调整金额③ 小计
        ④ = ①+② +③
        年度拨付金额
        支出实现率(%)
        ⑥=⑤/④
        本年度结余金额
        ⑦=④-⑤
        资金结余率
        (%)
        ⑧=⑦/④
        {rows}
        年度
        总体
        目标
        """;

    private const string TwoLevels = """
        财政资金小计 640 12.5 0 652.5 600.3 92% 52.2 8%
        ①中央及省级财政资金
        ②市级财政资金 400 12.5 0 412.5 380.3 92% 32.2 8%
        ③县(市、区)财政资金 240 0 0 240 220 92% 20 8%
        其他资金小计
        合 计 640 12.5 0 652.5 600.3 92% 52.2 8%
        """;

    private static PerformanceForm Read(string text) => Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "nested.txt")));

    private static IReadOnlyList<Finding> Check(PerformanceForm form) => Checker.Check(form, Core.Rulebooks.Rulebooks.Default);

    [Fact]
    public void Every_row_is_read_with_its_amounts()
    {
        var form = Read(Stacked(TwoLevels));

        Assert.Equal([("财政资金小计", 652.5m), ("①中央及省级财政资金", null), ("②市级财政资金", 412.5m), ("③县(市、区)财政资金", 240m), ("其他资金小计", null)],
            form.Funds.Where(f => f.Role == FundsRowRole.Part).Select(f => (f.Label, f.Budget)));
    }

    [Fact]
    public void The_subtotals_are_in_doubt_at_their_label_and_their_items_are_not()
    {
        var form = Read(Stacked(TwoLevels));

        var doubts = form.ReadingDoubts.Where(d => d.Reason == DoubtReason.NestedParts).ToList();
        Assert.Equal(["财政资金小计", "其他资金小计"], doubts.Select(d => d.RowLabel));
        Assert.All(doubts, d => Assert.Equal((FormBlock.Funds, CellRole.Label), (d.Block, Assert.Single(d.Cells))));
    }

    [Fact]
    public void The_checker_reports_no_subtotal_mismatch_and_says_the_sum_was_not_checked()
    {
        var findings = Check(Read(Stacked(TwoLevels)));

        Assert.DoesNotContain(findings, f => f.Code == CheckCodes.FundsSubtotalMismatch);
        Assert.Contains(findings, f => f.Code == CheckCodes.ReadingUncertain && f.Message.Contains("财政资金小计", StringComparison.Ordinal));
    }

    [Fact]
    public void Parts_that_are_all_subtotals_are_one_level_and_still_added_up()
    {
        // 财政资金小计 640 + 其他资金小计 50 = 690 under a 合计 of 700.
        var form = Read(Stacked("""
            财政资金小计 640 0 0 640 600 94% 40 6%
            其他资金小计 50 0 0 50 50 100% 0 0%
            合 计 700 0 0 700 650 93% 50 7%
            """));

        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason == DoubtReason.NestedParts);
        Assert.Contains(Check(form), f => f.Code == CheckCodes.FundsSubtotalMismatch && f.Stated == "700" && f.Expected == "690");
    }

    [Fact]
    public void The_same_tree_in_a_ruled_table_is_read_the_same_way()
    {
        var form = Assert.Single(Recognize.Text("""
            项目支出绩效自评表
            项目名称 | 乡村文化站设备购置
            项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
             | 年度资金总额 | 36 | 36 | 30 | 10 | 83.33% | 8.33
             | (一)财政拨款小计 | 30 | 30 | 25 |  | 83.33% | 
             | 1、一般公共预算 | 30 | 30 | 25 |  | 83.33% | 
             | (二)自有资金小计 | 6 | 6 | 5 |  | 83.33% | 
             | 1、事业收入 | 6 | 6 | 5 |  | 83.33% | 
            """));

        Assert.Equal(["(一)财政拨款小计", "(二)自有资金小计"],
            form.ReadingDoubts.Where(d => d.Reason == DoubtReason.NestedParts).Select(d => d.RowLabel));
        Assert.DoesNotContain(Check(form), f => f.Code == CheckCodes.FundsSubtotalMismatch);
    }
}

/// <summary>
/// A form head run into a paragraph whose amounts break one part down in brackets ("财政拨款:…万元(其中:上级资金:…万元;…)"):
/// the unit printed after a figure stays with it (not with the next label), and the bracketed items are read in doubt as
/// items of that part, so they are not added to it against the total.
/// </summary>
public sealed class A_bracketed_breakdown_of_one_amount_in_a_run_on_head_is_not_added_to_it
{
    private const string Paragraph =
        "县人民政府办公室关于下达2023年村级道路养护资金的通知各乡镇:为做好村级道路日常养护工作,保障群众安全出行,现将养护资金及其绩效目标表印发给你们,"
        + "请按照资金管理办法做好资金拨付和使用管理,确保资金安全有效。附件村级道路养护项目绩效目标表(2023年度)"
        + "项目名称村级道路养护主管部门县交通运输局资金情况(万元)年度资金总额:500.25万元财政拨款:420.25万元(其中:上级补助资金:420.25万元)"
        + "自有资金:80万元总体目标完成村级道路日常养护";

    private static PerformanceForm Read() => Assert.Single(FormRecognizer.Recognize(TextReader.Read(Paragraph, "notice.txt")));

    [Fact]
    public void The_unit_after_each_figure_is_the_forms_unit_and_no_part_of_a_label()
    {
        var form = Read();

        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
        Assert.DoesNotContain(form.Funds, f => f.Label.StartsWith("万元", StringComparison.Ordinal));
        Assert.Equal(500.25m, Assert.Single(form.Funds, f => f.Role == FundsRowRole.Total).Budget);
    }

    [Fact]
    public void The_bracketed_item_is_read_in_doubt_as_an_item_of_its_part()
    {
        var form = Read();

        var item = Assert.Single(form.Funds, f => f.Label.Contains("上级补助资金", StringComparison.Ordinal));
        Assert.Equal(420.25m, item.Budget);
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Reason == DoubtReason.NestedParts);
        Assert.Equal(("财政拨款", item.Label), (doubt.Assumed, doubt.RowLabel));
    }

    [Fact]
    public void The_checker_does_not_add_the_item_to_its_part_against_the_total()
    {
        var findings = Checker.Check(Read(), Core.Rulebooks.Rulebooks.Default);

        Assert.DoesNotContain(findings, f => f.Code == CheckCodes.FundsSubtotalMismatch);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 转移支付 evaluation table copied out of a PDF page: the header's cells wrapped, each column word on its line with its
/// letter under it, each row's figures running on to the next line with spaces between and the empty 统筹整合 cell left
/// out. Percentages go under the percentage columns, the row number under 行次, and the amounts between fill the budget
/// and execution columns first, so budget, execution and rate are read as printed.
/// </summary>
public sealed class A_funds_table_with_a_wrapped_header_and_running_figures_reads_its_funds
{
    private const string Text = """
        2023年度水利发展资金绩效评价表
        资金投入情况
        (万元)
        行次 全年预算数
        (A)
        统筹整合资金数
        (B)
        扣除统筹整合资金后预算金额
        (C)
        全年到位资金
        (D)
        预算到位
        (D/C×100%)
        全年执行资金
        (E)
        预算执行
        (E/C×100%)
        佐证材料
        列次 0 1 2 3 4 5 6 7 所需材料
        年度资金总额: 1 75.5
        75.5 75.5 100.00% 60.4 80.00%
        其中:中央财政资金 2 75.5
        75.5 75.5 100.00% 60.4 80.00% 资金文件
        地方财政资金 3
        资金管理情况
        情况说明 存在问题 改进措施
        """;

    [Fact]
    public void Budget_executed_and_rate_land_in_their_columns()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "wrapped.txt")));

        Assert.Equal(
            [("年度资金总额:", 75.5m, 60.4m, 80m), ("其中:中央财政资金", 75.5m, 60.4m, 80m), ("地方财政资金", (decimal?)null, (decimal?)null, (decimal?)null)],
            form.Funds.Take(3).Select(f => (f.Label, f.Budget, f.Executed, f.StatedRate?.Points)));
        Assert.Equal("100.00%", form.Funds[0].Extra["receivedRate"]);
        Assert.DoesNotContain(form.Funds, f => f.Label.Contains("列次", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_that_do_not_fit_the_columns_leave_the_table_unread_rather_than_guessed()
    {
        // Two percentages where the execution amount should stand: no placement by type, so no budget is stated.
        var form = FormRecognizer.Recognize(TextReader.Read(Text.Replace("75.5 75.5 100.00% 60.4 80.00%\n", "75.5 75.5 100.00% 60% 80.00%\n", StringComparison.Ordinal), "wrapped.txt"));
        Assert.DoesNotContain(form.SelectMany(f => f.Funds), f => f.Budget == 75.5m && f.Executed is not null && f.Executed != 60.4m);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A department form's funds block copied out of a spreadsheet page one header cell per line (the formulas under the
/// words on lines of their own, a "(%)" wrapped onto the next line), its rows after it with spaces between the cells:
/// each row's figures are read under the columns the stacked words name, as the printed grid is read.
/// </summary>
public sealed class A_funds_header_printed_one_cell_per_line_is_read_as_the_grid
{
    private static string Document(string columns) => $"""
        部门整体支出绩效自评表
        (2023年度)
        部门(单位)名称 某市档案馆
        财政资金安排和使用情况  资金结构
        (万元)
        预算安排 拨付情况 结余情况
        {columns}
        财政资金小计 1200 30.5 -10 1220.5 1100.25 90% 120.25 10%
        ①中央及省级财政资金
        ②市级财政资金 1200 30.5 -10 1220.5 1100.25 90% 120.25 10%
        其他资金小计
        合 计 1200 30.5 -10 1220.5 1100.25 90% 120.25 10%
        年度
        总体
        目标
        """;

    private const string Columns = """
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
        """;

    private static PerformanceForm Read(string columns) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Document(columns), "stacked.txt")));

    [Fact]
    public void Each_row_reads_its_initial_budget_subtotal_payment_and_rate_from_their_own_columns()
    {
        var form = Read(Columns);

        Assert.Equal(FormKind.DepartmentSelfEvaluation, form.Kind);
        var filled = form.Funds.Where(f => f.Budget is not null).ToList();
        Assert.Equal(3, filled.Count);
        Assert.All(filled, f => Assert.Equal((1200m, 1220.5m, 1100.25m, 0.9m),
            (f.InitialBudget, f.Budget, f.Executed, f.StatedRate?.Fraction)));
    }

    [Fact]
    public void Label_rows_without_figures_between_them_are_rows_of_the_block_with_nothing_in_them()
    {
        var form = Read(Columns);

        Assert.Equal(["财政资金小计", "①中央及省级财政资金", "②市级财政资金", "其他资金小计", "合计"],
            form.Funds.Select(f => f.Label!.Replace(" ", "", StringComparison.Ordinal)));
        var empty = Assert.Single(form.Funds, f => f.Label == "①中央及省级财政资金");
        Assert.Equal((null, null, null), (empty.InitialBudget, empty.Budget, empty.Executed));
    }

    [Fact]
    public void Stacked_words_that_do_not_name_as_many_columns_as_the_row_has_figures_place_no_figure()
    {
        // One column word lost: the eight figures cannot be put under seven words, so none is taken for a column.
        var form = Read(Columns.Replace("历年结余结转\n", "", StringComparison.Ordinal));

        Assert.DoesNotContain(form.Funds, f => f.Executed is 30.5m or 1220.5m || f.InitialBudget is 30.5m);
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A department-wide table whose funds block is headed by groups (预算安排 / 拨付情况 / 结余情况) over numbered columns:
/// 年初预算 + 结转 + 调整 = 小计 is the year's budget, 拨付金额 what was spent, 支出实现率 the stated rate. The formula text
/// under each header (④=①+②+③) does not hide the column's role.
/// </summary>
public sealed class BudgetArrangementFundsHeaderTests
{
    private const string Grid = """
        部门整体支出绩效自评表
        (2023年度)
        部门(单位)名称 | 某市档案馆 | ^ | ^ | ^ | ^ | ^ | 部门预算编码 | 123456
        财政资金安排和使用情况 | 资金结构 | 预算安排 | ^ | ^ | ^ | 拨付情况 | ^ | 结余情况
        ^ | ^ | 年初部门预算安排金额 ① | 历年结余结转 ② | 年中调整金额 ③ | 小计 ④=①+②+③ | 年度拨付金额 ⑤ | 支出实现率(%) ⑥=⑤/④ | 本年度结余金额 ⑦=④-⑤
        ^ | 财政资金小计 | 1200 | 50 | 0 | 1250 | 1000 | 80% | 250
        ^ | ①中央及省级财政资金 | | | | | | |
        ^ | ②市级财政资金 | 1200 | 50 | 0 | 1250 | 1000 | 80% | 250
        ^ | 合计 | 1200 | 50 | 0 | 1250 | 1000 | 80% | 250
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_subtotal_under_the_budget_group_is_the_budget_and_the_disbursement_is_the_execution(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(FormKind.DepartmentSelfEvaluation, form.Kind);
        Assert.Equal(["财政资金小计", "①中央及省级财政资金", "②市级财政资金", "合计"], form.Funds.Select(f => f.Label));
        var total = form.Funds[^1];
        Assert.Equal((FundsRowRole.Total, 1200m, 1250m, 1000m, 0.8m),
            (total.Role, total.InitialBudget, total.Budget, total.Executed, total.StatedRate!.Value.Fraction));
        Assert.Equal((1200m, 1250m, 1000m), (form.Funds[2].InitialBudget, form.Funds[2].Budget, form.Funds[2].Executed));
        Assert.Null(form.Funds[1].Budget);
    }

    [Fact]
    public void A_subtotal_column_with_no_initial_budget_before_it_is_not_taken_for_the_budget()
    {
        var form = Assert.Single(PrintedGrid.Read("txt", """
            部门整体支出绩效自评表
            部门(单位)名称 | 某市档案馆
            资金结构 | 小计 | 全年执行数 | 执行率
            合计 | 1250 | 1000 | 80%
            """));

        Assert.DoesNotContain(form.Funds, f => f.Budget is not null);
    }
}

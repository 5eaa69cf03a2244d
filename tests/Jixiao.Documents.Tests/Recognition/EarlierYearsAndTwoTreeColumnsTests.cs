using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A targets table whose cost block prints earlier years' actual spending beside this year's amounts, and whose
/// indicator block has two tree columns and no 三级 (the 一级 column shows the 二级 words, the 二级 column the names).
/// </summary>
public sealed class Earlier_years_columns_and_a_two_level_tree_are_read_for_what_they_are
{
    private const string Grid = """
        某市2024年市直部门预算项目支出绩效目标表
        项目名称 | 办公楼物业管理
        项目预算 | 成本构成 | 金额 | 测算依据 | 2022年实际执行数 | 2023年实际执行数
        ^ | 保安服务费 | 120 | 依据合同 | 110 | 115
        ^ | 保洁服务费 | 80 | 依据合同 | 70 | 75
        ^ | 合计 | 200 |  | 180 | 190
        绩效指标 | 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 | 保障措施
        ^ | 数量指标 | 保洁面积 | 反映保洁覆盖情况 | 12000平方米 | 
        ^ | ^ | 巡查次数 | 反映安保巡查情况 | 365次 | 
        ^ | 质量指标 | 物业服务合格率 | 反映服务质量 | ≥95% | 
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void This_years_amounts_are_the_budget_and_earlier_years_are_not_taken_for_its_execution(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal([("保安服务费", 120m, (decimal?)null), ("保洁服务费", 80m, null), ("合计", 200m, null)],
            form.Funds.Select(f => (f.Label, (f.Budget ?? f.InitialBudget)!.Value, f.Executed)));
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Each_name_keeps_its_own_expected_value(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(
            [("数量指标", "保洁面积", "12000平方米"), ("数量指标", "巡查次数", "365次"), ("质量指标", "物业服务合格率", "≥95%")],
            form.Indicators.Select(r => (r.Level2, r.Name, r.Target)));
    }
}

using Jixiao.Core.Forms;
using TextReader = Jixiao.Documents.Text.TextReader;
using Jixiao.Documents.Recognition;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 绩效目标申报表 without a funds header states its amounts beside their labels ("年度本级预算金额 | 250万 | 该项目支出上级资金
/// | 0"), or under them on the next line (资金来源 labels, then a row of amounts): each label with its amount is a funds
/// row with that budget; "250万" is 250万元.
/// </summary>
public sealed class A_targets_form_reads_amounts_stated_beside_or_under_their_labels
{
    private const string Grid = """
        2023年项目支出绩效目标申报表
        单位：万元
        项目名称 | 道路清扫保洁
        项目当年预算（万元） | 250万 |  | 该项目支出上级资金 | 0
        项目资金来源情况（万元） | 其中：上级财政补助资金 |  | 其中：同级财政资金 | 其中：其他资金
         | 30.00 |  | 220.00 | 0.00
        一级指标 | 二级指标 | 三级指标 | 指标值
        产出指标 | 数量指标 | 清扫面积 | 120万平方米
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Each_label_takes_the_amount_beside_or_under_it(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal(
            [("项目当年预算（万元）", 250m), ("该项目支出上级资金", 0m), ("其中：上级财政补助资金", 30m), ("其中：同级财政资金", 220m), ("其中：其他资金", 0m)],
            form.Funds.Select(f => (f.Label, f.Budget!.Value)));
        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
    }

    [Fact]
    public void A_label_and_its_amount_on_lines_of_their_own_are_one_funds_row()
    {
        var text = """
            2023年项目支出绩效目标申报表
            项目支出名称 |
            道路清扫保洁 |
            |||
            年度本级 预算金额 |
            250万 |
            该项目支出上级资金 |
            0 |
            |||
            """;
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "cells.txt")));

        Assert.Equal([("年度本级预算金额", 250m), ("该项目支出上级资金", 0m)], form.Funds.Select(f => (f.Label.Replace(" ", "", StringComparison.Ordinal), f.Budget!.Value)));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A targets table converted one cell per line (each cell closed by "|"), with a 绩效标准 column after the values and
/// 二级 rows of the blank template left empty: the standard is a column of its own, not a row, and an empty 二级 gives
/// way to the 二级 printed after it instead of becoming an indicator named after a tree word.
/// </summary>
public sealed class A_cell_per_line_table_skips_empty_template_rows_and_keeps_the_standard_column
{
    private const string Table = """
        2024年项目支出绩效目标申报表
        |
        项目支出名称 |
        城区绿化养护 |
        |||
        本年度 绩效指标 |
        一级指标 |
        二级指标 |
        三级指标 |
        指标值及单位 |
        绩效标准 |
        |
        产出指标 |
        数量指标 |
        养护绿地面积 |
        120万平方米 |
        计划标准 |
        ||
        质量指标 |
        苗木成活率 |
        ≥95% |
        行业标准 |
        |||
        效益指标 |
        经济效益指标 |
        |
        社会效益指标 |
        绿地开放率 |
        100% |
        计划标准 |
        |||
        """;

    [Fact]
    public void Every_indicator_row_has_its_own_name_and_target_and_none_is_named_after_a_standard_or_a_tree_word()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Table, "converted.txt")));

        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal(
            [("数量指标", "养护绿地面积", "120万平方米"), ("质量指标", "苗木成活率", "≥95%"), ("社会效益指标", "绿地开放率", "100%")],
            form.Indicators.Select(r => (r.Level2, r.Name, r.Target)));
        Assert.Equal(["计划标准", "行业标准", "计划标准"], form.Indicators.Select(r => r.Extra.GetValueOrDefault("performanceStandard")));
    }
}

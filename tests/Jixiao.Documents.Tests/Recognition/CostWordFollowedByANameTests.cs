using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// In a converted table whose rows already stand left of their header, 成本指标 (a 一级 word from 2021, a 二级 word
/// before) followed by a name is the row's 二级: it places the row, so the name and its target are read where they
/// belong, as for the 二级 words of the rows above.
/// </summary>
public sealed class A_cost_word_followed_by_a_name_places_its_row_as_a_level2
{
    private const string Text = """
        项目绩效目标表
        (2020年度)
        项目名称 | 社区食堂运营补贴
        绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值
        产出指标 | 数量指标 | 补贴食堂数量 | 12个
        时效指标 | 补贴发放及时率 | ≥98%
        成本指标 | 每餐补贴标准 | 3.5元/餐
        效益指标 | 社会效益指标 | 老年人就餐便利度 | 明显提升
        """;

    [Fact]
    public void The_name_and_target_after_it_are_read_in_their_columns()
    {
        var form = Assert.Single(Recognize.Text(Text));

        var row = Assert.Single(form.Indicators, r => r.Name == "每餐补贴标准");
        Assert.Equal(("成本指标", "3.5元/餐", (string?)null), (row.Level2, row.Target, row.Content));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells && d.IsAt(row.Source));
    }
}

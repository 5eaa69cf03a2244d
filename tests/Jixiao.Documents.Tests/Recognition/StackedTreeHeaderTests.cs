using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// An indicator table copied out of a spreadsheet page whose narrow tree columns wrapped one word per line, header and
/// rows alike ("一级" / "指标" above the spaced header line, "产出" / "指标" / "(50分)" above a spaced row): the tree words
/// are put back at the head of the header, and a 一级 keeps the points wrapped under it.
/// </summary>
public sealed class A_tree_header_wrapped_one_word_per_line_is_read_as_the_grid
{
    private const string Text = """
        项目支出绩效自评表
        (2023年度)
        项目名称 职业技能培训补贴
        一级
        指标
        二级
        指标
        三级指标 指标解释 年度指标值 实际完成值 分值 得分
        产出
        指标
        (50分)
        数量
        指标
        培训人数 反映培训覆盖面 300人 320人 20 20
        质量
        指标
        培训合格率 反映培训质量 ≥90% 95% 30 30
        """;

    private static PerformanceForm Read() =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "wrapped-tree.txt")), f => f.Indicators.Count > 0);

    [Fact]
    public void Each_row_is_read_under_its_first_and_second_level_with_its_values_and_points()
    {
        var form = Read();

        Assert.Equal(
            [
                ("产出指标", "数量指标", "培训人数", "300人", "320人", 20m, 20m),
                ("产出指标", "质量指标", "培训合格率", "≥90%", "95%", 30m, 30m),
            ],
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Name, r.Target, r.Actual, r.Weight, r.StatedScore)));
    }

    [Fact]
    public void The_first_level_keeps_the_points_printed_under_it()
    {
        var form = Read();

        Assert.All(form.Indicators, r => Assert.Equal(50m, r.Level1Weight));
    }
}

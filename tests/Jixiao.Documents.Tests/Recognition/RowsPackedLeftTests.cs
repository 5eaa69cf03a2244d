using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A converted pipe table without points, whose cells merged from the rows above (一级, 二级) left no trace: a row of only
/// a name and its target starts at the left edge. The first cell, being no tree word, is the name and the next the target.
/// </summary>
public sealed class Rows_packed_left_in_a_table_without_points_read_their_name_and_target
{
    private const string Table = """
        项目绩效目标表 |
        (2024年度) |
        项目名称 | 社区养老服务补贴 |
        绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 补贴养老服务站数量 | 12个 | |
        服务老人人次 | 5400人次 | |||
        质量指标 | 补贴发放准确率 | ≥98% | ||
        服务期限 | 2024.1.1-2024.12.31 | |||
        满意度指标 | 服务对象满意度指标 | 老人满意度 | ≥90% |
        """;

    [Fact]
    public void Each_row_has_its_target()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Table, "packed.txt")));

        Assert.Equal(
            [
                ("数量指标", "补贴养老服务站数量", "12个"),
                ("数量指标", "服务老人人次", "5400人次"),
                ("质量指标", "补贴发放准确率", "≥98%"),
                ("质量指标", "服务期限", "2024.1.1-2024.12.31"),
                ("服务对象满意度指标", "老人满意度", "≥90%"),
            ],
            form.Indicators.Select(r => (r.Level2!, r.Name!, r.Target!)));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A rubric copied from a web page cell by cell, each cell closed by a bare "|" line, with cells whose text wraps over
/// several lines (a name broken in two, a standard of several clauses): each wrapped cell is one cell, so a clause of a
/// standard never becomes an indicator and a 二级 heading never becomes a row of its own.
/// </summary>
public sealed class Cells_closed_by_bare_bar_lines_keep_their_wrapped_text_together
{
    private const string Table = """
        一级指标
        |
        二级指标
        |
        三级指标
        |
        评分标准
        |
        分值
        |
        自评得分
        |
        扣分原因
        |
        投 入
        (10分)
        |
        预算配置
        (10分)
        |
        在职人员
        控制率
        |
        以100%为标准。控制率≦100%,计5分;
        每超过一个百分点扣0.5分,扣完为止。
        |
        5
        |
        4
        |
        |
        重点支出
        安排率
        |
        ①重点支出安排率≥90%,计5分;
        ②低于60%不得分。
        |
        5
        |
        5
        |
        |
        """;

    [Fact]
    public void Each_item_has_its_whole_name_its_points_and_its_score()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Table, "rubric.txt")));

        Assert.Equal(FormKind.Evaluation, form.Kind);
        Assert.Equal([("在职人员控制率", 5m, 4m), ("重点支出安排率", 5m, 5m)],
            form.Indicators.Select(r => (r.Name?.Replace("\n", "", StringComparison.Ordinal), r.Weight, r.StatedScore)));
    }
}

/// <summary>
/// A 区域绩效目标自评表 printed one cell per line whose indicator header has no 分值/得分 words: the section's points (50)
/// stand where they would be, and every row ends in one unlabelled number. It is read as the row's weight and score,
/// both marked as a number that can be read more than one way; a section label ending in 完成情况 before the header is
/// the block's label, not an 实际完成值 column.
/// </summary>
public sealed class Rows_ending_in_one_unlabelled_number_read_it_as_weight_and_score_in_doubt
{
    private const string Table = """
        专项资金区域绩效目标自评表

        专项名称

        就业补助资金

        年度绩效指标完成情况

        一级指标

        二级指标

        三级指标

        年度指标值

        实际完成指标值

        50

        产出指标

        数量指标

        指标1:培训人数

        500人

        520人

        6

        指标2:培训合格率

        ≥90%

        95%

        4

        效益指标

        社会效益指标

        指标1:就业率

        ≥80%

        82%

        10
        """;

    [Fact]
    public void Each_row_reads_target_actual_and_the_number_as_weight_and_score_under_an_ambiguous_number_doubt()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Table, "region.txt")));

        Assert.Equal(
            [("指标1:培训人数", "500人", "520人", 6m, 6m), ("指标2:培训合格率", "≥90%", "95%", 4m, 4m), ("指标1:就业率", "≥80%", "82%", 10m, 10m)],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight, r.StatedScore)));
        foreach (var row in form.Indicators)
        {
            var doubt = Assert.Single(form.ReadingDoubts, d => d.Block == FormBlock.Indicators && d.IsAt(row.Source));
            Assert.Equal(DoubtReason.AmbiguousNumber, doubt.Reason);
            Assert.True(doubt.Covers(CellRole.Weight) && doubt.Covers(CellRole.Score));
            Assert.False(doubt.Covers(CellRole.Target) || doubt.Covers(CellRole.Actual));
        }
    }
}

/// <summary>The satisfaction 二级 of the older national guidance (社会公众或服务对象满意度指标) is a tree word, not a name.</summary>
public sealed class The_older_satisfaction_level2_is_a_tree_word
{
    [Fact]
    public void The_row_under_it_takes_the_indicator_name_and_target()
    {
        var forms = Recognize.Text("""
            2023年项目支出绩效目标申报表
            项目名称 | 城区保洁
            一级指标 | 二级指标 | 三级指标 | 指标值
            产出指标 | 数量指标 | 保洁面积 | 120万平方米
            效益指标 | 社会公众或服务对象满意度指标 | 市民满意度 | ≥90%
            """);

        var form = Assert.Single(forms);
        Assert.Equal([("保洁面积", "120万平方米"), ("市民满意度", "≥90%")], form.Indicators.Select(r => (r.Name, r.Target)));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A header that prints 分值 before 年度指标值 and 全年实际值, and 其中 sub-rows that print only their name, target and
/// actual, packed to the left: two quantities in one measure unit cannot be points, so they are the row's target and
/// actual, read without a doubt; the row carries no weight and no score, and only those blank cells are in doubt.
/// </summary>
public sealed class Sub_rows_without_points_under_a_points_first_header_read_their_target_and_actual
{
    private const string Table = """
        绩效目标自评表 |
        (2024年度) |
        项目名称 | 农田灌溉设施补助 |
        绩效指标 | 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因 |
        产出指标 | 数量指标 | 新建灌溉渠道长度 | 30 | 12公里 | 12公里 | 30 | |
        其中主干渠 | 4公里 | 4公里 | |||||
        其中支渠 | 8公里 | 8公里 | |||||
        满意度指标 | 服务对象满意度指标 | 受益农户满意度 | 70 | ≥90% | 96% | 70 | |
        总分 | 100 | 100 |
        """;

    [Fact]
    public void The_sub_rows_have_their_target_and_actual_and_no_points()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Table, "points-first.txt")));

        Assert.Equal(
            [
                ("新建灌溉渠道长度", "12公里", "12公里", (decimal?)30m),
                ("其中主干渠", "4公里", "4公里", null),
                ("其中支渠", "8公里", "8公里", null),
                ("受益农户满意度", "≥90%", "96%", 70m),
            ],
            form.Indicators.Select(r => (r.Name!, r.Target!, r.Actual!, r.Weight)));
        // Only the sub-rows' blank points are in doubt (whether they count in the weights is not printed), never their values.
        Assert.Equal(
            [("其中主干渠", DoubtReason.MissingValue), ("其中支渠", DoubtReason.MissingValue)],
            form.ReadingDoubts.Where(d => d.Block == FormBlock.Indicators).Select(d => (d.RowLabel!, d.Reason)));
        Assert.All(form.ReadingDoubts.Where(d => d.Block == FormBlock.Indicators),
            d => Assert.Equal([CellRole.Weight, CellRole.Score], d.Cells));
    }
}

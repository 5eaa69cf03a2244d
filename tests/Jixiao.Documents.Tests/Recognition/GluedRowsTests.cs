using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A table whose cells a converter ran together with no separator at all, one row per line: the header line is read as
/// the column words it is made of, and each row is cut by what the columns hold — tree words at its start, values at
/// its end. Where a target and a weight touch with no sign between them, the split is kept only under a doubt at the
/// row's cells, unless the weights then add up to the stated total.
/// </summary>
public sealed class Rows_whose_cells_ran_together_are_cut_by_what_the_columns_hold
{
    private static PerformanceForm Read(string text) => Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "glued.txt")));

    private const string Header = "一级指标二级指标三级指标指标值分值";

    private static string Table(string total) => $"""
        2023年度城乡公交运营补贴项目绩效目标表

        {Header}
        产出指标数量指标补贴线路条数1230
        覆盖行政村比例≥95%20
        质量指标车辆完好率98%以上20
        效益指标社会效益指标群众出行便利度提升明显30
        {total}
        """;

    [Fact]
    public void Each_row_is_read_under_its_columns_with_its_tree_words()
    {
        var form = Read(Table("合计100"));

        Assert.Equal(
            [
                ("产出指标", "数量指标", "补贴线路条数", "12", 30m),
                ("产出指标", "数量指标", "覆盖行政村比例", "≥95%", 20m),
                ("产出指标", "质量指标", "车辆完好率", "98%以上", 20m),
            ],
            form.Indicators.Take(3).Select(r => (r.Level1, r.Level2, r.Name, r.Target, r.Weight!.Value)));
    }

    [Fact]
    public void A_target_and_weight_run_together_are_split_where_the_weights_add_up_to_the_total()
    {
        var form = Read(Table("合计100"));

        var row = form.Indicators[0];
        Assert.Equal(("12", 30m), (row.Target, row.Weight));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Indicators && d.Reason == DoubtReason.AmbiguousNumber);
        Assert.Equal(100m, form.StatedWeightTotal);
    }

    [Fact]
    public void Without_a_total_that_settles_it_the_split_row_is_in_doubt_at_its_target_and_weight()
    {
        var form = Read(Table("合计90"));

        var doubt = Assert.Single(form.ReadingDoubts, d => d.Reason == DoubtReason.AmbiguousNumber);
        Assert.Equal(FormBlock.Indicators, doubt.Block);
        Assert.Contains(CellRole.Target, doubt.Cells);
        Assert.Contains(CellRole.Weight, doubt.Cells);
    }

    [Fact]
    public void Digits_that_split_two_ways_stay_in_doubt_even_when_the_weights_add_up()
    {
        // 1512 is 15 | 12 or 151 | 2: no rule tells them apart.
        var form = Read($"""
            2023年度城乡公交运营补贴项目绩效目标表
            {Header}
            产出指标数量指标补贴线路条数1512
            质量指标车辆完好率98%88
            合计100
            """);

        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.AmbiguousNumber && d.Cells.Contains(CellRole.Weight));
    }
}

using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 转移支付 evaluation table numbers its rows (行次) and its columns (列次 0 1 2 …), and prints columns the model has
/// no property for (统筹整合资金数, 扣除统筹整合资金后预算金额, 全年到位资金, 预算到位率): the row numbers are no amounts, the
/// column-number row is no funds row, and the 到位 columns are kept as printed, so budget, execution and rate land in
/// their own columns.
/// </summary>
public sealed class A_transfer_table_with_row_and_column_numbers_reads_its_funds_in_their_columns
{
    private const string Grid = """
        2024年度林业改革发展资金绩效评价表
        资金投入情况（万元） | 行次 | 全年预算数(A) | 统筹整合资金数(B) | 扣除统筹整合资金后预算金额(C) | 全年到位资金(D) | 预算到位(D/C×100%) | 全年执行资金(E) | 预算执行(E/C×100%)
        列次 | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7
        年度资金总额 | 1 | 60.5 |  | 60.5 | 60.5 | 100.00% | 48.4 | 80.00%
        其中：中央财政资金 | 2 | 60.5 |  | 60.5 | 60.5 | 100.00% | 48.4 | 80.00%
        地方财政资金 | 3 |  |  |  |  |  |  | 
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Budget_executed_and_rate_come_from_their_columns_and_the_numbers_are_not_read_as_amounts(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(
            [("年度资金总额", 60.5m, 48.4m, 80m), ("其中：中央财政资金", 60.5m, 48.4m, 80m), ("地方财政资金", (decimal?)null, (decimal?)null, (decimal?)null)],
            form.Funds.Select(f => (f.Label, f.Budget, f.Executed, f.StatedRate?.Points)));
        Assert.Equal("100.00%", form.Funds[0].Extra["receivedRate"]);
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Funds);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void A_row_of_the_largest_amounts_under_the_header_is_no_column_numbering_and_reads_without_a_crash(string format)
    {
        // The fuzz round's case: the largest decimal in a row where column numbers could stand overflowed "previous + 1".
        var grid = Grid.Replace("列次 | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7", "列次 | 79228162514264337593543950335 | 79228162514264337593543950335 | 2 | 3 | 4 | 5 | 6 | 7", StringComparison.Ordinal);
        Assert.NotEqual(Grid, grid);
        var form = Assert.Single(PrintedGrid.Read(format, grid));
        Assert.Equal("年度资金总额", form.Funds.Select(f => f.Label).First(l => l.Contains("资金总额", StringComparison.Ordinal)));
    }
}

/// <summary>
/// An excerpt that starts inside a form, at its indicator header (the page with the title and the funds was cut): the
/// header of a self-evaluation family with columns of its own (指标性质, 度量单位) opens an untitled form, and its rows
/// are read; the titled form after it is read on its own.
/// </summary>
public sealed class An_excerpt_starting_at_a_self_evaluation_indicator_header_is_a_form
{
    private const string Grid = """
        绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分
        产出指标 | 数量指标 | 设备购置数量 | ≥ | 12 | 台 | 13 | 90 | 90
        合计 | 100
        项目支出绩效自评表
        项目名称 | 办公设备购置
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_rows_under_the_header_make_a_project_form_of_their_own(string format)
    {
        var forms = PrintedGrid.Read(format, Grid);

        var first = forms[0];
        Assert.Equal(FormKind.ProjectSelfEvaluation, first.Kind);
        Assert.Equal([("设备购置数量", "≥12台", "13台", 90m, 90m)], first.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight, r.StatedScore)));
        Assert.Contains(forms, f => f.Project == "办公设备购置");
    }
}

/// <summary>
/// The 分值 of the funds block belongs to its total row: a part row that shows a figure in that column under a total
/// with its own (a PDF dropped a blank cell and the row's zeros slid right) is read, but the whole row is in doubt.
/// </summary>
public sealed class A_funds_part_row_with_a_weight_under_a_weighted_total_is_in_doubt
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 体育场馆运营
        项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
        年度资金总额 | 20000.00 | 20000.00 | 9034 | 10 | 45.17% | 4.52
        上年结转资金 |  |  | 0 | 0 |  | 
        一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
        产出指标 | 数量指标 | 开放天数 | 300天 | 300天 | 90 | 90
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_part_row_carries_a_row_doubt_and_the_total_row_none(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        var total = form.Funds[0];
        var part = Assert.Single(form.Funds, f => f.Role != FundsRowRole.Total);
        Assert.Contains(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.Reason == DoubtReason.ShiftedCells && d.IsAt(part.Source) && d.Covers(CellRole.Weight));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.IsAt(total.Source));
        Assert.Equal((10m, 4.52m), (total.Weight, total.StatedScore));
    }
}

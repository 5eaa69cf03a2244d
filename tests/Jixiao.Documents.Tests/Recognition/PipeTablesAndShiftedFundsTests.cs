using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// Project tables as web-page and PDF converters print them: cells separated by "|", a row continued on the next line,
/// and empty cells dropped so that the figures of a funds row shift left under their headers.
/// </summary>
public sealed class PipeTablesAndShiftedFundsTests
{
    private static PerformanceForm Read(string text) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "converted.txt")));

    private const string Header = """
        项目支出绩效自评表 |
        | ( 2024年度) |
        项目名称 | 乡村道路养护 |
        主管部门 | 某县交通运输局 | 实施单位 | 某县公路事务中心 |
        """;

    private const string Indicators = """
        绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
        产出指标 | 数量指标 | 养护里程 | ≥120公里 | 121公里 | 50 | 50 | 无 |
        效益指标 | 社会效益指标 | 通行时间缩短 | ≥10% | 12% | 30 | 30 | 无 |
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | 无 |
        总分 | 100 | 100 |
        """;

    [Fact]
    public void A_pipe_table_is_read_as_a_project_form_with_its_rows()
    {
        var form = Read(Header + "\n" + """
            项目资金 (万元) |
            | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
            年度资金总额 |
            | 40 | 50 | 45 | 10 | 90.00% | 9 |
            """ + "\n" + Indicators);

        Assert.Equal(FormKind.ProjectSelfEvaluation, form.Kind);
        Assert.Equal("乡村道路养护", form.Project);
        var total = Assert.Single(form.Funds);
        Assert.Equal((40m, 50m, 45m, 10m, 9m), (total.InitialBudget, total.Budget, total.Executed, total.Weight, total.StatedScore));
        Assert.Equal(0.9m, total.StatedRate!.Value.Fraction);
        Assert.Equal(3, form.Indicators.Count);
        Assert.Equal(100m, form.StatedTotal);
    }

    [Fact]
    public void A_funds_row_missing_its_first_figure_is_aligned_on_its_rate_and_flagged()
    {
        var form = Read(Header + "\n" + """
            项目资金 (万元) |
            | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
            年度资金总额 |
            | 50 | 45 | 10 | 90.00% | 9 |
            """ + "\n" + Indicators);

        var total = Assert.Single(form.Funds);
        Assert.Null(total.InitialBudget);
        Assert.Equal((50m, 45m, 10m, 9m), (total.Budget!.Value, total.Executed!.Value, total.Weight!.Value, total.StatedScore!.Value));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Block == FormBlock.Funds);
        Assert.Equal((DoubtReason.ShiftedCells, "年度资金总额"), (doubt.Reason, doubt.RowLabel));
        Assert.Equal([CellRole.InitialBudget], doubt.Cells);
    }

    [Fact]
    public void A_funds_header_without_a_label_cell_still_reads_the_rows_under_it()
    {
        var form = Read(Header + "\n" + """
            资金情况 (万元) |
            全年预算数(A) | 全年执行数(B) | 执行率(B/A) | ||||
            年度资金总额: | 800 | 700 | 87.5% | ||||
            其中:本年财政拨款 | 800 | 700 | 87.5% | ||||
            """ + "\n" + Indicators);

        Assert.Equal([(800m, 700m, 0.875m), (800m, 700m, 0.875m)],
            form.Funds.Select(f => (f.Budget!.Value, f.Executed!.Value, f.StatedRate!.Value.Fraction)));
    }

    [Fact]
    public void An_explanation_after_the_figures_does_not_shift_them()
    {
        var form = Read(Header + "\n" + """
            预算执行情况(10分) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |
            总额 | 20 | 30 | 30 | 100.00% | 10 | 10 | 年中追加预算10万元用于应急抢修 |
            其中:财政资金 | 20 | 30 | 30 | 100.00% | / | / | |
            """ + "\n" + Indicators);

        var total = form.Funds[0];
        Assert.Equal((20m, 30m, 30m, 10m, 10m), (total.InitialBudget!.Value, total.Budget!.Value, total.Executed!.Value, total.Weight!.Value, total.StatedScore!.Value));
        Assert.Equal(1m, total.StatedRate!.Value.Fraction);
        Assert.Null(form.Funds[1].Weight);
    }

    [Fact]
    public void Prose_under_headers_of_its_own_ends_the_funds_block()
    {
        var form = Read(Header + "\n" + """
            资金情况 (万元) |
            全年预算数(A) | 全年执行数(B) | 执行率(B/A) | ||||
            年度资金总额: | 800 | 700 | 87.5% | ||||
            资金管理情况 | 情况说明 | 存在问题和改进措施 | ||||
            分配科学性 | 按因素法分配到各乡镇 | 无 | ||||
            """ + "\n" + Indicators);

        Assert.Equal(["年度资金总额:"], form.Funds.Select(f => f.Label));
    }
}

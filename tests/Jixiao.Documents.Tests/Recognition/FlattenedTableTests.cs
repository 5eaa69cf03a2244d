using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A whole self-evaluation table run onto a few long lines with nothing between its cells, a converter's page number at
/// the start of each line: the indicator header is found inside the line, the rows after it are cut at their values,
/// and every cut that could have gone another way is a doubt at its row.
/// </summary>
public sealed class A_table_run_onto_long_lines_is_cut_into_rows_at_its_values
{
    private const string Text = """
        1、2023年度城乡公交运营补贴项目绩效自评表项目名称城乡公交运营补贴主管部门县交通运输局实施单位县公交公司客运服务部城乡线路管理科项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额说明见附件绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标数量指标补贴线路条数12条12条覆盖行政村比例≥95%96%质量指标车辆完好率98%99%安全责任事故发生比例00
        2、时效指标补贴资金拨付及时率100%100%效益指标社会效益指标群众出行便利度提升明显明显满意度指标服务对象满意度指标乘客满意度≥90%93%说明无
        """;

    private static PerformanceForm Read() =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "flattened.txt")), f => f.Indicators.Count > 0);

    [Fact]
    public void Each_row_is_read_with_its_tree_words_target_and_actual()
    {
        var form = Read();

        var rows = form.Indicators.Select(r => (r.Level2, r.Name, r.Target, r.Actual)).ToList();
        Assert.Contains(("数量指标", "补贴线路条数", "12条", "12条"), rows);
        Assert.Contains(("数量指标", "覆盖行政村比例", "≥95%", "96%"), rows);
        Assert.Contains(("质量指标", "车辆完好率", "98%", "99%"), rows);
        Assert.Contains(("时效指标", "补贴资金拨付及时率", "100%", "100%"), rows);
        Assert.Contains(("服务对象满意度指标", "乘客满意度", "≥90%", "93%"), rows);
    }

    [Fact]
    public void Digits_of_two_cells_run_together_are_read_under_a_doubt_at_their_row()
    {
        var form = Read();

        var row = Assert.Single(form.Indicators, r => r.Name == "安全责任事故发生比例");
        Assert.Equal(("0", "0"), (row.Target, row.Actual));
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.AmbiguousNumber && d.IsAt(row.Source) && d.Covers(CellRole.Target));
    }

    [Fact]
    public void Rows_cut_without_doubt_carry_no_doubt()
    {
        var form = Read();

        var row = Assert.Single(form.Indicators, r => r.Name == "车辆完好率");
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Indicators && d.Row is not null && d.IsAt(row.Source));
    }

    [Fact]
    public void A_row_whose_values_are_words_is_kept_in_doubt_and_never_given_another_rows_values()
    {
        var form = Read();

        Assert.DoesNotContain(form.Indicators, r => (r.Name ?? "").Contains("便利度", StringComparison.Ordinal) && r.Target is { Length: > 0 } && !Doubted(form, r));
    }

    private static bool Doubted(PerformanceForm form, IndicatorRow row) =>
        form.ReadingDoubts.Any(d => d.IsAt(row.Source) && d.Covers(CellRole.Target));
}

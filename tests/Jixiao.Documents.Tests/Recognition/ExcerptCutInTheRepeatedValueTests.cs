using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A flattened scored table whose excerpt stops inside the last row's actual, the target met word for word: the text
/// ends in a beginning of the value before it ("…路灯照明覆盖范围扩大覆盖范"). The row keeps its name, its target and
/// the cut actual, both values in doubt, and the table is marked cut off.
/// </summary>
public sealed class An_excerpt_stopping_in_an_actual_that_repeats_its_target_keeps_the_row
{
    private const string Text =
        "2023年度财政项目绩效自评表项目名称城区路灯维护补助主管部门县城市管理局项目实施单位县路灯管理所"
        + "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额100.0080.0080.00%16"
        + "年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
        + "产出指标数量指标维护路灯数量≥3000个3120个20质量指标路灯亮灯率≥98%99%20"
        + "效益指标社会效益指标新建路段夜间可通行路灯照明覆盖范围扩大覆盖范";

    [Fact]
    public void The_last_row_reads_its_target_and_its_cut_actual_in_doubt()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "cut.txt")), f => f.Indicators.Count > 0);

        var row = Assert.Single(form.Indicators, r => (r.Name ?? "").Contains("夜间可通行", StringComparison.Ordinal));
        Assert.Equal(("新建路段夜间可通行路灯照明", "覆盖范围扩大", "覆盖范"), (row.Name, row.Target, row.Actual));
        Assert.Null(row.StatedScore);
        Assert.True(form.Incomplete);
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.CutOff && d.Block == FormBlock.Indicators);
    }

    [Fact]
    public void A_last_row_cut_in_its_name_gets_no_values()
    {
        var text = Text[..Text.IndexOf("照明覆盖", StringComparison.Ordinal)];
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "cut.txt")), f => f.Indicators.Count > 0);

        Assert.DoesNotContain(form.Indicators, r => (r.Name ?? "").Contains("夜间可通行", StringComparison.Ordinal) && r.Target is not null);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A row of the blank template (指标2) on a spaced line with one text after its name: with the empty cells gone, that text
/// is as likely its 指标解释 as its actual, so it proves nothing was filled — the row is left out as a template row, as
/// the printed grid (where the text stands under 指标解释) is read, and not kept with the text for its actual.
/// </summary>
public sealed class A_template_row_whose_one_text_has_no_certain_column_is_left_out
{
    private const string Text = """
        项目支出绩效自评表
        (2023年度)
        项目名称 社区养老驿站运营补助
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
        服务老人人次 反映服务覆盖 1200人次 1350人次 20 20
        指标2  按季度拨付运营
        指标3 ≥4次 5次 10 10
        """;

    private static PerformanceForm Read() =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "template-row.txt")), f => f.Indicators.Count > 0);

    [Fact]
    public void The_row_is_left_out_under_a_template_row_doubt()
    {
        var form = Read();

        Assert.DoesNotContain(form.Indicators, r => r.Name == "指标2");
        Assert.DoesNotContain(form.Indicators, r => r.Actual == "按季度拨付运营");
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.PlaceholderRow && d.Text == "指标2");
    }

    [Fact]
    public void Rows_with_certain_values_are_read_whatever_their_name()
    {
        var form = Read();

        Assert.Equal([("服务老人人次", "1200人次", "1350人次"), ("指标3", "≥4次", "5次")],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual)));
    }
}

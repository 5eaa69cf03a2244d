using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A table run onto long lines with nothing between its cells, one row's actual written as 无 (nothing done) with its
/// reason after it ("…补助发放率100%无本年未发生补助事项…"): the row is read with the target, the mark as its actual and
/// the reason, all its values in doubt, instead of being left as a fragment without values.
/// </summary>
public sealed class A_flattened_row_whose_actual_is_a_mark_of_nothing_done_is_read_in_doubt
{
    private const string Text = """
        1、2023年度城乡公交运营补贴项目绩效自评表项目名称城乡公交运营补贴主管部门县交通运输局实施单位县公交公司客运服务部城乡线路管理科项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额说明见附件绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标数量指标补贴线路条数12条12条覆盖行政村比例≥95%96%质量指标车辆完好率98%99%安全责任事故发生比例00
        2、时效指标补贴资金拨付及时率100%100%效益指标经济效益指标应急运力补助发放率100%无本年未发生应急运输满意度指标服务对象满意度指标乘客满意度≥90%93%说明无
        """;

    [Fact]
    public void The_row_has_its_target_and_the_mark_as_its_actual_in_doubt()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "flattened.txt")), f => f.Indicators.Count > 0);

        var row = Assert.Single(form.Indicators, r => r.Name == "应急运力补助发放率");
        Assert.Equal(("100%", "无"), (row.Target, row.Actual));
        Assert.Contains(form.ReadingDoubts, d => d.IsAt(row.Source) && d.Covers(CellRole.Actual));
        Assert.Contains(form.Indicators, r => (r.Name, r.Target, r.Actual) == ("乘客满意度", "≥90%", "93%"));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A targets form flattened onto one line with nothing between its cells, its head holding a cost table (成本构成 /
/// 金额 / 测算依据 / earlier years' 实际执行数): each row's amount is the one figure before its basis text; the total's
/// digits, run into the earlier years' figures, are read as the start that adds up the rows above, in doubt; the
/// earlier years' figures are not read as this year's.
/// </summary>
public sealed class A_glued_cost_table_in_a_flattened_targets_form_reads_each_rows_amount
{
    private const string Line =
        "某市2023年市直部门预算项目支出绩效目标表项目名称市民中心物业运行保障项目类别本级支出项目项目性质持续性项目立项依据机构职能方案"
        + "项目预算成本构成金额测算(公式)依据2021年实际执行数2022年实际执行数绿化养护费86依据合同8080电梯维保费42.5依据维保协议4040"
        + "能耗及零星维修费310根据近三年平均数据测算288.6301.2合计438.5408.6421.2绩效目标保障市民中心正常运转。"
        + "绩效指标一级指标二级指标绩效标准当年预期实现值数量指标电梯维保次数反映电梯维保情况24次绿化养护面积反映绿化养护范围12000平方米"
        + "质量指标设备完好率反映设备运行质量≥95%维修验收合格率反映维修质量情况100%";

    [Fact]
    public void Each_cost_row_has_its_amount_and_the_total_is_the_start_that_adds_them_up()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Line, "cost.txt")), f => f.Indicators.Count > 0);

        Assert.Equal(
            [("绿化养护费", 86m), ("电梯维保费", 42.5m), ("能耗及零星维修费", 310m), ("合计", 438.5m)],
            form.Funds.Select(r => (r.Label, (r.Budget ?? r.InitialBudget)!.Value)));
        Assert.All(form.Funds, r => Assert.Null(r.Executed));
        var total = form.Funds.Single(r => r.Label == "合计");
        Assert.Contains(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.IsAt(total.Source) && d.Covers(CellRole.Budget));
        Assert.Contains(form.Indicators, r => r.Name == "电梯维保次数" && r.Target == "24次");
    }

    [Fact]
    public void A_total_whose_digits_hold_no_sum_of_the_rows_is_not_read()
    {
        var line = Line.Replace("合计438.5408.6421.2", "合计439.5408.6421.2", StringComparison.Ordinal);
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "cost.txt")), f => f.Indicators.Count > 0);

        Assert.DoesNotContain(form.Funds, r => r.Label == "合计" && (r.Budget ?? r.InitialBudget) is not null);
    }
}

using Jixiao.Core.Templates;
using Jixiao.Documents.Writers.Layout;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>The 指标性质 family: comparator, value, measure unit and actual in columns of their own, read and printed by its template.</summary>
public sealed class The_comparator_columns_family_is_read_and_printed_by_its_template
{
    private const string Grid = """
        项目支出绩效自评表
        （2022年度）
        项目名称 | 林区防火道路维护
        主管部门 | 某县林业和草原局 | 实施单位 | 某县国有林场
        项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
         | 年度资金总额 | 80 | 80 | 76 | 10 | 95% | 9.5
        一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
        产出指标 | 数量指标 | 维护道路长度 | ≥ | 40 | 公里 | 41 | 25 | 25 | 
         | 时效指标 | 完工时间 | ≤ | 10 | 月 | 11 | 25 | 20 | 雨季延期
        效益指标 | 生态效益指标 | 火灾受害率 | ≦ | 1 | ‰ | 0.5 | 30 | 30 | 
        满意度指标 | 服务对象满意度指标 | 护林员满意度 | ≥ | 90 | % | 93 | 10 | 10 | 
        总分 |  |  |  |  |  |  | 100 | 94.5 | 
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_form_is_read_with_the_family_template_and_its_targets_carry_comparator_and_unit(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        Assert.Equal(("project-comparator-columns", 1), (form.TemplateId, form.TemplateVersion));
        Assert.Equal(
            [("≥40公里", "41公里", 25m, 25m), ("≤10月", "11月", 25m, 20m), ("≦1‰", "0.5‰", 30m, 30m), ("≥90%", "93%", 10m, 10m)],
            form.Indicators.Select(r => (r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        Assert.Equal((100m, 94.5m), (form.StatedWeightTotal, form.StatedTotal));
    }

    [Fact]
    public void The_printed_table_has_the_comparator_and_unit_columns_with_the_parts_as_read()
    {
        var form = Assert.Single(PrintedGrid.Read("txt", Grid));
        var cells = FormLayouts.Build(form).Cells;
        var comparator = cells.Single(c => c.Text == TemplateRegistry.BuiltIn.Lexicon.Role("indicators", "comparator")!.Header);
        Assert.Contains(cells, c => c.Column == comparator.Column && c.Text == "≦");
        Assert.Contains(cells, c => c.Text == "‰");
    }
}

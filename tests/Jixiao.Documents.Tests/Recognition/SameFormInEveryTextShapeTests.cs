using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// One project table written in every shape converters give it — tab-separated, pipe-separated, one cell per line,
/// one cell per line closed by "|", one row per line with spaces between the cells, and the whole table flattened onto
/// one line — reads to the same facts.
/// </summary>
public sealed class SameFormInEveryTextShapeTests
{
    // Rows of the printed table; empty strings are the cells a merged 一级/二级 cell covers.
    private static readonly string[][] Table =
    [
        ["项目支出绩效自评表(2023年度)"],
        ["项目名称", "农村饮水安全巩固提升"],
        ["主管部门", "某县水利局"],
        ["实施单位", "某县农村供水站"],
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "120", "150", "138", "10", "92.00%", "9.2"],
        ["其中:当年财政拨款", "120", "150", "138"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["", "新建供水管网并完成水质检测", "已新建管网并完成全部检测"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["", "产出指标(50分)", "数量指标", "新建供水管网长度", "≥30公里", "32公里", "20", "20", "无"],
        ["", "", "", "新建蓄水池数量", "≥6座", "5座", "10", "8.33", "一处选址调整"],
        ["", "", "质量指标", "水质检测合格率", "≥95%", "96%", "20", "20", ""],
        ["", "效益指标(30分)", "社会效益指标", "受益人口", "≥12000人", "12500人", "30", "30", ""],
        ["", "满意度指标(10分)", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10", ""],
        ["总分", "100", "97.53"],
    ];

    public static TheoryData<string> Shapes => ["tabs", "pipes", "cell-per-line", "cell-per-line-with-bars", "spaced", "flattened"];

    private static string Render(string shape) => shape switch
    {
        "tabs" => string.Join('\n', Table.Select(r => string.Join('\t', r))),
        // Converters print no leading empty cells: a line starting with "|" continues the row above.
        "pipes" => string.Join('\n', Table.Select(r => string.Join(" | ", r.SkipWhile(c => c.Length == 0)) + " |")),
        "cell-per-line" => string.Join('\n', Table.SelectMany(r => r.Where(c => c.Length > 0))),
        "cell-per-line-with-bars" => string.Join('\n', Table.SelectMany(r => r.Select(c => c.Length > 0 ? c + " |" : "|"))),
        // Copied from a PDF viewer: one row per line, spaces between the cells, empty cells leave no trace.
        "spaced" => string.Join('\n', Table.Select(r => string.Join(' ', r.Where(c => c.Length > 0)))),
        "flattened" => string.Join(' ', Table.SelectMany(r => r.Where(c => c.Length > 0))),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static PerformanceForm Read(string shape) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Render(shape), shape + ".txt")));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Header_and_funds_read_the_same(string shape)
    {
        var form = Read(shape);

        Assert.Equal(FormKind.ProjectSelfEvaluation, form.Kind);
        Assert.Equal(2023, form.Year);
        Assert.Equal(("农村饮水安全巩固提升", "某县水利局", "某县农村供水站"), (form.Project, form.Department, form.Unit));
        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
        var total = form.Funds[0];
        Assert.Equal((FundsRowRole.Total, 120m, 150m, 138m, 10m, 9.2m),
            (total.Role, total.InitialBudget!.Value, total.Budget!.Value, total.Executed!.Value, total.Weight!.Value, total.StatedScore!.Value));
        Assert.Equal(0.92m, total.StatedRate!.Value.Fraction);
        Assert.Equal((120m, 150m, 138m), (form.Funds[1].InitialBudget!.Value, form.Funds[1].Budget!.Value, form.Funds[1].Executed!.Value));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Indicator_rows_and_total_read_the_same(string shape)
    {
        var form = Read(shape);

        Assert.Equal(
            [
                ("产出指标", "数量指标", "新建供水管网长度", "≥30公里", "32公里", 20m, 20m),
                ("产出指标", "数量指标", "新建蓄水池数量", "≥6座", "5座", 10m, 8.33m),
                ("产出指标", "质量指标", "水质检测合格率", "≥95%", "96%", 20m, 20m),
                ("效益指标", "社会效益指标", "受益人口", "≥12000人", "12500人", 30m, 30m),
                ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10m, 10m),
            ],
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        Assert.Equal("一处选址调整", form.Indicators[1].Explanation);
        Assert.Equal(97.53m, form.StatedTotal);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Goals_read_the_same(string shape)
    {
        var form = Read(shape);

        Assert.Equal(("新建供水管网并完成水质检测", "已新建管网并完成全部检测"), (form.PlannedGoal, form.ActualGoal));
    }
}

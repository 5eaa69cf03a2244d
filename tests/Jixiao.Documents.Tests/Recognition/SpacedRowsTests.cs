using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A table copied out of a PDF viewer: one row per line, spaces between the cells, and an empty cell leaves no trace.
/// The cells are placed under the header's columns by what each can hold, row by row; what two placements fit equally
/// well is read with a typed doubt at its cells, never guessed silently.
/// </summary>
public sealed class Rows_separated_by_spaces_are_placed_under_their_columns_by_what_the_cells_hold
{
    private static PerformanceForm Read(string text) => Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, "copied.txt")));

    private const string TargetsWithComparatorAndUnitColumns = """
        城区路灯维护经费项目绩效目标表
        (2024年)
        项目名称 城区路灯维护经费
        主管部门 某市城市管理局
        实施单位 某市路灯管理所
        投入目标 (万元) 资金来源 年初安排金额(万元)
        资金总额 48
        其中: 财政拨款数 45
        其他资金 3
        绩效指标 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注
        产出指标 数量指标 维护路灯数量 正向 ≥ 3200 盏 20
        产出指标 数量指标 巡查次数 正向 = 52 20
        产出指标 质量指标 亮灯率 正向 ≥ 98 % 20
        产出指标 成本指标 单灯维护成本 反向 ≤ 150 元/盏 20 按合同结算
        满意度指标 服务对象满意度指标 市民满意度 正向 ≥ 90 % 10
        """;

    [Fact]
    public void A_targets_table_reads_its_funds_rows_under_the_one_money_column()
    {
        var form = Read(TargetsWithComparatorAndUnitColumns);

        Assert.Equal((FormKind.Targets, "城区路灯维护经费", "某市城市管理局", "某市路灯管理所", 2024),
            (form.Kind, form.Project, form.Department, form.Unit, form.Year));
        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
        Assert.Equal([("资金总额", 48m), ("其中: 财政拨款数", 45m), ("其他资金", 3m)],
            form.Funds.Select(f => (f.Label, (f.Budget ?? f.InitialBudget)!.Value)));
    }

    [Fact]
    public void Each_indicator_row_gets_its_comparator_unit_and_weight_even_where_a_cell_is_empty()
    {
        var form = Read(TargetsWithComparatorAndUnitColumns);

        Assert.Equal(
            [
                ("产出指标", "数量指标", "维护路灯数量", "≥3200盏", 20m, null),
                ("产出指标", "数量指标", "巡查次数", "=52", 20m, null),
                ("产出指标", "质量指标", "亮灯率", "≥98%", 20m, null),
                ("产出指标", "成本指标", "单灯维护成本", "≤150元/盏", 20m, "按合同结算"),
                ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", 10m, (string?)null),
            ],
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Name, r.Target, r.Weight!.Value, r.Remark)));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Indicators);
    }

    [Fact]
    public void Tree_words_printed_once_over_several_rows_and_broken_by_a_line_lead_the_rows_below_them()
    {
        var form = Read("""
            项目支出绩效目标申报表
            (2024年度)
            项目名称 困难群众临时救助
            预算单位 某区民政局
            项目资金(万元) 年度资金总额 金额(万元)
               (一)财政拨款小计 12.50
                   1、一般公共预算 12.50
               (二)其他收入 0.00
            绩效指标 一级指标 二级指标 三级指标 指标值(包含数字及文字描述)
            绩效指标 产出
            指标
            数量指标 救助困难群众人数 250人
            时效指标 救助资金发放时间 2024年12月底前
            效益指标
            社会效益
            指标
            困难群众基本生活保障率 100%
            满意度指标 满意度指标 受助群众满意度 ≥90%
            """);

        Assert.Equal([("(一)财政拨款小计", 12.50m), ("1、一般公共预算", 12.50m), ("(二)其他收入", 0.00m)],
            form.Funds.Select(f => (f.Label, (f.Budget ?? f.InitialBudget)!.Value)));
        Assert.Equal(
            [
                ("数量指标", "救助困难群众人数", "250人"),
                ("时效指标", "救助资金发放时间", "2024年12月底前"),
                ("社会效益指标", "困难群众基本生活保障率", "100%"),
                ("满意度指标", "受助群众满意度", "≥90%"),
            ],
            form.Indicators.Select(r => (r.Level2, r.Name, r.Target)));
    }

    [Fact]
    public void A_lone_number_that_fits_several_columns_is_read_with_a_doubt_at_those_cells()
    {
        var form = Read("""
            项目支出绩效自评表(2023年度)
            项目名称 社区养老服务补助
            绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
            产出指标 数量指标 服务老人人次 ≥5000人次 5200人次 30 30
            产出指标 质量指标 服务合格率 100% 10
            总分 100 100
            """);

        Assert.Equal(("服务老人人次", "≥5000人次", "5200人次", 30m, 30m),
            (form.Indicators[0].Name, form.Indicators[0].Target, form.Indicators[0].Actual, form.Indicators[0].Weight!.Value, form.Indicators[0].StatedScore!.Value));
        var second = form.Indicators[1];
        Assert.Equal(("服务合格率", "100%"), (second.Name, second.Target));
        // "100%" is the target or the actual, "10" the actual, the 分值 or the 得分: the row says so instead of choosing.
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells);
        Assert.Equal((FormBlock.Indicators, second.Source), (doubt.Block, doubt.Row));
        Assert.Equal([CellRole.Target, CellRole.Actual, CellRole.Weight, CellRole.Score], doubt.Cells);
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Row == form.Indicators[0].Source);
    }

    [Fact]
    public void Narrative_paragraphs_with_spaces_are_left_as_text()
    {
        var forms = FormRecognizer.Recognize(TextReader.Read("""
            某县2023年度部门整体支出绩效自评报告
            一、基本情况 本部门共有在职人员 35 人，年度预算 1200 万元。
            二、绩效目标完成情况 全年完成 12 项重点工作。
            """, "report.txt"));

        var report = Assert.Single(forms);
        Assert.Equal(FormKind.Report, report.Kind);
        Assert.Contains("本部门共有在职人员 35 人", report.Text, StringComparison.Ordinal);
    }
}

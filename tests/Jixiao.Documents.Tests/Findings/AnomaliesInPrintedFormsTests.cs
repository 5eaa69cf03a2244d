using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Tests.Recognition;

namespace Jixiao.Documents.Tests.Findings;

/// <summary>
/// The anomalies a careful auditor finds on published forms (issue 16's "Why" list), each on a form printed the way the
/// real ones are — the 指标性质 layout with the comparator in a column of its own, a targets form, a blank template —
/// read back from text, xlsx and html and checked: every one is found at its row with its code and its arithmetic.
/// </summary>
public sealed class AnomaliesInPrintedFormsTests
{
    // A 2022 self-evaluation in the comparator-columns layout. Row by row: 104 of ≥120 户 scored full; an actual written
    // as the bound ≥266米; a 2021 deadline; an actual cell still holding the template's instruction; an indicator the unit
    // calls 无经济效益 scored full; and 108 spent of a budget of 100, nothing said.
    private const string SelfEvaluation = """
        项目支出绩效自评表
        （2022年度）
        项目名称 | 村级步道建设
        主管部门 | 某县农业农村局 | 实施单位 | 某镇人民政府
        项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
         | 年度资金总额 | 100 | 100 | 108 | 10 | 108% | 10
        一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
        产出指标 | 数量指标 | 受益农户 | ≥ | 120 | 户 | 104 | 20 | 20 | 
        ^ | 数量指标 | 新建步道长度 | ≥ | 266 | 米 | ≥266米 | 10 | 10 | 
        ^ | 时效指标 | 完工时间 | = | 2021年12月31日前 |  | 按期完成 | 10 | 10 | 
        ^ | 质量指标 | 验收合格率 | ≥ | 95 | % | 请填写实际完成值 | 10 | 10 | 
        效益指标 | 经济效益指标 | 带动增收 | = | 无经济效益 |  | 无经济效益 | 10 | 10 | 
        ^ | 社会效益指标 | 群众出行便利度 | ≥ | 90 | % | 95 | 20 | 20 | 
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 96 | 10 | 10 | 
        总分 |  |  |  |  |  |  | 100 | 100 | 
        """;

    private static List<Finding> Checked(string format, string grid, Rulebook? rulebook = null)
    {
        var form = Assert.Single(PrintedGrid.Read(format, grid));
        return [.. Checker.Check(form, rulebook ?? Rulebooks.Default)];
    }

    private static Finding At(List<Finding> findings, string code, string row) =>
        Assert.Single(findings, f => f.Code == code && f.Location.RowLabel == row);

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void A_miss_scored_full_with_the_comparator_in_its_own_column_is_an_error_with_the_proportional_score(string format)
    {
        var f = At(Checked(format, SelfEvaluation), CheckCodes.FullScoreDespiteMiss, "受益农户");
        // 20 × 104 ÷ 120 = 17.33.
        Assert.Equal((Severity.Error, "20", "17.33"), (f.Severity, f.Stated, f.Expected));
        Assert.Contains("104户", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Each_other_anomaly_of_the_form_is_found_at_its_row_and_nothing_else_is_an_error(string format)
    {
        var findings = Checked(format, SelfEvaluation);
        Assert.Equal("≥266米", At(findings, CheckCodes.ActualAsThreshold, "新建步道长度").Stated);
        Assert.Contains("2021 < 2022", At(findings, CheckCodes.DeadlineBeforeYear, "完工时间").Explanation, StringComparison.Ordinal);
        Assert.Equal(Blocks.Indicators, At(findings, CheckCodes.TemplateTextLeft, "验收合格率").Location.Block);
        Assert.Equal("10", At(findings, CheckCodes.NotApplicableScored, "带动增收").Stated);
        var over = At(findings, CheckCodes.OverExecution, "年度资金总额");
        Assert.Equal(("108", "≤ 100"), (over.Stated, over.Expected));
        Assert.Equal([CheckCodes.FullScoreDespiteMiss], findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code).Distinct());
    }

    // A 2022 targets form: weights adding to 95; a money amount filed as an output quantity; a ceiling on an output
    // quantity; no 成本指标 although the 2021 indicator tree has one.
    private const string Targets = """
        项目支出绩效目标申报表
        （2022年度）
        项目名称 | 农村公路养护
        主管部门 | 某县交通运输局 | 实施单位 | 某县公路事务中心
        一级指标 | 二级指标 | 三级指标 | 指标值 | 分值
        产出指标 | 数量指标 | 养护里程 | ≥120公里 | 20
        ^ | 数量指标 | 养护资金 | 300万元 | 15
        ^ | 数量指标 | 新增路面病害 | ≤30处 | 15
        ^ | 时效指标 | 养护完成时间 | 2022年12月底前 | 10
        效益指标 | 社会效益指标 | 道路通畅率 | ≥95% | 20
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 15
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void A_targets_form_gets_its_weight_sum_reversed_direction_money_as_quantity_and_missing_cost_indicator(string format)
    {
        var findings = Checked(format, Targets, Rulebooks.NationalFor(2022));
        var sum = Assert.Single(findings, f => f.Code == CheckCodes.WeightSum);
        // 20 + 15 + 15 + 10 + 20 + 15 = 95, neither 100 nor 90.
        Assert.Equal((Severity.Error, "95", "100 或 90"), (sum.Severity, sum.Stated, sum.Expected));
        Assert.Equal("300万元", At(findings, CheckCodes.MoneyAsQuantity, "养护资金").Stated);
        Assert.Equal("≤30处", At(findings, CheckCodes.DirectionReversed, "新增路面病害").Stated);
        Assert.Single(findings, f => f.Code == CheckCodes.CostIndicatorMissing);
        Assert.DoesNotContain(findings, f => f.Code == CheckCodes.DeadlineBeforeYear);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void A_published_blank_template_is_one_finding_for_the_form(string format)
    {
        var findings = Checked(format, """
            项目支出绩效自评表
            （2022年度）
            项目名称 | 村级步道建设
            主管部门 | 某县农业农村局 | 实施单位 | 某镇人民政府
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
            产出指标 | 数量指标 | 新建步道长度 |  |  |  |  | 
            ^ | 质量指标 | 验收合格率 |  |  |  |  | 
            效益指标 | 社会效益指标 | 群众出行便利度 |  |  |  |  | 
            总分 |  |  |  |  |  |  | 
            """);
        var f = Assert.Single(findings, x => x.Code == CheckCodes.FormUnfilled);
        Assert.Equal((Severity.Warning, Blocks.Form), (f.Severity, f.Location.Block));
        Assert.Contains("3项绩效指标", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, x => x.Severity == Severity.Error);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Tests;

/// <summary>
/// The four distinct project tables of seed 003 (上海市大数据中心, 2020), built by hand from the printed numbers,
/// scored by the Shanghai rulebook.
/// </summary>
public class Seed_003_project_tables_score_as_the_rules_give
{
    private static readonly Rulebooks.Rulebook Shanghai = Rulebooks.Rulebooks.BuiltIn("shanghai-2020");

    private static PerformanceForm Form(string project, decimal budget, decimal executed, string statedRate, decimal statedScore,
        decimal statedTotal, params (string L1, string L2, string Name, string Target, string Actual, decimal W, decimal Score)[] rows)
    {
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, Year = 2020, Project = project, MoneyUnit = MoneyUnit.Yuan, StatedTotal = statedTotal, StatedWeightTotal = 100.00m };
        Assert.True(Percentage.TryParse(statedRate, out var rate));
        form.Funds.Add(new FundsRow
        {
            Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = budget, Budget = budget, Executed = executed,
            Weight = 10.00m, StatedRate = rate, StatedScore = statedScore,
        });
        foreach (var r in rows)
            form.Indicators.Add(new IndicatorRow { Level1 = r.L1, Level2 = r.L2, Name = r.Name, Target = r.Target, Actual = r.Actual, Weight = r.W, StatedScore = r.Score });
        return form;
    }

    [Fact]
    public void Yiwangtongban_operations_rate_99_99_scores_10_and_totals_100()
    {
        var form = Form("“一网通办”及“随申办”运营", 104_769_000.00m, 104_756_332.00m, "99.99%", 10.00m, 99.00m,
            ("产出指标", "数量指标", "完成率", "100%", "100%", 10.00m, 10.00m),
            ("产出指标", "质量指标", "安全事件发现率", "≥90%", "≥90%", 10.00m, 10.00m),
            ("产出指标", "时效指标", "服务响应及时率", "100%", "100%", 10.00m, 10.00m),
            ("效益指标", "经济效益指标", "营造良好的营商环境", "100%", "100%", 10.00m, 10.00m),
            ("效益指标", "社会效益指标", "提高政务服务获得感", "100%", "100%", 10.00m, 10.00m),
            ("效益指标", "生态效益指标", "生态效益", "100%", "100%", 10.00m, 10.00m),
            ("效益指标", "可持续影响指标", "长效管理制度建设", "完善", "完善", 10.00m, 10.00m),
            ("效益指标", "可持续影响指标", "公共数据安全创新", "100%", "100%", 10.00m, 10.00m),
            ("满意度指标", "服务对象满意度指标", "个人、企业用户满意度", "100%", "100%", 10.00m, 9.00m));
        var score = Scorer.Score(form, Shanghai);
        Assert.Equal("99.99%", score.Execution.Rate!.Value.ToString());
        Assert.Equal("104,756,332.00 ÷ 104,769,000.00 = 99.99%", score.Execution.RateExplanation);
        Assert.Equal(10.00m, score.Execution.Score);
        Assert.Equal(100m, score.WeightTotal.Value);
        // The 满意度 row met its target yet was given 9: the rules give 10, so 100.00 rather than the stated 99.00.
        Assert.Equal(100.00m, score.Total.Value);
        Assert.Equal(99.00m, score.StatedScoreSum.Value);
        Assert.Equal("优", score.Grade.Grade);
        Assert.Equal(RowScoreKind.Interval, score.Rows[6].Kind);
    }

    [Fact]
    public void Data_operations_rate_100_scores_10_and_qualitative_rows_count_inside_their_tiers()
    {
        var form = Form("数据运营服务", 43_918_000.00m, 43_918_000.00m, "100.00%", 10m, 90.00m,
            ("产出指标", "数量指标", "数据运营服务", "6项", "6项", 10.00m, 10.00m),
            ("产出指标", "质量指标", "质量问题整改率", "≥90%", "80%", 10.00m, 6.00m),
            ("产出指标", "时效指标", "数据运营服务及时性", "≥95%", "95%", 5.00m, 5.00m),
            ("产出指标", "成本指标", "预算金额结算率", "100%", "100%", 10.00m, 10.00m),
            ("效益指标", "社会效益指标", "数据治理程度", "≥90%", "基本完成", 10.00m, 7.00m),
            ("效益指标", "生态效益指标", "生态效益", "100%", "100%", 5.00m, 5.00m),
            ("效益指标", "可持续影响指标", "建立数据长效运营服务规章制度", "2套", "2套", 5.00m, 5.00m),
            ("效益指标", "可持续影响指标", "建立运营服务团队", "≥150", "满足条件", 5.00m, 5.00m),
            ("效益指标", "可持续影响指标", "管理制度配套率", "100%", "基本完成", 10.00m, 7.00m),
            ("效益指标", "可持续影响指标", "数据共享完成率", "≥90%", "基本完成", 10.00m, 10.00m),
            ("满意度指标", "服务对象满意度指标", "使用方满意度", "≥95%", "95%", 10.00m, 10.00m));
        var score = Scorer.Score(form, Shanghai);
        Assert.Equal("100.00%", score.Execution.Rate!.Value.ToString());
        Assert.Equal(10.00m, score.Execution.Score);
        Assert.Equal(100m, score.WeightTotal.Value);
        Assert.Equal(8.89m, score.Rows[1].Expected);
        Assert.Equal("10.00 × 80% ÷ 90% = 8.89", score.Rows[1].Explanation);
        Assert.Equal(new ScoreInterval(6m, 8m, false), score.Rows[4].Allowed);
        Assert.Equal(QualitativeTier.Achieved, score.Rows[7].Tier);
        // 数据共享完成率: 基本完成 with full marks lies outside [6, 8); it counts as 7.99.
        Assert.Equal(7.99m, score.Rows[9].Counted);
        // 10 + (10 + 8.89 + 5 + 10 + 7 + 5 + 5 + 5 + 7 + 7.99 + 10) = 90.88
        Assert.Equal(90.88m, score.Total.Value);
        Assert.Equal(90.00m, score.StatedScoreSum.Value);
        Assert.Equal([("产出指标", 35m), ("效益指标", 45m), ("满意度指标", 10m)], score.Level1Sums.Select(s => (s.Level1, s.Sum)));
        Assert.Equal(50m, score.Level1Sums[0].Expected);
    }

    [Fact]
    public void Government_cloud_rate_99_79_scores_9_98_and_a_major_failure_cannot_score_full_marks()
    {
        var form = Form("上海市政务云基础设施服务费(运维)", 42_546_380.00m, 42_456_311.08m, "99.79%", 9.98m, 94.98m,
            ("产出指标", "数量指标", "迁移上云完成率", "100%", "市级非涉密信息系统全量上云", 10.00m, 10.00m),
            ("产出指标", "质量指标", "政务云整体运行运行稳定率", "≥99.99%", "年末发生重大故障", 10.00m, 10.00m),
            ("产出指标", "时效指标", "故障响应及时率", "100%", "及时", 10.00m, 10.00m),
            ("产出指标", "成本指标", "上云项目硬件建设不再投入运维", "核减上云项目运维费", "按先用后付、按实计算的方式降低了成本支出", 10.00m, 10.00m),
            ("效益指标", "经济效益指标", "降低新建信息化项目投入", "新建项目依托政务云建设，不再投入硬件设备", "通过政府购买服务的方式，没有固定资产投入，节约了项目投入", 20.00m, 15.00m),
            ("效益指标", "社会效益指标", "保障市级核心民生业务", "≥99.99%", "全年云上核心民生业务系统无因政务云原因发生一起故障", 10.00m, 10.00m),
            ("效益指标", "可持续影响指标", "创新购买服务，通过采购方式开展政务云基础设施服务。", "制定政务云应用安全管理办法1项", "符合", 10.00m, 10.00m),
            ("满意度指标", "服务对象满意度指标", "使用者满意度", "≥90%", "满意", 10.00m, 10.00m));
        var score = Scorer.Score(form, Shanghai);
        Assert.Equal("99.79%", score.Execution.Rate!.Value.ToString());
        Assert.Equal("42,456,311.08 ÷ 42,546,380.00 = 99.79%", score.Execution.RateExplanation);
        Assert.Equal(9.98m, score.Execution.Score);
        Assert.Equal("min(99.79%, 100%) × 10.00 = 9.98", score.Execution.ScoreExplanation);
        Assert.Equal(100m, score.WeightTotal.Value);
        Assert.Equal(new ScoreInterval(0m, 6m, false), score.Rows[1].Allowed);
        Assert.Equal(5.99m, score.Rows[1].Counted);
        Assert.Equal(RowScoreKind.Unscorable, score.Rows[0].Kind);
        Assert.Equal(QualitativeTier.Achieved, score.Rows[5].Tier);
        Assert.False(score.Complete);
        // 9.98 + (10 + 5.99 + 10 + 10 + 15 + 10 + 10 + 10) = 90.97
        Assert.Equal(90.97m, score.Total.Value);
        Assert.Equal(94.98m, score.StatedScoreSum.Value);
        Assert.Equal("优", score.Grade.Grade);
    }

    [Fact]
    public void Government_network_rate_is_99_99_not_the_printed_92_64_and_scores_10()
    {
        var form = Form("上海市政务外网网络建设运营 (运维)", 51_565_764.00m, 51_562_685.00m, "92.64%", 9.26m, 94.06m,
            ("产出指标", "数量指标", "项目计划完成率", "100%", "100%", 10.00m, 10.00m),
            ("产出指标", "质量指标", "质量用户满意度", "100%", "92%", 10.00m, 9.20m),
            ("产出指标", "时效指标", "系统故障响应及时性", "100%", "90%", 10.00m, 9.00m),
            ("产出指标", "成本指标", "成本控制", "100%", "100%", 10.00m, 10.00m),
            ("效益指标", "经济效益指标", "网络环境", "100%", "90%", 6.00m, 5.40m),
            ("效益指标", "社会效益指标", "服务获得感", "100%", "90%", 6.00m, 5.40m),
            ("效益指标", "生态效益指标", "生态效益指标", "100%", "100%", 6.00m, 6.00m),
            ("效益指标", "可持续影响指标", "长效制度建设", "完善", "100%", 6.00m, 6.00m),
            ("效益指标", "可持续影响指标", "人员到岗率", "100%", "100%", 5.00m, 5.00m),
            ("效益指标", "可持续影响指标", "部门参与度", "100%", "100%", 5.00m, 5.00m),
            ("效益指标", "可持续影响指标", "配套齐全性", "100%", "80%", 6.00m, 4.80m),
            ("效益指标", "可持续影响指标", "信息共享度", "100%", "80%", 5.00m, 4.00m),
            ("效益指标", "可持续影响指标", "环境效益", "100%", "100%", 3.00m, 3.00m),
            ("满意度指标", "服务对象满意度指标", "使用者满意度", "100%", "100%", 2.00m, 2.00m));
        var score = Scorer.Score(form, Shanghai);
        Assert.Equal("99.99%", score.Execution.Rate!.Value.ToString());
        Assert.NotEqual(form.Funds[0].StatedRate!.Value.PrintedPoints, score.Execution.Rate.Value.PrintedPoints);
        Assert.Equal(10.00m, score.Execution.Score);
        Assert.Equal(100m, score.WeightTotal.Value);
        Assert.Equal(9.20m, score.Rows[1].Expected);
        Assert.Equal(4.80m, score.Rows[10].Expected);
        Assert.Equal(RowScoreKind.Unscorable, score.Rows[7].Kind);
        // 10.00 + 84.80 = 94.80; the stated 94.06 adds the wrong 9.26.
        Assert.Equal(94.80m, score.Total.Value);
        Assert.Equal(94.06m, score.StatedScoreSum.Value);
        Assert.Equal("执行率得分 10.00 + 指标得分合计 84.80 = 94.80", score.Total.Explanation);
    }
}

public class Department_layouts_are_scored_by_their_own_rules
{
    [Fact]
    public void Seed_000_layout_subtracts_the_transfer_and_caps_the_over_executed_score_at_10()
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, MoneyUnit = MoneyUnit.TenThousandYuan };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 868m, Executed = 2032m, Transfer = 0m, Weight = 10m, StatedScore = 0.00m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "线路可用率", Target = ">=99.9%", Actual = "100%", Weight = 4m, StatedScore = 4m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "线路误码率", Target = "<=10E-7", Actual = "<=10E-7", Weight = 4m, StatedScore = 4m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "质量指标", Name = "DNS 丢包率", Target = "0", Actual = "0", Weight = 5m, StatedScore = 5m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "时效指标", Name = "裸光纤租赁故障排除", Target = "<=2 小时", Actual = "2 小时以内", Weight = 3m, StatedScore = 3m });
        var score = Scorer.Score(form, Rulebooks.Rulebooks.BuiltIn("hunan-2020"));
        Assert.Equal("(2,032 − 0) ÷ 868 = 234.10%", score.Execution.RateExplanation);
        Assert.True(score.Execution.OverExecuted);
        Assert.Equal(10m, score.Execution.Score);
        Assert.All(score.Rows, r => Assert.Equal(r.Weight, r.Expected));
        Assert.Equal(Direction.Equality, score.Rows[2].Direction);
        Assert.Equal(26m, score.Total.Value);
        Assert.Equal(26m, score.WeightTotal.Value);
    }

    [Fact]
    public void Hunan_department_layout_has_no_execution_score_and_takes_weights_from_the_tree_rows()
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, MoneyUnit = MoneyUnit.Yuan };
        form.Funds.Add(new FundsRow { Label = "财政拨款", Role = FundsRowRole.Source, Budget = 6_272_512.00m, Executed = 11_124_990.85m });
        form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Source, Budget = 0m, Executed = 0m });
        form.Indicators.Add(new IndicatorRow { Level1 = "投入管理", Level1Weight = 30m, Level2 = "预算编审管理", Level2Weight = 3m, Actual = "100.00%", StatedScore = 3m });
        form.Indicators.Add(new IndicatorRow { Level1 = "投入管理", Level1Weight = 30m, Level2 = "资产管理", Level2Weight = 4m, Actual = "100.00%", StatedScore = 3m });
        form.Indicators.Add(new IndicatorRow { Level1 = "效益指标", Level1Weight = 45m, Level2 = "满意度指标", Level2Weight = 10m, Name = "社会和人民群众满意度的评价", Target = "满意度达100%", Actual = "大于98%", StatedScore = 9m });
        var score = Scorer.Score(form, Rulebooks.Rulebooks.BuiltIn("hunan-2020"));
        Assert.Equal("11,124,990.85 ÷ 6,272,512.00 = 177.36%", score.Execution.RateExplanation);
        Assert.Null(score.Execution.Weight);
        Assert.Null(score.Execution.Score);
        Assert.Equal(3m, score.Rows[0].Weight);
        Assert.Equal("未填年度指标值，无法计分", score.Rows[0].Reason);
        Assert.Equal(9.80m, score.Rows[2].Expected);
        Assert.Equal(17m, score.WeightTotal.Value);
        Assert.Equal((30m, 30m), (score.Level1Sums[0].Stated!.Value, score.Level1Sums[0].Expected!.Value));
        Assert.Equal(4m, score.Level2Sums[1].Expected);
        // 3 + 3 + 9.80
        Assert.Equal(15.80m, score.Total.Value);
    }
}

using Jixiao.Core.Checks;
using Jixiao.Core.Checks.BasicData;
using Jixiao.Core.Checks.Monitoring;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class BasicDataSubtotalTests
{
    private static PerformanceForm Liuyang()
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentBasicData, Year = 2020, Unit = "浏阳市数据资源中心" };
        void Add(string label, int depth, string? prior, string? budget, string? final) => form.BasicData.Add(new BasicDataRow
        {
            Label = label, Depth = depth,
            PriorYearFinal = prior is null ? null : D(prior), Budget = budget is null ? null : D(budget), Final = final is null ? null : D(final),
        });
        Add("三公经费", 0, "1.86", "2", "0.95");
        Add("1、公务用车购置和维护经费", 1, "0", "0", "0");
        Add("其中：公车购置", 2, "0", "0", "0");
        Add("公车运行维护", 2, "0", "0", "0");
        Add("2、出国经费", 1, "0", "0", "0");
        Add("3、公务接待", 1, "1.86", "2", "0.95");
        Add("项目支出：", 0, "634.13", "478.24", "949.97");
        Add("1、业务工作专项", 1, "630.89", "478.24", "979.97");
        Add("2、运行维护专项", 1, "0", "0", "0");
        Add("公用经费", 0, null, "10", "18.76");
        Add("其中：办公经费", 1, "8.73", "4", "5.35");
        Add("水费、电费、差旅费", 1, "5.44", "5", "2.08");
        Add("会议费、培训费", 1, "0", "0", "0");
        return form;
    }

    [Fact]
    public void A_part_of_979_97_inside_a_project_total_of_949_97_is_reported_and_nothing_else()
    {
        var f = Assert.Single(Run(new BasicDataSubtotalRule(), Liuyang()));
        Assert.Equal("本年决算数", f.Location.Field);
        Assert.Equal("949.97", f.Stated);
        Assert.Equal("979.97", f.Expected);
        Assert.Contains("业务工作专项", f.Message);
    }

    [Fact]
    public void The_three_public_expenses_must_add_up_exactly_because_their_breakdown_is_complete()
    {
        var form = Liuyang();
        form.BasicData[5].Final = 0.5m;
        var f = Assert.Single(Run(new BasicDataSubtotalRule(), form), x => x.Location.RowLabel == "三公经费");
        Assert.Equal("0.5", f.Expected);
    }

    [Fact]
    public void A_staff_control_rate_of_100_percent_for_13_of_15_is_reported_at_its_printed_precision()
    {
        var form = Liuyang();
        form.Staffing = new StaffingBlock { Authorized = 15, Actual = 13, StatedControlRate = P("100%") };
        var f = Assert.Single(Run(new StaffingControlRateRule(), form));
        Assert.Equal("87%", f.Expected);
    }
}

public class MonitoringRuleTests
{
    private static PerformanceForm Monitoring(string spent)
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, Year = 2021, Project = "政务外网和政府网站安全监控等经费", MoneyUnit = MoneyUnit.TenThousandYuan, MonitoringMonths = 6 };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = D("32.68"), Executed = D(spent), ForecastExecuted = D("32.68") });
        foreach (var name in new[] { "监控平台搭建", "安全评估", "全天候运行", "节省能源" })
            form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = name, Target = "100%", MidYearProgress = "100%", ExpectedCompletion = "100%", Likelihood = CompletionLikelihood.Certain });
        return form;
    }

    [Fact]
    public void Nothing_spent_and_every_target_reported_done_is_a_contradiction()
    {
        var f = Assert.Single(Run(new MonitoringProgressMismatchRule(), Monitoring("0")));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("全部", f.Message);
    }

    [Fact]
    public void Half_the_budget_spent_with_targets_done_is_plausible() =>
        Assert.Empty(Run(new MonitoringProgressMismatchRule(), Monitoring("16.34")));

    [Fact]
    public void A_doubtful_completion_without_a_ticked_and_explained_cause_is_reported()
    {
        var form = Monitoring("16.34");
        form.Indicators[0].Likelihood = CompletionLikelihood.Possible;
        form.Indicators[1].ExpectedCompletion = "80%";
        form.Indicators[2].ExpectedCompletion = "80%";
        form.Indicators[2].Causes = DeviationCauses.Funding;
        form.Indicators[2].Explanation = "资金未到位";
        var findings = Run(new MonitoringDeviationUnexplainedRule(), form);
        Assert.Equal(["监控平台搭建", "安全评估"], findings.Select(f => f.Location.RowLabel));
    }
}

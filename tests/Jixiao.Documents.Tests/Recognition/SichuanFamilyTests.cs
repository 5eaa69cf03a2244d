using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>The 四川 family: 年初预算 / 调整后预算数 / 预算执行数 with 权重 and 原因, four fund sources, 指标性质 and 度量单位 columns.</summary>
public sealed class The_sichuan_family_is_read_by_its_template
{
    private const string Grid = """
        部门预算项目支出绩效自评表(2023年度)
        项目名称 | 社区矫正信息化补助
        主管部门 | 某县司法局 | 实施单位 | 某县司法局
        预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因
         | 总额 | 0.00 | 12.50 | 12.00 | 96.00% | 10 | 9.6 | 年中追加预算
         | 其中:财政资金 | 0.00 | 12.50 | 12.00 | 96.00% | / | / | 
         | 财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | 
         | 单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | 
        绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析
         | 产出指标 | 数量指标 | 购置终端数量 | ≥ | 20 | 台 | 20 | 40 | 40 | 
         |  | 质量指标 | 设备验收合格率 | = | 100 | % | 100 | 20 | 20 | 
         | 效益指标 | 社会效益指标 | 矫正对象监管覆盖率 | ≥ | 95 | % | 97 | 20 | 20 | 
         | 满意度指标 | 服务对象满意度指标 | 工作人员满意度 | ≥ | 90 | % | 92 | 10 | 10 | 
        合计 | 100 | 99.6
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Funds_sources_adjusted_budget_and_reason_and_the_indicator_parts_are_read(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));
        Assert.Equal(("project-sichuan", 2023, MoneyUnit.TenThousandYuan), (form.TemplateId, form.Year, form.MoneyUnit));
        var total = form.Funds[0];
        Assert.Equal((FundsRowRole.Total, 0.00m, 12.50m, 12.00m, "96.00%", 10m, 9.6m, "年中追加预算"),
            (total.Role, total.InitialBudget, total.Budget, total.Executed, total.StatedRate?.ToString(), total.Weight, total.StatedScore, total.Extra["fundsReason"]));
        Assert.Equal(["其中:财政资金", "财政专户管理资金", "单位资金"], form.Funds.Skip(1).Select(f => f.Label));
        Assert.All(form.Funds.Skip(1), f => Assert.Equal(FundsRowRole.Part, f.Role));
        Assert.Equal(
            [("产出指标", "购置终端数量", "≥20台", "20台", 40m, 40m), ("产出指标", "设备验收合格率", "=100%", "100%", 20m, 20m),
             ("效益指标", "矫正对象监管覆盖率", "≥95%", "97%", 20m, 20m), ("满意度指标", "工作人员满意度", "≥90%", "92%", 10m, 10m)],
            form.Indicators.Select(r => (r.Level1, r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
        Assert.Equal((100m, 99.6m), (form.StatedWeightTotal, form.StatedTotal));
    }
}

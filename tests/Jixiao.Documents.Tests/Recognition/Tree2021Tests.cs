namespace Jixiao.Documents.Tests.Recognition;

/// <summary>2021+ forms make 成本指标 a 一级 indicator with its own 二级 (经济成本指标 …); the reader keeps them under it.</summary>
public sealed class A_2021_tree_with_cost_as_first_level_is_read
{
    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Cost_rows_stay_under_the_cost_indicator(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, """
            项目支出绩效自评表
            项目名称 | 污水处理厂运维
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
            产出指标 | 数量指标 | 处理污水量 | ≥300万吨 | 310万吨 | 40 | 40
            成本指标 | 经济成本指标 | 吨水处理成本 | ≤1.2元 | 1.1元 | 10 | 10
            ^ | 生态环境成本指标 | 污泥外运处置 | 100% | 100% | 10 | 10
            效益指标 | 生态效益指标 | 出水达标率 | 100% | 100% | 20 | 20
            满意度指标 | 服务对象满意度指标 | 周边居民满意度 | ≥90% | 91% | 10 | 10
            总分 |  |  |  |  | 90 | 90
            """));
        Assert.Equal(
            [("产出指标", "数量指标"), ("成本指标", "经济成本指标"), ("成本指标", "生态环境成本指标"), ("效益指标", "生态效益指标"), ("满意度指标", "服务对象满意度指标")],
            form.Indicators.Select(r => (r.Level1, r.Level2)));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason is Jixiao.Core.Forms.DoubtReason.InferredLevel or Jixiao.Core.Forms.DoubtReason.MisplacedLevel);
    }
}

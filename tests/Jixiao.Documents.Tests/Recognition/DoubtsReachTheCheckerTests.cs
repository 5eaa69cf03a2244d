using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>From text to findings: what the recogniser doubts holds back only the checks that read it.</summary>
public sealed class DoubtsReachTheCheckerTests
{
    private static IReadOnlyList<Finding> Check(string text) => Checker.Check(Assert.Single(Recognize.Text(text)), Core.Rulebooks.Rulebooks.Default);

    [Fact]
    public void A_table_cut_off_before_its_total_still_gets_its_funds_and_row_findings()
    {
        // 9 ÷ 10 = 90.00%, printed 95.00%; 80个 against ≥100个 scored 50 of 50. The table stops before its 总分.
        var findings = Check("""
            项目支出绩效自评表
            项目名称 | 政务云运维
            项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
             | 年度资金总额 | 10 | 10 | 9 | 10 | 95.00% | 9.5
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
            产出指标 | 数量指标 | 上云系统数 | ≥100个 | 80个 | 50 | 50 | 
            效益指标 | 社会效益指标 | 业务连续性 | 全年无重大中断 | 无中断 | 30 | 30 | 
            """);
        Assert.Contains(findings, f => f.Code == CheckCodes.ExecutionRateMismatch && f.Expected == "90.00%");
        Assert.Contains(findings, f => f.Code == CheckCodes.FullScoreDespiteMiss && f.Location.RowLabel == "上云系统数");
        Assert.DoesNotContain(findings, f => f.Code is CheckCodes.WeightSum or CheckCodes.TotalMismatch);
        Assert.Contains(findings, f => f.Code == CheckCodes.ReadingUncertain);
    }

    [Fact]
    public void Cells_saying_kenang_and_queshi_hold_nothing_back()
    {
        // 50 + 30 + 10 + 10 = 100 of weights; scores 10 + 50 + 30 + 10 = 100, yet 总分 90; 80个 against ≥100个 with full marks.
        var findings = Check("""
            项目支出绩效自评表
            项目名称 | 政务云运维
            项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
             | 年度资金总额 | 10 | 10 | 10 | 10 | 100.00% | 10
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
            产出指标 | 数量指标 | 上云系统数 | ≥100个 | 80个 | 50 | 50 | 
            效益指标 | 社会效益指标 | 可能风险排查 | 全年无重大中断 | 无中断 | 30 | 30 | 资料缺失处已补齐
            满意度指标 | 服务对象满意度指标 | 用户满意度 | ≥90% | 95% | 10 | 10 | 
            总分 |  |  |  |  | 100 | 90 | 
            """);
        Assert.Contains(findings, f => f.Code == CheckCodes.TotalMismatch && f.Stated == "90");
        Assert.Contains(findings, f => f.Code == CheckCodes.FullScoreDespiteMiss && f.Location.RowLabel == "上云系统数");
        Assert.DoesNotContain(findings, f => f.Code == CheckCodes.ReadingUncertain);
    }
}

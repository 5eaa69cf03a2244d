using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 转移支付 区域 form printed one cell per line whose 全年完成值 cell holds the row's name again before the figure
/// ("建设巡检站" / "6个" / "建设巡检站" / "2"): the figure is the actual, read under a doubt at that cell, and the
/// reason text after it stays in the row instead of starting a row of its own.
/// </summary>
public sealed class A_name_printed_again_before_the_actual_is_no_cell
{
    private static readonly string[] Cells =
    [
        "发布日期: 2023年03月01日", "转移支付区域(项目)绩效目标自评表 (2022)", "有效性: 有效", "转移支付(项目)名称", "2022年河道巡检补助资金",
        "项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
        "年度资金总额:", "120", "30", "25",
        "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施",
        "产出指标", "数量指标", "建设巡检站", "6个", "建设巡检站", "2", "招标延后,部分站点未开工",
        "时效指标", "完工及时率", "100%", "40%", "工期顺延",
    ];

    [Fact]
    public void The_figure_after_the_repeated_name_is_the_actual_in_doubt()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(string.Join("\n\n", Cells), "cells.txt")));

        var row = Assert.Single(form.Indicators, r => r.Name == "建设巡检站");
        Assert.Equal(("6个", "2"), (row.Target, row.Actual));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.IsAt(row.Source) && d.Covers(CellRole.Actual));
        Assert.Equal(DoubtReason.ShiftedCells, doubt.Reason);
        Assert.DoesNotContain(form.Indicators, r => r.Name is { } n && n.StartsWith("招标延后", StringComparison.Ordinal));
        var next = Assert.Single(form.Indicators, r => r.Name == "完工及时率");
        Assert.Equal(("100%", "40%"), (next.Target, next.Actual));
    }
}

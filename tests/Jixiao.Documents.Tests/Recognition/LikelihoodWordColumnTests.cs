using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// Monitoring tables whose 完成目标可能性 is one column holding the word (确定能 / 有可能 / 不可能) rather than three tick
/// boxes under a sub-header (the Hubei layout, audited form 19): the word is read into the row's likelihood, also where
/// a converter wrapped the header over several lines and dropped the merged cells of the rows.
/// </summary>
public sealed class LikelihoodWordColumnTests
{
    private static PerformanceForm Read(string text, string path = "converted.txt") =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(text, path)));

    [Fact]
    public void A_tabbed_table_with_a_likelihood_column_reads_each_rows_word()
    {
        var form = Read(string.Join("\n",
            "某市项目支出绩效监控表",
            "项目名称\t河道保洁",
            "项目资金(万元)\t年初预算数\t1-6月执行数\t全年预计执行数",
            "年度资金总额\t300\t150\t300",
            "绩效指标\t一级指标\t二级指标\t指标名称\t指标值\t半年度指标执行情况\t完成目标可能性\t备注",
            "\t产出指标\t数量指标\t保洁河道长度\t≥40公里\t40公里\t确定能\t",
            "\t\t质量指标\t水面垃圾清除率\t≥95%\t80%\t有可能\t汛期垃圾增多",
            "\t效益指标\t社会效益指标\t群众投诉下降\t≥20%\t5%\t不可能\t"), "hand-made.txt");

        Assert.Equal(FormKind.Monitoring, form.Kind);
        Assert.Equal([CompletionLikelihood.Certain, CompletionLikelihood.Possible, CompletionLikelihood.Impossible],
            form.Indicators.Select(r => r.Likelihood!.Value));
        Assert.Equal(["40公里", "80%", "5%"], form.Indicators.Select(r => r.MidYearProgress));
        Assert.Equal("汛期垃圾增多", form.Indicators[1].Remark);
        Assert.Empty(form.ReadingDoubts);
    }

    [Fact]
    public void A_header_wrapped_over_lines_and_rows_without_their_merged_cells_are_placed_on_the_likelihood_word()
    {
        var form = Read("""
            某市项目支出绩效监控表 (河道保洁) |
            (2021年度) |
            项目名称 | 河道保洁 | |
            项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |
            年度资金总额: | 300 | 90 | |
            绩效指标 | 一级 指标 | 指标名称 | 指标值 |
            半年度 指标执行情况 |
            完成目标可能性(确定能、有可能、不可能) | 备注 |
            产 出 指 标 |
            数量 | |||||
            时效 | |||||
            成本 | 年度预算300万元 | 已支出30% | 确定能 | | |
            效 益 指 标 |
            社会效益 | 沿岸居民反映河面明显清洁 | 确定能 | | | |
            偏差或不能完成目标原因分析 | 汛期未到,保洁合同按季度结算 |||||
            相关建议或举措 | ||||||
            """);

        Assert.Equal(6, form.MonitoringMonths);
        Assert.Equal(["数量", "时效", "成本", "社会效益"], form.Indicators.Select(r => r.Level2 ?? r.Name));
        var cost = form.Indicators[2];
        Assert.Equal(("年度预算300万元", "已支出30%", CompletionLikelihood.Certain), (cost.Target, cost.MidYearProgress, cost.Likelihood));
        Assert.Equal(CompletionLikelihood.Certain, form.Indicators[3].Likelihood);
        // The reason stated once under the rows is the table's, not a fragment of its last row.
        Assert.Equal("汛期未到,保洁合同按季度结算", form.Extra[TableWideText.Explanation]);
        // The 社会效益 row prints one text cell between its name and its likelihood: 指标值 by position, 执行情况 by
        // content. That cell is in doubt, its likelihood is not.
        var doubt = Assert.Single(form.ReadingDoubts);
        Assert.Equal((DoubtReason.ShiftedCells, "社会效益"), (doubt.Reason, doubt.RowLabel));
        Assert.Contains(CellRole.Target, doubt.Cells);
        Assert.DoesNotContain(CellRole.Likelihood, doubt.Cells);
    }

    [Fact]
    public void A_row_with_fewer_cells_than_its_header_reads_its_text_cell_where_it_stands_in_doubt()
    {
        var form = Read("""
            某市项目支出绩效监控表 (道路养护) |
            项目名称 | 道路养护 | |
            项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |
            年度资金总额: | 80 | 35 | |
            绩效指标 | 一级 指标 | 指标名称 | 指标值 |
            半年度 指标执行情况 |
            完成目标可能性(确定能、有可能、不可能) | 备注 |
            产 出 指 标 |
            数量 | 养护道路12公里 | 已养护6公里 | 确定能 | | |
            效 益 指 标 |
            社会效益 | 通行条件改善,群众出行更便利 | 有可能 | | | |
            """);

        var row = form.Indicators.Single(r => (r.Level2 ?? r.Name) == "社会效益");
        // The one cell right after the name stands in the 指标值's place: read there, never silently as the progress.
        Assert.Equal(("通行条件改善,群众出行更便利", null, CompletionLikelihood.Possible), (row.Target, row.MidYearProgress, row.Likelihood));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.IsAt(row.Source));
        Assert.Contains(CellRole.Target, doubt.Cells);
        Assert.Contains(CellRole.MidYearProgress, doubt.Cells);
        var full = form.Indicators.Single(r => (r.Level2 ?? r.Name) == "数量");
        Assert.Equal(("养护道路12公里", "已养护6公里"), (full.Target, full.MidYearProgress));
    }

    [Fact]
    public void The_lag_behind_the_schedule_is_reported_on_the_wrapped_table_only_while_no_reason_is_stated()
    {
        const string table = """
            某市项目支出绩效监控表 (河道保洁) |
            (2021年度) |
            项目名称 | 河道保洁 | |
            项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |
            年度资金总额: | 300 | 90 | 300 |
            绩效指标 | 一级 指标 | 指标名称 | 指标值 |
            半年度 指标执行情况 |
            完成目标可能性(确定能、有可能、不可能) | 备注 |
            产 出 指 标 |
            成本 | 年度预算300万元 | 已支出30% | 确定能 | | |
            偏差或不能完成目标原因分析 | REASON |||||
            """;
        var rulebook = Rulebooks.Default;
        var silent = Checker.Check(Read(table.Replace("REASON", "", StringComparison.Ordinal)), rulebook);
        // 90 ÷ 300 = 30.00% after six months, against 6/12 = 50.00%.
        var f = Assert.Single(silent, x => x.Code == CheckCodes.MonitoringBehindSchedule);
        Assert.Contains("90万元 ÷ 300万元", f.Message, StringComparison.Ordinal);
        Assert.Equal("30.00%", f.Stated);
        var explained = Checker.Check(Read(table.Replace("REASON", "保洁合同按季度结算", StringComparison.Ordinal)), rulebook);
        Assert.DoesNotContain(explained, x => x.Code == CheckCodes.MonitoringBehindSchedule);
    }
}

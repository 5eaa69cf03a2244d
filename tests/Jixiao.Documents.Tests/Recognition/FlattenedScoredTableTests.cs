using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 20-point execution self-evaluation run onto one line with nothing at all between its cells (a docx a web page
/// flattened): the funds header and its row of figures run together, then the indicator rows, each ending in its score.
/// Rows are cut at their scores; a row's name, target and actual are told apart only where the text settles it (two
/// figures with their units, or one value printed twice), otherwise they are left in doubt at the row.
/// </summary>
public sealed class A_flattened_table_with_a_score_column_is_cut_at_each_rows_score
{
    private const string Text =
        "2023年度财政项目绩效自评表项目名称城区路灯维护补助主管部门县城市管理局项目实施单位县路灯管理所"
        + "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额100.0080.0080.00%16"
        + "年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
        + "产出指标数量指标维护路灯数量≥3000个3120个20质量指标路灯亮灯率≥98%99%20"
        + "时效指标维修响应及时按时完成按时完成20"
        + "效益指标社会效益指标居民夜间出行安全改善明显有所改善15";

    private static PerformanceForm Read() =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "flattened-scored.txt")), f => f.Indicators.Count > 0);

    [Fact]
    public void Each_row_is_read_with_its_target_actual_and_score()
    {
        var form = Read();

        var rows = form.Indicators.Select(r => (r.Level2, r.Name, r.Target, r.Actual, r.StatedScore)).ToList();
        Assert.Contains(("数量指标", "维护路灯数量", "≥3000个", "3120个", (decimal?)20m), rows);
        Assert.Contains(("质量指标", "路灯亮灯率", "≥98%", "99%", (decimal?)20m), rows);
        Assert.Contains(("时效指标", "维修响应及时", "按时完成", "按时完成", (decimal?)20m), rows);
    }

    [Fact]
    public void A_row_whose_target_and_actual_cannot_be_told_apart_keeps_them_in_doubt()
    {
        var form = Read();

        var row = Assert.Single(form.Indicators, r => (r.Name ?? "").Contains("出行安全", StringComparison.Ordinal));
        Assert.Contains(form.ReadingDoubts, d => d.IsAt(row.Source) && d.Covers(CellRole.Target) && d.Covers(CellRole.Actual));
    }

    [Fact]
    public void The_funds_figures_are_cut_where_only_one_cut_agrees_with_the_rate()
    {
        var form = Read();

        var funds = Assert.Single(form.Funds);
        Assert.Equal((100.00m, 80.00m, 80.00m, 16m, 20m), (funds.Budget, funds.Executed, funds.StatedRate!.Value.Points, funds.StatedScore, funds.Weight));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Funds);
    }
}

/// <summary>
/// Funds figures run together with nothing between them can be cut only where the cut is forced: the 执行率 printed
/// agrees with 执行数 / 预算数 for one cut alone. Otherwise the row is in doubt at its amounts: read as equal when that is
/// one of the cuts, left unread when no cut agrees, and never given a figure silently.
/// </summary>
public sealed class Funds_figures_run_together_are_split_only_where_the_split_is_forced
{
    private static PerformanceForm Read(string fundsRows) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(
            "1、2022年度县级专项资金绩效目标自评表专项资金名称乡村道路养护负责人及电话王某县级主管部门县交通运输局实施单位县公路养护站"
            + "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)" + fundsRows
            + "年度总体目标年初设定目标全年实际完成情况完成乡村道路养护道路通行良好绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施"
            + "产出指标数量指标养护里程120公里120公里质量指标道路完好率95%96%时效指标养护完成及时率100%100%", "glued-funds.txt")));

    [Fact]
    public void Two_equal_amounts_and_their_rate_are_read_without_doubt()
    {
        var form = Read("年度资金总额36.536.5100%其中:省级补助资金36.536.5100%其他资金");

        Assert.Equal([("年度资金总额", 36.5m, 36.5m, 100m), ("其中:省级补助资金", 36.5m, 36.5m, 100m)],
            form.Funds.Where(f => f.Budget is not null).Select(f => (f.Label, f.Budget!.Value, f.Executed!.Value, f.StatedRate!.Value.Points)));
        Assert.Contains(form.Funds, f => f.Label == "其他资金" && f.Budget is null);
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Funds);
    }

    [Fact]
    public void Amounts_without_a_rate_to_settle_them_are_read_as_equal_in_doubt()
    {
        var form = Read("年度资金总额36.536.5");

        var row = Assert.Single(form.Funds);
        Assert.Equal((36.5m, 36.5m), (row.Budget, row.Executed));
        Assert.Contains(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.IsAt(row.Source) && d.Covers(CellRole.Budget) && d.Covers(CellRole.Executed));
    }

    [Fact]
    public void Digits_no_cut_of_which_agrees_with_the_rate_are_left_unread_in_doubt()
    {
        var form = Read("年度资金总额123456100%");

        Assert.DoesNotContain(form.Funds, f => f.Budget is not null || f.Executed is not null || f.StatedRate is not null);
        Assert.Contains(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.RowLabel == "年度资金总额" && d.Covers(CellRole.Budget) && d.Covers(CellRole.Executed));
    }
}

/// <summary>
/// A 绩效目标申报表 copied as whitespace-aligned text: funds labels each followed by its amount on one line, and a line
/// of funds labels over a line of amounts only (the block's own label first, with no amount under it).
/// </summary>
public sealed class A_whitespace_aligned_targets_head_reads_its_amounts
{
    private const string Text = """
        2022年度社区健身器材更新经费项目支出绩效目标申报表
              项目名称 社区健身器材更新经费
        项目总预算(万元) 120.00      项目当年预算(万元) 40.00
        项目资金来源情况(万元) 其中:上级财政补助资金 其中:同级财政资金 其他
        10.00  30.00  0.00
        同名项目上年预算额 同名项目上年预算执行数
        """;

    [Fact]
    public void Each_label_takes_the_amount_beside_or_under_it()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "aligned.txt")));

        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal(
            [("项目总预算(万元)", 120m), ("项目当年预算(万元)", 40m), ("其中:上级财政补助资金", 10m), ("其中:同级财政资金", 30m), ("其他", 0m)],
            form.Funds.Select(f => (f.Label, f.Budget!.Value)));
    }

    [Fact]
    public void One_label_and_one_figure_is_no_pair_of_amounts()
    {
        // A row label and its 行次 look the same as a label and its amount.
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text.Replace("项目当年预算(万元) 40.00", "", StringComparison.Ordinal) + "地方财政资金(万元) 3\n", "aligned.txt")));

        Assert.DoesNotContain(form.Funds, f => f.Label.StartsWith("地方财政资金", StringComparison.Ordinal));
    }
}

/// <summary>
/// In a flattened table without points a row whose values are words stands between two rows' figures with nothing to
/// cut it at; where the same word is printed twice at its end ("…机制健全健全"), it is read as the row's target and
/// actual, the target in doubt (a longer target would end the same way), instead of being lost.
/// </summary>
public sealed class A_flattened_row_whose_values_are_one_word_printed_twice_is_read_in_doubt
{
    private const string Text =
        "1、2022年度县级专项资金绩效目标自评表专项资金名称乡村道路养护负责人及电话王某县级主管部门县交通运输局实施单位县公路养护站"
        + "绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施"
        + "产出指标数量指标养护里程120公里120公里质量指标道路完好率95%96%时效指标养护完成及时率100%100%"
        + "效益指标可持续影响指标道路长效管护机制健全健全满意度指标服务对象满意度指标群众满意度≥90%92%";

    [Fact]
    public void The_row_is_read_with_its_tree_words_and_the_target_in_doubt()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "flattened-words.txt")));

        var row = Assert.Single(form.Indicators, r => r.Name == "道路长效管护机制");
        Assert.Equal(("可持续影响指标", "健全", "健全"), (row.Level2, row.Target, row.Actual));
        Assert.Contains(form.ReadingDoubts, d => d.IsAt(row.Source) && d.Covers(CellRole.Target));
        Assert.Contains(form.Indicators, r => r.Name == "群众满意度" && r.Target == "≥90%" && r.Actual == "92%");
    }
}

/// <summary>
/// The same flattened shape with a 分值 and a 得分 column: each row ends in its weight and score run together
/// ("…99%2018"), cut where the weight is at most 100 and the score at most the weight; the total after the last row
/// ("总分10098") is cut the same way.
/// </summary>
public sealed class A_flattened_row_ending_in_its_weight_and_score_run_together_is_cut_between_them
{
    private const string Text =
        "2023年度财政项目绩效自评表项目名称城区路灯维护补助主管部门县城市管理局项目实施单位县路灯管理所"
        + "一级指标二级指标三级指标年初目标值(A)实际完成值(B)分值得分"
        + "产出指标数量指标维护路灯数量≥3000个3120个2020质量指标路灯亮灯率≥98%99%2018"
        + "时效指标维修响应及时按时完成按时完成2020"
        + "效益指标社会效益指标居民夜间出行安全感提升≥90%95%3030满意度指标服务对象满意度指标群众满意度≥90%93%1010总分10098";

    [Fact]
    public void Each_row_takes_its_weight_and_its_score()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "flattened-points.txt")), f => f.Indicators.Count > 0);

        Assert.Equal(
            [("维护路灯数量", 20m, 20m), ("路灯亮灯率", 20m, 18m), ("维修响应及时", 20m, 20m), ("居民夜间出行安全感提升", 30m, 30m), ("群众满意度", 10m, 10m)],
            form.Indicators.Select(r => (r.Name!, r.Weight!.Value, r.StatedScore!.Value)));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Covers(CellRole.Weight) && d.Cells.Count > 0);
    }

    [Fact]
    public void The_total_after_the_last_row_takes_the_weights_sum_and_the_score()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "flattened-points.txt")), f => f.Indicators.Count > 0);

        Assert.Equal((100m, 98m), (form.StatedWeightTotal, form.StatedTotal));
        Assert.False(form.Incomplete);
    }
}

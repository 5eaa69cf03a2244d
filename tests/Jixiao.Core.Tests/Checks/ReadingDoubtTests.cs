using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>
/// Reading doubts are records with a scope: the checker holds back exactly the checks that read a doubtful cell, and
/// never decides by the words in a cell or a note.
/// </summary>
public class ReadingDoubtTests
{
    /// <summary>
    /// Two full scores on missed targets (rows 30 and 31), a stated rate of 95% where 90 of 100 was spent, and a stated
    /// 总分 of 90 where 9 + 20 + 20 + 30 + 20 = 99. Two cells carry the words 可能 and 缺失.
    /// </summary>
    private static PerformanceForm Faulty()
    {
        var form = Project("监测平台运维", "100.00", "90.00", "95.00%", "9.00");
        form.Indicators.Add(Row("产出指标", "数量指标", "巡检站点数", "≥100个", "80个", "20", "20"));
        form.Indicators.Add(Row("产出指标", "质量指标", "数据完整率", "≥90%", "70%", "20", "20"));
        form.Indicators.Add(Row("效益指标", "社会效益指标", "可能性评估及缺失项整改", "2项", "2项", "30", "30", "部分数据缺失，可能影响下年评估"));
        form.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%", "95%", "20", "20"));
        for (var i = 0; i < form.Indicators.Count; i++) form.Indicators[i].Source = new SourcePosition(30 + i);
        form.StatedWeightTotal = 100m;
        form.StatedTotal = 90m;
        return form;
    }

    private static List<string> Codes(PerformanceForm form) => [.. Check(form).Select(f => f.Code)];

    private static IEnumerable<int?> RowsOf(PerformanceForm form, string code) => Check(form).Where(f => f.Code == code).Select(f => f.Location.Row);

    [Fact]
    public void Cells_containing_the_words_kenang_and_queshi_silence_no_check()
    {
        var codes = Codes(Faulty());
        Assert.Equal(2, codes.Count(c => c == CheckCodes.FullScoreDespiteMiss));
        Assert.Contains(CheckCodes.TotalMismatch, codes);
        Assert.Contains(CheckCodes.ExecutionRateMismatch, codes);
        Assert.DoesNotContain(CheckCodes.ReadingUncertain, codes);
    }

    [Fact]
    public void A_cut_off_table_skips_the_total_and_weight_sums_but_checks_funds_the_execution_rate_and_every_row()
    {
        var form = Faulty();
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.Indicators, RowLabel = "使用单位满意度" });
        form.Funds[1].Budget = 120m; // 其中 120 inside a 年度资金总额 of 100
        var codes = Codes(form);
        Assert.DoesNotContain(CheckCodes.TotalMismatch, codes);
        Assert.DoesNotContain(CheckCodes.WeightSum, codes);
        Assert.Equal([30, 31], RowsOf(form, CheckCodes.FullScoreDespiteMiss));
        Assert.Contains(CheckCodes.ExecutionRateMismatch, codes);
        Assert.Contains(CheckCodes.FundsSubtotalMismatch, codes);
        var info = Assert.Single(Check(form), f => f.Code == CheckCodes.ReadingUncertain);
        Assert.Contains("在“使用单位满意度”一行之后中断", info.Message);
    }

    [Fact]
    public void A_doubtful_row_is_skipped_with_the_sums_that_include_it_while_the_other_rows_are_checked()
    {
        var form = Faulty();
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = new SourcePosition(30), RowLabel = "巡检站点数", Text = "80个 20",
        });
        Assert.Equal([31], RowsOf(form, CheckCodes.FullScoreDespiteMiss));
        Assert.DoesNotContain(CheckCodes.TotalMismatch, Codes(form));
        Assert.Contains(CheckCodes.ExecutionRateMismatch, Codes(form));
    }

    [Fact]
    public void A_doubt_on_the_target_and_actual_cells_leaves_the_sums_of_weights_and_scores_checked()
    {
        var form = Faulty();
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = new SourcePosition(30), Cells = [CellRole.Target, CellRole.Actual],
            Text = "完善", Assumed = "指标内容",
        });
        Assert.Equal([31], RowsOf(form, CheckCodes.FullScoreDespiteMiss));
        var total = Assert.Single(Check(form), f => f.Code == CheckCodes.TotalMismatch);
        Assert.Equal(("90", "99"), (total.Stated, total.Expected));
    }

    [Fact]
    public void A_doubt_in_the_funds_block_does_not_hold_back_indicator_checks()
    {
        var form = Faulty();
        form.Funds[1].Source = new SourcePosition(12);
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.NotANumber, Block = FormBlock.Funds, Row = new SourcePosition(12), Cells = [CellRole.Executed], Text = "见附表",
        });
        var codes = Codes(form);
        Assert.Contains(CheckCodes.TotalMismatch, codes);
        Assert.Equal(2, codes.Count(c => c == CheckCodes.FullScoreDespiteMiss));
    }

    [Fact]
    public void A_note_stored_before_doubts_were_typed_holds_back_the_form_wide_sums_only()
    {
        var form = Faulty();
        form.ReadingDoubts.Add(ReadingDoubt.Legacy("第12行跨页，金额列可能错位"));
        var codes = Codes(form);
        Assert.DoesNotContain(CheckCodes.TotalMismatch, codes);
        Assert.Equal(2, codes.Count(c => c == CheckCodes.FullScoreDespiteMiss));
        Assert.Contains("第12行跨页，金额列可能错位", Assert.Single(Check(form), f => f.Code == CheckCodes.ReadingUncertain).Message);
    }

    [Fact]
    public void An_inferred_first_level_is_recorded_but_not_reported_as_uncertain_reading()
    {
        var form = Faulty();
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.InferredLevel, Block = FormBlock.Indicators, Row = new SourcePosition(33), Cells = [CellRole.Level1],
            Text = "服务对象满意度指标", Assumed = "满意度指标",
        });
        var codes = Codes(form);
        Assert.DoesNotContain(CheckCodes.ReadingUncertain, codes);
        Assert.Contains(CheckCodes.TotalMismatch, codes);
    }
}

public class ReadingDoubtTextTests
{
    [Fact]
    public void The_sentence_of_a_doubt_names_its_row_its_cells_and_the_text_involved()
    {
        var doubt = new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = new SourcePosition(94, 3, "Sheet1", 2),
            Cells = [CellRole.Target, CellRole.Actual], RowLabel = "长效制度建设", Text = "完善", Assumed = "指标内容",
        };
        Assert.Equal("Sheet1 第2页第94行（长效制度建设）：单元格可能错位（“完善”），已记作指标内容，目标值、完成值可能有误", ReadingDoubtText.Describe(doubt));
        Assert.Equal(DoubtScope.Cell, doubt.Scope);
        Assert.Equal("shifted-cells", ReadingDoubtText.Code(doubt.Reason));
    }

    [Fact]
    public void Conflicting_totals_of_a_report_and_a_cut_off_table_read_as_sentences()
    {
        var conflict = new ReadingDoubt { Reason = DoubtReason.ConflictingStatements, Block = FormBlock.Report, Cells = [CellRole.StatedTotal], Text = "92分、88分" };
        Assert.Equal("报告中的总分说法不一：92分、88分", ReadingDoubtText.Describe(conflict));
        Assert.Equal("表格不完整：未见绩效指标部分", ReadingDoubtText.Describe(new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.Indicators }));
        Assert.Equal(DoubtScope.Block, new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.BasicData }.Scope);
    }
}

using Jixiao.Core.Checks;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// The checker on the audited forms of ../shared/corpus/audited (AUDIT.md), read as published through the real reader:
/// each [A] line is found at its row with a fitting code (all 11), and the clean controls get no error. 06 and 09 are
/// flattened text whose cells stand out of their rows (issue #12's layout rules in TokenStream); the checker's side of
/// 09 is also pinned down on its rows in Jixiao.Core.Tests (ProportionalScoringOnTheShanxiRowsTests).
/// </summary>
public class CheckerOnAuditedFormsTests
{
    private static IReadOnlyList<FormFindings> Check(string file) =>
        CheckedDocuments.Check([(file, Path.Combine(RepoPaths.Corpus, "audited", file))]);

    [Fact]
    public void Anhui_tangxi_total_row_of_zero_over_a_qizhong_row_of_202_64_is_a_subtotal_mismatch_in_each_column()
    {
        var form = Assert.Single(Check("02_anhui_chizhou_tangxi_cunji.txt"));
        var mismatches = form.Findings.Where(f => f.Code == CheckCodes.FundsSubtotalMismatch).ToList();
        Assert.Equal(["年初预算数", "全年预算数", "全年执行数"], mismatches.Select(f => f.Location.Field));
        Assert.All(mismatches, f => Assert.Equal("0", f.Stated));
        Assert.Equal(["202.64", "132.912", "132.912"], mismatches.Select(f => f.Expected));
        Assert.All(mismatches, f => Assert.Equal(Blocks.Funds, f.Location.Block));
    }

    [Fact]
    public void Anhui_tangxi_execution_rate_0_and_score_0_are_wrong_because_the_qizhong_amounts_give_132_912_of_132_912()
    {
        var form = Assert.Single(Check("02_anhui_chizhou_tangxi_cunji.txt"));
        var rate = Assert.Single(form.Findings, f => f.Code == CheckCodes.ExecutionRateMismatch);
        Assert.Equal((Blocks.Funds, "执行率", "年度资金总额"), (rate.Location.Block, rate.Location.Field, rate.Location.RowLabel));
        Assert.Equal(("0%", "100%"), (rate.Stated, rate.Expected));
        Assert.Contains("132.912 ÷ 132.912", rate.Message, StringComparison.Ordinal);
        var score = Assert.Single(form.Findings, f => f.Code == CheckCodes.ExecutionScoreMismatch);
        Assert.Equal((Blocks.Funds, "得分", "年度资金总额"), (score.Location.Block, score.Location.Field, score.Location.RowLabel));
        Assert.Equal(("0", "10.00"), (score.Stated, score.Expected));
    }

    [Fact]
    public void Anhui_tangxi_planned_components_of_1_740_000_yuan_fall_286_400_short_of_the_stated_2_026_400()
    {
        var form = Assert.Single(Check("02_anhui_chizhou_tangxi_cunji.txt"));
        var finding = Assert.Single(form.Findings, f => f.Code == CheckCodes.SubtotalMismatch);
        Assert.Equal((Blocks.Header, "预期目标"), (finding.Location.Block, finding.Location.Field));
        Assert.Equal(("2026400元", "1740000元"), (finding.Stated, finding.Expected));
        Assert.Contains("286400元", finding.Message, StringComparison.Ordinal);
        // The completed components add up to their 1329120.67 元: that list is not reported.
        Assert.DoesNotContain(form.Findings, f => f.Location.Field == "实际完成情况");
    }

    [Fact]
    public void Hubei_huangshi_monitoring_table_leaves_the_whole_budgets_full_year_projection_blank()
    {
        var form = Assert.Single(Check("19_hubei_huangshi_shenyi_jiankong.txt"));
        Assert.Equal(Core.Forms.FormKind.Monitoring, form.Form.Kind);
        var blank = Assert.Single(form.Findings, f => f.Code == CheckCodes.MissingValue && f.Location.Block == Blocks.Funds);
        Assert.Equal(("年度资金总额", "全年预计执行数"), (blank.Location.RowLabel, blank.Location.Field));
    }

    [Fact]
    public void Hubei_huangshi_monitoring_table_spends_39_80_percent_in_six_months_yet_marks_its_rows_certain_without_a_reason()
    {
        // The header wraps over three lines and the 完成目标可能性 column holds the word itself (确定能), not a tick.
        var form = Assert.Single(Check("19_hubei_huangshi_shenyi_jiankong.txt"));
        Assert.Equal([Core.Forms.CompletionLikelihood.Certain, Core.Forms.CompletionLikelihood.Certain],
            form.Form.Indicators.Where(r => r.Likelihood is not null).Select(r => r.Likelihood!.Value));
        var f = Assert.Single(form.Findings, x => x.Code == CheckCodes.MonitoringBehindSchedule);
        Assert.Equal((Severity.Warning, Blocks.Funds, "年度资金总额"), (f.Severity, f.Location.Block, f.Location.RowLabel));
        Assert.Equal("39.80%", f.Stated);
        Assert.Contains("87.57万元 ÷ 220万元", f.Message, StringComparison.Ordinal);
        Assert.Contains("50.00%（6/12）", f.Message, StringComparison.Ordinal);
        Assert.Contains("2项指标", f.Message, StringComparison.Ordinal);
        // The layout has no 全年预计完成情况 column: no row is asked for one.
        Assert.DoesNotContain(form.Findings, x => x.Code == CheckCodes.MissingValue && x.Location.Block == Blocks.Indicators);
        Assert.DoesNotContain(form.Findings, x => x.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("指标16:高血压规范管理数", "1.9", "1.69")]
    [InlineData("指标17:高血压随访控制数", "1.8", "1.69")]
    [InlineData("指标18:糖尿病规范管理数", "1.8", "1.61")]
    [InlineData("指标19:糖尿病随访控制数", "1.7", "1.58")]
    [InlineData("指标23:0-36月龄中医药规范管理数", "1.8", "1.25")]
    public void Shanxi_zhaidian_rows_scored_above_the_proportional_rule_are_errors_at_their_row(string row, string stated, string expected)
    {
        var form = Assert.Single(Check("09_shanxi_jishan_zhaidian_gongwei.txt"));
        var f = Assert.Single(form.Findings, x => x.Code == CheckCodes.ScoreNotProportional && x.Location.RowLabel == row);
        Assert.Equal((Severity.Error, Blocks.Indicators, "得分"), (f.Severity, f.Location.Block, f.Location.Field));
        Assert.Equal((stated, expected), (f.Stated, f.Expected));
    }

    [Fact]
    public void Shanxi_zhaidian_row_1_scores_full_marks_for_37442_of_38508()
    {
        // Row 1's target stands among the scattered header words and its actual, weight and score after them: the two
        // column groups are paired in order (rows 2-5, whose order is lost, are read with a doubt each).
        var form = Assert.Single(Check("09_shanxi_jishan_zhaidian_gongwei.txt"));
        var f = Assert.Single(form.Findings, x => x.Code == CheckCodes.FullScoreDespiteMiss);
        Assert.Equal((Severity.Error, "指标1:居民健康档案", "得分"), (f.Severity, f.Location.RowLabel, f.Location.Field));
        Assert.Equal(("3", "2.92"), (f.Stated, f.Expected));
        Assert.Contains("37442人", f.Message, StringComparison.Ordinal);
        // The five over-scored rows and row 1 are the form's only errors.
        Assert.Equal(6, form.Findings.Count(x => x.Severity == Severity.Error));
    }

    [Fact]
    public void Shanghai_putuo_execution_rate_86_19_is_0_01_high_for_215457_6_of_250000()
    {
        // The PDF text prints the funds figures before their row labels and the rate after the goal label.
        var forms = Check("06_shanghai_putuo_tiyu.txt");
        var f = Assert.Single(forms[0].Findings, x => x.Code == CheckCodes.ExecutionRateMismatch);
        Assert.Equal((Blocks.Funds, "执行率", "年度资金总额"), (f.Location.Block, f.Location.Field, f.Location.RowLabel));
        Assert.Equal(("86.19%", "86.18%"), (f.Stated, f.Expected));
        Assert.Contains("215457.6 ÷ 250000.00", f.Message, StringComparison.Ordinal);
        // The score 10 × 86.183% = 8.62 agrees.
        Assert.DoesNotContain(forms[0].Findings, x => x.Code == CheckCodes.ExecutionScoreMismatch);
    }

    [Fact]
    public void Yunnan_shengzhu_spending_20_percent_while_every_visible_quantity_is_built_is_a_warning_at_the_execution_rate()
    {
        var form = Assert.Single(Check("11_yunnan_changning_gongxiao_shengzhu.txt"));
        var f = Assert.Single(form.Findings, x => x.Code == CheckCodes.TargetsMetLowExecution);
        Assert.Equal((Severity.Warning, Blocks.Funds, "20.00%"), (f.Severity, f.Location.Block, f.Stated));
        Assert.Contains("10 ÷ 50", f.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The forms whose auditor found nothing definite ([A?] lines and OK lines only) get no error, and only these
    /// warnings: 11's placeholders (≥**平方米, an [A?] line), its 20% execution against complete quantities (an [A?] line),
    /// and the 种母猪 row the excerpt cuts in half (its target cell holds the next row's name).
    /// </summary>
    [Theory]
    [InlineData("04_sichuan_daying_sifa_anke.txt", "")]
    [InlineData("10_anhui_xiaoxian_hexi_zhongyang.txt", "")]
    [InlineData("11_yunnan_changning_gongxiao_shengzhu.txt", "targets-met-low-execution template-text-left")]
    [InlineData("15_hubei_guangshui_jiaotong_daolu.txt", "")]
    [InlineData("21_anhui_chuzhou_rsj_sanzhiyifu.txt", "")]
    [InlineData("25_hunan_yueyang_bmzt_pingfen.txt", "")]
    public void Forms_without_a_definite_anomaly_get_no_error_and_only_the_warnings_named(string file, string warnings)
    {
        var forms = Check(file);
        Assert.All(forms, f => Assert.DoesNotContain(f.Findings, x => x.Severity == Severity.Error));
        Assert.Equal(warnings, string.Join(" ", forms.SelectMany(f => f.Findings).Where(x => x.Severity == Severity.Warning).Select(x => x.Code).Distinct().Order()));
    }

    [Fact]
    public void The_clean_chuzhou_control_gets_no_error_and_no_warning()
    {
        var forms = Check("21_anhui_chuzhou_rsj_sanzhiyifu.txt");
        Assert.NotEmpty(forms);
        // Its indicator table is not in the excerpt: the reader says so (an info), and that is all.
        Assert.All(forms, f => Assert.All(f.Findings, x => Assert.Equal(CheckCodes.ReadingUncertain, x.Code)));
    }
}

using Jixiao.Core.Checks;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// The checker on the audited forms of ../shared/corpus/audited (AUDIT.md), read as published through the real reader:
/// each [A] line the reader can reach is found at its row with a fitting code, and the clean control gets no error.
/// The [A] lines of forms whose text the reader does not yet read (scrambled PDF text: 06, 09) are issue #12's.
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
    public void The_clean_chuzhou_control_gets_no_error_and_no_warning()
    {
        var forms = Check("21_anhui_chuzhou_rsj_sanzhiyifu.txt");
        Assert.NotEmpty(forms);
        // Its indicator table is not in the excerpt: the reader says so (an info), and that is all.
        Assert.All(forms, f => Assert.All(f.Findings, x => Assert.Equal(CheckCodes.ReadingUncertain, x.Code)));
    }
}

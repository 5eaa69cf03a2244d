using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Reports;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

public class ReportFigureExtractionTests
{
    [Fact]
    public void Amounts_percentages_scores_and_grades_are_extracted_with_their_sentence_and_label()
    {
        var sentences = ReportFigures.Extract("本年度基本支出预算244.58万元，实际支出263.01万元，超预算18.43万元增幅7.54%。综合得分为96分，评价等级为优。");
        Assert.Equal(2, sentences.Count);
        var first = sentences[0].Figures;
        Assert.Equal([FigureKind.Amount, FigureKind.Amount, FigureKind.Amount, FigureKind.Percent], first.Select(f => f.Kind));
        Assert.Equal("实际支出", first[1].Label);
        Assert.Equal(2, first[3].Decimals);
        var second = sentences[1].Figures;
        Assert.Equal(96m, Assert.Single(second, f => f.Kind == FigureKind.Score).Value);
        Assert.Equal("优", Assert.Single(second, f => f.Kind == FigureKind.Grade).Grade);
    }

    [Fact]
    public void Fullwidth_digits_and_punctuation_are_read_as_their_ascii_forms()
    {
        var fullwidth = ReportFigures.Extract("本年度支出１，１１２．５０万元（含结转），占预算的９８．５０％！综合得分为９６分？");
        var ascii = ReportFigures.Extract("本年度支出1,112.50万元(含结转),占预算的98.50%!综合得分为96分?");
        Assert.Equal(ascii.Select(s => s.Text), fullwidth.Select(s => s.Text));
        Assert.Equal(ascii.SelectMany(s => s.Figures), fullwidth.SelectMany(s => s.Figures));
        Assert.Equal(1112.50m, fullwidth[0].Figures[0].Value);
    }

    [Fact]
    public void Punctuation_reports_are_written_with_is_kept_as_it_is()
    {
        // The characters the extraction takes as already normalized, each checked against the library's NFKC.
        var text = "“基本支出”‘预算’《报告》〈附〉【注】「甲」『乙』〔丙〕—·×≥≤、合计100万元。";
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormKC));
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormKC), Assert.Single(ReportFigures.Extract(text)).Text + "。");
    }

    [Fact]
    public void A_line_broken_by_a_page_break_stays_one_sentence()
    {
        var text = "实际项目支出1768.55万元，其中：日常事务专项99.98万元、信息系统维修维护538.64万元，新型智慧城市建设专家服务合作\n\n团队采购88.20万元。";
        Assert.Single(ReportFigures.Extract(text));
    }
}

public class ReportArithmeticTests
{
    private static IReadOnlyList<Finding> Findings(string text) =>
        Run(new ReportArithmeticRule(), new PerformanceForm { Kind = FormKind.Report, Text = text });

    [Fact]
    public void A_share_of_98_93_percent_where_the_amounts_give_90_62_is_reported()
    {
        var f = Assert.Single(Findings("2019年末资产合计数197.80万元,其中固定资产资产原值19.47万元,固定资产累计折旧0.91万元,固定资产净值18.56万元,占比9.38%;无形资产资产原值179.24万元,占比98.93%;负债合计数为0。"));
        Assert.Equal(CheckCodes.ShareMismatch, f.Code);
        Assert.Equal("98.93%", f.Stated);
        Assert.Equal("90.62%", f.Expected);
    }

    [Theory]
    [InlineData("本年度基本支出预算244.58万元，实际支出263.01万元，超预算18.43万元增幅7.54%。")]
    [InlineData("2020年度收入总额1112.50万元,其中财政拨款收入1112.50万元,占总收入的100.00%。")]
    [InlineData("2019年总收入支出为779.60万元,本年度增加了332.90万元,增加42.70%。")]
    [InlineData("2020年度财政拨款基本支出162.53万元,其中:人员经费143.77万元,占基本支出的88.46%;公用经费18.76万元,占基本支出的11.54%。")]
    [InlineData("本年度我中心实际支出0.95万元,其中:因公出国(境)费0万元;公务用车运行维护费0万元,公务接待费0.95万元,比预算节约1.05万元,较上年同期减少0.91万元。")]
    [InlineData("本年度基本支出预算 244.58 万元，实际支出 263.01 万元，超预算 18.43 万元增幅 7.54%。其中：在职人员工资福利支出为 257.43 万元，公用经费支出 5.57 万元。")]
    [InlineData("本年度项目支出预算 621 万元，无公共专项，一般专项 2 个。其中日常事务专项 100 万元、信息系统维修维护 521 万元。")]
    public void Sentences_whose_figures_agree_raise_nothing(string text) => Assert.Empty(Findings(text));

    [Theory]
    [InlineData("收入120万元，支出100万元，结余20万元，同比增长5%。")]
    [InlineData("收入120万元，支出100万元，同比增长5%。")]
    [InlineData("A项目100万元，B项目50万元，C项目20万元，占比10%。")]
    [InlineData("收入100万元，支出80万元，其中人员经费60万元、公用经费30万元。")]
    // 106.36 already paid out of 107.13 is progress, not a second part beside the 1.07 of management fees.
    [InlineData("统筹整合使用财政涉农资金107.13万元,其中项目管理费1.07万元,目前项目资金已拨付106.36万元。")]
    public void Relations_the_sentence_does_not_state_are_not_checked(string text) => Assert.Empty(Findings(text));

    [Fact]
    public void An_increase_between_two_years_is_checked_when_both_years_are_named()
    {
        var f = Assert.Single(Findings("2019年支出100万元，2020年支出120万元，增长25%。"));
        Assert.Equal("20%", f.Expected);
    }

    [Fact]
    public void A_wrong_increase_rate_and_a_wrong_difference_are_each_reported()
    {
        var findings = Findings("本年度基本支出预算244.58万元，实际支出263.01万元，超预算28.43万元增幅9.54%。");
        Assert.Contains(findings, f => f.Code == CheckCodes.SubtotalMismatch && f.Expected == "18.43万元");
        Assert.Contains(findings, f => f.Code == CheckCodes.ShareMismatch && f.Stated == "9.54%");
    }

    [Fact]
    public void Parts_larger_than_their_total_are_a_subtotal_mismatch()
    {
        var f = Assert.Single(Findings("2020年三公经费预算为2.00万元,其中:公务用车运行维护费1.50万元,公务接待费2.00万元。"));
        Assert.Equal(CheckCodes.SubtotalMismatch, f.Code);
        Assert.Equal("3.50万元", f.Expected);
    }

    [Fact]
    public void The_overall_completion_rate_is_checked_against_the_reports_own_budget_and_spending()
    {
        var text = "本年度基本支出预算 244.58 万元，实际支出 263.01 万元，超预算 18.43 万元增幅 7.54%。\n" +
                   "本年度项目支出预算 621 万元，无公共专项。\n实际项目支出 1768.55 万元，其中：日常事务专项 99.98 万元。\n" +
                   "本年度预算支出完成率134.71%，一般专项预算2个，日常事务专项100万元，完成率99.98%。";
        var f = Assert.Single(Findings(text));
        Assert.Equal("134.71%", f.Stated);
        Assert.Equal("234.71%", f.Expected);
    }

    [Fact]
    public void A_grade_that_does_not_match_the_reported_score_is_reported()
    {
        var f = Assert.Single(Findings("我单位2020年度自评得分86分，绩效评价等级为优。"));
        Assert.Equal(CheckCodes.GradeMismatch, f.Code);
        Assert.Equal("良", f.Expected);
    }
}

/// <summary>A total a report states after its parts (合计 / 共计 / 总计, or 全年 after parallel parts) must be their sum.</summary>
public class StatedSumOfPartsTests
{
    private static IReadOnlyList<Finding> Findings(string text) =>
        Run(new ReportArithmeticRule(), new PerformanceForm { Kind = FormKind.Report, Text = text });

    [Fact]
    public void Parallel_parts_one_cent_short_of_their_annual_total_are_a_tail_difference_warning_with_the_sum()
    {
        var f = Assert.Single(Findings("中央下达困难救助资金12.35万元；县级配套困难救助资金12.35万元；全年可用资金为24.71万元。"));
        Assert.Equal((CheckCodes.SumTailDifference, Severity.Warning), (f.Code, f.Severity));
        Assert.Equal(("24.71万元", "24.70万元"), (f.Stated, f.Expected));
        Assert.Equal("12.35万元 + 12.35万元 = 24.70万元", f.Explanation);
        Assert.Equal(1, f.Location.Row);
    }

    [Fact]
    public void A_sum_word_total_that_no_rounding_of_its_parts_explains_is_a_subtotal_error()
    {
        var f = Assert.Single(Findings("购置设备20.5万元、维修房屋10万元，合计32.5万元。"));
        Assert.Equal((CheckCodes.SubtotalMismatch, Severity.Error), (f.Code, f.Severity));
        Assert.Equal(("32.5万元", "30.5万元"), (f.Stated, f.Expected));
    }

    [Fact]
    public void Parts_in_yuan_and_a_total_in_wan_yuan_are_compared_in_one_unit()
    {
        Assert.Empty(Findings("发放补贴125,000元、培训费75,000元，共计20万元。"));
    }

    [Fact]
    public void A_tail_difference_is_not_reported_when_the_report_says_its_figures_are_rounded()
    {
        Assert.Empty(Findings("中央下达困难救助资金12.35万元；县级配套困难救助资金12.35万元；全年可用资金为24.71万元。以上金额因四舍五入存在尾差。"));
    }

    [Fact]
    public void An_annual_amount_after_parts_that_are_not_one_thing_split_is_no_stated_sum()
    {
        // 基本支出 and 项目预算 are not parallel clauses: the 全年 amount need not be their sum.
        Assert.Empty(Findings("基本支出3万元，项目预算资金4万元，全年预算10万元。"));
    }

    [Fact]
    public void A_total_stated_after_a_breakdown_adds_only_the_parts_after_the_marker()
    {
        Assert.Empty(Findings("项目总投资100万元，其中设备40万元、安装60万元，合计100万元。"));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>The published ex-ante and rubric documents of ../shared/corpus, read in place into their kinds.</summary>
internal static class CorpusText
{
    public static IReadOnlyList<PerformanceForm> Read(string file)
    {
        var path = Path.Combine(RepoPaths.Corpus, file);
        using var stream = File.OpenRead(path);
        return FormRecognizer.Recognize(TextReader.Read(stream, path));
    }
}

public sealed class Corpus_25_an_ex_ante_report_in_prose_is_an_ex_ante_form_without_its_sheet
{
    private static readonly PerformanceForm Form = Assert.Single(CorpusText.Read("25_sichuan_ganzi-shuangxiang-tuijie-exante.txt"));

    [Fact]
    public void Its_title_makes_it_an_ex_ante_assessment_read_with_the_ex_ante_template()
    {
        Assert.Equal(FormKind.ExAnteAssessment, Form.Kind);
        Assert.Equal("ex-ante-standard", Form.TemplateId);
    }

    [Fact]
    public void Project_unit_and_department_come_from_the_lines_under_their_labels()
    {
        Assert.Equal("浙江.甘孜双向推介交流宣传", Form.Project);
        Assert.Equal("甘孜州商务和经济合作局", Form.Unit);
        Assert.Equal("浙江省赴四川省甘孜州帮扶工作队", Form.Department);
    }

    [Fact]
    public void The_requested_amount_written_as_prose_is_kept_and_doubted_not_guessed()
    {
        Assert.Contains("480万元", Form.Extra[ExAnteFields.RequestedAmount], StringComparison.Ordinal);
        Assert.Null(ExAnteFields.Requested(Form));
        Assert.Contains(Form.ReadingDoubts, d => d.Reason == DoubtReason.NotANumber && d.Block == FormBlock.Header);
    }

    [Fact]
    public void The_missing_scoring_sheet_is_a_cut_off_doubt_and_nothing_is_invented()
    {
        Assert.True(Form.Incomplete);
        Assert.Empty(Form.Indicators);
        Assert.Contains(Form.ReadingDoubts, d => d.Reason == DoubtReason.CutOff && d.Block == FormBlock.Indicators);
        Assert.Null(Form.StatedTotal);
        Assert.False(Form.Extra.ContainsKey(ExAnteFields.Conclusion));
    }
}

public sealed class Audited_25_an_untitled_department_rubric_is_an_evaluation_rubric
{
    private static readonly PerformanceForm Form = Assert.Single(CorpusText.Read("audited/25_hunan_yueyang_bmzt_pingfen.txt"));

    [Fact]
    public void Its_header_row_opens_an_evaluation_rubric_read_with_the_rubric_template()
    {
        Assert.Equal(FormKind.Evaluation, Form.Kind);
        Assert.Equal("evaluation-rubric-standard", Form.TemplateId);
    }

    [Fact]
    public void Its_sections_and_their_printed_points_are_read()
    {
        Assert.Contains(Form.Indicators, r => r.Level1 == "过程" && r.Level1Weight == 40m);
        // 预算管理(15分) is a 二级 of 过程 here, followed by its items.
        Assert.Contains(Form.Indicators, r => r.Level1 == "过程" && r.Level2 == "预算管理" && r.Level2Weight == 15m);
    }

    [Fact]
    public void Every_scoring_standard_is_kept_with_its_row()
    {
        Assert.Contains(Form.Indicators, r => r.Extra.TryGetValue("scoringStandard", out var s) && s.StartsWith("以100%为标准", StringComparison.Ordinal) && r.Weight == 5m && r.StatedScore == 5m);
        Assert.Contains(Form.Indicators, r => r.Extra.TryGetValue("scoringStandard", out var s) && s.StartsWith("无结余,3分", StringComparison.Ordinal) && r.Weight == 3m && r.StatedScore == 3m);
    }

    [Fact]
    public void Cells_wrapped_over_lines_between_bars_are_one_cell_so_every_item_keeps_its_name_and_points()
    {
        Assert.DoesNotContain(Form.Indicators, r => r.Name is null && (r.Weight is not null || r.StatedScore is not null));
        Assert.Contains(Form.Indicators, r => Flat(r.Name) == "财政供养人员控制率" && r.Weight == 5m && r.StatedScore == 5m);
        Assert.Contains(Form.Indicators, r => Flat(r.Name) == "资金使用合规性" && r.Weight == 3m && r.StatedScore == 3m);
        // A 二级 heading with its points (预算配置(15分)) is a heading, not an item.
        Assert.DoesNotContain(Form.Indicators, r => Flat(r.Name) == "预算配置");
    }

    private static string? Flat(string? name) => name?.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}

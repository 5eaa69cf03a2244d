using Jixiao.Core.Forms;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Tests.Corpus;
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

    /// <summary>The text as published, or the document's printed grid (its expectation file) rendered to xlsx, docx or html.</summary>
    public static async Task<IReadOnlyList<PerformanceForm>> Read(string file, string format)
    {
        if (format == CorpusRendering.Text) return Read(file);
        var expectation = CorpusExpectation.Load(Path.Combine(CorpusExpectation.Folder, Path.GetFileName(file) + ".json"));
        var bytes = await CorpusRendering.Render(expectation, format, null);
        return FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(bytes), expectation.Name + format));
    }

    public static TheoryData<string> Formats() => [CorpusRendering.Text, ".xlsx", ".docx", ".html"];

    /// <summary>Cell text compared as a reader sees it: the line breaks and spaces a wrapped cell prints are no part of it.</summary>
    public static string? Folded(string? text) => text is null ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
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
        // 预算管理 heads trees of other forms; printed under the 二级 header of 过程, it is a group of 过程 here.
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

public sealed class Corpus_06_a_rubric_with_names_in_its_points_column_is_read_row_by_row
{
    private const string File = "06_hunan_nongtian-jianshe-rubric.txt";

    // By hand from the document: 评价指标 | 分值 ("任务分解 (2分)": the item and its points) | 评价标准 | 评价依据.
    private static readonly (string Section, string Item, decimal Points, string Standard)[] Rows =
    [
        ("前期工作", "任务分解", 2m, "按要求将年度任务分解落实到项目区的"),
        ("前期工作", "审批备案", 2m, "及时完成项目初步设计审批"),
        ("前期工作", "项目储备", 2m, "根据有关规划和要求"),
        ("建设面积与质量", "建成面积贡献率", 5m, "高标准农田年度建成面积对当年全省总任务的贡献率"),
        ("建设面积与质量", "完成进度和工程质量", 15m, "高标准农田(含高效节水灌溉,下同)"),
        ("建设面积与质量", "项目开工率", 4m, "立项且开工建设(含建成)"),
    ];

    [Theory]
    [MemberData(nameof(CorpusText.Formats), MemberType = typeof(CorpusText))]
    public async Task Every_item_has_its_section_name_points_and_scoring_standard(string format)
    {
        var form = Assert.Single(await CorpusText.Read(File, format));
        Assert.Equal(FormKind.Evaluation, form.Kind);
        Assert.Equal("evaluation-rubric-standard", form.TemplateId);
        Assert.Equal(Rows.Length, form.Indicators.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            var (row, expected) = (form.Indicators[i], Rows[i]);
            Assert.Equal((expected.Section, expected.Item, expected.Points), (CorpusText.Folded(row.Level1), CorpusText.Folded(row.Name), row.Weight));
            Assert.StartsWith(expected.Standard, row.Extra["scoringStandard"], StringComparison.Ordinal);
            Assert.Null(row.StatedScore);
        }
        // The page stops at a section's name, before any 总分: the only doubt is that the sheet is cut off.
        var doubt = Assert.Single(form.ReadingDoubts);
        Assert.Equal((DoubtReason.CutOff, FormBlock.Indicators), (doubt.Reason, doubt.Block));
    }

    [Theory]
    [MemberData(nameof(CorpusText.Formats), MemberType = typeof(CorpusText))]
    public async Task The_basis_is_kept_where_a_row_prints_its_own(string format)
    {
        var form = Assert.Single(await CorpusText.Read(File, format));
        Assert.StartsWith("全国农田建设综合监测监管平台数据", form.Indicators[0].Extra["evaluationBasis"], StringComparison.Ordinal);
        Assert.StartsWith("自评报告及佐证材料", form.Indicators[2].Extra["evaluationBasis"], StringComparison.Ordinal);
        Assert.EndsWith("竣工验收情况和实地评价数据。", form.Indicators[4].Extra["evaluationBasis"], StringComparison.Ordinal);
    }
}

public sealed class Audited_25_a_department_rubric_as_published_and_rendered_is_read_row_by_row
{
    private const string File = "audited/25_hunan_yueyang_bmzt_pingfen.txt";

    // By hand from the document (AUDIT.md: 5 + 5 + 5 = 15, 3 + 3 + 3 + 6 = 15); the last row is cut before its values.
    private static readonly (string Section, string Group, string Item, decimal? Points, decimal? Score, string? Standard)[] Rows =
    [
        ("投入", "预算配置", "财政供养人员控制率", 5m, 5m, "以100%为标准。在职人员控制率≦100%,计5分"),
        ("投入", "预算配置", "“三公经费”变动率", 5m, 5m, "“三公经费”变动率≦0,计5分"),
        ("投入", "预算配置", "重点支出安排率", 5m, 5m, "重点支出安排率≥90%,计5分"),
        ("过程", "预算执行", "预算调整率", 3m, 3m, "预算调整率=0,计3分"),
        ("过程", "预算执行", "支付进度", 3m, 3m, "春节前下达全部专项资金的50%"),
        ("过程", "预算执行", "资金结余", 3m, 3m, "无结余,3分"),
        ("过程", "预算执行", "“三公经费”控制率", 6m, 6m, "以100%为标准。三公经费控制率≦100%,计6分"),
        ("过程", "预算管理", "管理制度健全性", 3m, 3m, "①已制定或具有预算资金管理办法"),
        ("过程", "预算管理", "资金使用合规性", 3m, 3m, "①支出符合国家财经法规"),
        ("过程", "预算管理", "预决算信息公开性和完善性", null, null, null),
    ];

    [Theory]
    [MemberData(nameof(CorpusText.Formats), MemberType = typeof(CorpusText))]
    public async Task Every_item_has_its_section_group_points_score_and_standard(string format)
    {
        var form = Assert.Single(await CorpusText.Read(File, format));
        Assert.Equal(FormKind.Evaluation, form.Kind);
        Assert.Equal(Rows.Length, form.Indicators.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            var (row, e) = (form.Indicators[i], Rows[i]);
            Assert.Equal((e.Section, e.Group, e.Item, e.Points, e.Score),
                (CorpusText.Folded(row.Level1), CorpusText.Folded(row.Level2), CorpusText.Folded(row.Name), row.Weight, row.StatedScore));
            if (e.Standard is not null) Assert.StartsWith(e.Standard, CorpusText.Folded(row.Extra["scoringStandard"]), StringComparison.Ordinal);
        }
        Assert.Equal((15m, 40m), (form.Indicators[0].Level1Weight, form.Indicators[3].Level1Weight));
        Assert.Equal((15m, 15m), (form.Indicators[0].Level2Weight, form.Indicators[3].Level2Weight));
    }
}

public sealed class Corpus_08_a_scrambled_ex_ante_review_sheet_keeps_its_sections_and_points
{
    private static readonly PerformanceForm Form = Assert.Single(CorpusText.Read("08_unknown_shiqian-pinggu-rubric.txt"));

    // By hand from the document: each section 20分 of items of 5分 (the fourth item's 5 was lost: "风分优口良口中□差□");
    // the excerpt stops in the second item of 绩效目标合理性.
    private static readonly (string Section, decimal? Points)[] Rows =
    [
        ("立项必要性", 5m), ("立项必要性", 5m), ("立项必要性", 5m), ("立项必要性", null),
        ("投入经济性", 5m), ("投入经济性", 5m), ("投入经济性", 5m), ("投入经济性", 5m),
        ("绩效目标合理性", 5m), ("绩效目标合理性", 5m),
    ];

    [Fact]
    public void Its_numbered_sections_make_it_an_ex_ante_assessment()
    {
        Assert.Equal(FormKind.ExAnteAssessment, Form.Kind);
        Assert.Equal("ex-ante-standard", Form.TemplateId);
    }

    [Fact]
    public void Every_item_line_is_a_row_of_its_section_with_its_points()
    {
        Assert.Equal(Rows.Select(r => (r.Section, (decimal?)20m, r.Points)), Form.Indicators.Select(r => (r.Level1!, r.Level1Weight, r.Weight)));
    }

    [Fact]
    public void Names_scattered_over_lines_and_lost_points_are_doubted_not_guessed()
    {
        foreach (var row in Form.Indicators)
        {
            Assert.Null(row.Name);
            Assert.Contains(Form.ReadingDoubts, d => d.IsAt(row.Source) && d.Covers(CellRole.Name));
        }
        Assert.Contains(Form.ReadingDoubts, d => d.IsAt(Form.Indicators[3].Source) && d.Covers(CellRole.Weight));
        Assert.DoesNotContain(Form.ReadingDoubts, d => d.IsAt(Form.Indicators[0].Source) && d.Covers(CellRole.Weight));
    }
}

public sealed class Corpus_07_a_rubric_printed_one_value_per_line_is_read_row_by_row
{
    private static readonly IReadOnlyList<PerformanceForm> Forms = CorpusText.Read("07_guangdong_xinhui-gengdi-rubric.txt");

    // By hand from the document: a two-line header 基本指标 (over 一级 / 二级 / 三级指标) | 分值 | 评价标准 | 乡镇自验 | 区县考评,
    // one value per line with the empty cells dropped. 一级 and 二级 carry their points ("水稻种植情况(40分)", "种植面积" /
    // "(20分)"); 种植面积's 三级 is "——" (the 二级 is the item), so 生长情况 after it is the next 二级; only two 分值 cells
    // are printed; the excerpt stops inside 道路田坎's standard.
    private static readonly (string Section, decimal SectionPoints, string Group, decimal? GroupPoints, string Item, decimal? Points, string Standard)[] Rows =
    [
        ("水稻种植情况", 40m, "种植面积", 20m, "种植面积", 20m, "种植面积达到可种面积(新增水田面积)的100%得20分"),
        ("水稻种植情况", 40m, "生长情况", null, "生长情况", null, "有专人栽培管理,生长整齐、长势良好。"),
        ("提升耕地质量", 35m, "培育耕层", 5m, "增厚土层", null, "平整地表,深耕深翻土壤"),
        ("提升耕地质量", 35m, "培肥地力", 30m, "增施有机肥", 25m, "年亩增施商品有机肥1000公斤以上,提供正式发票,每少于100公斤扣5分。"),
        ("提升耕地质量", 35m, "培肥地力", 30m, "秸秆还田冬绿肥种植", null, "实行秸秆等覆盖还田和冬种绿肥"),
        ("基础设施维护", 15m, "设施管护", 15m, "道路田坎", null, "道路田坎无倒塌无"),
    ];

    [Fact]
    public void Its_two_line_header_makes_it_an_evaluation_rubric_and_the_blank_application_form_before_it_no_form()
    {
        var form = Assert.Single(Forms);
        Assert.Equal(FormKind.Evaluation, form.Kind);
        Assert.Equal("evaluation-rubric-standard", form.TemplateId);
        Assert.Null(form.Project);
    }

    [Fact]
    public void Every_item_has_its_section_group_points_and_scoring_standard()
    {
        var form = Assert.Single(Forms);
        Assert.Equal(Rows.Length, form.Indicators.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            var (row, e) = (form.Indicators[i], Rows[i]);
            Assert.Equal((e.Section, e.SectionPoints, e.Group, e.GroupPoints, e.Item, e.Points),
                (row.Level1, row.Level1Weight, row.Level2, row.Level2Weight, CorpusText.Folded(row.Name), row.Weight));
            Assert.StartsWith(e.Standard, row.Extra["scoringStandard"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_empty_self_check_and_review_columns_give_no_score_and_take_no_words_of_the_next_row()
    {
        var form = Assert.Single(Forms);
        Assert.All(form.Indicators, r => Assert.Null(r.StatedScore));
        Assert.All(form.Indicators, r => Assert.False(r.Extra.ContainsKey("reviewScore")));
    }

    [Fact]
    public void A_name_on_two_lines_before_one_standard_is_read_whole_and_doubted()
    {
        var form = Assert.Single(Forms);
        var wrapped = form.Indicators[4];
        var doubt = Assert.Single(form.ReadingDoubts, d => d.IsAt(wrapped.Source));
        Assert.True(doubt.Covers(CellRole.Name));
        Assert.Equal("秸秆还田冬绿肥种植", doubt.Assumed);
        foreach (var row in form.Indicators.Where(r => r != wrapped))
            Assert.DoesNotContain(form.ReadingDoubts, d => d.IsAt(row.Source) && d.Covers(CellRole.Name));
    }

    [Fact]
    public void The_sheet_cut_inside_its_last_standard_is_incomplete()
    {
        var form = Assert.Single(Forms);
        Assert.True(form.Incomplete);
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.CutOff && d.Block == FormBlock.Indicators);
        Assert.Null(form.StatedTotal);
    }
}

public sealed class A_rubric_read_from_corpus_07_is_checked
{
    private static PerformanceForm Read() => Assert.Single(CorpusText.Read("07_guangdong_xinhui-gengdi-rubric.txt"));

    private static IReadOnlyList<Jixiao.Core.Checks.Finding> Check(PerformanceForm form) =>
        Jixiao.Core.Checks.Checker.Check(form, Jixiao.Core.Rulebooks.Rulebooks.BuiltIn("national-2021"));

    [Fact]
    public void As_read_the_blank_rubric_has_no_error()
    {
        var findings = Check(Read());
        Assert.DoesNotContain(findings, f => f.Severity == Jixiao.Core.Checks.Severity.Error);
        Assert.Contains(findings, f => f.Code == Jixiao.Core.Checks.CheckCodes.ReadingUncertain);
    }

    [Fact]
    public void Scores_an_evaluator_fills_in_are_held_against_the_points_read_and_a_deduction_needs_its_reason()
    {
        var form = Read();
        // The evaluator's entries fill the score cells the reader found empty (and said so).
        form.ReadingDoubts.RemoveAll(d => d.Reason == DoubtReason.MissingValue && d.Covers(CellRole.Score));
        form.Indicators[0].StatedScore = 15m;  // 种植面积, 20 points: 5 deducted, no 扣分原因
        form.Indicators[3].StatedScore = 30m;  // 增施有机肥, 25 points
        var findings = Check(form);
        Assert.Contains(findings, f => f.Code == Jixiao.Core.Checks.CheckCodes.DeductionUnexplained && f.Location.RowLabel == "种植面积");
        Assert.Contains(findings, f => f.Code == Jixiao.Core.Checks.CheckCodes.ScoreExceedsWeight && f.Location.RowLabel == "增施有机肥");

        form.Indicators[0].Explanation = "种植面积达到可种面积的90%";
        Assert.DoesNotContain(Check(form), f => f.Code == Jixiao.Core.Checks.CheckCodes.DeductionUnexplained && f.Location.RowLabel == "种植面积");
    }

    [Fact]
    public void Once_a_person_settles_the_doubts_each_section_and_group_is_held_against_its_printed_points()
    {
        var form = Read();
        // The reviewer settles the doubts (the name on two lines is one item) and fills the points the page does not
        // print; the sheet stays cut off, so its grand total is not taken.
        form.ReadingDoubts.Clear();
        foreach (var (row, points) in form.Indicators.Zip(new[] { 20m, 20m, 5m, 25m, 10m, 15m })) row.Weight = points;
        var sums = Check(form).Where(f => f.Code == Jixiao.Core.Checks.CheckCodes.WeightSum).ToList();
        // 培肥地力 printed 30分: 25 + 10; 提升耕地质量 printed 35分: 5 + 25 + 10.
        Assert.Equal(["培肥地力", "提升耕地质量"], sums.Select(f => f.Location.RowLabel).Order(StringComparer.Ordinal));
        Assert.All(sums, f => Assert.Equal(Jixiao.Core.Checks.Severity.Error, f.Severity));

        form.Indicators[4].Weight = 5m;
        Assert.DoesNotContain(Check(form), f => f.Code == Jixiao.Core.Checks.CheckCodes.WeightSum);
    }
}

public sealed class Corpus_32_a_targets_form_keeps_the_rubric_of_its_indicator_block_row_by_row
{
    private const string File = "32_guangxi_gxglmes-mubiao-shenbao-rubric.txt";

    // By hand from the document: a blank 财政支出绩效目标申报表 (2021年度) whose 项目年度绩效目标衡量指标 block is
    // 一级指标 | 二级指标 (the indicator's name) | 分值 | 指标内容 | 指标值 | 评分细则, printed one cell per line; the excerpt stops
    // inside 资金使用合规性's 指标内容 (its ② clause on a line of its own), before its 指标值 and 评分细则.
    private static readonly (string Section, string Item, decimal Points, string Content, string? Target, string? Rule)[] Rows =
    [
        ("投入指标", "资金到位率", 5m, "资金到位率=(实际到位资金/计划投入资金)×100%。", "资金到位率达100%", "到位率100%得5分,每少10个百分点以内扣1分,扣完为止。"),
        ("投入指标", "预算支出进度", 15m, "预算支出进度是否达到90%以上。", "预算支出进度达到90%以上", "预算支出进度达到90%以上(含90%)得15分,每少1个百分点扣1分,扣完为止。"),
        ("过程指标", "项目资金专项核算", 5m, "专项资金是否按《行政单位财务规则》和《事业单位财务规则》专款专用,专项核算。",
            "专项资金必须按《行政单位财务规则》和《事业单位财务规则》专款专用,专项核算", "专项资金按《行政单位财务规则》和《事业单位财务规则》专款专用得2分,专项核算得3分,否则0分。"),
        ("过程指标", "资金使用合规性", 10m, "①是否符合国家财经法规和财务管理制度以及有关专项资金管理办法的规定;②资金的拨付是否有", null, null),
    ];

    [Theory]
    [MemberData(nameof(CorpusText.Formats), MemberType = typeof(CorpusText))]
    public async Task Every_indicator_keeps_its_section_points_content_target_and_scoring_rule(string format)
    {
        var form = Assert.Single(await CorpusText.Read(File, format));
        Assert.Equal((FormKind.Targets, 2021), (form.Kind, form.Year));
        Assert.Equal(Rows.Length, form.Indicators.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            var (row, e) = (form.Indicators[i], Rows[i]);
            Assert.Equal((e.Section, e.Item, e.Points, e.Content, e.Target),
                (row.Level1, CorpusText.Folded(row.Name), row.Weight, CorpusText.Folded(row.Content), row.Target));
            Assert.Equal(e.Rule, row.Extra.GetValueOrDefault("scoringStandard"));
            Assert.Null(row.StatedScore);
        }
    }
}

public sealed class Corpus_32_cut_inside_its_last_indicator_is_no_weight_sum_error
{
    [Fact]
    public void The_text_ending_in_a_row_before_its_target_makes_the_form_incomplete_and_holds_back_the_sum()
    {
        var form = Assert.Single(CorpusText.Read("32_guangxi_gxglmes-mubiao-shenbao-rubric.txt"));
        Assert.True(form.Incomplete);
        Assert.Contains(form.ReadingDoubts, d => d.Reason == DoubtReason.CutOff && d.Block == FormBlock.Indicators);
        // 5 + 15 + 5 + 10 of a block cut off after four rows is no total to hold against 100: at most a note that the
        // sum cannot be confirmed.
        var findings = Jixiao.Core.Checks.Checker.Check(form, Jixiao.Core.Rulebooks.Rulebooks.BuiltIn("national-2021"));
        Assert.DoesNotContain(findings, f => f.Code == Jixiao.Core.Checks.CheckCodes.WeightSum && f.Severity != Jixiao.Core.Checks.Severity.Info);
    }
}

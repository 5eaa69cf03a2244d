using Jixiao.Core.Templates;

namespace Jixiao.Core.Tests.Templates;

public class A_report_is_cut_into_its_templates_sections_and_put_back_without_loss
{
    private static IReadOnlyList<ReportSectionTemplate> Sections => TemplateRegistry.BuiltIn.Default(Jixiao.Core.Forms.FormKind.Report)!.Sections;

    [Fact]
    public void The_report_template_lists_the_usual_six_sections()
    {
        Assert.Equal(["概况", "预算及执行", "绩效目标完成情况", "存在问题", "改进措施", "自评等级"], Sections.Select(s => s.Title));
        Assert.All(Sections, s => Assert.True(s.Required));
    }

    [Fact]
    public void Headings_written_in_other_words_find_their_section()
    {
        Assert.Equal("overview", ReportOutline.SectionOf("一、部门（单位）概况", Sections)?.Id);
        Assert.Equal("budget", ReportOutline.SectionOf("二、预算及执行情况", Sections)?.Id);
        Assert.Equal("goals", ReportOutline.SectionOf("三、绩效目标执行情况：", Sections)?.Id);
        Assert.Equal("problems", ReportOutline.SectionOf("四、存在的问题及原因", Sections)?.Id);
        Assert.Equal("measures", ReportOutline.SectionOf("第五部分 下一步改进措施", Sections)?.Id);
        Assert.Equal("grade", ReportOutline.SectionOf("六、自评结论", Sections)?.Id);
    }

    [Fact]
    public void A_sentence_or_a_sub_heading_is_no_section_heading()
    {
        Assert.Null(ReportOutline.SectionOf("一、资金到位不及时，影响了项目进度。", Sections));
        Assert.Null(ReportOutline.SectionOf("（一）存在问题", Sections));
        Assert.Null(ReportOutline.SectionOf("存在问题较多", Sections));
    }

    [Fact]
    public void A_report_written_before_sections_existed_keeps_its_whole_text_in_the_first_section()
    {
        var old = "　　2020年，我单位认真落实预算绩效管理要求。\n\n　　全年支出100万元。";
        var parts = ReportOutline.Split(old, Sections);
        Assert.Equal(old, parts[0].Body);
        Assert.All(parts.Skip(1), p => Assert.Equal("", p.Body));
    }

    [Fact]
    public void Text_before_the_first_heading_and_unknown_headings_stay_in_the_sections_around_them()
    {
        var text = "某局2020年度自评报告\n一、基本情况\n职能。\n二、其他需要说明的事项\n无。\n三、存在问题\n进度慢。";
        var parts = ReportOutline.Split(text, Sections);
        Assert.Equal("某局2020年度自评报告\n职能。\n二、其他需要说明的事项\n无。", parts[0].Body);
        Assert.Equal("进度慢。", parts.Single(p => p.Section.Id == "problems").Body);
        var again = ReportOutline.Compose(Sections, parts.Select(p => p.Body).ToList())!;
        foreach (var line in text.Split('\n').Where(l => !l.StartsWith("一、", StringComparison.Ordinal) && !l.StartsWith("三、", StringComparison.Ordinal)))
            Assert.Contains(line, again, StringComparison.Ordinal);
    }

    [Fact]
    public void Composed_sections_are_numbered_in_template_order_and_read_back_the_same()
    {
        var bodies = new string?[] { "概况正文", "", "目标正文\n第二段", null, "措施正文", "等级为优。" };
        var text = ReportOutline.Compose(Sections, bodies)!;
        Assert.StartsWith("一、概况\n概况正文\n\n二、绩效目标完成情况\n", text, StringComparison.Ordinal);
        Assert.Contains("四、自评等级\n等级为优。", text, StringComparison.Ordinal);
        Assert.Equal(bodies.Select(b => b ?? ""), ReportOutline.Split(text, Sections).Select(p => p.Body));
    }

    [Fact]
    public void Nothing_written_composes_to_no_text() => Assert.Null(ReportOutline.Compose(Sections, ["", " ", null, "", "", ""]));
}

public class The_validator_holds_report_sections_to_their_rules
{
    private const string Report = """
        { "id": "my-report", "version": 1, "kind": "report", "label": "报告", "family": "某省", "regions": ["某省"],
          "years": { "from": 2021 }, "basis": "某省通知",
          "blocks": [ { "type": "header", "fields": [ { "role": "unit" } ] } ],
          "sections": [ { "id": "overview", "title": "概况", "words": ["概况"], "required": true },
                        { "id": "problems", "title": "存在问题", "words": ["问题"] } ] }
        """;

    private static IReadOnlyList<TemplateError> Check(string json) => TemplateValidator.Check([("my.json", json)]);

    [Fact]
    public void A_sound_report_template_has_no_errors() => Assert.Empty(Check(Report));

    [Fact]
    public void A_report_template_without_sections_is_refused()
    {
        var error = Assert.Single(Check(Report[..Report.IndexOf(",\n  \"sections\"", StringComparison.Ordinal)].Replace("\"sections\"", "", StringComparison.Ordinal) + " }"));
        Assert.Equal("$.sections", error.Path);
    }

    [Fact]
    public void One_heading_word_for_two_sections_is_refused_at_its_path()
    {
        var error = Assert.Single(Check(Report.Replace("[\"问题\"]", "[\"概况\"]", StringComparison.Ordinal)));
        Assert.Equal("$.sections[1].words", error.Path);
        Assert.Contains("概况", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_template_with_sections_is_refused()
    {
        var error = Assert.Single(Check(Report.Replace("\"kind\": \"report\"", "\"kind\": \"targets\"", StringComparison.Ordinal)));
        Assert.Equal("$.sections", error.Path);
    }
}

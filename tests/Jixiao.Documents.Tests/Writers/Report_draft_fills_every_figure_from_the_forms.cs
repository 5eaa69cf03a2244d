using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Report;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Documents.Tests.Writers;

public sealed partial class Report_draft_fills_every_figure_from_the_forms
{
    private static ReportDraft Seed002Draft() =>
        ReportDrafts.Build([SampleForms.LinkLease(), SampleForms.DepartmentWide(), SampleForms.BasicData(), SampleForms.ShanghaiProject()], SampleForms.Unit, 2020);

    [Fact]
    public void The_outline_has_the_six_usual_sections_in_order()
    {
        var draft = Seed002Draft();

        Assert.Equal(["一、部门（单位）概况", "二、预算及执行情况", "三、绩效目标完成情况", "四、存在的问题", "五、改进措施", "六、自评等级"],
            draft.Sections.Select(s => s.Heading));
        Assert.Equal("2020年度浏阳市数据资源中心部门整体支出绩效自评报告", draft.Title);
    }

    [Fact]
    public void The_seed_002_draft_carries_the_figures_of_its_tables()
    {
        var text = Seed002Draft().ToText();

        // 部门整体: 6,272,512.00 元 budget, 11,124,990.85 元 executed → 627.25 / 1112.50 万元 → 177.36%.
        Assert.Contains("全年预算数627.25万元，全年执行数1112.50万元，执行率177.36%", text);
        Assert.Contains("基本支出162.53万元，占比14.61%", text);
        Assert.Contains("项目支出949.97万元，占比85.39%", text);
        Assert.Contains("全年预算数403.00万元，全年执行数403.00万元，执行率100.00%", text);
        Assert.Contains("自评得分96分，自评等级为“优”", text);
        Assert.Contains("编制数15人，实际在职人数13人，在职人员控制率86.67%", text);
        // The other unit's project is not in this unit's report.
        Assert.DoesNotContain("上海市政务云", text);
    }

    [Fact]
    public void Every_indicator_scored_below_its_weight_is_listed_with_its_stated_reason_or_a_gap()
    {
        var draft = Seed002Draft();
        var problems = string.Join("\n", draft.Sections[3].Paragraphs.Select(p => p.Text));

        Assert.Contains("“网络安全稳定顺畅高效运行。”（质量指标）：年度指标值7*24，实际完成值100%，分值20分，实得19分，扣1分。原因：个别时段网络波动，将加强巡检。", problems);
        Assert.Contains("“资产管理”", problems);
        Assert.Contains("个别资产未及时登记入账。", problems);
        // 社会效益指标 scored 9 of 10 with no reason: the draft asks for it instead of inventing one.
        Assert.Contains("“保障全市网上办公和业务系统正常运行，方便群众企业办事。”（社会效益指标）", problems);
        Assert.Contains("【请填写：自评表未说明偏差原因】", problems);
        var shortfalls = new[] { SampleForms.LinkLease(), SampleForms.DepartmentWide() }.Sum(f => f.Indicators.Count(r => r.StatedScore < r.Weight));
        Assert.Equal(shortfalls, Regex.Matches(problems, "扣[0-9.]+分").Count);
        // The department spent more than its budget: listed first, the reason left for people.
        Assert.StartsWith("1. 部门整体支出全年预算数627.25万元，全年执行数1112.50万元，执行率177.36%，执行数超出预算数", problems);
    }

    [Fact]
    public void Every_percentage_follows_from_two_amounts_stated_in_the_same_sentence()
    {
        var text = Seed002Draft().ToText();
        var checkedPercentages = 0;

        foreach (var sentence in text.Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var percentages = Percent().Matches(sentence).Select(m => m.Groups[1].Value).ToList();
            var amounts = Amount().Matches(sentence).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            // A percentage in a sentence without amounts is a quoted target or actual (实际完成值100%), not a share.
            if (percentages.Count == 0 || amounts.Count == 0) continue;
            foreach (var stated in percentages)
            {
                var follows = amounts.Any(a => amounts.Any(b => Percentage.Ratio(a, b)?.ToString() == stated + "%"));
                Assert.True(follows, $"“{stated}%” does not follow from the amounts of: {sentence}");
                checkedPercentages++;
            }
        }
        Assert.True(checkedPercentages >= 6);
    }

    [Fact]
    public void The_parts_left_for_people_are_marked_and_highlighted_in_the_docx()
    {
        var draft = Seed002Draft();
        using var stream = new MemoryStream();
        draft.WriteDocx(stream);

        Assert.NotEmpty(draft.Gaps);
        Assert.All(draft.Gaps, gap => Assert.StartsWith("【请填写：", gap));
        using var document = WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var highlighted = document.MainDocumentPart!.Document.Body!.Descendants<W.Run>()
            .Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToList();
        Assert.Equal(draft.Gaps.ToList(), highlighted);
    }

    [Fact]
    public void The_html_draft_marks_the_same_gaps_and_carries_the_same_figures()
    {
        var draft = Seed002Draft();
        var html = draft.ToHtml();

        Assert.Equal(draft.Gaps.Count(), Regex.Matches(html, "<mark>【请填写：").Count);
        Assert.Contains("全年预算数627.25万元，全年执行数1112.50万元，执行率177.36%", html);
        Assert.Contains("<h2>六、自评等级</h2>", html);
    }

    [Fact]
    public void A_grade_that_does_not_match_the_total_is_flagged_for_checking()
    {
        var department = SampleForms.DepartmentWide();
        department.StatedGrade = "良";

        var text = ReportDrafts.Build([department], SampleForms.Unit, 2020).ToText();

        Assert.Contains("自评等级为“良”", text);
        Assert.Contains("【请填写：核实等级：自评表所填等级“良”与96分对应的等级“优”不一致】", text);
    }

    [GeneratedRegex(@"([0-9]+\.[0-9]+)%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(?:万元|人)")]
    private static partial Regex Amount();
}

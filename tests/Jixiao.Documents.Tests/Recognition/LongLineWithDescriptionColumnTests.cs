using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A targets table run onto one long line with nothing between its cells, whose header has a description column
/// (绩效标准 / 指标解释, each cell opening with 反映…) between the names and the values: the rows are cut at the
/// descriptions, each value ends at its percent sign or at a unit the notation knows (the next row's name starts right
/// after it), and the form's title standing inside the line opens the form.
/// </summary>
public sealed class A_long_line_with_a_description_column_is_cut_at_the_descriptions
{
    private const string TwoLevels =
        "审核意见(盖章):年月日某县2024年县直部门预算项目支出绩效目标表项目名称城区路灯维护项目类别本级支出项目立项依据县政府常务会议纪要"
        + "绩效目标保障城区道路夜间照明。绩效指标一级指标二级指标绩效标准当年预期实现值"
        + "数量指标路灯维修数量反映全年路灯维修情况1500盏巡查次数反映线路巡查情况365次"
        + "质量指标亮灯率反映路灯完好情况≥98%维修及时率反映报修处理情况95%"
        + "时效指标故障处理时限反映故障处理速度24小时成本指标维护成本控制不超预算电费下降率反映节能改造效果>";

    private const string ThreeLevels =
        "某区2024年项目支出绩效目标表一级指标二级指标三级指标指标解释年度指标值"
        + "产出指标数量指标培训人数反映培训覆盖面300人次培训时长反映培训投入48小时培训场次反映培训组织情况12场"
        + "质量指标培训合格率反映培训质量≥90%结业证书发放率反映结业管理情况100%"
        + "时效指标培训完成及时率反映培训进度安排执行情况100%成本指标经济成本指标人均培训成本反映培训经费使用效率≤800元"
        + "效益指标社会效益指标就业率反映培训后就业情况≥85%满意度指标服务对象满意度指标学员满意度反映学员评价90%";

    private static PerformanceForm Read(string line) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "long-line.txt")), f => f.Indicators.Count > 0);

    [Fact]
    public void Each_name_keeps_its_own_value_and_the_title_inside_the_line_opens_the_form()
    {
        var form = Read(TwoLevels);

        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal(2024, form.Year);
        Assert.EndsWith("绩效目标表", form.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("年月日", form.Title, StringComparison.Ordinal);
        var rows = form.Indicators.Select(r => (r.Level2, r.Name, r.Target)).ToList();
        Assert.Contains(("数量指标", "路灯维修数量", "1500盏"), rows);
        Assert.Contains(("数量指标", "巡查次数", "365次"), rows);
        Assert.Contains(("质量指标", "亮灯率", "≥98%"), rows);
        Assert.Contains(("质量指标", "维修及时率", "95%"), rows);
        Assert.Contains(("时效指标", "故障处理时限", "24小时"), rows);
    }

    [Fact]
    public void A_value_ends_at_a_unit_the_notation_knows_and_a_unit_it_does_not_know_leaves_the_cut_in_doubt()
    {
        var form = Read(TwoLevels);

        // "1500盏巡查次数…": 盏 is no unit the notation knows by name, so it may as well begin the next name: both rows in doubt.
        var lamps = Assert.Single(form.Indicators, r => r.Name == "路灯维修数量");
        Assert.True(Doubted(form, lamps));
        var rounds = Assert.Single(form.Indicators, r => r.Name == "巡查次数");
        Assert.Equal("365次", rounds.Target);
        Assert.True(Doubted(form, rounds));
        // "365次质量指标亮灯率…": 次 is known, so the next row starts surely.
        var lit = Assert.Single(form.Indicators, r => r.Name == "亮灯率");
        Assert.False(Doubted(form, lit));
    }

    [Fact]
    public void A_row_without_a_description_and_the_row_cut_after_its_comparator_are_never_given_a_value_silently()
    {
        var form = Read(TwoLevels);

        var last = form.Indicators.Where(r => (r.Name ?? "").Contains("电费下降率", StringComparison.Ordinal)).ToList();
        Assert.All(last, r => Assert.True(r.Target is null or "" || Doubted(form, r), $"read {r.Target} without a doubt"));
        Assert.DoesNotContain(form.Indicators, r => r.Target is { } t && t.Contains("不超预算", StringComparison.Ordinal) && !Doubted(form, r));
    }

    [Fact]
    public void With_a_third_level_column_the_tree_words_before_each_name_are_its_first_and_second_levels()
    {
        var form = Read(ThreeLevels);

        Assert.Equal(
            [
                ("产出指标", "数量指标", "培训人数", "300人次"),
                ("产出指标", "数量指标", "培训时长", "48小时"),
                ("产出指标", "数量指标", "培训场次", "12场"),
                ("产出指标", "质量指标", "培训合格率", "≥90%"),
                ("产出指标", "质量指标", "结业证书发放率", "100%"),
                ("产出指标", "时效指标", "培训完成及时率", "100%"),
                ("成本指标", "经济成本指标", "人均培训成本", "≤800元"),
                ("效益指标", "社会效益指标", "就业率", "≥85%"),
                ("满意度指标", "服务对象满意度指标", "学员满意度", "90%"),
            ],
            form.Indicators.Select(r => (r.Level1, r.Level2, r.Name, r.Target)));
    }

    private static bool Doubted(PerformanceForm form, IndicatorRow row) =>
        form.ReadingDoubts.Any(d => d.Scope == DoubtScope.Form || (d.IsAt(row.Source) && d.Covers(CellRole.Target)));
}

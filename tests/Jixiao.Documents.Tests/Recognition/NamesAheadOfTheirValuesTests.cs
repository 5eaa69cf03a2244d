using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A table flattened onto one line where a name wrapped over two lines pushed the next row's name ahead of the row's own
/// values ("指标7:… 宣传 次数 指标8:… 12次 12次 2 2 500份 450份 2 1.8"): the names and the value groups are paired in
/// order, the wrapped piece joins the name before it (that row's name in doubt), and no row takes another's name for a
/// value.
/// </summary>
public sealed class Names_standing_ahead_of_their_rows_values_are_paired_with_them_in_order
{
    [Fact]
    public void Under_a_scattered_header_each_name_gets_its_own_values_and_the_wrapped_piece_joins_its_name()
    {
        const string line =
            "某县项目支出绩效自评表 (2023年度) 项目名称 农村饮水安全巡查 主管部门 某县水利局 一级 指标 — 年度 实际 指标值 完成值 "
            + "指标1:水源地巡查次数 24次 二级指标 三级指标 分值 得分 24次 10 10 指标2:水质抽检合格率 95% 97% 10 10 "
            + "指标3:入户宣传讲解 次 指标4:发放宣传资料 12次 11次 10 9 500份 450份 10 9 质量指标 指标1:供水保证率";
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "ahead.txt")));

        var rows = form.Indicators.Where(r => r.Weight is not null).Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value));
        Assert.Equal(
            [
                ("指标1:水源地巡查次数", "24次", "24次", 10m, 10m),
                ("指标2:水质抽检合格率", "95%", "97%", 10m, 10m),
                ("指标3:入户宣传讲解次", "12次", "11次", 10m, 9m),
                ("指标4:发放宣传资料", "500份", "450份", 10m, 9m),
            ],
            rows);
        Assert.DoesNotContain(form.Indicators, r => r.Actual is { } a && a.StartsWith("指标", StringComparison.Ordinal));
        var joined = form.Indicators.Single(r => r.Name == "指标3:入户宣传讲解次");
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Scope == DoubtScope.Cell && d.IsAt(joined.Source) && d.Covers(CellRole.Name));
        Assert.False(doubt.Covers(CellRole.Target));
    }

    [Fact]
    public void Under_an_ordinary_header_two_names_before_two_value_groups_are_two_rows()
    {
        const string line =
            "项目支出绩效自评表 项目名称 农村饮水安全巡查 主管部门 某县水利局 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            + "产出指标 数量指标 巡查次数 24次 24次 20 20 水质抽检次数 宣传场次 12次 12次 20 20 6场 5场 20 16 "
            + "效益指标 社会效益指标 群众满意度 90% 93% 40 40";
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "ahead.txt")));

        Assert.Equal(
            [
                ("巡查次数", "24次", "24次", 20m, 20m),
                ("水质抽检次数", "12次", "12次", 20m, 20m),
                ("宣传场次", "6场", "5场", 20m, 16m),
                ("群众满意度", "90%", "93%", 40m, 40m),
            ],
            form.Indicators.Select(r => (r.Name, r.Target, r.Actual, r.Weight!.Value, r.StatedScore!.Value)));
    }

    [Fact]
    public void Names_and_value_groups_that_are_not_as_many_are_not_paired()
    {
        // Two names, three value groups: which name goes with which values is not guessed.
        const string line =
            "项目支出绩效自评表 项目名称 农村饮水安全巡查 主管部门 某县水利局 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            + "产出指标 数量指标 巡查次数 24次 24次 20 20 水质抽检次数 宣传场次 12次 12次 20 20 6场 5场 20 16 8户 8户 20 20 "
            + "效益指标 社会效益指标 群众满意度 90% 93% 20 20";
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(line, "ahead.txt")));

        Assert.DoesNotContain(form.Indicators, r => r.Name == "水质抽检次数" && r.Target == "12次");
        Assert.DoesNotContain(form.Indicators, r => r.Name == "宣传场次" && r.Target == "6场");
    }
}

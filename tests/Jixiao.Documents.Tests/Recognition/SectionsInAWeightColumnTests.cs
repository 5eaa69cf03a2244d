using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A project self-evaluation printed as the Hubei 项目绩效目标自评表: its 自评总分 beside the project's name, its funds
/// block listing the sources across (来源 | 中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率) over one row of figures,
/// then a rubric whose first column is headed with a weight word (项目权重) and holds the sections with their points
/// ("项目管理 12 分", no brackets), the items' 分值 and 自评分 further right, then a second table of the same form with
/// other columns (一级/二级/三级, 年初指标值, 年终完成值, 自评分) whose 二级 cell spans an item left unfilled.
/// </summary>
public sealed class A_rubric_with_its_sections_under_a_weight_word_is_read_item_by_item
{
    private const string Grid = """
        某县财政预算支出项目绩效目标自评表
        项目名称 | 河道清淤项目 |  |  |  | 自评总分: | 88 |  | 
        项目主管单位 | 某县水务局 |  |  | 项目实施单位 | 某县水务局 |  |  | 
        项目资金 | 来源 | 中央(万元) | 省、地(万元) | 本级(万元) | 其他(万元) | 合计(万元) | 执行数(万元) | 执行率
        ^ |  | 20 |  | 40 |  | 60 | 54 | 90 %
        项目权重 | 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据 |  |  | 
        项目决策 3 分 | 立项依据 | 3 | 3 |  | 有立项文件计 3 分 |  |  | 
        项目管理 12 分 | 资金管理 | 5 | 4 |  | 专款专用计 5 分 |  |  | 
        ^ | 档案管理 | 7 | 7 |  | 资料齐全计 7 分 |  |  | 
        项目绩效 85 分 | 一级指标 | 二级指标 | 指标名称(三级指标) | 年初指标值 | 年终完成值 | 自评分 | 复核分 | 评价标准
        ^ | 产出指标 40 分 | 数量指标 20 分 | 清淤河道长度 | 12 公里 | 12 公里 | 20 |  | 按完成程度计分
        ^ | ^ | 质量指标 20 分 | 工程验收合格率 | 100% | 95% | 19 |  | 
        ^ | ^ | ^ | 工程完工及时率 |  |  |  |  | 
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_score_total_beside_the_project_name_is_the_stated_total(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal("河道清淤项目", form.Project);
        Assert.Equal(88m, form.StatedTotal);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Funds_listing_their_sources_across_give_one_total_row(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        var total = Assert.Single(form.Funds);
        Assert.Equal(("合计", FundsRowRole.Total, (decimal?)60m, (decimal?)54m), (total.Label, total.Role, total.Budget, total.Executed));
        Assert.Equal(90m, total.StatedRate?.Points);
        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Block == FormBlock.Funds);
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Each_item_of_the_rubric_is_read_under_its_section(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        var items = form.Indicators.Take(3).Select(r => (r.Level1, r.Name, r.Weight, r.StatedScore)).ToList();
        Assert.Equal(
            [("项目决策", "立项依据", 3m, 3m), ("项目管理", "资金管理", 5m, 4m), ("项目管理", "档案管理", 7m, 7m)],
            items.Select(i => (i.Level1, i.Name, i.Weight ?? -1m, i.StatedScore ?? -1m)));
        Assert.DoesNotContain(form.Indicators, r => (r.Name ?? "").Contains("分", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void The_second_table_is_read_with_its_own_columns(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        var length = Assert.Single(form.Indicators, r => r.Name == "清淤河道长度");
        Assert.Equal(("产出指标", "数量指标", "12公里", "12公里", (decimal?)20m),
            (length.Level1, length.Level2, Compact(length.Target), Compact(length.Actual), length.StatedScore));
        var quality = Assert.Single(form.Indicators, r => r.Name == "工程验收合格率");
        Assert.Equal(("质量指标", "100%", "95%", (decimal?)19m), (quality.Level2, quality.Target, quality.Actual, quality.StatedScore));
        // The points are the 二级's (数量指标 20 分); the rows print none of their own.
        Assert.All(form.Indicators.Skip(3), r => Assert.Null(r.Weight));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason is DoubtReason.ShiftedCells or DoubtReason.ExtraCell);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("html")]
    public void An_item_alone_under_the_merged_tree_cells_is_a_row_of_its_own(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        var unfilled = Assert.Single(form.Indicators, r => r.Name == "工程完工及时率");
        Assert.Equal(("产出指标", "质量指标"), (unfilled.Level1, unfilled.Level2));
        Assert.Null(unfilled.Target);
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason == DoubtReason.StrayFragment);
    }

    private static string? Compact(string? text) => text?.Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>
/// The last row of an excerpt with its comparator and target filled and nothing after them (指标性质 | 指标值 | 度量单位 |
/// 完成值 | 权重 | 得分 blank): its tree words stand under their headers, so nothing moved and the target is read where
/// it is printed, not shifted onto the tree words.
/// </summary>
public sealed class A_row_with_its_tree_in_place_and_its_points_blank_is_not_shifted
{
    private const string Grid = """
        部门预算项目支出绩效自评表(2023年度)
        项目名称 | 甲县设备购置补助资金项目 |  |  |  |  |  |  |  |  | 
        绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析
        ^ | 产出指标 | 数量指标 | 购置设备数量 | ≥ | 10 | 台 | 12 | 50 | 50 | 
        ^ | 产出指标 | 质量指标 | 设备验收合格率 | = | 100 |  |  |  |  | 
        """;

    [Theory]
    [InlineData("xlsx")]
    [InlineData("html")]
    public void Its_target_is_read_in_place(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        var last = form.Indicators[^1];
        Assert.Equal(("产出指标", "质量指标", "设备验收合格率", "=100"), (last.Level1, last.Level2, last.Name, last.Target));
        Assert.Equal(((string?)null, (decimal?)null, (decimal?)null), (last.Actual, last.Weight, last.StatedScore));
        Assert.DoesNotContain(form.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells);
    }
}

/// <summary>
/// The same funds block in PDF text that lost its order: the header's words together (中央 省、地 本级 其他 合计 执行数 …
/// 率), the figures scattered among the head's other cells. The amounts are read only when all are the same, since then
/// any order of them puts that amount under 合计 and under 执行数.
/// </summary>
public sealed class Funds_listing_their_sources_across_in_scrambled_text
{
    private static string Text(string first, string second, string third) =>
        "某县财政预算支出项目绩效目标自评表 填报日期:2023 年 3 月 1 项目名称 项目主管单 位 自评总分: 90 项目实施单位 某县水利局 某县水利局 项目负责人 李四 "
        + $"中央 省、地 本级 其他 合计 执行数 执行 (万元) (万元) (万元) (万元) (万元) (万元) 率 {first} {second} 来源 项目年度目 标 单位领导审签: 小型水库维修项目 "
        + $"项目属性 项目资金 日 {third} 96 % 1.维修小型水库 6 座; 2. 3. 项目权重 评价内容 分值 自评分 项目决策 3 分 立项依据 3 3 复核分 评价标准及依据 有立项文件计 3 分 "
        + "资金使用 5 4 专款专用计 5 分";

    [Fact]
    public void Amounts_all_the_same_are_the_total_and_the_execution()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text("120", "120", "120"), "scrambled-funds.txt")));

        var total = Assert.Single(form.Funds);
        Assert.Equal(("合计", (decimal?)120m, (decimal?)120m, (decimal?)96m), (total.Label, total.Budget, total.Executed, total.StatedRate?.Points));
        Assert.Equal(MoneyUnit.TenThousandYuan, form.MoneyUnit);
    }

    [Fact]
    public void Amounts_that_differ_are_not_placed()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text("120", "100", "100"), "scrambled-funds.txt")));

        Assert.DoesNotContain(form.Funds, f => f.Budget is not null || f.Executed is not null);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A self-evaluation printed as a 决策/管理 rubric (项目权重 / 评价内容 / 分值 / 自评分 / 评价标准及依据) over a
/// 项目绩效 indicator table, whose PDF text lost its order: the head's labels and values apart, the standards' clauses
/// and the groups' headings ("项目管理 12 分") standing between and around the items, the indicator header's words
/// broken and scattered. Each item is still its name followed by its points and its score.
/// </summary>
public sealed class A_rubric_whose_text_lost_its_order_is_read_item_by_item
{
    private const string Text =
        "某县财政预算支出项目绩效目标自评表 填报日期:2023 年 3 月 1 项目名称 项目主管单 位 自评总分: 90 项目实施单位 某县水利局 某县水利局 项目负责人 李四 1、常年性 2、延续性□ 3"
        + "、一次性□ 4、新增性□ 中央 省、地 本级 其他 合计 执行数 执行 (万元) (万元) (万元) (万元) (万元) (万元) 率 120 120 来源 项目年度目 标 单位领导审签: 小型水库维"
        + "修项目 项目属性 项目资金 日 120 100 % 1.维修小型水库 6 座; 2. 3. 项目权重 评价内容 分值 自评分 项目决策 3 分 立项依据 3 3 复核分 评价标准及依据 有立项文件或批"
        + "复 计 3 分,没有不得分。 1、单位制度健全 1 分; 资金使用 5 4 2、专款专用 2 分; 3、核算规范 2 分。没有不得分。 人员配置 项目管理 12 分 3 3 有专人负责 3 分。没 有"
        + "不得分 1、检查记录 2 分; 过程监督 4 3 2、整改到位 2 分。没有 不得分。 1、资料齐全的 1 分,缺一项扣 档案归集 2 2 0.5 分,扣完为止; 2、档案规范 1 分,不规范扣 "
        + "0.5 分; 3、按时归档计 2 分,逾期扣 1 分。 — 1 — 项目年度目标 1:小型水库维修项目 一级 指标 二级 指标名称 年初指 年终完 自评 复核 评价标准 指标 (三级指标) 标"
        + "值 成值 分 分 维修小型 6 座 6 座 20 1、提供三级指标完成程度的佐证资料; 水库数量 数量指 2、三级指标分值按三级指标个数平均确定 (20 分÷三级指标个数) ,四舍五入保留整 标 20"
        + " 分 数。 工程验收 合格率 质量指 工程完工 标 10 分 及时率 产出 指标 30 分 项目 绩效 80 分";

    private static PerformanceForm Read() =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(Text, "scattered-rubric.txt")));

    [Fact]
    public void Each_item_is_read_with_its_points_and_its_score()
    {
        var form = Read();

        var rows = form.Indicators.Select(r => (r.Name, r.Weight, r.StatedScore)).ToList();
        Assert.Contains(("立项依据", (decimal?)3m, (decimal?)3m), rows);
        Assert.Contains(("资金使用", (decimal?)5m, (decimal?)4m), rows);
        Assert.Contains(("人员配置", (decimal?)3m, (decimal?)3m), rows);
        Assert.Contains(("过程监督", (decimal?)4m, (decimal?)3m), rows);
        Assert.Contains(("档案归集", (decimal?)2m, (decimal?)2m), rows);
    }

    [Fact]
    public void Neither_a_standards_clause_nor_a_groups_heading_is_read_as_an_item()
    {
        var form = Read();

        Assert.DoesNotContain(form.Indicators, r => (r.Name ?? "").Contains("制度健全", StringComparison.Ordinal)
                                                    || (r.Name ?? "").Contains("专款专用", StringComparison.Ordinal)
                                                    || r.Name is "项目管理" or "项目决策");
    }

    [Fact]
    public void Neither_a_headings_points_nor_a_piece_of_a_wrapped_cell_makes_a_row()
    {
        var form = Read();

        // "数量指 … 标 20 分", "项目 绩效 80 分": the last lines of group headings; "6 座 6 座": a value's unit on its own.
        Assert.DoesNotContain(form.Indicators, r => (r.Name ?? "").Length < 2);
        Assert.DoesNotContain(form.Indicators, r => r.Weight is 20m or 10m or 30m or 80m);
    }

    [Fact]
    public void The_score_total_in_the_head_is_the_stated_total()
    {
        var form = Read();

        Assert.Equal(90m, form.StatedTotal);
    }

    [Fact]
    public void A_label_broken_over_two_lines_is_not_taken_for_the_project_name()
    {
        var form = Read();

        Assert.DoesNotContain("主管", form.Project ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void The_indicator_rows_after_the_rubric_stay_in_doubt()
    {
        var form = Read();

        var items = new[] { "立项依据", "资金使用", "人员配置", "过程监督", "档案归集" };
        foreach (var row in form.Indicators.Where(r => !items.Contains(r.Name) && r.Weight is not null))
            Assert.Contains(form.ReadingDoubts, d => d.Block is FormBlock.Indicators or FormBlock.Form && (d.Row is null || d.IsAt(row.Source)));
    }
}

using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A funds block flattened with its words out of place: 年初预算数 with its figure and the total row's word stand before
/// the header among the head fields, the figures follow the header, a sub-row prints one amount for its amount columns,
/// and the sub-rows' labels come after the figures, more of them than rows with figures. The total row is read, the
/// sub-row's amount taken as its 执行数, and every cell placed by assumption is a doubt at its row.
/// </summary>
public sealed class Funds_words_a_flattening_put_out_of_place_are_read_with_doubts_at_their_rows
{
    private const string Line =
        "某县项目支出绩效自评表 (2023年度) 项目名称 乡村学校营养餐补助 主管部门 某县教育局 年初预算 数 0 项目资金 (万元) 年度资金总额 "
        + "实施单位 某县第一中学 全年预算数 全年执行数 分值 执行率 得分 0 86.25 10 100% 10 86.25 — 100% — 其中:当年财政拨款 上年结转资金 "
        + "其他资金 年度 总体 目标 — 保障学生营养 学生营养得到保障 一级 指标 — 年度 实际 指标值 完成值 指标1:受益学生人数 1200人 二级指标 三级指标 "
        + "分值 得分 1180人 20 19 指标2:供餐天数 200天 200天 20 20";

    [Fact]
    public void The_total_row_takes_the_words_before_the_header_and_the_budget_of_0_under_a_rate_is_left_in_doubt()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Line, "funds.txt")));

        var total = Assert.Single(form.Funds, r => r.Role == FundsRowRole.Total);
        Assert.Equal(("年度资金总额", 0m, (decimal?)null, 86.25m, 10m, 10m),
            (total.Label, total.InitialBudget!.Value, total.Budget, total.Executed!.Value, total.Weight!.Value, total.StatedScore!.Value));
        Assert.Equal(1m, total.StatedRate!.Value.Fraction);
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.IsAt(total.Source));
        Assert.True(doubt.Covers(CellRole.Budget));
        Assert.False(doubt.Covers(CellRole.Executed));
    }

    [Fact]
    public void A_sub_row_with_one_amount_takes_it_as_its_executed_in_doubt_and_the_blank_sub_rows_get_nothing()
    {
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(Line, "funds.txt")));

        var part = Assert.Single(form.Funds, r => r.Label == "其中:当年财政拨款");
        Assert.Equal(((decimal?)null, (decimal?)null, 86.25m), (part.InitialBudget, part.Budget, part.Executed!.Value));
        var doubt = Assert.Single(form.ReadingDoubts, d => d.Block == FormBlock.Funds && d.IsAt(part.Source));
        Assert.True(doubt.Covers(CellRole.Executed));
        Assert.All(form.Funds.Where(r => r.Label is "上年结转资金" or "其他资金"), r => Assert.Null(r.Executed));
    }
}

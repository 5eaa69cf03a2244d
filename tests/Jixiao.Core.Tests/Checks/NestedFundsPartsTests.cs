using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Funds;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>
/// Funds parts on two levels (a 小计 printed among its own items): the reader keeps the rows and doubts the subtotals'
/// place (nested-parts, at their label), and no sum or rate over the parts is asserted, since a subtotal and its items
/// would both be counted.
/// </summary>
public class A_part_whose_place_in_the_breakdown_is_in_doubt_holds_back_the_sums_over_the_parts
{
    /// <summary>合计 70 over 小计 70 and its one item 70: summed flat, the parts give 140.</summary>
    private static PerformanceForm TwoLevels(decimal total, decimal executedTotal, bool doubted)
    {
        var form = new PerformanceForm { Kind = FormKind.DepartmentSelfEvaluation, Year = 2021, MoneyUnit = MoneyUnit.TenThousandYuan };
        form.Funds.Add(new FundsRow { Label = "甲类资金小计", Role = FundsRowRole.Part, Budget = 70m, Executed = 56m, Source = new SourcePosition(5) });
        form.Funds.Add(new FundsRow { Label = "①本级拨款", Role = FundsRowRole.Part, Budget = 70m, Executed = 56m, Source = new SourcePosition(6) });
        form.Funds.Add(new FundsRow
        {
            Label = "合计", Role = FundsRowRole.Total, Budget = total, Executed = executedTotal, Weight = 10m, StatedRate = P("0%"), StatedScore = 0m,
            Source = new SourcePosition(7),
        });
        if (doubted)
            form.ReadingDoubts.Add(new ReadingDoubt
            {
                Reason = DoubtReason.NestedParts, Block = FormBlock.Funds, Row = new SourcePosition(5), Cells = [CellRole.Label], RowLabel = "甲类资金小计",
            });
        return form;
    }

    [Fact]
    public void The_subtotal_and_its_item_are_not_added_up_against_the_total()
    {
        Assert.NotEmpty(Run(new FundsSubtotalMismatchRule(), TwoLevels(70m, 56m, doubted: false)));
        Assert.Empty(Run(new FundsSubtotalMismatchRule(), TwoLevels(70m, 56m, doubted: true)));
    }

    [Fact]
    public void A_total_left_at_zero_is_not_rated_or_scored_on_the_sum_of_such_parts()
    {
        Assert.Contains(Check(TwoLevels(0m, 0m, doubted: false)), f => f.Code is CheckCodes.ExecutionRateMismatch);
        var findings = Check(TwoLevels(0m, 0m, doubted: true));
        Assert.DoesNotContain(findings, f => f.Code is CheckCodes.ExecutionRateMismatch or CheckCodes.ExecutionScoreMismatch or CheckCodes.FundsSubtotalMismatch);
    }

    [Fact]
    public void The_rows_own_rates_are_still_checked()
    {
        var form = TwoLevels(70m, 56m, doubted: true);
        form.Funds[0].StatedRate = P("90%");

        var f = Assert.Single(Run(new ExecutionRateMismatchRule(), form), f => f.Location.RowLabel == "甲类资金小计");
        Assert.Equal("80%", f.Expected);
    }

    [Fact]
    public void The_doubt_is_listed_in_words_with_the_row()
    {
        var note = Assert.Single(ReadingDoubtText.Sentences(TwoLevels(70m, 56m, doubted: true)));
        Assert.StartsWith("第5行（甲类资金小计）：", note, StringComparison.Ordinal);
        Assert.Contains("不止一层", note, StringComparison.Ordinal);
    }
}

using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>Blank cells a layout or a cut produced are not blanks the unit left.</summary>
public class MissingValueOnExcerptsTests
{
    [Fact]
    public void A_layout_without_a_weight_column_is_not_asked_for_weights_but_one_filled_weight_makes_the_others_blanks()
    {
        var form = Clean();
        foreach (var row in form.Indicators) row.Weight = null;
        Assert.DoesNotContain(Run(new MissingValueRule(), form), f => f.Expected!.Contains("分值", StringComparison.Ordinal));
        form.Indicators[0].Weight = 15m;
        Assert.Equal(6, Run(new MissingValueRule(), form).Count(f => f.Expected!.Contains("分值", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_last_row_of_a_table_cut_off_after_it_is_not_reported_blank_but_the_rows_before_it_are()
    {
        var form = Clean();
        form.Indicators[^1].Actual = null;
        form.Indicators[0].Actual = null;
        form.Incomplete = true;
        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.CutOff, Block = FormBlock.Indicators, RowLabel = form.Indicators[^1].Name });
        var f = Assert.Single(Run(new MissingValueRule(), form));
        Assert.Equal("接入部门数", f.Location.RowLabel);
    }
}

using Jixiao.Core.Forms;
using Jixiao.Data.Forms;

namespace Jixiao.Data.Tests;

public sealed class FormDiffTests
{
    [Fact]
    public void Identical_forms_have_no_differences()
    {
        Assert.Empty(FormDiff.Compare(SampleForms.Full(), SampleForms.Full()));
    }

    [Fact]
    public void A_changed_amount_shows_the_row_the_field_and_the_total_it_moves()
    {
        var after = SampleForms.Full();
        after.Funds[0].Executed = 23.1m;

        var changes = FormDiff.Compare(SampleForms.Full(), after);

        var row = Assert.Single(changes, c => c.Path == "funds[1].executed");
        Assert.Equal(("21.5457", "23.1"), (row.Before, row.After));
        Assert.Equal("资金 第1行（年度资金总额） 全年执行数", row.Label);
        Assert.Contains(changes, c => c.Path == "totals.fundsExecuted" && c.After == "23.1");
    }

    [Fact]
    public void Added_and_removed_indicator_rows_are_named()
    {
        var after = SampleForms.Full();
        after.Indicators.RemoveAt(1);
        var before = SampleForms.Full();
        before.Funds.RemoveAt(1);

        var changes = FormDiff.Compare(before, after);

        Assert.Contains(changes, c => c.Path == "indicators[2]" && c.Before == "（删除行）");
        Assert.Contains(changes, c => c.Path == "funds[2]" && c.After == "（新增行）");
        Assert.Contains(changes, c => c.Path == "totals.indicatorWeight" && c.Before == "25" && c.After == "15");
    }

    [Fact]
    public void A_snapshot_survives_json_with_its_lists_and_precisions()
    {
        var json = FormJson.Serialize(SampleForms.Full());
        var back = FormJson.Deserialize(json);

        Assert.Empty(FormDiff.Compare(SampleForms.Full(), back));
        Assert.Equal(new Percentage(0.8618m, 2), back.Funds[0].StatedRate);
        Assert.Equal(new SourcePosition(12, 3, "Sheet1"), back.Indicators[0].Source);
        Assert.Contains("万元", back.MoneyUnit!.Value.Symbol(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_written_with_more_decimals_is_no_change_and_a_changed_text_names_its_row()
    {
        var before = SampleForms.Full();
        before.Funds[0].Budget = 25.0m;
        before.Indicators[0].Weight = 10m;
        var after = SampleForms.Full();
        after.Funds[0].Budget = 25.0000m;
        after.Indicators[0].Weight = 10.00m;
        after.Indicators[1].Actual = "已完成";

        var change = Assert.Single(FormDiff.Compare(before, after));

        Assert.Equal("indicators[2].actual", change.Path);
        Assert.StartsWith("指标 第2行（", change.Label, StringComparison.Ordinal);
        Assert.EndsWith("） 实际完成值", change.Label, StringComparison.Ordinal);
        Assert.Equal("已完成", change.After);
    }
}

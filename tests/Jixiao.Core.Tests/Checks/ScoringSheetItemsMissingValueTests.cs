using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>A self-evaluation read as a scoring sheet's items (points and scores, no 指标值 or 完成值 column) is not asked for targets.</summary>
public class ScoringSheetItemsMissingValueTests
{
    private static PerformanceForm Sheet()
    {
        var form = Project();
        form.Indicators.Clear();
        form.Indicators.Add(new IndicatorRow { Name = "立项程序", Weight = 3m, StatedScore = 3m });
        form.Indicators.Add(new IndicatorRow { Name = "资金使用", Weight = 5m, StatedScore = 4m });
        return form;
    }

    [Fact]
    public void Items_with_points_and_scores_only_get_no_missing_target()
    {
        Assert.DoesNotContain(Run(new MissingValueRule(), Sheet()), f => f.Code == CheckCodes.MissingValue && f.Message.Contains("年度指标值", StringComparison.Ordinal));
    }

    [Fact]
    public void One_row_with_a_target_makes_every_blank_target_a_missing_value()
    {
        var form = Sheet();
        form.Indicators[0].Target = "=1项";
        var finding = Assert.Single(Run(new MissingValueRule(), form), f => f.Code == CheckCodes.MissingValue && f.Message.Contains("年度指标值", StringComparison.Ordinal));
        Assert.Contains("资金使用", finding.Message, StringComparison.Ordinal);
    }
}

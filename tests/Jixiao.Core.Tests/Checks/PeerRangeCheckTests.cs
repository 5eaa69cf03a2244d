using Jixiao.Core.Checks;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Tests.Checks;

/// <summary>A target outside its peers' range is a warning at the target cell; a target inside it, in another unit of measure, or on another kind of form is not.</summary>
public sealed class PeerRangeCheckTests
{
    private static readonly PeerRange Peers = new("人次", 120m, 200m, 400m, 6, 9);

    private static PerformanceForm Targets(string target, FormKind kind = FormKind.Targets)
    {
        var form = new PerformanceForm { Kind = kind, Year = 2021, Project = "培训项目" };
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = target, Weight = 10m });
        return form;
    }

    private static IReadOnlyList<Finding> Check(PerformanceForm form) => PeerRanges.Check(form, _ => Peers, Jixiao.Core.Rulebooks.Rulebooks.Default);

    [Fact]
    public void A_target_below_the_lowest_peer_is_a_warning_at_the_target_cell()
    {
        var finding = Assert.Single(Check(Targets("≥50人次")));

        Assert.Equal(CheckCodes.TargetOutsidePeerRange, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("年度指标值", finding.Location.Field);
        Assert.Contains("低于同类单位的目标区间", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6个单位", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_above_the_highest_peer_asks_whether_it_can_be_reached()
    {
        Assert.Contains("高于", Assert.Single(Check(Targets("≥900人次"))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≥120人次")]
    [InlineData("≥400人次")]
    [InlineData("≥50%")]
    [InlineData("按计划完成")]
    [InlineData("")]
    public void A_target_inside_the_range_or_not_comparable_is_left_alone(string target) => Assert.Empty(Check(Targets(target)));

    [Fact]
    public void Only_targets_forms_are_held_against_their_peers() =>
        Assert.Empty(Check(Targets("≥50人次", FormKind.ProjectSelfEvaluation)));

    [Fact]
    public void Without_a_range_nothing_is_said() =>
        Assert.Empty(PeerRanges.Check(Targets("≥50人次"), _ => null, Jixiao.Core.Rulebooks.Rulebooks.Default));
}

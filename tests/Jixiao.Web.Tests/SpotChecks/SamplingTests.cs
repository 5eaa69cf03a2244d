using Jixiao.Web.Features.SpotChecks;

namespace Jixiao.Web.Tests.SpotChecks;

/// <summary>The sampling itself: reproducible from the seed alone, and risk-weighted draws favour the risky forms.</summary>
public sealed class A_sample_depends_on_its_seed_and_the_forms_risk
{
    private static readonly SpotCheckSampling.Candidate[] Forms = Enumerable.Range(1, 40).Select(i => new SpotCheckSampling.Candidate(i, i == 7 ? 50m : 0m)).ToArray();

    [Fact]
    public void The_same_seed_gives_the_same_sample_in_any_order_and_another_seed_another()
    {
        var drawn = SpotCheckSampling.Draw(Forms, 5, 99, weighted: false);

        Assert.Equal(drawn, SpotCheckSampling.Draw(Forms.Reverse(), 5, 99, weighted: false));
        Assert.Equal(5, drawn.Distinct().Count());
        Assert.NotEqual(drawn, SpotCheckSampling.Draw(Forms, 5, 100, weighted: false));
    }

    [Fact]
    public void A_form_with_high_risk_is_drawn_far_more_often_than_by_chance()
    {
        var weighted = Enumerable.Range(1, 200).Count(seed => SpotCheckSampling.Draw(Forms, 2, seed, weighted: true).Contains(7));
        var uniform = Enumerable.Range(1, 200).Count(seed => SpotCheckSampling.Draw(Forms, 2, seed, weighted: false).Contains(7));

        // By chance a form is one of 2 in 40 (about 10 of 200 draws); with 51 times the weight it is nearly always in.
        Assert.True(weighted > 150, $"drawn {weighted} of 200 times");
        Assert.True(uniform < 40, $"drawn {uniform} of 200 times");
    }

    [Fact]
    public void A_rate_is_rounded_up_and_never_beyond_the_population()
    {
        Assert.Equal(1, SpotCheckSampling.SizeOf(0.1m, 6));
        Assert.Equal(3, SpotCheckSampling.SizeOf(0.25m, 10));
        Assert.Equal(10, SpotCheckSampling.SizeOf(1m, 10));
    }
}

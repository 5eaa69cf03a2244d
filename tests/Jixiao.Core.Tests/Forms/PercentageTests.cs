using Jixiao.Core.Forms;

namespace Jixiao.Core.Tests.Forms;

public class PercentageTests
{
    [Theory]
    [InlineData("99.99%", 0.9999, 2)]
    [InlineData("100%", 1, 0)]
    [InlineData("２３４．００％", 2.34, 2)]
    [InlineData(" 86.18 % ", 0.8618, 2)]
    public void Parses_printed_percentages_with_their_precision(string text, double fraction, int decimals)
    {
        Assert.True(Percentage.TryParse(text, out var p));
        Assert.Equal((decimal)fraction, p.Fraction);
        Assert.Equal(decimals, p.Decimals);
    }

    [Theory]
    [InlineData("≥90%")]
    [InlineData("基本完成")]
    [InlineData("")]
    public void Does_not_parse_text_that_is_not_a_bare_percentage(string text) =>
        Assert.False(Percentage.TryParse(text, out _));

    [Fact]
    public void A_ratio_prints_rounded_half_away_from_zero_at_its_precision()
    {
        Assert.Equal("86.18%", Percentage.Ratio(215457.60m, 250000m)!.Value.ToString());
        Assert.Equal("234.10%", Percentage.Ratio(2032m, 868m)!.Value.ToString());
        Assert.Equal("99.99%", Percentage.Ratio(51562685m, 51565764m)!.Value.ToString());
        Assert.Null(Percentage.Ratio(1m, 0m));
    }

    [Theory]
    [InlineData("86.18%", 215457.60, 250000, true)]
    [InlineData("86.2%", 215457.60, 250000, true)]
    [InlineData("86%", 215457.60, 250000, true)]
    [InlineData("86.17%", 215457.60, 250000, false)]
    [InlineData("86.18%", 250000, 215457.60, false)]
    [InlineData("0%", 0, 0, false)]
    public void A_stated_rate_is_the_printed_ratio_only_at_its_own_precision(string stated, double numerator, double denominator, bool agrees)
    {
        Assert.True(Percentage.TryParse(stated, out var rate));
        Assert.Equal(agrees, rate.IsPrintedRatioOf((decimal)numerator, (decimal)denominator));
    }
}

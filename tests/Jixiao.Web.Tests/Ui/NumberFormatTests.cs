using Jixiao.Web.Ui;

namespace Jixiao.Web.Tests.Ui;

public sealed class Numbers_on_screen_are_formatted_one_way_whatever_decimals_they_were_stored_with
{
    [Theory]
    [InlineData("15", "15")]
    [InlineData("15.0", "15")]
    [InlineData("12.50", "12.5")]
    [InlineData("0.000", "0")]
    public void Plain_numbers_have_no_trailing_zeros(string value, string shown) =>
        Assert.Equal(shown, Fmt.Plain(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1100000", "1,100,000")]
    [InlineData("1100000.0", "1,100,000")]
    [InlineData("1100000.00", "1,100,000")]
    [InlineData("12345.5", "12,345.50")]
    [InlineData("263.93", "263.93")]
    [InlineData("0.125", "0.125")]
    [InlineData("999", "999")]
    public void Amounts_have_thousands_separators_and_no_decimals_unless_they_have_cents(string value, string shown) =>
        Assert.Equal(shown, Fmt.Grouped(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}

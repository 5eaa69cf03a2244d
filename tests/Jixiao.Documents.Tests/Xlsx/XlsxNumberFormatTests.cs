using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Xlsx;

public sealed class An_xlsx_number_prints_as_its_format_says
{
    [Theory]
    [InlineData("0.00%", "0.9979", "99.79%")]
    [InlineData("0%", "0.99795", "100%")]
    [InlineData("0.0%", "0.12345", "12.3%")]
    [InlineData("#,##0.00", "42546380", "42546380.00")]
    [InlineData("#,##0.00_);[Red](#,##0.00)", "-1234.5", "-1234.50")]
    [InlineData("0.00", "9.975", "9.98")]
    [InlineData("#,##0", "39090800", "39090800")]
    [InlineData("General", "42456311.079999998", "42456311.08")]
    [InlineData("General", "0.99790000000000001", "0.9979")]
    [InlineData("General", "1E-3", "0.001")]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", "44196", "44196")]
    [InlineData("@", "403", "403")]
    [InlineData("\"￥\"#,##0.00", "403", "403.00")]
    public void Stored_value_under_a_format_code_reads_as_printed_without_grouping(string formatCode, string stored, string expected)
    {
        Assert.Equal(expected, XlsxNumbers.Format(stored, XlsxNumbers.StyleOf(formatCode)));
    }

    [Fact]
    public void A_value_too_large_for_a_decimal_is_kept_as_stored()
    {
        Assert.Equal("1E+300", XlsxNumbers.Format("1E+300", XlsxNumbers.General));
    }

    [Theory]
    [InlineData("第一行_x000D_\n第二行", "第一行\n第二行")]
    [InlineData("制表_x0009_符", "制表\t符")]
    [InlineData("无转义", "无转义")]
    public void Escaped_control_characters_in_cell_text_are_decoded(string stored, string expected)
    {
        Assert.Equal(expected, XlsxNumbers.DecodeEscapes(stored));
    }
}

using System.Text;
using Jixiao.Core.Templates;

namespace Jixiao.Core.Tests.Templates;

/// <summary>
/// Full-width punctuation (（ ， ： ％) is mapped to ASCII without asking the library; a cell must still read and match
/// exactly as the library's NFKC would have it, or a label written with full-width brackets would stop matching.
/// </summary>
public class FullWidthKeyTests
{
    private static readonly string FullWidthForms = string.Concat(Enumerable.Range(0xFF01, 0xFF5E - 0xFF01 + 1).Select(c => (char)c));

    [Theory]
    [InlineData("项目资金（万元）：")]
    [InlineData("年度资金总额　１２．５％")]
    [InlineData("“优”、《绩效目标表》【二〇二〇】—·×≥≤")]
    [InlineData("項目支出績效自評表（2020年度）")]
    [InlineData("ｅ\u0301（ａ）")] // a combining mark: the library composes, so the text is the library's to normalise
    [InlineData("⽬标（℃）")] // a Kangxi radical and a compatibility symbol beside full-width brackets
    public void A_text_reads_as_the_library_normalises_it(string text)
    {
        Assert.Equal(text.Normalize(NormalizationForm.FormKC), HeaderKey.Compatible(text));
    }

    [Fact]
    public void Every_full_width_form_and_the_ideographic_space_map_as_the_library_maps_them()
    {
        var text = "预算" + FullWidthForms + "\u3000" + "、。“”‘’《》〈〉【】「」『』〔〕—·×≥≤" + "abc";
        Assert.Equal(text.Normalize(NormalizationForm.FormKC), HeaderKey.Compatible(text));
    }

    [Fact]
    public void A_label_in_full_width_brackets_has_the_key_of_its_ascii_form()
    {
        Assert.Equal(HeaderKey.Of("项目资金(万元):"), HeaderKey.Of("项目资金（万元）："));
        Assert.Equal("项目资金(万元)", HeaderKey.Of("项目 资金（万元）："));
    }
}

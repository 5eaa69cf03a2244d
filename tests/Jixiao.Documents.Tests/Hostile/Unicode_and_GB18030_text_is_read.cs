using System.Text;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// Excel's "Unicode text" (UTF-16 little-endian with a byte-order mark), the same without the mark or big-endian, and
/// GB18030 from Chinese Windows read as the same forms as the UTF-8 file.
/// </summary>
public sealed class Unicode_and_GB18030_text_is_read
{
    static Unicode_and_GB18030_text_is_read() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings => new() { "utf-16le-bom", "utf-16le", "utf-16be-bom", "utf-16be", "gb18030" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_seed_saved_in_that_encoding_gives_the_same_forms(string encoding)
    {
        var text = File.ReadAllText(RepoPaths.Seed("003"));
        byte[] bytes = encoding switch
        {
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
            _ => Encoding.GetEncoding("GB18030").GetBytes(text),
        };
        var expected = FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "表.txt"));

        var actual = FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(bytes), "表.txt"));

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Select(f => (f.Kind, f.Project, f.Indicators.Count)), actual.Select(f => (f.Kind, f.Project, f.Indicators.Count)));
    }
}

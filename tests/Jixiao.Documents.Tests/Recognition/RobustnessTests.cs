using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Published excerpts stop anywhere: a document cut at any line reads as far as it goes, without failing.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("002")]
    [InlineData("003")]
    public void A_seed_cut_after_any_line_is_read_without_error_and_never_gains_rows(string seed)
    {
        var lines = File.ReadAllLines(RepoPaths.Seed(seed));
        var whole = FormRecognizer.Recognize(TextReader.Read(string.Join('\n', lines), seed));
        var wholeRows = whole.Sum(f => f.Indicators.Count);
        for (var cut = 1; cut <= lines.Length; cut++)
        {
            var text = string.Join('\n', lines.Take(cut));
            if (string.IsNullOrWhiteSpace(text)) continue;
            var forms = FormRecognizer.Recognize(TextReader.Read(text, seed));
            Assert.True(forms.Sum(f => f.Indicators.Count) <= wholeRows, $"cut after line {cut}");
            Assert.True(forms.Count <= whole.Count, $"cut after line {cut}");
        }
    }

    [Fact]
    public void The_seed_003_table_cut_inside_its_benefit_rows_is_incomplete_with_the_rows_before_the_cut()
    {
        var lines = File.ReadAllLines(RepoPaths.Seed("003")).Take(23);
        var form = Assert.Single(FormRecognizer.Recognize(TextReader.Read(string.Join('\n', lines), "003")));
        Assert.True(form.Incomplete);
        Assert.Equal(6, form.Indicators.Count);
        Assert.Equal("生态效益", form.Indicators[^1].Name);
        Assert.Null(form.StatedTotal);
    }

    [Fact]
    public void Lines_of_the_seeds_in_reverse_order_do_not_make_the_recogniser_fail()
    {
        foreach (var seed in new[] { "000", "001", "002", "003" })
        {
            var lines = File.ReadAllLines(RepoPaths.Seed(seed)).Reverse();
            var forms = FormRecognizer.Recognize(TextReader.Read(string.Join('\n', lines), seed));
            Assert.All(forms, f => Assert.True(Enum.IsDefined(f.Kind)));
        }
    }
}

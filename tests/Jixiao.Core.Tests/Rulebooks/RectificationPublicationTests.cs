using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Tests;

/// <summary>Whether rectification items are published with the form is the rulebook's choice, read like every other field.</summary>
public class Rectification_publication_is_a_rulebook_setting
{
    private static readonly string National = Rulebooks.Rulebooks.Json("national-2020");

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, National, StringComparison.Ordinal);
        return National.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_rulebooks_publish_rectification_items()
    {
        foreach (var name in Rulebooks.Rulebooks.Names)
            Assert.True(Rulebooks.Rulebooks.BuiltIn(name).PublishRectification, name);
    }

    [Fact]
    public void A_copy_that_says_false_or_leaves_the_field_out_keeps_them_internal()
    {
        Assert.False(Rulebook.Parse(Edit("\"publishRectification\": true,", "\"publishRectification\": false,"), "local").PublishRectification);
        Assert.False(Rulebook.Parse(Edit("\"publishRectification\": true,", ""), "local").PublishRectification);
    }

    [Fact]
    public void A_value_that_is_not_true_or_false_is_named()
    {
        var e = Assert.Throws<RulebookException>(() => Rulebook.Parse(Edit("\"publishRectification\": true,", "\"publishRectification\": \"是\","), "local"));
        Assert.Equal("publishRectification", e.Field);
    }
}

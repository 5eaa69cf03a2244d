using Jixiao.Core.Forms;

namespace Jixiao.Core.Tests;

/// <summary>From 2021 central guidance makes 成本指标 a 一级 indicator: the tree a blank form starts from depends on its year.</summary>
public sealed class The_national_tree_follows_the_year
{
    [Fact]
    public void A_2021_form_starts_from_a_tree_with_cost_as_a_first_level_indicator()
    {
        var tree = Jixiao.Core.Rulebooks.Rulebooks.NationalFor(2021).TreeFor(FormKind.ProjectSelfEvaluation)!;
        Assert.Equal(["产出指标", "成本指标", "效益指标", "满意度指标"], tree.Blocks.Select(b => b.Name));
        Assert.Equal(["经济成本指标", "社会成本指标", "生态环境成本指标"], tree.Blocks[1].Children.Select(c => c.Name));
        Assert.DoesNotContain(tree.Blocks[0].Children, c => c.Name == "成本指标");
        Assert.Equal(100m, tree.Blocks.Sum(b => b.Weight) + tree.ExecutionWeight);
    }

    [Theory]
    [InlineData(2019, "national-2020")]
    [InlineData(2020, "national-2020")]
    [InlineData(2021, "national-2021")]
    [InlineData(2024, "national-2021")]
    [InlineData(null, "national-2020")]
    public void The_latest_national_rulebook_not_after_the_year_is_chosen(int? year, string expected) =>
        Assert.Equal(expected, Jixiao.Core.Rulebooks.Rulebooks.NationalFor(year).Name);
}

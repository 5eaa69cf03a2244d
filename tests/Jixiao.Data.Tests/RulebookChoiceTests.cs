using Jixiao.Data.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Tests;

/// <summary>
/// A form follows the choice made for the nearest organisation on its path and its year, the latest one when it was
/// changed, and without one the default rulebook; a unit's forms follow a choice made above its own scope.
/// </summary>
public sealed class The_nearest_latest_rulebook_choice_of_the_year_is_in_force(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static RulebookChoice Choice(Organisation o, int year, string rulebook, string region = "*") => new()
    {
        OrganisationId = o.Id, OrganisationPath = o.Path, OrganisationName = o.Name, Year = year, RulebookId = rulebook, TemplateRegion = region,
        ChosenById = "u", ChosenByName = "财政",
    };

    [Fact]
    public async Task A_departments_own_choice_wins_over_the_bureaus_and_a_later_choice_over_an_earlier()
    {
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        var year = tree.Year.Year;
        db.RulebookChoices.AddRange(Choice(tree.Bureau, year, "hunan-2020"), Choice(tree.Department, year, "shanghai-2020"),
            Choice(tree.Bureau, year + 1, "national-2021"));
        await db.SaveChangesAsync();
        db.RulebookChoices.Add(Choice(tree.Department, year, "national-2021", "湖南"));
        await db.SaveChangesAsync();

        await using var unit = database.NewContext();
        unit.Restrict(tree.Unit.Path, publishedOnly: false);
        var forUnit = await RulebookChoices.InForceAsync(unit, tree.Unit.Path, year, CancellationToken.None);
        var forOther = await RulebookChoices.InForceAsync(unit, tree.OtherUnit.Path, year, CancellationToken.None);

        Assert.Equal(("national-2021", "湖南"), (forUnit!.RulebookId, forUnit.TemplateRegion));
        Assert.Equal("hunan-2020", forOther!.RulebookId);
        Assert.Equal("hunan-2020", RulebookChoices.RulebookOf(forOther).Name);
    }

    [Fact]
    public async Task Without_a_choice_for_the_year_the_default_rulebook_applies()
    {
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        db.RulebookChoices.Add(Choice(tree.Bureau, tree.Year.Year - 1, "hunan-2020"));
        await db.SaveChangesAsync();

        var choice = await RulebookChoices.InForceAsync(db, tree.Unit.Path, tree.Year.Year, CancellationToken.None);

        Assert.Null(choice);
        Assert.Equal(Core.Rulebooks.Rulebooks.Default.Name, RulebookChoices.RulebookOf(choice).Name);
    }

    [Fact]
    public async Task A_recorded_choice_cannot_be_rewritten()
    {
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        var choice = Choice(tree.Bureau, tree.Year.Year, "hunan-2020");
        db.RulebookChoices.Add(choice);
        await db.SaveChangesAsync();

        choice.RulebookId = "shanghai-2020";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}

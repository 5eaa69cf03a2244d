using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>
/// The round tables are unit data: each is hidden outside the caller's subtree by a query filter, and a round is seen
/// from inside the subtree it covers as well as from above it.
/// </summary>
public sealed class Round_data_is_scoped_by_organisation_path(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public void Every_round_entity_has_a_query_filter()
    {
        using var db = database.NewContext();
        foreach (var type in new[] { typeof(Round), typeof(RoundTask), typeof(RoundExtension), typeof(RoundReminder) })
            Assert.NotEmpty(db.Model.FindEntityType(type)!.GetDeclaredQueryFilters());
    }

    [Fact]
    public async Task A_unit_sees_the_round_above_it_and_only_its_own_tasks()
    {
        await using (var setup = database.NewContext())
        {
            var round = new Round
            {
                Kind = RoundKind.Targets, Year = 2021, OrganisationPath = "/CZ/", OrganisationName = "财政局", Title = "2021 年度绩效目标申报",
                Deadline = new DateOnly(2021, 4, 30), OpenedBy = "finance",
            };
            foreach (var path in new[] { "/CZ/SJ/LY/", "/CZ/SJ/WC/" })
                round.Tasks.Add(new RoundTask { OrganisationPath = path, UnitName = path, FormKey = path, Deadline = round.Deadline });
            setup.Rounds.Add(round);
            setup.Rounds.Add(new Round
            {
                Kind = RoundKind.Targets, Year = 2021, OrganisationPath = "/B/", OrganisationName = "乙市财政局", Title = "乙市",
                Deadline = new DateOnly(2021, 4, 30), OpenedBy = "other",
            });
            await setup.SaveChangesAsync();
        }

        await using var unit = database.NewContext();
        unit.Restrict("/CZ/SJ/LY/", publishedOnly: false);

        Assert.Equal(["2021 年度绩效目标申报"], await unit.Rounds.Select(r => r.Title).ToListAsync());
        Assert.Equal(["/CZ/SJ/LY/"], await unit.RoundTasks.Select(t => t.OrganisationPath).ToListAsync());
        await using var anonymous = database.NewContext();
        anonymous.Restrict(null, publishedOnly: true);
        Assert.Empty(await anonymous.Rounds.ToListAsync());
    }
}

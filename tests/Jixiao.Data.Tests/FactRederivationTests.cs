using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>
/// Facts written by an older checker or derivation (or missing) are re-derived in the background, a batch at a time,
/// each form by one instance only; a form another instance holds is left to it until its lease runs out.
/// </summary>
public abstract class FactRederivationTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : TestDatabase
{
    private static readonly Finding NewRule = new("new-rule", Severity.Error, "新规则发现的问题", "found by the new rule", new FindingLocation("funds", 1));

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<(Tree Tree, List<int> Ids)> SeedStaleAsync(int count)
    {
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        var records = Enumerable.Range(0, count).Select(i =>
        {
            var form = SampleForms.Full();
            form.Project = $"重算项目{i}";
            return tree.Stored(tree.Unit, form);
        }).ToList();
        db.Forms.AddRange(records);
        await db.SaveChangesAsync();
        var ids = records.Select(r => r.Id).ToList();
        // As written by the previous checker.
        await db.FormFacts.Where(f => ids.Contains(f.FormId)).ExecuteUpdateAsync(s => s.SetProperty(f => f.CheckerVersion, 0));
        return (tree, ids);
    }

    private static Task<int> Run(AppDbContext db, string owner, DateTimeOffset now, int batch = 100) =>
        FactRederivation.RunBatchAsync(db, (_, _) => [NewRule], _ => Rulebooks.Default, owner, new Clock(now), batch, CancellationToken.None);

    [Fact]
    public async Task Stale_facts_and_findings_are_re_derived_with_the_new_checker_and_then_left_alone()
    {
        database.SkipUnlessAvailable();
        var (_, ids) = await SeedStaleAsync(3);
        var now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await Run(db, "a", now, batch: 2));
            Assert.Equal(1, await Run(db, "a", now, batch: 2));
            Assert.Equal(0, await Run(db, "a", now, batch: 2));
        }

        await using var read = database.NewContext();
        var facts = await read.FormFacts.Where(f => ids.Contains(f.FormId)).ToListAsync();
        Assert.All(facts, f => Assert.Equal((1, FormStore.CheckerVersion, FormStore.FactsVersion, (string?)null), (f.Errors, f.CheckerVersion, f.FactsVersion, f.LeaseOwner)));
        Assert.Equal(3, await read.Findings.CountAsync(f => ids.Contains(f.FormId) && f.Code == "new-rule"));
    }

    [Fact]
    public async Task A_form_leased_by_another_instance_waits_until_the_lease_runs_out()
    {
        database.SkipUnlessAvailable();
        var (_, ids) = await SeedStaleAsync(2);
        var now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
            await db.FormFacts.Where(f => f.FormId == ids[0])
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, "b").SetProperty(f => f.LeaseUntil, now.AddMinutes(1)));

        await using (var db = database.NewContext())
            Assert.Equal(1, await Run(db, "a", now));
        await using (var db = database.NewContext())
            Assert.Equal(0, (await db.FormFacts.SingleAsync(f => f.FormId == ids[0])).Errors);

        // Instance b died: its lease runs out and a takes the form over.
        await using (var db = database.NewContext())
            Assert.Equal(1, await Run(db, "a", now.AddMinutes(2)));
        await using (var db = database.NewContext())
            Assert.Equal(1, (await db.FormFacts.SingleAsync(f => f.FormId == ids[0])).Errors);
    }

    [Fact]
    public async Task Two_instances_running_at_once_derive_each_form_once()
    {
        database.SkipUnlessAvailable();
        var (_, ids) = await SeedStaleAsync(6);
        var now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var done = await Task.WhenAll(Run(first, "a", now), Run(second, "b", now));

        Assert.Equal(6, done.Sum());
        await using var read = database.NewContext();
        Assert.Equal(6, await read.FormFacts.CountAsync(f => ids.Contains(f.FormId) && f.CheckerVersion == FormStore.CheckerVersion));
    }

    [Fact]
    public async Task A_form_without_facts_gets_them()
    {
        database.SkipUnlessAvailable();
        var id = await Tree.SeedWithFormAsync(database, SampleForms.Full());

        await using (var db = database.NewContext())
            Assert.True(await Run(db, "a", DateTimeOffset.UnixEpoch) >= 1);

        await using var read = database.NewContext();
        var fact = await read.FormFacts.Include(f => f.Indicators).SingleAsync(f => f.FormId == id);
        Assert.Equal((FormKind.Monitoring, 2, "示范市数据资源局"), (fact.Kind, fact.Indicators.Count, fact.DepartmentName));
    }

    [Fact]
    public async Task Findings_that_need_more_than_the_form_are_kept_by_the_re_derivation()
    {
        database.SkipUnlessAvailable();
        var (_, ids) = await SeedStaleAsync(1);
        var fromElsewhere = new Finding(CheckCodes.ExecutionFigureMismatch, Severity.Error, "与预算执行系统数据不一致", "differs from the budget system", new FindingLocation("funds", 1));

        await using (var db = database.NewContext())
            Assert.Equal(1, await FactRederivation.RunBatchAsync(db, (_, _) => [NewRule], _ => Rulebooks.Default, "a", new Clock(DateTimeOffset.UnixEpoch), 10,
                CancellationToken.None, (record, _, _) => Task.FromResult<IReadOnlyList<Finding>>(record.Id == ids[0] ? [fromElsewhere] : [])));

        await using var read = database.NewContext();
        Assert.Equal(["new-rule", CheckCodes.ExecutionFigureMismatch], await read.Findings.Where(f => f.FormId == ids[0]).OrderBy(f => f.Position).Select(f => f.Code).ToListAsync());
        Assert.Equal(2, (await read.FormFacts.SingleAsync(f => f.FormId == ids[0])).Errors);
    }
}

public sealed class FactRederivationOnSqlite(SqliteTestDatabase database) : FactRederivationTests<SqliteTestDatabase>(database);

public sealed class FactRederivationOnPostgres(PostgresTestDatabase database) : FactRederivationTests<PostgresTestDatabase>(database);

using System.Net;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Web.Tests.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>
/// The busiest week on PostgreSQL: the units of one department submit, withdraw, save and file new forms at the same
/// moment. Every save and transition also moves the running totals of the overview and the library, rows that all of
/// them share (the department's, the province's, one peer group per indicator), so two of them can each hold a row the
/// other wants next and PostgreSQL ends one as the deadlock's victim. Users must see none of it: every request
/// succeeds, and the totals are exactly what a rebuild from the facts gives.
/// </summary>
public sealed class BusyWeekConcurrencyTests(PostgresHost host) : ApiTestBase<PostgresHost>(host)
{
    private const int FormsPerUnit = 10;

    /// <summary>The test form with its indicators in the given order: peers' shared rows are taken in the rows' order.</summary>
    private static Core.Forms.PerformanceForm Ordered(string project, bool reversed)
    {
        var form = Forms.Project(project);
        if (reversed) form.Indicators.Reverse();
        return form;
    }

    [Fact]
    public async Task Units_of_one_department_submitting_withdrawing_saving_and_creating_at_once_all_succeed_and_the_totals_stay_exact()
    {
        Host.SkipUnlessAvailable();
        var deadlocksBefore = await DeadlocksAsync();
        var units = new[] { ("unit", "LY"), ("wangcheng", "WC") };
        var forms = new List<(string Person, int Id)>();
        foreach (var (person, unit) in units)
            for (var i = 0; i < FormsPerUnit; i++)
                forms.Add((person, await Draft($"繁忙周{unit}{i}", person, unit, Ordered($"繁忙周{unit}{i}", reversed: i % 2 == 1))));

        var failures = new List<string>();
        async Task Run(IEnumerable<Task<HttpResponseMessage>> requests)
        {
            foreach (var response in await Task.WhenAll(requests))
                if (!response.IsSuccessStatusCode)
                    failures.Add($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }

        for (var round = 0; round < 4; round++)
        {
            // Half submit while the other half, submitted the round before, withdraw: opposite moves between the same states.
            var revisions = await Task.WhenAll(forms.Select(f => Revision(f.Id, f.Person)));
            await Run(forms.Select((f, i) => (i + round) % 2 == 0
                ? Act(f.Person, f.Id, "submit", new { revision = revisions[i] })
                : round == 0 ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)) : Act(f.Person, f.Id, "withdraw")));
            // Drafts saved with their indicators in the other order while new forms are filed beside them.
            var drafts = new List<(string Person, int Id, int Index)>();
            for (var i = 0; i < forms.Count; i++)
                if ((i + round) % 2 == 1) drafts.Add((forms[i].Person, forms[i].Id, i));
            var draftRevisions = await Task.WhenAll(drafts.Select(d => Revision(d.Id, d.Person)));
            await Run(drafts.Select((d, k) =>
                    Save(d.Person, d.Id, Ordered($"繁忙周{units[d.Index / FormsPerUnit].Item2}{d.Index % FormsPerUnit}", reversed: (d.Index + round) % 2 == 0), draftRevisions[k]))
                .Concat(units.SelectMany(u => Enumerable.Range(0, 2).Select(k =>
                    Host.Client(u.Item1).Send(HttpMethod.Post, "/api/v1/forms", new
                    {
                        organisationId = Host.World.Id(u.Item2), fiscalYear = 2020,
                        form = Ordered($"繁忙周新建{u.Item2}{round}{k}", reversed: k == 1),
                    })))));
        }

        TestContext.Current.SendDiagnosticMessage($"Deadlocks PostgreSQL detected during the test: {await DeadlocksAsync() - deadlocksBefore}");
        Assert.Empty(failures);
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var overview = await OverviewTotalsTests<PostgresHost>.TotalsAsync(db);
        var library = await LibraryTotalsTests<PostgresHost>.TotalsAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(OverviewTotalsSql.Rebuild + LibrarySummarySql.Rebuild);
        Assert.Equal(await OverviewTotalsTests<PostgresHost>.TotalsAsync(db), overview);
        Assert.Equal(await LibraryTotalsTests<PostgresHost>.TotalsAsync(db), library);
        await transaction.RollbackAsync();
    }

    /// <summary>
    /// A deadlock made certain: two units submit forms with the same indicators in opposite orders while a third session
    /// holds the peer group of the middle indicator, so each submission takes its first indicator's rows and waits; let
    /// go, each then wants the rows the other holds, and PostgreSQL ends one of them. The victim is run again: both
    /// units see their form submitted, and the totals count both.
    /// </summary>
    [Fact]
    public async Task Two_submissions_that_deadlock_on_the_library_totals_both_succeed()
    {
        Host.SkipUnlessAvailable();
        // PostgreSQL's report of the deadlock, logged by EF Core before the retry; what the user gets is asserted below.
        LoggedErrors.Expect<DbUpdateException>();
        LoggedErrors.Expect<PostgresException>();
        // The peer groups exist once one form with these indicators is handed in.
        await FormIn(Data.Model.FormStatus.Submitted, "死锁种子项目");
        var first = await Draft("死锁甲", "unit", "LY", Ordered("死锁甲", reversed: false));
        var second = await Draft("死锁乙", "wangcheng", "WC", Ordered("死锁乙", reversed: true));
        var firstRevision = await Revision(first, "unit");
        var secondRevision = await Revision(second, "wangcheng");

        string connectionString;
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
            connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        var middle = Forms.Project("x").Indicators[1].Name;
        await using (var command = new NpgsqlCommand("""
            SELECT count(*) FROM (SELECT 1 FROM "LibraryPeerGroups" g
              WHERE g."NormalisedName" IN (SELECT i."NormalisedName" FROM "IndicatorFacts" i WHERE i."Name" = $1) FOR UPDATE) x
            """, holder, hold) { Parameters = { new() { Value = middle } } })
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0);

        var submissions = new[]
        {
            Act("unit", first, "submit", new { revision = firstRevision }),
            Act("wangcheng", second, "submit", new { revision = secondRevision }),
        };
        // Both wait: the first on the held group, the second on a row of the middle indicator the first took.
        // Watched from a session of its own: one inside a transaction keeps seeing its first snapshot of the activity.
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        for (var waited = 0; await WaitingAsync(watcher) < 2; waited++)
        {
            Assert.True(waited < 600, "the two submissions never both waited for a lock");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await hold.RollbackAsync();

        foreach (var response in await Task.WhenAll(submissions)) await Expect(HttpStatusCode.OK, response);
        // Submitted once each: the victim's first attempt left no transition or version behind.
        foreach (var (person, id) in new[] { ("unit", first), ("wangcheng", second) })
        {
            Assert.Equal("Submitted", (string?)(await Read(person, id))["status"]);
            Assert.Single((await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/forms/{id}/history"))).AsArray());
            Assert.Single((await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/forms/{id}/versions"))).AsArray());
        }
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var library = await LibraryTotalsTests<PostgresHost>.TotalsAsync(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(LibrarySummarySql.Rebuild);
            Assert.Equal(await LibraryTotalsTests<PostgresHost>.TotalsAsync(db), library);
            await transaction.RollbackAsync();
        }
    }

    private static async Task<long> WaitingAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Deadlocks PostgreSQL has detected in the test's database since it started (the evidence beside the test's verdict).</summary>
    private async Task<long> DeadlocksAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_stat_force_next_flush(); SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}

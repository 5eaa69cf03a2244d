using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

public abstract class ScopeAndAuditTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : TestDatabase
{
    protected TDb Database => database;

    private async Task<(Tree Tree, FormRecord Own, FormRecord Other)> SeedAsync(FormStatus ownStatus = FormStatus.Draft)
    {
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        var own = tree.NewForm(tree.Unit, SampleForms.Full(), ownStatus);
        var other = tree.NewForm(tree.OtherUnit, SampleForms.Full());
        db.Forms.AddRange(own, other);
        await db.SaveChangesAsync();
        foreach (var form in new[] { own, other })
        {
            db.Versions.Add(new FormVersion { FormId = form.Id, Number = 1, CreatedById = "u", CreatedByName = "u", FormJson = "{}", FindingsJson = "[]" });
            db.Transitions.Add(new WorkflowTransition { FormId = form.Id, UserId = "u", UserName = "u", From = FormStatus.Draft, To = FormStatus.Submitted });
        }
        db.Audit(Actor.System, default, "create", "form", own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), tree.Unit.Path);
        db.Audit(Actor.System, default, "create", "form", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), tree.OtherUnit.Path);
        await db.SaveChangesAsync();
        return (tree, own, other);
    }

    [Fact]
    public async Task A_department_scope_sees_its_own_units_and_nothing_of_the_sibling_department()
    {
        database.SkipUnlessAvailable();
        var (tree, own, other) = await SeedAsync();
        await using var db = database.NewContext();
        db.Restrict(tree.Department.Path, publishedOnly: false);

        Assert.Equal([tree.Department.Id, tree.Unit.Id], (await db.Organisations.OrderBy(o => o.Id).ToListAsync()).Select(o => o.Id));
        Assert.NotNull(await db.Forms.SingleOrDefaultAsync(f => f.Id == own.Id));
        Assert.Null(await db.Forms.SingleOrDefaultAsync(f => f.Id == other.Id));
        Assert.Empty(await db.Versions.Where(v => v.FormId == other.Id).ToListAsync());
        Assert.Empty(await db.Transitions.Where(t => t.FormId == other.Id).ToListAsync());
        Assert.Single(await db.Versions.Where(v => v.FormId == own.Id).ToListAsync());
        Assert.All(await db.AuditEntries.ToListAsync(), a => Assert.StartsWith(tree.Department.Path, a.OrganisationPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_scope_does_not_see_its_parent_department()
    {
        database.SkipUnlessAvailable();
        var (tree, _, _) = await SeedAsync();
        await using var db = database.NewContext();
        db.Restrict(tree.Unit.Path, publishedOnly: false);

        Assert.Null(await db.Organisations.SingleOrDefaultAsync(o => o.Id == tree.Department.Id));
        Assert.NotNull(await db.Organisations.SingleOrDefaultAsync(o => o.Id == tree.Unit.Id));
    }

    [Fact]
    public async Task The_public_sees_published_forms_only_and_no_audit_trail()
    {
        database.SkipUnlessAvailable();
        var (_, published, draft) = await SeedAsync(FormStatus.Published);
        await using var db = database.NewContext();
        db.Restrict(null, publishedOnly: true);

        Assert.NotNull(await db.Forms.SingleOrDefaultAsync(f => f.Id == published.Id));
        Assert.Null(await db.Forms.SingleOrDefaultAsync(f => f.Id == draft.Id));
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task A_scope_once_set_cannot_be_widened()
    {
        database.SkipUnlessAvailable();
        await using var db = database.NewContext();
        db.Restrict("/X/", publishedOnly: false);

        Assert.Throws<InvalidOperationException>(() => db.Restrict(null, publishedOnly: false));
        Assert.Equal("/X/", db.ScopePath);
    }

    [Fact]
    public async Task Audit_entries_can_be_added_but_never_changed_or_removed()
    {
        database.SkipUnlessAvailable();
        await SeedAsync();
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var count = await db.AuditEntries.CountAsync();

        entry.After = "改写";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = database.NewContext();
        Assert.Equal(count, await check.AuditEntries.CountAsync());
        Assert.Null((await check.AuditEntries.OrderBy(a => a.Id).FirstAsync()).After);
    }

    [Fact]
    public async Task Submitted_versions_and_workflow_steps_cannot_be_rewritten()
    {
        database.SkipUnlessAvailable();
        var (_, own, _) = await SeedAsync();
        await using var db = database.NewContext();

        (await db.Versions.SingleAsync(v => v.FormId == own.Id)).FormJson = "{\"改\":1}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Transitions.Remove(await db.Transitions.SingleAsync(t => t.FormId == own.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = database.NewContext();
        Assert.Equal("{}", (await check.Versions.SingleAsync(v => v.FormId == own.Id)).FormJson);
        Assert.Single(await check.Transitions.Where(t => t.FormId == own.Id).ToListAsync());
    }
}

public sealed class ScopeAndAuditOnSqlite(SqliteTestDatabase database) : ScopeAndAuditTests<SqliteTestDatabase>(database)
{
    [Fact]
    public async Task The_sqlite_file_runs_in_wal_mode()
    {
        await using var db = Database.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// SQLite keeps no memory statistics in this process (SqlitePragmas.ConfigureProcess): with them on, every allocation
    /// inside SQLite takes one global mutex, and the statistic it keeps is what this reads.
    /// </summary>
    [Fact]
    public async Task Sqlite_keeps_no_memory_statistics_to_lock_for()
    {
        await using var db = Database.NewContext();
        await db.Forms.IgnoreQueryFilters().CountAsync();
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }

    /// <summary>
    /// SQLite has one writer at a time. A second one waits in SQLite's busy handler (the app's, SqlitePragmas) until the
    /// lock is free: here longer than Microsoft.Data.Sqlite's own retry would (1 s, which it checks only between its
    /// 150 ms sleeps), so without the handler the second writer would fail with "database is locked".
    /// </summary>
    [Fact]
    public async Task A_second_writer_waits_for_the_first_to_commit_instead_of_failing()
    {
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        await first.Database.OpenConnectionAsync();
        await second.Database.OpenConnectionAsync();
        var secondConnection = (Microsoft.Data.Sqlite.SqliteConnection)second.Database.GetDbConnection();
        secondConnection.DefaultTimeout = 1;

        await using var holding = await first.Database.BeginTransactionAsync();
        var waiting = Task.Run(() => secondConnection.BeginTransaction());
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(waiting.IsCompleted);
        await holding.CommitAsync();

        using var got = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        got.Commit();
    }
}

public sealed class ScopeAndAuditOnPostgres(PostgresTestDatabase database) : ScopeAndAuditTests<PostgresTestDatabase>(database);

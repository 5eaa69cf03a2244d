using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>
/// Writers to one SQLite file take turns at <see cref="SqliteWriteGate"/>: each waits for the one before it and then
/// commits, and a write that fails, is abandoned or is cancelled gives its turn back, so the next save is not stuck.
/// </summary>
public sealed class Writers_to_one_SQLite_file_take_turns_and_always_give_the_turn_back(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SemaphoreSlim> Gate()
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(Ct);
        return SqliteWriteGate.Instance.GateOf(db.Database.GetDbConnection());
    }

    private async Task<bool> HasYear(int year)
    {
        await using var db = database.NewContext();
        return await db.FiscalYears.AnyAsync(y => y.Year == year, Ct);
    }

    [Fact]
    public async Task A_save_waits_while_another_writes_and_commits_after_it_without_an_error()
    {
        await using var first = database.NewContext();
        await using var transaction = await first.Database.BeginTransactionAsync(Ct);
        first.FiscalYears.Add(new FiscalYear { Year = 3001 });
        await first.SaveChangesAsync(Ct);

        await using var second = database.NewContext();
        second.FiscalYears.Add(new FiscalYear { Year = 3002 });
        var waiting = second.SaveChangesAsync(Ct);
        await Task.Delay(300, Ct);
        Assert.False(waiting.IsCompleted, "the second save must wait for the first writer's commit");

        await transaction.CommitAsync(Ct);
        Assert.Equal(1, await waiting);
        Assert.True(await HasYear(3001));
        Assert.True(await HasYear(3002));
        Assert.Equal(1, (await Gate()).CurrentCount);
    }

    [Fact]
    public async Task Forty_saves_at_once_all_commit()
    {
        var saves = Enumerable.Range(0, 40).Select(async i =>
        {
            await using var db = database.NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            // Read, then write, in one transaction: the shape of every save.
            var taken = await db.FiscalYears.CountAsync(Ct);
            db.FiscalYears.Add(new FiscalYear { Year = 4000 + i, Closed = taken < 0 });
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        });

        await Task.WhenAll(saves);

        await using var check = database.NewContext();
        Assert.Equal(40, await check.FiscalYears.CountAsync(y => y.Year >= 4000 && y.Year < 4040, Ct));
        Assert.Equal(1, (await Gate()).CurrentCount);
    }

    [Fact]
    public async Task A_save_that_fails_gives_the_turn_back()
    {
        await using (var db = database.NewContext())
        {
            db.FiscalYears.Add(new FiscalYear { Year = 3101 });
            await db.SaveChangesAsync(Ct);
        }

        await using (var duplicate = database.NewContext())
        {
            duplicate.FiscalYears.Add(new FiscalYear { Year = 3101 });
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync(Ct));
            // Still inside the failed save's context: its turn is given back before the context goes.
            Assert.Equal(1, (await Gate()).CurrentCount);
        }

        await using var next = database.NewContext();
        next.FiscalYears.Add(new FiscalYear { Year = 3102 });
        await next.SaveChangesAsync(Ct);
        Assert.True(await HasYear(3102));
    }

    [Fact]
    public async Task A_transaction_left_without_commit_writes_nothing_and_gives_the_turn_back()
    {
        await using var db = database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.FiscalYears.Add(new FiscalYear { Year = 3201 });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(0, (await Gate()).CurrentCount);
        }

        Assert.Equal(1, (await Gate()).CurrentCount);
        Assert.False(await HasYear(3201));
        // The same context writes again without waiting for itself.
        db.ChangeTracker.Clear();
        db.FiscalYears.Add(new FiscalYear { Year = 3202 });
        await db.SaveChangesAsync(Ct);
        Assert.True(await HasYear(3202));
    }

    [Fact]
    public async Task A_save_cancelled_while_waiting_leaves_the_turn_to_the_writer_and_writes_nothing()
    {
        await using var first = database.NewContext();
        var transaction = await first.Database.BeginTransactionAsync(Ct);
        first.FiscalYears.Add(new FiscalYear { Year = 3301 });
        await first.SaveChangesAsync(Ct);

        await using (var second = database.NewContext())
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            second.FiscalYears.Add(new FiscalYear { Year = 3302 });
            var waiting = second.SaveChangesAsync(cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        Assert.Equal(0, (await Gate()).CurrentCount);
        await transaction.CommitAsync(Ct);
        await transaction.DisposeAsync();
        Assert.Equal(1, (await Gate()).CurrentCount);
        Assert.True(await HasYear(3301));
        Assert.False(await HasYear(3302));
    }

    [Fact]
    public async Task Reads_go_on_while_a_writer_holds_the_turn()
    {
        await using var writer = database.NewContext();
        await using var transaction = await writer.Database.BeginTransactionAsync(Ct);
        writer.FiscalYears.Add(new FiscalYear { Year = 3401 });
        await writer.SaveChangesAsync(Ct);

        // WAL: a reader sees the last commit and does not wait for the writer.
        Assert.False(await HasYear(3401));
        await transaction.CommitAsync(Ct);
        Assert.True(await HasYear(3401));
    }
}

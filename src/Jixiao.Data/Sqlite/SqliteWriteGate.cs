using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

/// <summary>
/// One writer at a time per SQLite file in this process, queued in order and waited for without a thread: every EF
/// transaction (each explicit one and each <c>SaveChanges</c>, <see cref="SqliteAppDbContext"/> making those always
/// transactional) takes the file's gate before its <c>BEGIN IMMEDIATE</c> and gives it back on commit, rollback,
/// failure or when its connection closes.
/// </summary>
/// <remarks>
/// SQLite has one write lock. Without the gate, 50 concurrent saves each sent <c>BEGIN IMMEDIATE</c> and, while another
/// held the lock, waited in SQLite's busy handler: it sleeps the calling thread in steps growing to 100 ms and retries,
/// so the lock stood idle until some sleeper woke, and every waiter held a thread-pool thread asleep
/// (Microsoft.Data.Sqlite's own retry after the busy timeout sleeps 150 ms steps too). Behind the gate the next writer
/// begins the moment the previous one commits, and waiting costs no thread. The busy timeout (<see cref="SqlitePragmas"/>)
/// stays the fallback against writers the gate does not see: another process (the command line), statements outside a
/// transaction (<c>ExecuteUpdate</c>, raw SQL). A writer that waited <see cref="LongestWait"/> goes on without the gate
/// rather than queue forever behind a transaction nobody ends, leaving SQLite's own lock to decide. PostgreSQL has row
/// locks and no gate.
/// <para>
/// Checkpoints (copying the WAL back into the file, with a sync) run here too, after every
/// <see cref="CommitsPerCheckpoint"/> commits, on a connection of their own beside the writers, one at a time per file:
/// SQLite's automatic checkpoint ran inside the COMMIT that filled the WAL, so the gate stayed held through it and every
/// queued save waited for the disk (<see cref="SqlitePragmas"/> turns it off).
/// </para>
/// </remarks>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>As long as a statement may wait for a lock (Microsoft.Data.Sqlite's default command timeout).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    /// <summary>A few saves' pages: the WAL stays small, and a checkpoint's sync is shared by that many commits.</summary>
    public const int CommitsPerCheckpoint = 16;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Checkpoints> checkpoints = new(StringComparer.Ordinal);

    private sealed class Checkpoints
    {
        public int Commits;
        public int Running;
    }

    /// <summary>The gate each connection (EF's id of it) holds, from its transaction's start to its end.</summary>
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> held = new();

    /// <summary>The gate of <paramref name="connection"/>'s database file (tests look at it).</summary>
    public SemaphoreSlim GateOf(DbConnection connection) => gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!held.ContainsKey(eventData.ConnectionId))
        {
            var gate = GateOf(connection);
            if (gate.Wait(LongestWait)) held[eventData.ConnectionId] = gate;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!held.ContainsKey(eventData.ConnectionId))
        {
            var gate = GateOf(connection);
            if (await gate.WaitAsync(LongestWait, cancellationToken)) held[eventData.ConnectionId] = gate;
        }
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        if (eventData.Context?.Database.GetDbConnection() is not SqliteConnection { DataSource: { Length: > 0 } file } connection) return;
        var state = checkpoints.GetOrAdd(file, _ => new Checkpoints());
        if (Interlocked.Increment(ref state.Commits) < CommitsPerCheckpoint || Interlocked.CompareExchange(ref state.Running, 1, 0) != 0) return;
        Interlocked.Exchange(ref state.Commits, 0);
        // Never creates the file: a checkpoint after the database went (a test's folder deleted) does nothing.
        var connectionString = new SqliteConnectionStringBuilder(connection.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _ = Task.Run(() => Checkpoint(connectionString, state));
    }

    // PASSIVE: copies what no reader still needs without waiting for anyone; the rest goes with the next checkpoint.
    // A checkpoint that fails (the disk, the file gone) leaves the WAL to the next one: the commits are in it already.
    private static void Checkpoint(string connectionString, Checkpoints state)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
        }
        finally
        {
            Volatile.Write(ref state.Running, 0);
        }
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A failed COMMIT or ROLLBACK: the transaction is rolled back when it is disposed, and until then SQLite's own lock
    // keeps the next writer waiting.
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception, an early return) is rolled back then, and EF
    // closes the connection it opened for it; a BEGIN that failed (busy past the timeout) leaves its connection to be
    // closed or disposed with its context.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Release(Guid connectionId)
    {
        if (held.TryRemove(connectionId, out var gate)) gate.Release();
    }
}

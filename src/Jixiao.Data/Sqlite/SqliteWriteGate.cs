using System.Collections.Concurrent;
using System.Data.Common;
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
/// </remarks>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>As long as a statement may wait for a lock (Microsoft.Data.Sqlite's default command timeout).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

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

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
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

using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jixiao.Data.Postgres;

/// <summary>
/// Runs a unit of work again, whole, when PostgreSQL ended its transaction as a deadlock's victim (40P01) or failed its
/// serialisation (40001); the user sees the save succeed a few milliseconds later, never the error.
/// <para>
/// Why: every save, import and transition moves the running totals of the overview and the library
/// (<see cref="Forms.OverviewTotalsSql"/>, <see cref="Forms.LibrarySummarySql"/>) by per-row triggers over rows shared
/// across forms, which took them in each statement's own order and deadlocked (docs/operations.md, "Running on
/// PostgreSQL"). Their writers now queue on <see cref="Forms.TotalsWriterLock"/> first, which removes those deadlocks;
/// what is left (one statement writing several forms' facts while another of those forms' writers waits for the lock)
/// is retried here, exact for every path because PostgreSQL has already rolled the victim back entirely.
/// </para>
/// <para>
/// What runs again: a <c>SaveChanges</c> or <c>ExecuteUpdate</c> outside a transaction of the caller's (its own
/// transaction: the save, the submission, every transition), and a whole operation passed to
/// <c>Database.CreateExecutionStrategy().ExecuteAsync</c> (<see cref="WholeRetry"/>), which begins its transaction inside. A
/// statement inside a transaction the caller began outside the strategy is not retried (the rest of that transaction
/// is gone with it) and not refused either, as EF Core's retrying strategies would: it fails as before.
/// </para>
/// </summary>
public sealed class RetryDeadlockVictims(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(1))
{
    /// <summary>A deadlock needs two transactions: after five retries in a row something else is wrong, and the error surfaces.</summary>
    private const int MaxRetries = 5;

    private bool inCallersTransaction;

    /// <summary>
    /// False, so EF Core neither buffers every query's rows in memory (it does when a strategy may retry, to replay a
    /// read) nor refuses the transactions callers begin outside the strategy: reads are never deadlock victims here (they
    /// take no row locks), and the retry that matters, of a write, does not depend on it.
    /// </summary>
    public override bool RetriesOnFailure => false;

    protected override void OnFirstExecution()
    {
        inCallersTransaction = Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception exception) =>
        !inCallersTransaction && exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>Soon, and spread at random, so the two victims of one deadlock do not meet again at once.</summary>
    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        ExceptionsEncountered.Count > MaxRetries ? null : TimeSpan.FromMilliseconds(Random.Next(5, 20 << ExceptionsEncountered.Count));
}

using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public static class WholeRetry
{
    /// <summary>
    /// Runs <paramref name="operation"/>, which begins and commits a transaction of its own, again from its first read
    /// when it was a deadlock's victim (<see cref="Postgres.RetryDeadlockVictims"/>; on SQLite it runs once). What the failed attempt
    /// tracked was rolled back with its transaction, so the next attempt starts with an empty change tracker and reads
    /// everything again: it decides on what is stored then, and writes nothing twice.
    /// </summary>
    public static Task<T> RetryWholeAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        var attempts = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempts++ > 0) db.ChangeTracker.Clear();
            return await operation(token);
        }, ct);
    }
}

using System.Collections.Concurrent;

namespace Jixiao.Data;

/// <summary>
/// A query compiled with <c>EF.CompileAsyncQuery</c>, once per context type: translating the LINQ of a query that runs on
/// every form page and save costs more processor time than the database's answer (docs/benchmarks.md). A compiled query
/// keeps the SQL of the first database it meets and the tests run SQLite and PostgreSQL in one process, so each context
/// type (one per database kind) gets its own.
/// </summary>
public sealed class CompiledPerContext<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> compiled = new();

    public TQuery For(AppDbContext db) => compiled.GetOrAdd(db.GetType(), _ => compile());
}

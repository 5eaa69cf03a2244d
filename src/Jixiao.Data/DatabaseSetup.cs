using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jixiao.Data;

/// <summary>Which database the app uses: PostgreSQL when a connection string is configured, else the SQLite file.</summary>
public sealed record DatabaseSettings(string? PostgresConnectionString, string SqliteConnectionString)
{
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public static DatabaseSettings ForSqliteFile(string path) =>
        new(null, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> as one scoped instance of the provider's context, so Identity, data protection
    /// and the endpoints share one unit of work per request. The options never change, so they are built once instead of
    /// per request.
    /// </summary>
    /// <remarks>
    /// Contexts come from EF's pool: a new context built its internal services afresh on its first use (the provider's
    /// translators, the model's lookup, the options compared), a twentieth of the app's processor time a save
    /// (docs/benchmarks.md, "The save without a context's start-up …"). A rented context is cleared of the access scope
    /// the last request set (<see cref="AppDbContext.ClearScope"/>) before anyone sees it; the scope's end disposes it,
    /// which returns it to the pool.
    /// <para>
    /// Only one registration hands the context out: the container disposes the instance of each registration it
    /// resolved, and a pooled context disposed a second time is returned again under whichever request rented it in
    /// between, which then finds it disposed. (The provider's type was once registered too, and an API request under
    /// load failed so.)
    /// </para>
    /// </remarks>
    public static IServiceCollection AddJixiaoDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        if (settings.UsesPostgres) AddPooled<PostgresAppDbContext>(services, o => PostgresAppDbContext.Configure(o, settings.PostgresConnectionString!));
        else AddPooled<SqliteAppDbContext>(services, o => SqliteAppDbContext.Configure(o, settings.SqliteConnectionString));
        return services;
    }

    private static void AddPooled<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure) where TContext : AppDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        // EF registers the provider's type as a scoped rent too, which would neither clear the scope nor be the request's
        // one context.
        services.RemoveAll<TContext>();
        services.AddScoped<AppDbContext>(Rent<TContext>);
    }

    private static TContext Rent<TContext>(IServiceProvider services) where TContext : AppDbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.ClearScope();
        return context;
    }

    /// <summary>
    /// Creates the SQLite file's folder when needed, applies every pending migration and fills the bodies of forms
    /// stored as rows before bodies existed (<see cref="Forms.LegacyForms"/>).
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(source) && source != ":memory:" && !string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        // A migration may fill a table from every stored form (the indicator library's totals, LibrarySummary): it runs
        // as long as that takes, once, in the migration's own transaction.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(cancellationToken);
        db.Database.SetCommandTimeout(timeout);
        await Forms.LegacyForms.FillBodiesAsync(db, cancellationToken);
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Jixiao.Data;

/// <summary>The embedded default: one SQLite file under the app data folder.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // A collection in a query goes to SQLite as one JSON parameter (json_each), not EF 10's default of one parameter per
    // element: the access filters of forms, facts, findings, organisations and projects all hold the evaluator's
    // collections, and with one parameter per element EF folds them by their values (empty for everyone but evaluators),
    // so it could cache no SQL for any of those queries and generated it afresh on every execution (a tenth of a save's
    // processor time; docs/benchmarks.md, "The save on SQLite … triggers compiled for nothing").
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        SqlitePragmas.ConfigureProcess();
        Shared(options).UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteAppDbContext).Assembly.GetName().Name)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(SqlitePragmas.Instance);
    }

    // SQLite keeps DateTimeOffset as text, which it cannot compare; the job times that workers (leases) and the upload
    // quota compare in queries, and the facts' re-derivation lease, are stored as numbers instead. Every time is UTC, so their order is the times' order.
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<Model.ImportJob>(e =>
        {
            e.Property(j => j.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
            e.Property(j => j.LeaseUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
        });
        // SQLite neither orders nor aggregates decimals (it keeps them as text): the figures the queue sorts by and the
        // overview averages are kept as REAL here. They are scores, fractions and counts of points, well inside a double's
        // 15 exact digits; money stays decimal.
        b.Entity<Model.FormFact>(e =>
        {
            e.Property(f => f.LeaseUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
            e.Property(f => f.Risk).HasConversion<double>();
            e.Property(f => f.Deductions).HasConversion<double>();
            e.Property(f => f.ComputedTotal).HasConversion<double?>();
            e.Property(f => f.StatedTotal).HasConversion<double?>();
            e.Property(f => f.ExecutionRate).HasConversion<double?>();
        });
        // The overview's kept sums of those figures, for the same reasons (Forms/OverviewTotalsSqlite keeps them exact).
        b.Entity<Model.OverviewGroup>(e =>
        {
            e.Property(g => g.TotalSum).HasConversion<double?>();
            e.Property(g => g.RateSum).HasConversion<double?>();
            e.Property(g => g.RankedRateSum).HasConversion<double?>();
        });
        b.Entity<Model.ExecutionImport>(e => e.Property(i => i.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter()));
        b.Entity<Model.RoundReminder>(e =>
        {
            e.Property(r => r.DueAt).HasConversion(new DateTimeOffsetToBinaryConverter());
            e.Property(r => r.LeaseUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
        });
        // Evidence counts against the same daily upload quota as imports, summed over a time window.
        b.Entity<Model.RectificationEvidence>(e => e.Property(x => x.At).HasConversion(new DateTimeOffsetToBinaryConverter()));
    }
}

/// <summary>
/// WAL lets readers work while one writer writes; a busy handler makes a second writer wait instead of failing at once
/// with "database is locked"; foreign keys are off by default in SQLite. synchronous=NORMAL in WAL syncs at checkpoints,
/// not at every commit: a crash of the app loses nothing committed, a power cut may lose the last commits (never the
/// file's consistency).
/// </summary>
/// <remarks>
/// The pragmas belong to the native connection, which the pool keeps between opens, while EF opens and closes the
/// connection around every query: running them on each open was four extra statements per query, so each native handle
/// is set up once.
/// </remarks>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    private static readonly ConditionalWeakTable<sqlite3, object> SetUp = new();

    /// <summary>
    /// The native library's process-wide settings, which SQLite takes only before its first connection opens (later it
    /// answers SQLITE_MISUSE and keeps its defaults, which are correct, only slower). Memory statistics off: with them on,
    /// every allocation and free inside SQLite takes one global mutex, which all of the pool's connections contend for
    /// (5–8 % of a save's processor time side by side; docs/benchmarks.md, "The save's processor time: a watcher woken by
    /// every write, SQLite's statistics mutex …").
    /// </summary>
    /// <remarks>
    /// Tried side by side and not kept: mmap_size (256 MB: 2–5 % more processor time a save) and the multi-thread mode
    /// without connection mutexes (2 % less, inside the machine's noise, for a mode that trusts every caller never to
    /// share a connection between threads).
    /// </remarks>
    public static void ConfigureProcess()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1) return;
        Batteries_V2.Init();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    private static int configured;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSetUp(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkSetUp(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSetUp(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkSetUp(connection);
    }

    private static bool IsSetUp(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SetUp.TryGetValue(handle, out _);

    private static void MarkSetUp(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        if (sqlite3_busy_handler(handle.DangerousGetHandle(), Retry, IntPtr.Zero) != raw.SQLITE_OK)
            throw new InvalidOperationException("SQLite did not take the busy handler.");
        SetUp.AddOrUpdate(handle, SetUp);
    }

    // A writer that finds the write lock taken sleeps here, on its own thread inside SQLite, and tries again. SQLite's
    // busy_timeout handler sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 and then 100 ms between tries: at a province's
    // hundreds of saves a second, a writer that lost the lock a few times slept tens of milliseconds while others took
    // it, or while the lock stood free (docs/benchmarks.md, "… SQLite's busy wait every millisecond"). Trying every
    // millisecond keeps a save waiting hardly longer than the lock is held; 10,000 tries are at least the 10 s
    // busy_timeout gave.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr argument, int triesSoFar);

    private static readonly BusyHandler Retry = (_, triesSoFar) =>
    {
        if (triesSoFar >= 10_000) return 0;
        Thread.Sleep(1);
        return 1;
    };

    // The bundle's native SQLite, which SQLitePCLRaw loaded already; SQLitePCLRaw 2.1 exposes no busy handler.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, BusyHandler handler, IntPtr argument);
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, "Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options);
    }
}

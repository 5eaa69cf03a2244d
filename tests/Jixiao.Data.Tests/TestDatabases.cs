using Jixiao.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Data.Tests;

/// <summary>
/// One database per test class: a temporary SQLite file always, a fresh PostgreSQL database when JIXIAO_TEST_POSTGRES
/// holds a connection string (scripts/test.sh sets it). Both are migrated with the real migrations and dropped after.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract bool Available { get; }

    public abstract AppDbContext NewContext();

    public void SkipUnlessAvailable() =>
        Assert.SkipUnless(Available, "JIXIAO_TEST_POSTGRES is not set: the PostgreSQL run of this test is skipped.");

    public virtual async ValueTask InitializeAsync()
    {
        if (!Available) return;
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db);
    }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-data-tests", Guid.NewGuid().ToString("N"));

    public string File => Path.Combine(folder, "test.db");

    public override bool Available => true;

    public override AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, DatabaseSettings.ForSqliteFile(File).SqliteConnectionString);
        return new SqliteAppDbContext(options.Options);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("JIXIAO_TEST_POSTGRES");

    private readonly string connectionString = Server is null
        ? ""
        : new NpgsqlConnectionStringBuilder(Server) { Database = "jixiao_" + Guid.NewGuid().ToString("N") }.ToString();

    public string ConnectionString => connectionString;

    public override bool Available => !string.IsNullOrWhiteSpace(Server);

    public override AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        PostgresAppDbContext.Configure(options, connectionString);
        return new PostgresAppDbContext(options.Options);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!Available) return;
        NpgsqlConnection.ClearAllPools();
        // WITH (FORCE) (PostgreSQL 13+) ends the sessions still on the throwaway database (the pool's, closing, or a
        // test's own). CI's tests run as a role that may create databases, not a superuser, so it cannot end another
        // role's session, such as an autovacuum worker's on the fresh database: the drop then fails with 42501 "must be a
        // member of the role whose process is being terminated" (seen in CI). A database left behind on the throwaway
        // server (scripts/test.sh) costs nothing, so it is reported, not charged to the class's tests, as the web tests'
        // host does.
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        try
        {
            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            TestContext.Current.SendDiagnosticMessage($"Dropping the test database failed (left behind): {e.Message}");
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Jixiao.Data;

/// <summary>Production: PostgreSQL, used when ConnectionStrings:Postgres is set.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(typeof(PostgresAppDbContext).Assembly.GetName().Name));

    /// <summary>
    /// The same few statements (a form, its rows, a save) run on every page view and save; once Npgsql has prepared them
    /// on a pooled connection PostgreSQL stops parsing and planning them again. An operator's own setting wins.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    // Migrations are generated without a server; the connection string is never opened at design time.
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        PostgresAppDbContext.Configure(options, "Host=localhost;Database=jixiao_design;Username=postgres");
        return new PostgresAppDbContext(options.Options);
    }
}

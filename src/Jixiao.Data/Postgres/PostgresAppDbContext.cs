using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Data;

/// <summary>Production: PostgreSQL, used when ConnectionStrings:Postgres is set.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresAppDbContext).Assembly.GetName().Name));
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

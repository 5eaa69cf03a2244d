using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Jixiao.Data;

/// <summary>Production: PostgreSQL, used when ConnectionStrings:Postgres is set.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        Shared(options).UseNpgsql(WithPoolDefaults(connectionString), o => o
            .MigrationsAssembly(typeof(PostgresAppDbContext).Assembly.GetName().Name)
            .ExecutionStrategy(d => new Postgres.RetryDeadlockVictims(d)));

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // The scope filter is a LIKE 'prefix%' on the path. Under a database locale other than C (C.UTF-8, zh_CN.UTF-8)
        // a plain index cannot serve it: a department's overview read every fact of the year to find its 2 %.
        b.Entity<Model.FormFact>(e => e.HasIndex(f => new { f.OrganisationPath, f.Year }).HasOperators("varchar_pattern_ops", "int4_ops"));
        // The overview's findings by code: an index-only scan of form, code and path (460 pages at 50,182 findings)
        // instead of the table with its messages (≈ 3,000 pages), joined to the year's reviewed facts.
        b.Entity<Model.FormFinding>(e => e.HasIndex(r => r.FormId).IncludeProperties(r => new { r.Code, r.OrganisationPath }));
        // The overview's departments or organisations of a subtree and year: a LIKE prefix on the path, as for the facts.
        b.Entity<Model.OverviewGroup>(e => e.HasIndex(t => new { t.Grain, t.Year, t.Path }).HasOperators("text_ops", "int4_ops", "varchar_pattern_ops"));
    }

    /// <summary>
    /// Defaults for a busy server, where an operator has not chosen otherwise. The same few statements (a form, its rows,
    /// a save) run on every page view and save: once Npgsql has prepared them on a pooled connection, PostgreSQL stops
    /// parsing and planning them. And a connection returned to the pool is not reset (five statements on its next use),
    /// because the app keeps no session state: no temporary tables, advisory locks, LISTEN or SET.
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
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

using System.Data.Common;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>
/// The overview's bands at their edges, where a form's band is what a reader checks: a total of exactly 90 is 优 90–95,
/// not 良; a rate of exactly 100 % is 90–100 % and 100.0001 % over it; an unscored form, or one without a total or a
/// rate, is in no band. The same in the database's running totals (PostgreSQL: the installed band functions the triggers
/// call; SQLite: the CASE its triggers are written with) and in the overview's grouping over the facts.
/// </summary>
public abstract class OverviewScaleTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : TestDatabase
{
    public static readonly TheoryData<bool, double?, string?> Totals = new()
    {
        { true, 59.99, "差 <60" }, { true, 60, "中 60–70" }, { true, 79.99, "中 70–80" }, { true, 89.99, "良 80–90" },
        { true, 90, "优 90–95" }, { true, 94.99, "优 90–95" }, { true, 95, "优 95–100" }, { true, 100, "优 95–100" },
        { true, 0, "差 <60" }, { true, -0.01, null }, { false, 90, null }, { true, null, null },
    };

    public static readonly TheoryData<double?, string?> Rates = new()
    {
        { 0.499999, "<50%" }, { 0.5, "50–60%" }, { 0.899999, "80–90%" }, { 0.9, "90–100%" }, { 1, "90–100%" },
        { 1.000001, ">100%" }, { 0, "<50%" }, { -0.2, "<50%" }, { null, null },
    };

    [Theory]
    [MemberData(nameof(Totals))]
    public async Task A_total_falls_in_its_band(bool scored, double? total, string? band)
    {
        database.SkipUnlessAvailable();
        var fact = Fact(scored, (decimal?)total, null);
        Assert.Equal(band, Label(OverviewScale.Total, Grouped(fact).Total));
        await using var db = database.NewContext();
        var sql = db.Database.IsNpgsql() ? "SELECT jixiao_overview_total_band(@s, @v::numeric)" : "SELECT " + OverviewScale.TotalSql("@s", "@v");
        Assert.Equal(band, Label(OverviewScale.Total, await BandAsync(db, sql, ("s", scored), ("v", total))));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public async Task A_rate_falls_in_its_band(double? rate, string? band)
    {
        database.SkipUnlessAvailable();
        Assert.Equal(band, Label(OverviewScale.Rate, Grouped(Fact(true, 90m, (decimal?)rate)).Rate));
        await using var db = database.NewContext();
        var sql = db.Database.IsNpgsql() ? "SELECT jixiao_overview_rate_band(@v::numeric)" : "SELECT " + OverviewScale.RateSql("@v");
        Assert.Equal(band, Label(OverviewScale.Rate, await BandAsync(db, sql, ("v", rate))));
    }

    private static FormFact Fact(bool scored, decimal? total, decimal? rate) =>
        new() { OrganisationPath = "/1/", RulebookId = "r", Scored = scored, ComputedTotal = total, ExecutionRate = rate };

    private static (int Total, int Rate) Grouped(FormFact fact)
    {
        var key = OverviewScale.Keyed((FormFact f, int total, int rate) => new { Total = total, Rate = rate }).Compile()(fact);
        return (key.Total, key.Rate);
    }

    private static string? Label(OverviewScale scale, int band) => band == -1 ? null : scale.Labels.ElementAt(band);

    // Values as doubles: SQLite keeps the facts' totals and rates as REAL (a decimal parameter would be bound as text).
    private static async Task<int> BandAsync(AppDbContext db, string sql, params (string Name, object? Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            DbParameter p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            if (value is null) p.DbType = System.Data.DbType.Double;
            command.Parameters.Add(p);
        }
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class OverviewScaleOnSqlite(SqliteTestDatabase database) : OverviewScaleTests<SqliteTestDatabase>(database);

public sealed class OverviewScaleOnPostgres(PostgresTestDatabase database) : OverviewScaleTests<PostgresTestDatabase>(database);

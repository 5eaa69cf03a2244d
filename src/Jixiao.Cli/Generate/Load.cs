using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Generation;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Cli.Generate;

/// <summary>
/// `jixiao generate --database …`: migrates the database and loads the province through <see cref="ProvinceLoader"/>
/// with the checker and rulebook the web app registers, printing progress and one Chinese summary line.
/// </summary>
internal static class Load
{
    public static int Run(ProvinceGenerator generator, string connection, string provider, string? password, TextWriter output, TextWriter error)
    {
        var postgres = provider switch
        {
            "postgres" => true,
            "sqlite" => false,
            _ => !connection.Contains("Data Source", StringComparison.OrdinalIgnoreCase),
        };
        AppDbContext db;
        try
        {
            db = postgres
                ? new PostgresAppDbContext(Options<PostgresAppDbContext>(o => PostgresAppDbContext.Configure(o, connection)))
                : new SqliteAppDbContext(Options<SqliteAppDbContext>(o => SqliteAppDbContext.Configure(o, connection)));
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"--database: 连接字符串无效（{e.Message}）");
            return ExitCodes.Unreadable;
        }
        using (db)
        {
            try
            {
                DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
                // The web app checks every save with the default rulebook (Program registers FormCheck so); a load must write what a save would.
                var rulebook = Rulebooks.Default;
                var settings = new LoadSettings(form => Checker.Check(form, rulebook), rulebook, TimeProvider.System)
                {
                    Password = password,
                    Progress = new Progress(output),
                };
                var totals = ProvinceLoader.LoadAsync(db, generator, settings, CancellationToken.None).GetAwaiter().GetResult();
                output.WriteLine($"已载入{generator.Name}（{generator.Years[0]}—{generator.Years[^1]}年度）：组织机构 {totals.Organisations} 个，用户 {totals.Users} 个，项目 {totals.Projects} 个，"
                    + $"表 {totals.Forms} 张（指标行 {totals.IndicatorRows} 行；提交版本 {totals.Versions} 个；有错误的 {totals.ErrorForms} 张），用时 {totals.Elapsed.TotalSeconds:0} 秒");
                return ExitCodes.Clean;
            }
            catch (InvalidOperationException e) when (e.InnerException is null)
            {
                error.WriteLine($"--database: {e.Message}");
                return ExitCodes.Unreadable;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or TimeoutException)
            {
                error.WriteLine($"--database: 数据库无法连接或写入（{e.GetBaseException().Message}）；已写入的批次保留，请换一个空数据库重试。");
                return ExitCodes.Unreadable;
            }
        }
    }

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder> configure) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }

    /// <summary>Progress lines as they come (the loader reports once per batch; synchronous, unlike Progress&lt;T&gt;).</summary>
    private sealed class Progress(TextWriter output) : IProgress<string>
    {
        private long last;

        public void Report(string value)
        {
            // One line every few seconds is enough on a terminal; a province makes hundreds of batches.
            if (last != 0 && System.Diagnostics.Stopwatch.GetElapsedTime(last) < TimeSpan.FromSeconds(5)) return;
            last = System.Diagnostics.Stopwatch.GetTimestamp();
            output.WriteLine(value);
        }
    }
}

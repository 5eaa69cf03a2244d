using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Generation;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Bench;

/// <summary>
/// The indicator library's queries on a generated province (<see cref="ProvinceGenerator"/>, JIXIAO_LIBRARY_UNITS units,
/// default 1000, seed 1) in a SQLite file kept between runs (or the PostgreSQL database JIXIAO_LIBRARY_POSTGRES names) (the load takes minutes; the queries are what is measured):
/// the first page of the library for finance (whole province) and for one department, a name search, the peer ranges
/// of a page, one indicator's history, a targets row's suggestions and the history and peer findings a targets save adds.
/// Forms are loaded through the app's write path (FormStore.Write, facts included) without the checker, whose findings
/// the library does not read.
/// </summary>
[MemoryDiagnoser]
public class LibraryBenchmarks
{
    public static int Units => int.TryParse(Environment.GetEnvironmentVariable("JIXIAO_LIBRARY_UNITS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1000;

    public static string DatabasePath => Path.Combine(Path.GetTempPath(), $"jixiao-bench-library-{Units}.db");

    /// <summary>JIXIAO_LIBRARY_POSTGRES: a connection string to an empty PostgreSQL database to load and query instead of the SQLite file.</summary>
    private static string? Postgres => Environment.GetEnvironmentVariable("JIXIAO_LIBRARY_POSTGRES") is { Length: > 0 } c ? c : null;

    private static string Connection => Postgres ?? DatabaseSettings.ForSqliteFile(DatabasePath).SqliteConnectionString;

    private static string Marker => Postgres is null ? DatabasePath + ".done" : Path.Combine(Path.GetTempPath(), $"jixiao-bench-library-{Units}.postgres.done");

    private string _connection = "";
    private LibraryEntry _top = null!;
    private string _search = "";
    private List<string> _pageNames = [];
    private string _departmentPath = "";
    private (int Organisation, string? Project, int Year, PerformanceForm Form) _targets;
    private int _lastYear;

    /// <summary>Loads the province once (kept in <see cref="DatabasePath"/>); prints how long it took.</summary>
    public static void EnsureLoaded(TextWriter output)
    {
        var path = DatabasePath;
        if (File.Exists(Marker)) return;
        if (Postgres is null && File.Exists(path)) File.Delete(path);
        using var db = Open(Connection);
        DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
        var started = Stopwatch.GetTimestamp();
        var settings = new LoadSettings(_ => [], Rulebooks.Default, TimeProvider.System) { Progress = new Lines(output) };
        var totals = ProvinceLoader.LoadAsync(db, new ProvinceGenerator(1, Units), settings, CancellationToken.None).GetAwaiter().GetResult();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"library bench: loaded {Units} units, {totals.Forms} forms, {totals.IndicatorRows} indicator rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
        File.WriteAllText(Marker, "");
    }

    private sealed class Lines(TextWriter output) : IProgress<string>
    {
        private long last;

        public void Report(string value)
        {
            if (last != 0 && Stopwatch.GetElapsedTime(last) < TimeSpan.FromSeconds(30)) return;
            last = Stopwatch.GetTimestamp();
            output.WriteLine(value);
        }
    }

    private static AppDbContext Open(string connection)
    {
        if (Postgres is not null)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
            PostgresAppDbContext.Configure(postgres, connection);
            return new PostgresAppDbContext(postgres.Options);
        }
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, connection);
        return new SqliteAppDbContext(options.Options);
    }

    /// <summary>A context as a request gets it: restricted to <paramref name="path"/> (null: finance of the province).</summary>
    private AppDbContext Scoped(string? path)
    {
        var db = Open(_connection);
        db.Restrict(path, publishedOnly: false);
        return db;
    }

    [GlobalSetup]
    public void Setup()
    {
        EnsureLoaded(Console.Out);
        _connection = Connection;
        using var db = Scoped(null);
        var first = IndicatorLibrary.EntriesAsync(db, new LibraryFilter(null, null, null, null, null), 1, 50, CancellationToken.None).GetAwaiter().GetResult();
        _top = first.Items[0];
        _pageNames = [.. first.Items.Select(e => e.NormalisedName).Distinct()];
        // A search word from the data itself: the first two characters of a mid-page name.
        _search = first.Items[first.Items.Count / 2].NormalisedName[..Math.Min(2, first.Items[first.Items.Count / 2].NormalisedName.Length)];
        _departmentPath = db.Organisations.Where(o => o.Kind == OrganisationKind.Department).OrderBy(o => o.Id).Select(o => o.Path).First();
        _lastYear = db.FormFacts.Max(f => f.Year);
        var record = db.Forms.Include(f => f.FiscalYear)
            .Where(f => f.Kind == FormKind.Targets && f.FiscalYear!.Year == _lastYear && f.SupersededById == null).OrderBy(f => f.Id).First();
        _targets = (record.OrganisationId, record.ProjectName, _lastYear, FormRows.ToForm(record));
        // The writes' form is handed in, so its rows count for peers too (the most a write moves).
        _targetsId = db.Forms.Where(f => f.Kind == FormKind.Targets && f.FiscalYear!.Year == _lastYear && f.SupersededById == null
                && (f.Status == FormStatus.Submitted || f.Status == FormStatus.DepartmentApproved || f.Status == FormStatus.FinanceApproved || f.Status == FormStatus.Published))
            .OrderBy(f => f.Id).Select(f => f.Id).First();
    }

    [Benchmark]
    public int FirstPageProvince()
    {
        using var db = Scoped(null);
        return IndicatorLibrary.EntriesAsync(db, new LibraryFilter(null, null, null, null, null), 1, 50, CancellationToken.None).GetAwaiter().GetResult().Total;
    }

    [Benchmark]
    public int FirstPageDepartment()
    {
        using var db = Scoped(_departmentPath);
        return IndicatorLibrary.EntriesAsync(db, new LibraryFilter(null, null, null, _lastYear, null), 1, 50, CancellationToken.None).GetAwaiter().GetResult().Total;
    }

    [Benchmark]
    public int Search()
    {
        using var db = Scoped(null);
        return IndicatorLibrary.EntriesAsync(db, new LibraryFilter(_search, null, null, null, null), 1, 50, CancellationToken.None).GetAwaiter().GetResult().Total;
    }

    [Benchmark]
    public int PeerRangesOfAPage()
    {
        using var db = Scoped(null);
        return IndicatorLibrary.PeerRangesAsync(db, _pageNames, _lastYear - IndicatorLibrary.PeerYears + 1, _lastYear, actuals: false, CancellationToken.None).GetAwaiter().GetResult().Count;
    }

    [Benchmark]
    public int History()
    {
        using var db = Scoped(null);
        return IndicatorLibrary.HistoryAsync(db, _top.Level1, _top.Level2, _top.NormalisedName, 1, 50, CancellationToken.None).GetAwaiter().GetResult().Total;
    }

    [Benchmark]
    public int SuggestionsForARow()
    {
        using var db = Scoped(null);
        var row = _targets.Form.Indicators.FirstOrDefault() ?? new IndicatorRow { Level1 = _top.Level1, Level2 = _top.Level2 };
        return Suggestions.ForAsync(db, _targets.Organisation, _targets.Project, _targets.Year, row.Level1 ?? "", row.Level2 ?? "", null, CancellationToken.None).GetAwaiter().GetResult().Count;
    }

    [Benchmark]
    public int TargetsSaveFindings()
    {
        using var db = Scoped(null);
        return TargetsAdvice.FindingsAsync(db, _targets.Year, _targets.Form, Rulebooks.Default, CancellationToken.None).GetAwaiter().GetResult().Count;
    }

    /// <summary>
    /// What the library's totals add to a write on PostgreSQL: the same statements a save, a transition and a new form
    /// make, on one targets form of <see cref="_targets"/>'s kind, timed with the triggers on and off (each rolled back).
    /// </summary>
    private double TotalsWrite(string statements, bool totals)
    {
        using var db = Open(_connection);
        using var transaction = db.Database.BeginTransaction();
        if (!totals) db.Database.ExecuteSqlRaw(LibrarySummarySql.Off);
        var start = Stopwatch.GetTimestamp();
        db.Database.ExecuteSqlRaw(statements.Replace("@form", _targetsId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        transaction.Rollback();
        return elapsed;
    }

    private int _targetsId;

    private static readonly (string Name, string Sql)[] Writes =
    [
        ("a save changing every target of a targets form", """UPDATE "IndicatorFacts" SET "TargetValue" = "TargetValue" + 1 WHERE "FormId" = @form"""),
        ("a transition (handed in → returned)", """UPDATE "FormFacts" SET "Status" = CASE WHEN "Status" = 'Returned' THEN 'Submitted' ELSE 'Returned' END WHERE "FormId" = @form"""),
        ("a form's rows written anew", """
            CREATE TEMP TABLE rows_again ON COMMIT DROP AS SELECT * FROM "IndicatorFacts" WHERE "FormId" = @form;
            DELETE FROM "IndicatorFacts" WHERE "FormId" = @form;
            INSERT INTO "IndicatorFacts" SELECT * FROM rows_again;
            """),
    ];

    /// <summary>`library` mode: each query 15 times after a warm-up, wall-clock median and worst, for a loaded machine.</summary>
    public static void Run(TextWriter output)
    {
        var bench = new LibraryBenchmarks();
        bench.Setup();
        var cases = new (string Name, Func<int> Run)[]
        {
            ("library first page, province", bench.FirstPageProvince), ("library first page, one department, one year", bench.FirstPageDepartment),
            ("library name search", bench.Search), ("peer ranges of a page (50 names)", bench.PeerRangesOfAPage), ("one indicator's history", bench.History),
            ("suggestions for a targets row", bench.SuggestionsForARow), ("findings a targets save adds", bench.TargetsSaveFindings),
        };
        foreach (var (name, run) in cases)
        {
            run();
            var times = new List<double>();
            var result = 0;
            for (var i = 0; i < 15; i++)
            {
                var start = Stopwatch.GetTimestamp();
                result = run();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {times[times.Count / 2]:F1} ms, worst {times[^1]:F1} ms (result {result})"));
        }
        if (Postgres is null) return;
        foreach (var (name, sql) in Writes)
        {
            // Alternating, so the machine's load falls on both alike.
            var on = new List<double>();
            var off = new List<double>();
            bench.TotalsWrite(sql, true);
            bench.TotalsWrite(sql, false);
            for (var i = 0; i < 15; i++)
            {
                on.Add(bench.TotalsWrite(sql, true));
                off.Add(bench.TotalsWrite(sql, false));
            }
            on.Sort();
            off.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: with the library's totals median {on[on.Count / 2]:F2} ms (worst {on[^1]:F2}), without {off[off.Count / 2]:F2} ms (worst {off[^1]:F2})"));
        }
    }
}

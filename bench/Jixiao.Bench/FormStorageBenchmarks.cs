using BenchmarkDotNet.Attributes;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Bench;

/// <summary>
/// A form stored as one JSON body against the same form stored as rows (the shape before issue 13, kept in the Legacy
/// tables): loading it by id, and saving it. SQLite file database; the form is a real project self-evaluation from a
/// seed document (header, funds rows, indicator rows).
/// </summary>
[MemoryDiagnoser]
public class FormStorageBenchmarks
{
    private string _folder = "";
    private AppDbContext _db = null!;
    private int _bodyId;
    private int _rowsId;
    private PerformanceForm _form = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "jixiao-bench-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, DatabaseSettings.ForSqliteFile(Path.Combine(_folder, "bench.db")).SqliteConnectionString);
        _db = new SqliteAppDbContext(options.Options);
        DatabaseSetup.MigrateAsync(_db).GetAwaiter().GetResult();
        _form = FormRecognizer.Recognize(TextReader.Read(File.ReadAllText(RepoPaths.Seed("003")), "003"))
            .First(f => f.Kind == FormKind.ProjectSelfEvaluation && f.Indicators.Count > 0);

        var unit = new Organisation { Code = "LY", Name = "浏阳市数据资源中心", Kind = OrganisationKind.Unit, Path = "/LY/" };
        var year = new FiscalYear { Year = 2020 };
        var record = new FormRecord { Organisation = unit, FiscalYear = year, Status = FormStatus.Draft, Revision = 1 };
        FormStore.Write(record, _form, [], Rulebooks.Default, new FormPlace(unit, null), DateTimeOffset.UnixEpoch);
        _db.Forms.Add(record);
        _db.SaveChanges();
        _bodyId = record.Id;
        _rowsId = InsertRows(unit.Id, year.Id);
        _db.ChangeTracker.Clear();
    }

    // The form as rows: a header row without body and one row per funds and indicator line, as stored before bodies.
    private int InsertRows(int unitId, int yearId)
    {
        var db = _db.Database;
        db.ExecuteSqlRaw("""
            INSERT INTO "Forms" ("Kind", "Status", "OrganisationId", "FiscalYearId", "Revision", "CreatedAt", "UpdatedAt", "LatestVersion", "SchemaVersion", "ProjectName")
            VALUES ('project-self-evaluation', 'Draft', {0}, {1}, 1, {2}, {2}, 0, 0, {3})
            """, unitId, yearId, DateTimeOffset.UnixEpoch, _form.Project ?? "");
        var id = db.SqlQueryRaw<int>("""SELECT MAX("Id") AS "Value" FROM "Forms" """).Single();
        db.ExecuteSqlRaw("""
            INSERT INTO "LegacyFormHeaders" ("Id", "MoneyUnit", "PlannedGoal", "ActualGoal", "StatedWeightTotal", "StatedTotal", "StatedGrade", "HasStaffing", "Incomplete")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, 0, 0)
            """, id, _form.MoneyUnit?.ToString() ?? "Yuan", _form.PlannedGoal ?? "", _form.ActualGoal ?? "", _form.StatedWeightTotal ?? 0m, _form.StatedTotal ?? 0m, _form.StatedGrade ?? "");
        for (var i = 0; i < _form.Funds.Count; i++)
        {
            var f = _form.Funds[i];
            db.ExecuteSqlRaw("""
                INSERT INTO "LegacyFundsRows" ("FormId", "Position", "Label", "Role", "Budget", "Executed", "Weight", "StatedScore")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
                """, id, i + 1, f.Label, f.Role.ToString(), f.Budget ?? 0m, f.Executed ?? 0m, f.Weight ?? 0m, f.StatedScore ?? 0m);
        }
        for (var i = 0; i < _form.Indicators.Count; i++)
        {
            var r = _form.Indicators[i];
            db.ExecuteSqlRaw("""
                INSERT INTO "LegacyIndicatorRows" ("FormId", "Position", "Level1", "Level2", "Name", "Target", "Actual", "Weight", "StatedScore", "Explanation", "Causes")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, 0)
                """, id, i + 1, r.Level1 ?? "", r.Level2 ?? "", r.Name ?? "", r.Target ?? "", r.Actual ?? "", r.Weight ?? 0m, r.StatedScore ?? 0m, r.Explanation ?? "");
        }
        return id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One primary-key lookup; the body becomes the form.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> LoadBody()
    {
        var record = await _db.Forms.AsNoTracking().SingleAsync(f => f.Id == _bodyId);
        return FormRows.ToForm(record).Indicators.Count;
    }

    /// <summary>The header row and the three row tables, as the form was read before bodies.</summary>
    [Benchmark]
    public async Task<int> LoadRows()
    {
        var connection = _db.Database.GetDbConnection();
        await _db.Database.OpenConnectionAsync();
        try
        {
            return (await LegacyForms.ReadAsync(connection, [_rowsId], CancellationToken.None))[0].Form.Indicators.Count;
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A save through the one write path: body, header, findings and facts (indicator facts rewritten in place).</summary>
    [Benchmark]
    public async Task<int> SaveBodyWithFacts()
    {
        _db.ChangeTracker.Clear();
        var record = (await FormStore.LoadForWriteAsync(_db, _bodyId, CancellationToken.None))!;
        _form.StatedTotal = (_form.StatedTotal ?? 0m) == 90m ? 91m : 90m;
        FormStore.Write(record, _form, [], Rulebooks.Default, new FormPlace(record.Organisation!, null), DateTimeOffset.UnixEpoch);
        record.Revision++;
        return await _db.SaveChangesAsync();
    }
}

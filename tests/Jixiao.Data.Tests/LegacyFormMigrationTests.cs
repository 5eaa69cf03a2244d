using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Tests;

/// <summary>
/// A database from before bodies (at the FormIdentity migration) holding a form as header columns and child rows is
/// migrated and upgraded at startup: the form reads back equal, its notes as doubts, and a second run changes nothing.
/// </summary>
public abstract class LegacyFormMigrationTests
{
    protected abstract TestDatabase Fresh();

    private static PerformanceForm Expected()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.ProjectSelfEvaluation, Year = 2020, Title = "项目支出绩效自评表", Project = "政务云平台运维服务",
            Department = "示范市数据资源局", Unit = "浏阳市数据资源中心", MoneyUnit = MoneyUnit.TenThousandYuan,
            PlannedGoal = "保障平台稳定运行。", ActualGoal = "全年平台运行稳定。", StatedWeightTotal = 100m, StatedTotal = 98.62m, StatedGrade = "优",
            Staffing = new StaffingBlock { Authorized = 25m, Actual = 23m, StatedControlRate = new Percentage(0.92m, 0), Source = new SourcePosition(40, 2, "基础数据表") },
            Filler = "李明", Head = "王强", Incomplete = true, Source = new SourcePosition(1, 0, null, 3),
        };
        form.ReadingDoubts.Add(ReadingDoubt.Legacy("第12行跨页，金额列可能错位"));
        form.Funds.Add(new FundsRow
        {
            Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 25.5m, Executed = 21.5457m, Weight = 10m,
            StatedRate = new Percentage(0.8449m, 2), StatedScore = 8.45m, Source = new SourcePosition(5, 1),
        });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, Budget = 25.5m, Executed = 21.5457m });
        form.Indicators.Add(new IndicatorRow
        {
            Level1 = "产出指标", Level1Weight = 50m, Level2 = "数量指标", Name = "运维服务器数量", Target = "≥120台", Actual = "126台",
            Weight = 15m, StatedScore = 15m, Causes = DeviationCauses.Funding | DeviationCauses.Staff, Likelihood = CompletionLikelihood.Possible,
            Source = new SourcePosition(12, 3, "Sheet1"),
        });
        form.Indicators.Add(new IndicatorRow { Level1 = "满意度指标", Name = "服务对象满意度", Target = "≥90%", Actual = "95%", Weight = 10m, StatedScore = 9m });
        form.BasicData.Add(new BasicDataRow { Label = "三公经费", Depth = 1, PriorYearFinal = 12.5m, Budget = 10m, Final = 9.87m, Text = "压减" });
        return form;
    }

    [Fact]
    public async Task A_form_stored_as_rows_reads_back_equal_after_the_migration_and_the_startup_fill()
    {
        var database = Fresh();
        database.SkipUnlessAvailable();
        try
        {
            int formId;
            await using (var db = database.NewContext())
            {
                var before = db.Database.GetMigrations().Single(m => m.EndsWith("_FormIdentity", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(before);
                var bureau = new Organisation { Code = "CZ", Name = "示范市财政局", Kind = OrganisationKind.FinanceBureau, Path = "/CZ/" };
                var unit = new Organisation { Code = "LY", Name = "浏阳市数据资源中心", Kind = OrganisationKind.Unit, Parent = bureau, Path = "/CZ/LY/" };
                db.AddRange(bureau, unit);
                await db.SaveChangesAsync();
                // The year in that migration's shape: today's entity has columns added since.
                await db.Database.ExecuteSqlRawAsync("""INSERT INTO "FiscalYears" ("Year", "Closed") VALUES (2020, FALSE)""");
                var yearId = await db.Database.SqlQueryRaw<int>("""SELECT "Id" AS "Value" FROM "FiscalYears" WHERE "Year" = 2020""").SingleAsync();
                formId = await InsertOldShapeAsync(db, unit.Id, yearId);
            }

            await using (var db = database.NewContext())
            {
                await DatabaseSetup.MigrateAsync(db);
                Assert.Equal(0, await LegacyForms.FillBodiesAsync(db, CancellationToken.None));
            }

            await using var read = database.NewContext();
            var record = await read.Forms.SingleAsync(f => f.Id == formId);
            var back = FormRows.ToForm(record);
            var expected = Expected();
            Assert.Equal(FormBody.CurrentVersion, record.SchemaVersion);
            Assert.Empty(FormDiff.Compare(expected, back));
            Assert.Equal(expected.Funds.Select(f => (f.Source, f.StatedRate)), back.Funds.Select(f => (f.Source, f.StatedRate)));
            Assert.Equal(expected.Indicators.Select(f => (f.Source, f.Causes, f.Likelihood)), back.Indicators.Select(f => (f.Source, f.Causes, f.Likelihood)));
            Assert.Equal((expected.Staffing!.Source, expected.Staffing.StatedControlRate), (back.Staffing!.Source, back.Staffing.StatedControlRate));
            Assert.Equal((expected.Source, true, "王强"), (back.Source, back.Incomplete, back.Head));
            Assert.Equal(["第12行跨页，金额列可能错位"], ReadingDoubtText.Sentences(back));
            // The old rows are kept, not deleted.
            Assert.Equal(2, await read.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "LegacyIndicatorRows" WHERE "FormId" = {0}""", formId).SingleAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<int> InsertOldShapeAsync(AppDbContext db, int unitId, int yearId)
    {
        var at = new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Forms" ("Kind", "Status", "OrganisationId", "FiscalYearId", "Revision", "CreatedAt", "UpdatedAt", "LatestVersion",
                "StatedYear", "Title", "ProjectName", "DepartmentName", "UnitName", "MoneyUnit", "PlannedGoal", "ActualGoal",
                "StatedWeightTotal", "StatedTotal", "StatedGrade", "HasStaffing", "StaffingAuthorized", "StaffingActual", "StaffingRate",
                "StaffingRateDecimals", "StaffingSource_Row", "StaffingSource_Column", "StaffingSource_Sheet", "Filler", "Head", "Incomplete",
                "ReadingNotes", "Source_Row", "Source_Column", "Source_Page")
            VALUES ('project-self-evaluation', 'Draft', {0}, {1}, 1, {2}, {2}, 0, 2020, '项目支出绩效自评表', '政务云平台运维服务', '示范市数据资源局',
                '浏阳市数据资源中心', 'TenThousandYuan', '保障平台稳定运行。', '全年平台运行稳定。', {3}, {4}, '优', {5}, {6}, {7}, {8}, 0, 40, 2,
                '基础数据表', '李明', '王强', {5}, '第12行跨页，金额列可能错位', 1, 0, 3)
            """, unitId, yearId, at, 100m, 98.62m, true, 25m, 23m, 0.92m);
        var id = await db.Database.SqlQueryRaw<int>("""SELECT MAX("Id") AS "Value" FROM "Forms" """).SingleAsync();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "FundsRows" ("FormId", "Position", "Label", "Role", "Budget", "Executed", "Weight", "StatedRate", "StatedRateDecimals", "StatedScore", "Source_Row", "Source_Column")
            VALUES ({0}, 1, '年度资金总额', 'Total', {1}, {2}, {3}, {4}, 2, {5}, 5, 1)
            """, id, 25.5m, 21.5457m, 10m, 0.8449m, 8.45m);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "FundsRows" ("FormId", "Position", "Label", "Role", "Budget", "Executed") VALUES ({0}, 2, '其中：当年财政拨款', 'Part', {1}, {2})
            """, id, 25.5m, 21.5457m);
        // Positions stored out of order: the body keeps the printed order.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "IndicatorRows" ("FormId", "Position", "Level1", "Name", "Target", "Actual", "Weight", "StatedScore", "Causes")
            VALUES ({0}, 2, '满意度指标', '服务对象满意度', '≥90%', '95%', {1}, {2}, 0)
            """, id, 10m, 9m);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "IndicatorRows" ("FormId", "Position", "Level1", "Level1Weight", "Level2", "Name", "Target", "Actual", "Weight", "StatedScore",
                "Causes", "Likelihood", "Source_Row", "Source_Column", "Source_Sheet")
            VALUES ({0}, 1, '产出指标', {1}, '数量指标', '运维服务器数量', '≥120台', '126台', {2}, {2}, 5, 'Possible', 12, 3, 'Sheet1')
            """, id, 50m, 15m);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "BasicDataRows" ("FormId", "Position", "Label", "Depth", "PriorYearFinal", "Budget", "Final", "Text")
            VALUES ({0}, 1, '三公经费', 1, {1}, {2}, {3}, '压减')
            """, id, 12.5m, 10m, 9.87m);
        return id;
    }
}

public sealed class LegacyFormMigrationOnSqlite : LegacyFormMigrationTests
{
    protected override TestDatabase Fresh()
    {
        var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.File)!);
        return database;
    }
}

public sealed class LegacyFormMigrationOnPostgres : LegacyFormMigrationTests
{
    protected override TestDatabase Fresh() => new PostgresTestDatabase();
}

using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Generation;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests.Generation;

/// <summary>
/// On PostgreSQL a province is loaded by binary COPY rather than SaveChanges: the same province loaded both ways must
/// hold the same forms, findings, facts, versions, transitions and audit entries, and the app must go on inserting after
/// it (the identity sequences moved past the loaded keys).
/// </summary>
public sealed class ProvinceLoadByCopyTests
{
    private static readonly Rulebook Rulebook = Rulebooks.Default;

    /// <summary>
    /// Everything a load writes about each form, keyed by the form's unique key rather than by row ids (which depend on
    /// insertion order), without the generated accounts' random ids (their names stay), and the overview's running
    /// totals (kept by the triggers when saved, rebuilt at the end when copied).
    /// </summary>
    private const string Dump = """
        WITH k AS (SELECT f."Id", f."UniqueKey" AS k FROM "Forms" f)
        SELECT x FROM (
          SELECT 'form ' || k.k || ' ' || (to_jsonb(f) - 'Id' - 'OrganisationId' - 'FiscalYearId' - 'ProjectId')::text
                 || ' ' || coalesce(p."Code", '') || ' ' || o."Code" AS x
            FROM "Forms" f JOIN k ON k."Id" = f."Id" JOIN "Organisations" o ON o."Id" = f."OrganisationId" LEFT JOIN "Projects" p ON p."Id" = f."ProjectId"
          UNION ALL SELECT 'fact ' || k.k || ' ' || (to_jsonb(x) - 'FormId' - 'OrganisationId' - 'DepartmentId')::text
            FROM "FormFacts" x JOIN k ON k."Id" = x."FormId"
          UNION ALL SELECT 'indicators ' || k.k || ' ' || string_agg((to_jsonb(x) - 'FormId')::text, '|' ORDER BY x."Position")
            FROM "IndicatorFacts" x JOIN k ON k."Id" = x."FormId" GROUP BY k.k
          UNION ALL SELECT 'findings ' || k.k || ' ' || string_agg((to_jsonb(x) - 'FormId' - 'Id')::text, '|' ORDER BY x."Position")
            FROM "Findings" x JOIN k ON k."Id" = x."FormId" GROUP BY k.k
          UNION ALL SELECT 'transitions ' || k.k || ' ' || string_agg((to_jsonb(x) - 'FormId' - 'Id' - 'UserId')::text, '|' ORDER BY x."At", x."To")
            FROM "Transitions" x JOIN k ON k."Id" = x."FormId" GROUP BY k.k
          UNION ALL SELECT 'versions ' || k.k || ' ' || string_agg((to_jsonb(x) - 'FormId' - 'Id' - 'CreatedById')::text, '|' ORDER BY x."Number")
            FROM "Versions" x JOIN k ON k."Id" = x."FormId" GROUP BY k.k
          UNION ALL SELECT 'justifications ' || k.k || ' ' || string_agg((to_jsonb(j) - 'VersionId' - 'Id')::text, '|' ORDER BY j."FindingCode", j."FindingLocation", j."Id")
            FROM "Justifications" j JOIN "Versions" x ON x."Id" = j."VersionId" JOIN k ON k."Id" = x."FormId" GROUP BY k.k
          UNION ALL SELECT 'audit ' || k.k || ' ' || string_agg((to_jsonb(x) - 'EntityId' - 'Id' - 'UserId')::text, '|' ORDER BY x."At", x."Action", x."Field", x."After")
            FROM "AuditEntries" x JOIN k ON k."Id"::text = x."EntityId" GROUP BY k.k
          UNION ALL SELECT 'project ' || o."Code" || ' ' || (to_jsonb(p) - 'Id' - 'OrganisationId' - 'FiscalYearId')::text
            FROM "Projects" p JOIN "Organisations" o ON o."Id" = p."OrganisationId"
          UNION ALL SELECT concat_ws(' ', 'overview band', "Scope", "Depth", "Year", "Status", "TotalBand", "RateBand", "Forms") FROM "OverviewBands"
          UNION ALL SELECT concat_ws(' ', 'overview finding', "Scope", "Depth", "Year", "Status", "Code", "Count") FROM "OverviewFindings"
          UNION ALL SELECT concat_ws(' ', 'overview group', "Grain", "Path", "Year", "Status", "Forms", "TotalCount", trim_scale("TotalSum"), "RateCount",
                                     trim_scale("RateSum"), "Errors", "Warnings", "RankedRateCount", trim_scale("RankedRateSum"), "RankedErrors", "RankedWarnings")
            FROM "OverviewGroups"
        ) rows ORDER BY x
        """;

    [Fact]
    public async Task A_province_loaded_by_copy_holds_what_the_save_path_writes_and_the_app_inserts_after_it()
    {
        await using var copied = new PostgresTestDatabase();
        copied.SkipUnlessAvailable();
        await using var saved = new PostgresTestDatabase();
        await copied.InitializeAsync();
        await saved.InitializeAsync();
        var generator = new ProvinceGenerator(7, 5);
        var clock = TimeProvider.System;

        LoadTotals byCopy, bySave;
        await using (var db = copied.NewContext())
            byCopy = await ProvinceLoader.LoadAsync(db, generator, new LoadSettings(f => Checker.Check(f, Rulebook), Rulebook, clock) { BatchUnits = 2 }, CancellationToken.None);
        await using (var db = saved.NewContext())
            bySave = await ProvinceLoader.LoadAsync(db, generator, new LoadSettings(f => Checker.Check(f, Rulebook), Rulebook, clock) { BatchUnits = 2, Copy = false }, CancellationToken.None);

        Assert.Equal(bySave with { Elapsed = default }, byCopy with { Elapsed = default });
        List<string> copiedRows, savedRows;
        await using (var db = copied.NewContext()) copiedRows = await db.Database.SqlQueryRaw<string>(Dump).ToListAsync();
        await using (var db = saved.NewContext()) savedRows = await db.Database.SqlQueryRaw<string>(Dump).ToListAsync();
        Assert.True(copiedRows.Count > byCopy.Forms * 3, $"the dump has {copiedRows.Count} rows for {byCopy.Forms} forms");
        Assert.Equal(savedRows, copiedRows);

        // The app's own inserts after a load: keys continue past the loaded ones instead of colliding with them.
        await using (var db = copied.NewContext())
        {
            var unit = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Kind == OrganisationKind.Unit);
            var year = await db.FiscalYears.FirstAsync();
            db.Projects.Add(new BudgetProject { Code = "NEW-1", Name = "载入后新建的项目", OrganisationId = unit.Id, FiscalYearId = year.Id });
            db.Audit(new Actor("test", "test"), clock.GetUtcNow(), "create", "project", "NEW-1", unit.Path);
            await db.SaveChangesAsync();
            Assert.Equal(byCopy.Projects + 1, await db.Projects.IgnoreQueryFilters().CountAsync());
        }
    }
}

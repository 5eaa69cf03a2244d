namespace Jixiao.Data.Forms;

/// <summary>
/// The SQLite side of the finance overview's running totals (Model/Overview.cs): the same tables and the same counting as
/// <see cref="OverviewTotalsSql"/> on PostgreSQL, kept by SQLite triggers on the facts and the findings, and a rebuild from
/// them (the migration's back-fill, and the end of a bulk load). Both databases' overviews then read the totals.
/// <para>
/// As for the library (<see cref="LibrarySummarySqlite"/>), SQLite triggers have no variables, loops or functions, so each
/// change becomes one row inserted into a view, <c>jixiao_overview_delta</c> (its sign, what it moves, the fact's columns),
/// and the view's INSTEAD OF triggers apply it: a fact counted in or out (its bands, its two groups and, when it moved, its
/// findings), or one finding. Only current facts are ever inserted. A fact's ancestor scopes come from a recursive CTE over
/// its path (every proper prefix but '/', as jixiao_overview_scopes of its parent on PostgreSQL).
/// </para>
/// <para>
/// SQLite keeps the facts' totals and rates as REAL (SqliteAppDbContext), and so the sums here. Each sum is rounded to 6
/// decimals as it is kept: totals carry the rulebook's score decimals and rates 6 (FormStore), so the exact sum has at
/// most 6, and the rounded REAL is the double nearest to it whatever the order of the additions, the same as the
/// rebuild's rounded SUM; unrounded, adding and taking away on a busy row drifts in the last digits.
/// </para>
/// </summary>
public static class OverviewTotalsSqlite
{
    private const string Columns = """("Sign", "Fact", "Findings", "Finding", "Code", "FormId", "OrganisationId", "DepartmentId", "Path", "Year", "Status", "Scored", "ComputedTotal", "ExecutionRate", "Errors", "Warnings")""";

    private static string Row(string r) =>
        $"""{r}."FormId", {r}."OrganisationId", {r}."DepartmentId", {r}."OrganisationPath", {r}."Year", {r}."Status", {r}."Scored", {r}."ComputedTotal", {r}."ExecutionRate", {r}."Errors", {r}."Warnings" """;

    private static string TotalBand(string r) => $"({Model.OverviewScale.TotalSql($"{r}.\"Scored\"", $"{r}.\"ComputedTotal\"")})";

    private static string RateBand(string r) => $"({Model.OverviewScale.RateSql($"{r}.\"ExecutionRate\"")})";

    /// <summary>The path of a fact's root (its department row's path when it has no 主管部门).</summary>
    private static string RootOf(string path) => $"substr({path}, 1, instr(substr({path}, 2), '/') + 1)";

    private static readonly string Scopes = SqliteScopes.OverNew(own: false);

    private const string Ranked = """(NEW."Scored" AND NEW."ComputedTotal" IS NOT NULL)""";

    // What the overview reads of a fact; a change of anything else (the common save's indicator rows, its risk) moves
    // nothing. The UPDATE trigger names these columns (UPDATE OF) as the library's do (LibrarySummarySqlite): SQLite
    // compiles every trigger an UPDATE may fire into the statement as it is prepared, and a save's UPDATE of its fact
    // that sets none of them then compiles none of the delta view's triggers inside the write lock.
    private static readonly string[] ReadColumns =
        ["OrganisationPath", "OrganisationId", "DepartmentId", "Year", "Status", "IsCurrent", "Scored", "ComputedTotal", "ExecutionRate", "Errors", "Warnings"];

    // A fact that stays where it was (place, year, state, current) leaves its findings' counts alone: the findings' own
    // triggers move those a save rewrites.
    private static readonly string Moved = SqliteTriggerColumns.Changed(["OrganisationPath", "Year", "Status", "IsCurrent"]);

    // A sum is null over no value, as SUM over the facts is.
    private static string Sum(string sum, string count) =>
        $"""CASE WHEN "{count}" + excluded."{count}" = 0 THEN NULL ELSE round(coalesce("{sum}", 0) + coalesce(excluded."{sum}", 0), 6) END""";

    /// <summary>The view, its INSTEAD OF triggers and the triggers on the facts and findings (idempotent: dropped first).</summary>
    public static readonly string Install = Uninstall + $$"""

        CREATE VIEW jixiao_overview_delta AS
          SELECT 0 AS "Sign", 0 AS "Fact", 0 AS "Findings", 0 AS "Finding", NULL AS "Code", 0 AS "FormId", 0 AS "OrganisationId", NULL AS "DepartmentId",
                 '' AS "Path", 0 AS "Year", '' AS "Status", 0 AS "Scored", NULL AS "ComputedTotal", NULL AS "ExecutionRate", 0 AS "Errors", 0 AS "Warnings" WHERE 0;

        CREATE TRIGGER jixiao_overview_bands INSTEAD OF INSERT ON jixiao_overview_delta WHEN NEW."Fact"
        BEGIN
          INSERT INTO "OverviewBands" ("Scope", "Depth", "Year", "Status", "TotalBand", "RateBand", "Forms")
            SELECT s.scope, s.depth, NEW."Year", NEW."Status", {{TotalBand("NEW")}}, {{RateBand("NEW")}}, NEW."Sign" FROM {{Scopes}} s WHERE true
            ON CONFLICT ("Scope", "Year", "Status", "TotalBand", "RateBand") DO UPDATE SET "Forms" = "Forms" + excluded."Forms";
          DELETE FROM "OverviewBands" WHERE "Forms" = 0 AND "Year" = NEW."Year" AND "Status" = NEW."Status"
            AND "TotalBand" = {{TotalBand("NEW")}} AND "RateBand" = {{RateBand("NEW")}} AND "Scope" IN (SELECT scope FROM {{Scopes}});
        END;

        -- The fact's organisation's row and its department's (0: none; the row then lives at the fact's root).
        CREATE TRIGGER jixiao_overview_groups INSTEAD OF INSERT ON jixiao_overview_delta WHEN NEW."Fact"
        BEGIN
          INSERT INTO "OverviewGroups" ("Grain", "GroupId", "Path", "Year", "Status", "Forms", "TotalCount", "TotalSum", "RateCount", "RateSum",
              "Errors", "Warnings", "RankedRateCount", "RankedRateSum", "RankedErrors", "RankedWarnings")
            SELECT g.grain, g.id, g.path, NEW."Year", NEW."Status", NEW."Sign",
              CASE WHEN {{Ranked}} THEN NEW."Sign" ELSE 0 END, CASE WHEN {{Ranked}} THEN round(NEW."Sign" * NEW."ComputedTotal", 6) END,
              CASE WHEN NEW."ExecutionRate" IS NOT NULL THEN NEW."Sign" ELSE 0 END, round(NEW."Sign" * NEW."ExecutionRate", 6),
              NEW."Sign" * NEW."Errors", NEW."Sign" * NEW."Warnings",
              CASE WHEN {{Ranked}} AND NEW."ExecutionRate" IS NOT NULL THEN NEW."Sign" ELSE 0 END, CASE WHEN {{Ranked}} THEN round(NEW."Sign" * NEW."ExecutionRate", 6) END,
              CASE WHEN {{Ranked}} THEN NEW."Sign" * NEW."Errors" ELSE 0 END, CASE WHEN {{Ranked}} THEN NEW."Sign" * NEW."Warnings" ELSE 0 END
            FROM (SELECT '{{Model.OverviewGrains.Organisation}}' AS grain, NEW."OrganisationId" AS id, NEW."Path" AS path
                  UNION ALL SELECT '{{Model.OverviewGrains.Department}}', coalesce(NEW."DepartmentId", 0),
                    coalesce((SELECT o."Path" FROM "Organisations" o WHERE o."Id" = NEW."DepartmentId"), {{RootOf("NEW.\"Path\"")}})) g
            WHERE true
            ON CONFLICT ("Grain", "GroupId", "Path", "Year", "Status") DO UPDATE SET
              "Forms" = "Forms" + excluded."Forms",
              "TotalCount" = "TotalCount" + excluded."TotalCount",
              "TotalSum" = {{Sum("TotalSum", "TotalCount")}},
              "RateCount" = "RateCount" + excluded."RateCount",
              "RateSum" = {{Sum("RateSum", "RateCount")}},
              "Errors" = "Errors" + excluded."Errors", "Warnings" = "Warnings" + excluded."Warnings",
              "RankedRateCount" = "RankedRateCount" + excluded."RankedRateCount",
              "RankedRateSum" = {{Sum("RankedRateSum", "RankedRateCount")}},
              "RankedErrors" = "RankedErrors" + excluded."RankedErrors", "RankedWarnings" = "RankedWarnings" + excluded."RankedWarnings";
          DELETE FROM "OverviewGroups" WHERE "Forms" = 0 AND "Year" = NEW."Year" AND "Status" = NEW."Status"
            AND (("Grain" = '{{Model.OverviewGrains.Organisation}}' AND "GroupId" = NEW."OrganisationId" AND "Path" = NEW."Path")
                 OR ("Grain" = '{{Model.OverviewGrains.Department}}' AND "GroupId" = coalesce(NEW."DepartmentId", 0)));
        END;

        -- Every finding of the fact's form, by code (a fact counted in or out, or moved).
        CREATE TRIGGER jixiao_overview_form_findings INSTEAD OF INSERT ON jixiao_overview_delta WHEN NEW."Findings"
        BEGIN
          INSERT INTO "OverviewFindings" ("Scope", "Depth", "Year", "Status", "Code", "Count")
            SELECT s.scope, s.depth, NEW."Year", NEW."Status", x.code, NEW."Sign" * x.n
            FROM (SELECT "Code" AS code, count(*) AS n FROM "Findings" WHERE "FormId" = NEW."FormId" GROUP BY "Code") x, {{Scopes}} s WHERE true
            ON CONFLICT ("Scope", "Year", "Status", "Code") DO UPDATE SET "Count" = "Count" + excluded."Count";
          DELETE FROM "OverviewFindings" WHERE "Count" = 0 AND "Year" = NEW."Year" AND "Status" = NEW."Status" AND "Scope" IN (SELECT scope FROM {{Scopes}});
        END;

        -- One finding written or removed under a current fact.
        CREATE TRIGGER jixiao_overview_finding INSTEAD OF INSERT ON jixiao_overview_delta WHEN NEW."Finding"
        BEGIN
          INSERT INTO "OverviewFindings" ("Scope", "Depth", "Year", "Status", "Code", "Count")
            SELECT s.scope, s.depth, NEW."Year", NEW."Status", NEW."Code", NEW."Sign" FROM {{Scopes}} s WHERE true
            ON CONFLICT ("Scope", "Year", "Status", "Code") DO UPDATE SET "Count" = "Count" + excluded."Count";
          DELETE FROM "OverviewFindings" WHERE "Count" = 0 AND "Year" = NEW."Year" AND "Status" = NEW."Status" AND "Code" = NEW."Code"
            AND "Scope" IN (SELECT scope FROM {{Scopes}});
        END;

        -- A finding written before its fact is counted when the fact arrives (with its form's findings), one written after it now.
        CREATE TRIGGER jixiao_overview_fact_inserted AFTER INSERT ON "FormFacts" FOR EACH ROW WHEN NEW."IsCurrent"
        BEGIN
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT 1, 1, 1, 0, NULL, {{Row("NEW")}};
        END;
        CREATE TRIGGER jixiao_overview_fact_updated AFTER UPDATE OF {{SqliteTriggerColumns.Listed(ReadColumns)}} ON "FormFacts" FOR EACH ROW WHEN {{SqliteTriggerColumns.Changed(ReadColumns)}}
        BEGIN
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT -1, 1, {{Moved}}, 0, NULL, {{Row("OLD")}} WHERE OLD."IsCurrent";
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT 1, 1, {{Moved}}, 0, NULL, {{Row("NEW")}} WHERE NEW."IsCurrent";
        END;
        -- Before: a form's deletion cascades to its fact and its findings; the fact takes out the findings still there, and a
        -- finding deleted after the fact finds no fact.
        CREATE TRIGGER jixiao_overview_fact_deleted BEFORE DELETE ON "FormFacts" FOR EACH ROW WHEN OLD."IsCurrent"
        BEGIN
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT -1, 1, 1, 0, NULL, {{Row("OLD")}};
        END;
        CREATE TRIGGER jixiao_overview_finding_inserted AFTER INSERT ON "Findings" FOR EACH ROW
        BEGIN
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT 1, 0, 0, 1, NEW."Code", {{Row("f")}} FROM "FormFacts" f WHERE f."FormId" = NEW."FormId" AND f."IsCurrent";
        END;
        CREATE TRIGGER jixiao_overview_finding_updated AFTER UPDATE OF "FormId", "Code" ON "Findings" FOR EACH ROW
        WHEN OLD."FormId" IS NOT NEW."FormId" OR OLD."Code" IS NOT NEW."Code"
        BEGIN
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT -1, 0, 0, 1, OLD."Code", {{Row("f")}} FROM "FormFacts" f WHERE f."FormId" = OLD."FormId" AND f."IsCurrent";
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT 1, 0, 0, 1, NEW."Code", {{Row("f")}} FROM "FormFacts" f WHERE f."FormId" = NEW."FormId" AND f."IsCurrent";
        END;
        CREATE TRIGGER jixiao_overview_finding_deleted AFTER DELETE ON "Findings" FOR EACH ROW
        BEGIN
          INSERT INTO jixiao_overview_delta {{Columns}} SELECT -1, 0, 0, 1, OLD."Code", {{Row("f")}} FROM "FormFacts" f WHERE f."FormId" = OLD."FormId" AND f."IsCurrent";
        END;
        """;

    // Each current fact's organisation path with every scope over it, for the rebuild.
    private static readonly string PathScopes = SqliteScopes.OverEach("""SELECT DISTINCT "OrganisationPath" AS path FROM "FormFacts" WHERE "IsCurrent" """, own: false);

    private const string RankedF = """(f."Scored" AND f."ComputedTotal" IS NOT NULL)""";

    /// <summary>
    /// Rebuilds every total from the facts (the migration's back-fill, the end of a bulk load): the facts and findings summed
    /// per organisation first (a unit's worth of forms in one row), then those sums spread to the scopes over it.
    /// </summary>
    public static readonly string Rebuild = $$"""
        DELETE FROM "OverviewBands";
        DELETE FROM "OverviewFindings";
        DELETE FROM "OverviewGroups";
        WITH RECURSIVE
          b AS (SELECT f."OrganisationPath" AS path, f."Year" AS year, f."Status" AS status, {{TotalBand("f")}} AS tb, {{RateBand("f")}} AS rb, count(*) AS n
                FROM "FormFacts" f WHERE f."IsCurrent" GROUP BY 1, 2, 3, 4, 5),
          {{PathScopes}}
        INSERT INTO "OverviewBands" ("Scope", "Depth", "Year", "Status", "TotalBand", "RateBand", "Forms")
          SELECT s.scope, s.depth, b.year, b.status, b.tb, b.rb, sum(b.n) FROM b JOIN s ON s.path = b.path
          GROUP BY s.scope, b.year, b.status, b.tb, b.rb;
        WITH RECURSIVE
          b AS (SELECT f."OrganisationPath" AS path, f."Year" AS year, f."Status" AS status, x."Code" AS code, count(*) AS n
                FROM "Findings" x JOIN "FormFacts" f ON f."FormId" = x."FormId" WHERE f."IsCurrent" GROUP BY 1, 2, 3, 4),
          {{PathScopes}}
        INSERT INTO "OverviewFindings" ("Scope", "Depth", "Year", "Status", "Code", "Count")
          SELECT s.scope, s.depth, b.year, b.status, b.code, sum(b.n) FROM b JOIN s ON s.path = b.path
          GROUP BY s.scope, b.year, b.status, b.code;
        WITH u AS (
          SELECT f."OrganisationId" AS organisation, f."DepartmentId" AS department, f."OrganisationPath" AS path, f."Year" AS year, f."Status" AS status,
                 count(*) AS forms,
                 sum({{RankedF}}) AS total_count, sum(CASE WHEN f."Scored" THEN f."ComputedTotal" END) AS total_sum,
                 count(f."ExecutionRate") AS rate_count, sum(f."ExecutionRate") AS rate_sum,
                 sum(f."Errors") AS errors, sum(f."Warnings") AS warnings,
                 sum({{RankedF}} AND f."ExecutionRate" IS NOT NULL) AS ranked_rate_count,
                 sum(CASE WHEN {{RankedF}} THEN f."ExecutionRate" END) AS ranked_rate_sum,
                 sum(CASE WHEN {{RankedF}} THEN f."Errors" ELSE 0 END) AS ranked_errors,
                 sum(CASE WHEN {{RankedF}} THEN f."Warnings" ELSE 0 END) AS ranked_warnings
          FROM "FormFacts" f WHERE f."IsCurrent" GROUP BY 1, 2, 3, 4, 5)
        INSERT INTO "OverviewGroups" ("Grain", "GroupId", "Path", "Year", "Status", "Forms", "TotalCount", "TotalSum", "RateCount", "RateSum",
            "Errors", "Warnings", "RankedRateCount", "RankedRateSum", "RankedErrors", "RankedWarnings")
          SELECT '{{Model.OverviewGrains.Organisation}}', organisation, path, year, status, sum(forms), sum(total_count), round(sum(total_sum), 6),
                 sum(rate_count), round(sum(rate_sum), 6), sum(errors), sum(warnings), sum(ranked_rate_count), round(sum(ranked_rate_sum), 6),
                 sum(ranked_errors), sum(ranked_warnings)
          FROM u GROUP BY organisation, path, year, status
          UNION ALL
          SELECT '{{Model.OverviewGrains.Department}}', coalesce(u.department, 0), coalesce(d."Path", {{RootOf("u.path")}}), u.year, u.status,
                 sum(forms), sum(total_count), round(sum(total_sum), 6), sum(rate_count), round(sum(rate_sum), 6), sum(errors), sum(warnings),
                 sum(ranked_rate_count), round(sum(ranked_rate_sum), 6), sum(ranked_errors), sum(ranked_warnings)
          FROM u LEFT JOIN "Organisations" d ON d."Id" = u.department
          GROUP BY 2, 3, 4, 5;
        """;

    /// <summary>Takes the triggers and the view out again (the migration's Down, the start of a bulk load).</summary>
    public const string Uninstall = """
        DROP TRIGGER IF EXISTS jixiao_overview_fact_inserted;
        DROP TRIGGER IF EXISTS jixiao_overview_fact_updated;
        DROP TRIGGER IF EXISTS jixiao_overview_fact_deleted;
        DROP TRIGGER IF EXISTS jixiao_overview_finding_inserted;
        DROP TRIGGER IF EXISTS jixiao_overview_finding_updated;
        DROP TRIGGER IF EXISTS jixiao_overview_finding_deleted;
        DROP VIEW IF EXISTS jixiao_overview_delta;
        """;
}

namespace Jixiao.Data.Forms;

/// <summary>
/// The SQLite side of the indicator library's running totals (Model/Library.cs): the same tables and the same counting as
/// <see cref="LibrarySummarySql"/> on PostgreSQL, kept by SQLite triggers on the facts, and a rebuild from the facts (the
/// migration's back-fill). Both databases' libraries then read the totals, never aggregating the indicator rows per request.
/// <para>
/// SQLite triggers have no variables, loops or functions, so each changed indicator row becomes one row inserted into a
/// view, <c>jixiao_library_delta</c> (its sign, whether its entry and its peer groups count, its columns), and the view's
/// INSTEAD OF triggers apply it: one place for the per-row delta, fed by the triggers on the facts and the form facts (a
/// form's state change or deletion inserts one delta row per indicator row of the form). A unit's ancestor scopes come
/// from a recursive CTE over its path. Keys are the texts themselves joined by U+001F (no md5 in SQLite), so they differ
/// from PostgreSQL's; nothing outside the totals reads them.
/// </para>
/// <para>
/// The UPDATE triggers name the columns they read (<c>UPDATE OF</c>): SQLite compiles every trigger an UPDATE may fire,
/// with the delta view's INSTEAD OF triggers under it, into the statement as it is prepared, and Microsoft.Data.Sqlite
/// prepares each statement afresh, so before they did every save's UPDATE of its form's fact (which sets only its time
/// and what changed) spent about 0.9 ms compiling triggers whose WHEN then fired nothing — inside the write lock
/// (docs/benchmarks.md, "The save on SQLite … triggers compiled for nothing").
/// </para>
/// </summary>
public static class LibrarySummarySqlite
{
    private const string PeerStates = "('Submitted', 'DepartmentApproved', 'FinanceApproved', 'Published')";
    private const string SelfEvaluations = "('project-self-evaluation', 'department-self-evaluation')";

    // The delta row's entry key, name key, years (its own and 0: every year), ancestor scopes, values (targets: a = 0;
    // actuals: a = 1; v NULL where the row has none of that kind) and windows (ending in its year and the two after; 0).
    private const string Ek = """coalesce(NEW."Level1", '') || char(31) || coalesce(NEW."Level2", '') || char(31) || NEW."NormalisedName" """;
    private const string Nk = """coalesce(NEW."Name", char(30)) || char(31) || coalesce(NEW."Unit", char(30))""";
    private const string Years = """(SELECT NEW."Year" AS y UNION ALL SELECT 0 AS y)""";
    private static readonly string Scopes = SqliteScopes.OverNew(own: true);
    private const string Values = $$"""
        (SELECT 0 AS a, CASE WHEN NEW."Kind" <> 'monitoring' THEN NEW."TargetValue" END AS v
         UNION ALL SELECT 1 AS a, CASE WHEN NEW."Kind" IN {{SelfEvaluations}} THEN NEW."ActualValue" END AS v)
        """;
    private const string Windows = """(SELECT NEW."Year" AS w UNION ALL SELECT NEW."Year" + 1 UNION ALL SELECT NEW."Year" + 2 UNION ALL SELECT 0)""";
    private const string Gk = $$"""CASE WHEN p.a THEN 'a' ELSE 't' END || char(31) || w.w || char(31) || {{Ek}} || char(31) || coalesce(NEW."Unit", char(30))""";
    private const string Groups = $"(SELECT {Gk} FROM {Values} p, {Windows} w WHERE p.v IS NOT NULL)";

    private const string Columns = """("Sign", "Entries", "Peers", "Path", "Year", "Kind", "Level1", "Level2", "Name", "NormalisedName", "Unit", "TargetValue", "ActualValue")""";

    // What an entry reads of an indicator row, and what its peer groups read besides.
    private static readonly string[] EntryColumns = ["FormId", "OrganisationPath", "Year", "Level1", "Level2", "Name", "NormalisedName", "Unit"];
    private static readonly string[] PeerColumns = ["Kind", "TargetValue", "ActualValue"];

    private static readonly string EntryChanged = SqliteTriggerColumns.Changed(EntryColumns);

    private static string Row(string r) =>
        $"""{r}."OrganisationPath", {r}."Year", {r}."Kind", {r}."Level1", {r}."Level2", {r}."Name", {r}."NormalisedName", {r}."Unit", {r}."TargetValue", {r}."ActualValue" """;

    private static string Peers(string f) => $"""({f}."IsCurrent" AND {f}."Status" IN {PeerStates})""";

    /// <summary>The view, its INSTEAD OF triggers and the triggers on the facts (idempotent: dropped first).</summary>
    public static readonly string Install = Uninstall + $$"""

        CREATE VIEW jixiao_library_delta AS
          SELECT 0 AS "Sign", 0 AS "Entries", 0 AS "Peers", '' AS "Path", 0 AS "Year", '' AS "Kind", NULL AS "Level1", NULL AS "Level2",
                 NULL AS "Name", '' AS "NormalisedName", NULL AS "Unit", NULL AS "TargetValue", NULL AS "ActualValue" WHERE 0;

        CREATE TRIGGER jixiao_library_entries_added INSTEAD OF INSERT ON jixiao_library_delta
        WHEN NEW."Sign" > 0 AND NEW."Entries" AND NEW."NormalisedName" IS NOT NULL
        BEGIN
          INSERT INTO "LibraryEntryUnits" ("EntryKey", "Year", "OrganisationPath", "Rows")
            SELECT {{Ek}}, y.y, NEW."Path", 1 FROM {{Years}} y WHERE true
            ON CONFLICT ("EntryKey", "Year", "OrganisationPath") DO UPDATE SET "Rows" = "Rows" + 1;
          INSERT INTO "LibraryEntryNames" ("EntryKey", "Year", "OrganisationPath", "NameKey", "Name", "Unit", "Rows")
            SELECT {{Ek}}, y.y, NEW."Path", {{Nk}}, NEW."Name", NEW."Unit", 1 FROM {{Years}} y WHERE true
            ON CONFLICT ("EntryKey", "Year", "OrganisationPath", "NameKey") DO UPDATE SET "Rows" = "Rows" + 1;
          -- A unit counts in every scope over it when its own count has just gone from 0 to 1.
          INSERT INTO "LibraryEntryTotals" ("EntryKey", "Year", "Scope", "Depth", "Level1", "Level2", "NormalisedName",
              "Rows", "Units", "Name", "Unit", "FirstYear", "LastYear")
            SELECT {{Ek}}, y.y, s.scope, s.depth, coalesce(NEW."Level1", ''), coalesce(NEW."Level2", ''), NEW."NormalisedName", 1,
              (SELECT u."Rows" = 1 FROM "LibraryEntryUnits" u WHERE u."EntryKey" = {{Ek}} AND u."Year" = y.y AND u."OrganisationPath" = NEW."Path"),
              NEW."Name", NEW."Unit", NEW."Year", NEW."Year"
            FROM {{Years}} y, {{Scopes}} s WHERE true
            ON CONFLICT ("EntryKey", "Year", "Scope") DO UPDATE SET "Rows" = "Rows" + 1, "Units" = "Units" + excluded."Units",
              "Name" = CASE WHEN "Name" IS NULL OR excluded."Name" > "Name" THEN excluded."Name" ELSE "Name" END,
              "Unit" = CASE WHEN "Unit" IS NULL OR excluded."Unit" > "Unit" THEN excluded."Unit" ELSE "Unit" END,
              "FirstYear" = min("FirstYear", excluded."FirstYear"), "LastYear" = max("LastYear", excluded."LastYear");
        END;

        CREATE TRIGGER jixiao_library_entries_removed INSTEAD OF INSERT ON jixiao_library_delta
        WHEN NEW."Sign" < 0 AND NEW."Entries" AND NEW."NormalisedName" IS NOT NULL
        BEGIN
          UPDATE "LibraryEntryUnits" SET "Rows" = "Rows" - 1
            WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "OrganisationPath" = NEW."Path";
          UPDATE "LibraryEntryNames" SET "Rows" = "Rows" - 1
            WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "OrganisationPath" = NEW."Path" AND "NameKey" = {{Nk}};
          -- A unit stops counting when its own count has just gone to 0.
          UPDATE "LibraryEntryTotals" SET "Rows" = "Rows" - 1,
              "Units" = "Units" - coalesce((SELECT u."Rows" = 0 FROM "LibraryEntryUnits" u
                WHERE u."EntryKey" = "LibraryEntryTotals"."EntryKey" AND u."Year" = "LibraryEntryTotals"."Year" AND u."OrganisationPath" = NEW."Path"), 0)
            WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "Scope" IN (SELECT scope FROM {{Scopes}});
          -- The last row carrying the name or unit of measure an entry shows went: the greatest left comes back from the names.
          UPDATE "LibraryEntryTotals" SET
              "Name" = (SELECT max(x."Name") FROM "LibraryEntryNames" x WHERE x."EntryKey" = "LibraryEntryTotals"."EntryKey" AND x."Year" = "LibraryEntryTotals"."Year"
                AND x."Rows" > 0 AND substr(x."OrganisationPath", 1, length("LibraryEntryTotals"."Scope")) = "LibraryEntryTotals"."Scope"),
              "Unit" = (SELECT max(x."Unit") FROM "LibraryEntryNames" x WHERE x."EntryKey" = "LibraryEntryTotals"."EntryKey" AND x."Year" = "LibraryEntryTotals"."Year"
                AND x."Rows" > 0 AND substr(x."OrganisationPath", 1, length("LibraryEntryTotals"."Scope")) = "LibraryEntryTotals"."Scope")
            WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "Scope" IN (SELECT scope FROM {{Scopes}}) AND "Rows" > 0
              AND ("Name" IS NEW."Name" OR "Unit" IS NEW."Unit")
              AND EXISTS (SELECT 1 FROM "LibraryEntryNames" x WHERE x."EntryKey" = {{Ek}} AND x."Year" = "LibraryEntryTotals"."Year"
                AND x."OrganisationPath" = NEW."Path" AND x."NameKey" = {{Nk}} AND x."Rows" = 0);
          DELETE FROM "LibraryEntryTotals" WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "Scope" IN (SELECT scope FROM {{Scopes}}) AND "Rows" = 0;
          -- The row's year left a scope: its every-year total's first and last years come back from the years left.
          UPDATE "LibraryEntryTotals" SET
              "FirstYear" = (SELECT min(x."Year") FROM "LibraryEntryTotals" x WHERE x."EntryKey" = {{Ek}} AND x."Scope" = "LibraryEntryTotals"."Scope" AND x."Year" <> 0),
              "LastYear" = (SELECT max(x."Year") FROM "LibraryEntryTotals" x WHERE x."EntryKey" = {{Ek}} AND x."Scope" = "LibraryEntryTotals"."Scope" AND x."Year" <> 0)
            WHERE "EntryKey" = {{Ek}} AND "Year" = 0 AND "Scope" IN (SELECT scope FROM {{Scopes}})
              AND NOT EXISTS (SELECT 1 FROM "LibraryEntryTotals" x WHERE x."EntryKey" = {{Ek}} AND x."Year" = NEW."Year" AND x."Scope" = "LibraryEntryTotals"."Scope");
          DELETE FROM "LibraryEntryUnits" WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "OrganisationPath" = NEW."Path" AND "Rows" = 0;
          DELETE FROM "LibraryEntryNames" WHERE "EntryKey" = {{Ek}} AND "Year" IN (NEW."Year", 0) AND "OrganisationPath" = NEW."Path" AND "NameKey" = {{Nk}} AND "Rows" = 0;
        END;

        CREATE TRIGGER jixiao_library_peers_added INSTEAD OF INSERT ON jixiao_library_delta
        WHEN NEW."Sign" > 0 AND NEW."Peers" AND NEW."NormalisedName" IS NOT NULL
        BEGIN
          INSERT INTO "LibraryPeerUnits" ("GroupKey", "OrganisationPath", "Rows")
            SELECT {{Gk}}, NEW."Path", 1 FROM {{Values}} p, {{Windows}} w WHERE p.v IS NOT NULL
            ON CONFLICT ("GroupKey", "OrganisationPath") DO UPDATE SET "Rows" = "Rows" + 1;
          INSERT INTO "LibraryPeerValues" ("GroupKey", "Value", "Count")
            SELECT {{Gk}}, p.v, 1 FROM {{Values}} p, {{Windows}} w WHERE p.v IS NOT NULL
            ON CONFLICT ("GroupKey", "Value") DO UPDATE SET "Count" = "Count" + 1;
          INSERT INTO "LibraryPeerGroups" ("GroupKey", "Actuals", "Window", "Level1", "Level2", "NormalisedName", "Unit", "Units", "Values")
            SELECT {{Gk}}, p.a, w.w, coalesce(NEW."Level1", ''), coalesce(NEW."Level2", ''), NEW."NormalisedName", NEW."Unit",
              (SELECT u."Rows" = 1 FROM "LibraryPeerUnits" u WHERE u."GroupKey" = {{Gk}} AND u."OrganisationPath" = NEW."Path"), 1
            FROM {{Values}} p, {{Windows}} w WHERE p.v IS NOT NULL
            ON CONFLICT ("GroupKey") DO UPDATE SET "Units" = "Units" + excluded."Units", "Values" = "Values" + 1;
        END;

        CREATE TRIGGER jixiao_library_peers_removed INSTEAD OF INSERT ON jixiao_library_delta
        WHEN NEW."Sign" < 0 AND NEW."Peers" AND NEW."NormalisedName" IS NOT NULL
        BEGIN
          UPDATE "LibraryPeerUnits" SET "Rows" = "Rows" - 1 WHERE "OrganisationPath" = NEW."Path" AND "GroupKey" IN {{Groups}};
          UPDATE "LibraryPeerValues" SET "Count" = "Count" - 1
            WHERE ("GroupKey", "Value") IN (SELECT {{Gk}}, p.v FROM {{Values}} p, {{Windows}} w WHERE p.v IS NOT NULL);
          UPDATE "LibraryPeerGroups" SET "Values" = "Values" - 1,
              "Units" = "Units" - coalesce((SELECT u."Rows" = 0 FROM "LibraryPeerUnits" u WHERE u."GroupKey" = "LibraryPeerGroups"."GroupKey" AND u."OrganisationPath" = NEW."Path"), 0)
            WHERE "GroupKey" IN {{Groups}};
          DELETE FROM "LibraryPeerUnits" WHERE "OrganisationPath" = NEW."Path" AND "Rows" = 0 AND "GroupKey" IN {{Groups}};
          DELETE FROM "LibraryPeerValues" WHERE "Count" = 0 AND "GroupKey" IN {{Groups}};
          DELETE FROM "LibraryPeerGroups" WHERE "Values" = 0 AND "GroupKey" IN {{Groups}};
        END;

        -- A row counts under its form's state at the time; a cascade from a deleted form finds no form here (the form's own
        -- trigger took its rows out before), nor does a row written before its form.
        CREATE TRIGGER jixiao_library_indicator_inserted AFTER INSERT ON "IndicatorFacts" FOR EACH ROW WHEN NEW."NormalisedName" IS NOT NULL
        BEGIN
          INSERT INTO jixiao_library_delta {{Columns}} SELECT 1, f."IsCurrent", {{Peers("f")}}, {{Row("NEW")}} FROM "FormFacts" f WHERE f."FormId" = NEW."FormId";
        END;
        CREATE TRIGGER jixiao_library_indicator_deleted AFTER DELETE ON "IndicatorFacts" FOR EACH ROW WHEN OLD."NormalisedName" IS NOT NULL
        BEGIN
          INSERT INTO jixiao_library_delta {{Columns}} SELECT -1, f."IsCurrent", {{Peers("f")}}, {{Row("OLD")}} FROM "FormFacts" f WHERE f."FormId" = OLD."FormId";
        END;
        -- Only a change of what the library reads moves the totals (a re-derivation rewrites scores, not these); an entry
        -- reads neither the kind nor the values, so a row whose target or actual was edited (the common save) moves only
        -- its peer groups.
        CREATE TRIGGER jixiao_library_indicator_updated AFTER UPDATE OF {{SqliteTriggerColumns.Listed([.. EntryColumns, .. PeerColumns])}} ON "IndicatorFacts" FOR EACH ROW
        WHEN {{SqliteTriggerColumns.Changed([.. EntryColumns, .. PeerColumns])}}
        BEGIN
          INSERT INTO jixiao_library_delta {{Columns}}
            SELECT -1, f."IsCurrent" AND ({{EntryChanged}}), {{Peers("f")}}, {{Row("OLD")}} FROM "FormFacts" f WHERE f."FormId" = OLD."FormId";
          INSERT INTO jixiao_library_delta {{Columns}}
            SELECT 1, f."IsCurrent" AND ({{EntryChanged}}), {{Peers("f")}}, {{Row("NEW")}} FROM "FormFacts" f WHERE f."FormId" = NEW."FormId";
        END;
        CREATE TRIGGER jixiao_library_form_updated AFTER UPDATE OF "IsCurrent", "Status" ON "FormFacts" FOR EACH ROW
        WHEN OLD."IsCurrent" IS NOT NEW."IsCurrent" OR OLD."Status" IS NOT NEW."Status"
        BEGIN
          INSERT INTO jixiao_library_delta {{Columns}}
            SELECT -1, OLD."IsCurrent" IS NOT NEW."IsCurrent" AND OLD."IsCurrent", {{Peers("OLD")}} IS NOT {{Peers("NEW")}} AND {{Peers("OLD")}}, {{Row("i")}}
            FROM "IndicatorFacts" i WHERE i."FormId" = NEW."FormId" AND i."NormalisedName" IS NOT NULL;
          INSERT INTO jixiao_library_delta {{Columns}}
            SELECT 1, OLD."IsCurrent" IS NOT NEW."IsCurrent" AND NEW."IsCurrent", {{Peers("OLD")}} IS NOT {{Peers("NEW")}} AND {{Peers("NEW")}}, {{Row("i")}}
            FROM "IndicatorFacts" i WHERE i."FormId" = NEW."FormId" AND i."NormalisedName" IS NOT NULL;
        END;
        -- Before: the cascade that follows deletes the rows, and then their form is gone.
        CREATE TRIGGER jixiao_library_form_deleted BEFORE DELETE ON "FormFacts" FOR EACH ROW
        BEGIN
          INSERT INTO jixiao_library_delta {{Columns}} SELECT -1, OLD."IsCurrent", {{Peers("OLD")}}, {{Row("i")}}
            FROM "IndicatorFacts" i WHERE i."FormId" = OLD."FormId" AND i."NormalisedName" IS NOT NULL;
        END;
        """;

    /// <summary>
    /// Rebuilds every total from the facts (the migration's back-fill): rows counted at the finest grain once into temporary
    /// tables, then each total table filled by one grouping over them.
    /// </summary>
    public static readonly string Rebuild = $$"""
        DELETE FROM "LibraryEntryUnits";
        DELETE FROM "LibraryEntryNames";
        DELETE FROM "LibraryEntryTotals";
        DELETE FROM "LibraryPeerGroups";
        DELETE FROM "LibraryPeerUnits";
        DELETE FROM "LibraryPeerValues";
        DROP TABLE IF EXISTS temp.jixiao_library_rows;
        DROP TABLE IF EXISTS temp.jixiao_library_peer_rows;
        DROP TABLE IF EXISTS temp.jixiao_library_peer_windows;

        CREATE TEMP TABLE jixiao_library_rows AS
          SELECT coalesce(i."Level1", '') AS l1, coalesce(i."Level2", '') AS l2, i."NormalisedName" AS norm, i."Year" AS year,
                 i."OrganisationPath" AS path, i."Name" AS name, i."Unit" AS unit, count(*) AS n
          FROM "IndicatorFacts" i JOIN "FormFacts" f ON f."FormId" = i."FormId"
          WHERE f."IsCurrent" AND i."NormalisedName" IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6, 7;
        INSERT INTO "LibraryEntryNames" ("EntryKey", "Year", "OrganisationPath", "NameKey", "Name", "Unit", "Rows")
          SELECT l1 || char(31) || l2 || char(31) || norm, CASE WHEN y.k THEN year ELSE 0 END, path,
                 coalesce(name, char(30)) || char(31) || coalesce(unit, char(30)), name, unit, sum(n)
          FROM jixiao_library_rows, (SELECT 1 AS k UNION ALL SELECT 0 AS k) y
          GROUP BY 1, 2, 3, 4;
        INSERT INTO "LibraryEntryUnits" ("EntryKey", "Year", "OrganisationPath", "Rows")
          SELECT "EntryKey", "Year", "OrganisationPath", sum("Rows") FROM "LibraryEntryNames" GROUP BY 1, 2, 3;
        -- A unit is one row of u per entry and year, so a subtree's units are a count, not a DISTINCT.
        WITH RECURSIVE
          u AS (SELECT l1, l2, norm, CASE WHEN y.k THEN year ELSE 0 END AS yy, path, sum(n) AS n, max(name) AS name, max(unit) AS unit,
                       min(year) AS first, max(year) AS last
                FROM jixiao_library_rows, (SELECT 1 AS k UNION ALL SELECT 0 AS k) y GROUP BY 1, 2, 3, 4, 5),
          {{SqliteScopes.OverEach("SELECT DISTINCT path FROM jixiao_library_rows", own: true)}}
        INSERT INTO "LibraryEntryTotals" ("EntryKey", "Year", "Scope", "Depth", "Level1", "Level2", "NormalisedName", "Rows", "Units", "Name", "Unit", "FirstYear", "LastYear")
          SELECT u.l1 || char(31) || u.l2 || char(31) || u.norm, u.yy, s.scope, s.depth, u.l1, u.l2, u.norm, sum(u.n), count(*), max(u.name), max(u.unit), min(u.first), max(u.last)
          FROM u JOIN s ON s.path = u.path
          GROUP BY u.l1, u.l2, u.norm, u.yy, s.scope;

        CREATE TEMP TABLE jixiao_library_peer_rows AS
          SELECT a, l1, l2, norm, unit, year, path, v, count(*) AS n FROM (
            SELECT p.a, coalesce(i."Level1", '') AS l1, coalesce(i."Level2", '') AS l2, i."NormalisedName" AS norm, i."Unit" AS unit, i."Year" AS year,
                   i."OrganisationPath" AS path,
                   CASE WHEN p.a THEN CASE WHEN i."Kind" IN {{SelfEvaluations}} THEN i."ActualValue" END
                        ELSE CASE WHEN i."Kind" <> 'monitoring' THEN i."TargetValue" END END AS v
            FROM "IndicatorFacts" i JOIN "FormFacts" f ON f."FormId" = i."FormId" CROSS JOIN (SELECT 0 AS a UNION ALL SELECT 1 AS a) p
            WHERE f."IsCurrent" AND f."Status" IN {{PeerStates}} AND i."NormalisedName" IS NOT NULL)
          WHERE v IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
        CREATE TEMP TABLE jixiao_library_peer_windows AS
          SELECT CASE WHEN a THEN 'a' ELSE 't' END || char(31) || w || char(31) || l1 || char(31) || l2 || char(31) || norm || char(31) || coalesce(unit, char(30)) AS gk,
                 a, w, l1, l2, norm, unit, path, v, n
          FROM (SELECT r.*, CASE WHEN k.k = 3 THEN 0 ELSE r.year + k.k END AS w
                FROM jixiao_library_peer_rows r, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) k);
        INSERT INTO "LibraryPeerUnits" ("GroupKey", "OrganisationPath", "Rows") SELECT gk, path, sum(n) FROM jixiao_library_peer_windows GROUP BY gk, path;
        INSERT INTO "LibraryPeerValues" ("GroupKey", "Value", "Count") SELECT gk, v, sum(n) FROM jixiao_library_peer_windows GROUP BY gk, v;
        INSERT INTO "LibraryPeerGroups" ("GroupKey", "Actuals", "Window", "Level1", "Level2", "NormalisedName", "Unit", "Units", "Values")
          SELECT gk, min(a), min(w), min(l1), min(l2), min(norm), min(unit), count(DISTINCT path), sum(n) FROM jixiao_library_peer_windows GROUP BY gk;
        DROP TABLE temp.jixiao_library_rows;
        DROP TABLE temp.jixiao_library_peer_rows;
        DROP TABLE temp.jixiao_library_peer_windows;
        """;

    // Decimals are TEXT on SQLite, which does not sort as numbers ("10.0" < "9.0"); EF's decimal collation would (COLLATE
    // EF_DECIMAL), but through a call into .NET per comparison, which over a common group's few thousand distinct values was
    // most of the library request. EF writes a decimal as digits, a point and digits ("0.0###…"), so the order of the
    // numbers is exact in SQL: the sign, then the integer part's length (negated below zero), then the text (reversed below
    // zero). No LIKE in it: an index expression must be deterministic, and LIKE follows a pragma.
    private static string IntegerDigits(string value) => $"(CASE WHEN instr({value}, '.') > 0 THEN instr({value}, '.') - 1 ELSE length({value}) END)";

    /// <summary>
    /// The ORDER BY terms that put a histogram's <paramref name="value"/>s in numeric order (or the reverse). The index
    /// <see cref="InstallValueOrder"/> holds the same expressions, so a query ordering by these walks the index, unsorted.
    /// </summary>
    public static string ValueOrder(string value, bool descending = false)
    {
        var negative = $"substr({value}, 1, 1) = '-'";
        string[] terms =
        [
            $"CASE WHEN {negative} THEN 0 ELSE 1 END",
            $"CASE WHEN {negative} THEN -{IntegerDigits(value)} ELSE {IntegerDigits(value)} END",
            $"CASE WHEN {negative} THEN NULL ELSE {value} END",
            $"CASE WHEN {negative} THEN {value} END",
        ];
        bool[] down = [descending, descending, descending, !descending];
        return string.Join(", ", terms.Select((t, i) => down[i] ? t + " DESC" : t));
    }

    /// <summary>
    /// Each histogram in the numeric order of its values, with the counts (migration <c>LibraryPeerValueOrder</c>): the
    /// peer ranges read the lowest and highest value as the first and last entry of their group and walk to the median
    /// through it, instead of sorting the group's values per request (a page's 44 groups, 19,590 values at 1,000 units:
    /// 115 ms sorted, 15 ms walked). Raw SQL outside the EF model: an expression index, SQLite's only; a migration that
    /// rebuilds "LibraryPeerValues" must create it again.
    /// </summary>
    public static readonly string InstallValueOrder =
        $"""CREATE INDEX IF NOT EXISTS "IX_LibraryPeerValues_Order" ON "LibraryPeerValues" ("GroupKey", {ValueOrder("\"Value\"")}, "Value", "Count");""";

    public const string UninstallValueOrder = """DROP INDEX IF EXISTS "IX_LibraryPeerValues_Order";""";

    /// <summary>Takes the triggers and the view out again (the migration's Down).</summary>
    public const string Uninstall = """
        DROP TRIGGER IF EXISTS jixiao_library_indicator_inserted;
        DROP TRIGGER IF EXISTS jixiao_library_indicator_deleted;
        DROP TRIGGER IF EXISTS jixiao_library_indicator_updated;
        DROP TRIGGER IF EXISTS jixiao_library_form_updated;
        DROP TRIGGER IF EXISTS jixiao_library_form_deleted;
        DROP VIEW IF EXISTS jixiao_library_delta;
        """;
}

namespace Jixiao.Data.Forms;

/// <summary>
/// The PostgreSQL side of the finance overview's running totals (Model/Overview.cs): triggers on the facts and the
/// findings that apply each change's before/after delta in the same transaction, and a rebuild from them (the
/// migration's back-fill, and the end of a bulk load). Triggers rather than code in the save for the reason the
/// library's are (<see cref="LibrarySummarySql"/>): facts and findings change on many paths, and each must move them.
/// <para>
/// What counts mirrors the overview's query over the facts (Web/Features/Analytics, <c>OverviewFromFactsAsync</c>):
/// current forms only, each under its state, in the bands of <see cref="Model.OverviewScale"/>. A finding counts under
/// its form's fact, so a change of the fact's state, year, place or current-ness moves its findings; a finding written
/// before its fact is counted when the fact arrives, one written after it when it arrives.
/// </para>
/// </summary>
public static class OverviewTotalsSql
{
    /// <summary>A session or transaction setting that turns the triggers off (a bulk load, which rebuilds afterwards).</summary>
    public const string Switch = "jixiao.overview_totals";

    /// <summary>Turns the triggers off until the end of the transaction.</summary>
    public const string Off = "SET LOCAL " + Switch + " = 'off'";

    /// <summary>Functions and triggers (idempotent: CREATE OR REPLACE, triggers dropped first).</summary>
    public static readonly string Install = $$"""
        CREATE OR REPLACE FUNCTION jixiao_overview_total_band(scored boolean, total numeric) RETURNS integer
        LANGUAGE sql IMMUTABLE AS $f$
          SELECT {{Model.OverviewScale.TotalSql("scored", "total")}}
        $f$;

        CREATE OR REPLACE FUNCTION jixiao_overview_rate_band(rate numeric) RETURNS integer
        LANGUAGE sql IMMUTABLE AS $f$
          SELECT {{Model.OverviewScale.RateSql("rate")}}
        $f$;

        -- The path of an organisation and of each of its ancestors, with their depth (1: a root).
        CREATE OR REPLACE FUNCTION jixiao_overview_scopes(path text) RETURNS TABLE (scope text, depth integer)
        LANGUAGE sql IMMUTABLE AS $f$
          SELECT '/' || array_to_string(s[1:k], '/') || '/', k
          FROM (SELECT string_to_array(trim(both '/' from path), '/') AS s) a, generate_series(1, coalesce(array_length(a.s, 1), 0)) AS k
        $f$;

        -- The path of an organisation's parent ('/' for a root, which has no ancestor's scope).
        CREATE OR REPLACE FUNCTION jixiao_overview_parent(path text) RETURNS text
        LANGUAGE sql IMMUTABLE AS $f$ SELECT left(path, length(path) - position('/' in reverse(rtrim(path, '/')))) $f$;

        -- Where a fact's department row lives: the department's path, or (no department) the path of the fact's root.
        CREATE OR REPLACE FUNCTION jixiao_overview_department_path(department integer, path text) RETURNS text
        LANGUAGE sql STABLE AS $f$
          SELECT coalesce((SELECT o."Path" FROM "Organisations" o WHERE o."Id" = department),
                          '/' || split_part(trim(both '/' from path), '/', 1) || '/')
        $f$;

        CREATE OR REPLACE FUNCTION jixiao_overview_findings(r "FormFacts", code text, n integer) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE s record; c integer;
        BEGIN
          PERFORM pg_advisory_xact_lock({{TotalsWriterLock.Key}});
          IF n = 0 OR NOT r."IsCurrent" THEN RETURN; END IF;
          FOR s IN SELECT * FROM jixiao_overview_scopes(jixiao_overview_parent(r."OrganisationPath")) LOOP
            INSERT INTO "OverviewFindings" AS t ("Scope", "Depth", "Year", "Status", "Code", "Count") VALUES (s.scope, s.depth, r."Year", r."Status", code, n)
              ON CONFLICT ("Scope", "Year", "Status", "Code") DO UPDATE SET "Count" = t."Count" + excluded."Count" RETURNING t."Count" INTO c;
            IF c = 0 THEN DELETE FROM "OverviewFindings" WHERE "Scope" = s.scope AND "Year" = r."Year" AND "Status" = r."Status" AND "Code" = code; END IF;
          END LOOP;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_overview_group(r "FormFacts", grain text, id integer, path text, sign integer) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE ranked boolean := r."Scored" AND r."ComputedTotal" IS NOT NULL; n integer;
        BEGIN
          PERFORM pg_advisory_xact_lock({{TotalsWriterLock.Key}});
          INSERT INTO "OverviewGroups" AS t ("Grain", "GroupId", "Path", "Year", "Status", "Forms", "TotalCount", "TotalSum", "RateCount", "RateSum",
              "Errors", "Warnings", "RankedRateCount", "RankedRateSum", "RankedErrors", "RankedWarnings")
            VALUES (grain, id, path, r."Year", r."Status", sign,
              CASE WHEN ranked THEN sign ELSE 0 END, CASE WHEN ranked THEN sign * r."ComputedTotal" END,
              CASE WHEN r."ExecutionRate" IS NOT NULL THEN sign ELSE 0 END, sign * r."ExecutionRate",
              sign * r."Errors", sign * r."Warnings",
              CASE WHEN ranked AND r."ExecutionRate" IS NOT NULL THEN sign ELSE 0 END, CASE WHEN ranked THEN sign * r."ExecutionRate" END,
              CASE WHEN ranked THEN sign * r."Errors" ELSE 0 END, CASE WHEN ranked THEN sign * r."Warnings" ELSE 0 END)
            ON CONFLICT ("Grain", "GroupId", "Path", "Year", "Status") DO UPDATE SET
              "Forms" = t."Forms" + excluded."Forms",
              "TotalCount" = t."TotalCount" + excluded."TotalCount",
              -- A sum is null over no value, as SUM over the facts is.
              "TotalSum" = CASE WHEN t."TotalCount" + excluded."TotalCount" = 0 THEN NULL ELSE coalesce(t."TotalSum", 0) + coalesce(excluded."TotalSum", 0) END,
              "RateCount" = t."RateCount" + excluded."RateCount",
              "RateSum" = CASE WHEN t."RateCount" + excluded."RateCount" = 0 THEN NULL ELSE coalesce(t."RateSum", 0) + coalesce(excluded."RateSum", 0) END,
              "Errors" = t."Errors" + excluded."Errors", "Warnings" = t."Warnings" + excluded."Warnings",
              "RankedRateCount" = t."RankedRateCount" + excluded."RankedRateCount",
              "RankedRateSum" = CASE WHEN t."RankedRateCount" + excluded."RankedRateCount" = 0 THEN NULL
                                     ELSE coalesce(t."RankedRateSum", 0) + coalesce(excluded."RankedRateSum", 0) END,
              "RankedErrors" = t."RankedErrors" + excluded."RankedErrors", "RankedWarnings" = t."RankedWarnings" + excluded."RankedWarnings"
            RETURNING t."Forms" INTO n;
          IF n = 0 THEN
            DELETE FROM "OverviewGroups" WHERE "Grain" = grain AND "GroupId" = id AND "Path" = path AND "Year" = r."Year" AND "Status" = r."Status";
          END IF;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_overview_bands(r "FormFacts", sign integer) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE
          tb integer := jixiao_overview_total_band(r."Scored", r."ComputedTotal");
          rb integer := jixiao_overview_rate_band(r."ExecutionRate");
          s record; n integer;
        BEGIN
          PERFORM pg_advisory_xact_lock({{TotalsWriterLock.Key}});
          IF NOT r."IsCurrent" THEN RETURN; END IF;
          FOR s IN SELECT * FROM jixiao_overview_scopes(jixiao_overview_parent(r."OrganisationPath")) LOOP
            INSERT INTO "OverviewBands" AS t ("Scope", "Depth", "Year", "Status", "TotalBand", "RateBand", "Forms") VALUES (s.scope, s.depth, r."Year", r."Status", tb, rb, sign)
              ON CONFLICT ("Scope", "Year", "Status", "TotalBand", "RateBand") DO UPDATE SET "Forms" = t."Forms" + excluded."Forms" RETURNING t."Forms" INTO n;
            IF n = 0 THEN
              DELETE FROM "OverviewBands" WHERE "Scope" = s.scope AND "Year" = r."Year" AND "Status" = r."Status" AND "TotalBand" = tb AND "RateBand" = rb;
            END IF;
          END LOOP;
        END $f$;

        -- Counts a current fact's groups in (sign 1) or out (-1); with findings, its findings too (its bands: jixiao_overview_bands).
        CREATE OR REPLACE FUNCTION jixiao_overview_apply(r "FormFacts", findings boolean, sign integer) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE s record;
        BEGIN
          IF NOT r."IsCurrent" THEN RETURN; END IF;
          PERFORM jixiao_overview_group(r, '{{Model.OverviewGrains.Organisation}}', r."OrganisationId", r."OrganisationPath", sign);
          PERFORM jixiao_overview_group(r, '{{Model.OverviewGrains.Department}}', coalesce(r."DepartmentId", 0),
            jixiao_overview_department_path(r."DepartmentId", r."OrganisationPath"), sign);
          IF findings THEN
            FOR s IN SELECT x."Code" AS code, count(*)::integer AS n FROM "Findings" x WHERE x."FormId" = r."FormId" GROUP BY x."Code" LOOP
              PERFORM jixiao_overview_findings(r, s.code, sign * s.n);
            END LOOP;
          END IF;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_overview_fact_changed() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE moved boolean;
        BEGIN
          IF current_setting('{{Switch}}', true) = 'off' THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END; END IF;
          IF TG_OP = 'DELETE' THEN PERFORM jixiao_overview_bands(OLD, -1); PERFORM jixiao_overview_apply(OLD, true, -1); RETURN OLD; END IF;
          IF TG_OP = 'INSERT' THEN PERFORM jixiao_overview_bands(NEW, 1); PERFORM jixiao_overview_apply(NEW, true, 1); RETURN NULL; END IF;
          -- A save that leaves the form where it was (place, year, state, current) leaves its findings' counts alone:
          -- the findings' own trigger moves those it rewrites.
          moved := (OLD."OrganisationPath", OLD."Year", OLD."Status", OLD."IsCurrent") IS DISTINCT FROM (NEW."OrganisationPath", NEW."Year", NEW."Status", NEW."IsCurrent");
          -- The band rows of a year and state are shared by every save in the province until it commits: a form moving
          -- from band a to b and another from b to a at once must take them in one order, or each would wait for the other.
          IF (OLD."Status", jixiao_overview_total_band(OLD."Scored", OLD."ComputedTotal"), jixiao_overview_rate_band(OLD."ExecutionRate"), OLD."Year")
             <= (NEW."Status", jixiao_overview_total_band(NEW."Scored", NEW."ComputedTotal"), jixiao_overview_rate_band(NEW."ExecutionRate"), NEW."Year") THEN
            PERFORM jixiao_overview_bands(OLD, -1);
            PERFORM jixiao_overview_bands(NEW, 1);
          ELSE
            PERFORM jixiao_overview_bands(NEW, 1);
            PERFORM jixiao_overview_bands(OLD, -1);
          END IF;
          PERFORM jixiao_overview_apply(OLD, moved, -1);
          PERFORM jixiao_overview_apply(NEW, moved, 1);
          RETURN NULL;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_overview_finding_changed() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE r "FormFacts";
        BEGIN
          IF current_setting('{{Switch}}', true) = 'off' THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END; END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            -- No fact: the form's fact is not written yet, or went first and took this finding out with it.
            SELECT * INTO r FROM "FormFacts" WHERE "FormId" = OLD."FormId";
            IF FOUND THEN PERFORM jixiao_overview_findings(r, OLD."Code", -1); END IF;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            SELECT * INTO r FROM "FormFacts" WHERE "FormId" = NEW."FormId";
            IF FOUND THEN PERFORM jixiao_overview_findings(r, NEW."Code", 1); END IF;
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
        END $f$;

        DROP TRIGGER IF EXISTS jixiao_overview_fact_written ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_overview_fact_updated ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_overview_fact_deleted ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_overview_finding_written ON "Findings";
        DROP TRIGGER IF EXISTS jixiao_overview_finding_updated ON "Findings";
        DROP TRIGGER IF EXISTS jixiao_overview_finding_deleted ON "Findings";
        CREATE TRIGGER jixiao_overview_fact_written AFTER INSERT ON "FormFacts" FOR EACH ROW EXECUTE FUNCTION jixiao_overview_fact_changed();
        -- Only a change of what the overview reads moves the totals.
        CREATE TRIGGER jixiao_overview_fact_updated AFTER UPDATE ON "FormFacts" FOR EACH ROW
          WHEN ((OLD."OrganisationPath", OLD."OrganisationId", OLD."DepartmentId", OLD."Year", OLD."Status", OLD."IsCurrent", OLD."Scored",
                 OLD."ComputedTotal", OLD."ExecutionRate", OLD."Errors", OLD."Warnings")
                IS DISTINCT FROM (NEW."OrganisationPath", NEW."OrganisationId", NEW."DepartmentId", NEW."Year", NEW."Status", NEW."IsCurrent", NEW."Scored",
                 NEW."ComputedTotal", NEW."ExecutionRate", NEW."Errors", NEW."Warnings"))
          EXECUTE FUNCTION jixiao_overview_fact_changed();
        -- Before, at the moment each row goes: a form's deletion cascades to its fact and its findings in an order of
        -- PostgreSQL's choosing, and whichever goes second must still see the first or know it took it out.
        CREATE TRIGGER jixiao_overview_fact_deleted BEFORE DELETE ON "FormFacts" FOR EACH ROW EXECUTE FUNCTION jixiao_overview_fact_changed();
        CREATE TRIGGER jixiao_overview_finding_written AFTER INSERT ON "Findings" FOR EACH ROW EXECUTE FUNCTION jixiao_overview_finding_changed();
        CREATE TRIGGER jixiao_overview_finding_updated AFTER UPDATE ON "Findings" FOR EACH ROW
          WHEN (OLD."FormId" IS DISTINCT FROM NEW."FormId" OR OLD."Code" IS DISTINCT FROM NEW."Code")
          EXECUTE FUNCTION jixiao_overview_finding_changed();
        CREATE TRIGGER jixiao_overview_finding_deleted BEFORE DELETE ON "Findings" FOR EACH ROW EXECUTE FUNCTION jixiao_overview_finding_changed();

        -- One grouped INSERT … SELECT a table: the facts (and findings) are first summed per parent organisation, year,
        -- state and band (a department's worth of units in one row), then those sums spread to the parent's ancestors.
        CREATE OR REPLACE FUNCTION jixiao_overview_rebuild() RETURNS void LANGUAGE plpgsql AS $f$
        BEGIN
          -- Hash the groups in memory rather than sort half a million findings on disk.
          PERFORM set_config('work_mem', '128MB', true);
          TRUNCATE "OverviewBands", "OverviewFindings", "OverviewGroups";
          INSERT INTO "OverviewBands" ("Scope", "Depth", "Year", "Status", "TotalBand", "RateBand", "Forms")
            SELECT s.scope, s.depth, b.year, b.status, b.tb, b.rb, sum(b.n)
            FROM (SELECT jixiao_overview_parent(f."OrganisationPath") AS parent, f."Year" AS year, f."Status" AS status,
                         jixiao_overview_total_band(f."Scored", f."ComputedTotal") AS tb, jixiao_overview_rate_band(f."ExecutionRate") AS rb, count(*) AS n
                  FROM "FormFacts" f WHERE f."IsCurrent" GROUP BY 1, 2, 3, 4, 5) b
            CROSS JOIN LATERAL jixiao_overview_scopes(b.parent) s
            GROUP BY s.scope, s.depth, b.year, b.status, b.tb, b.rb;
          INSERT INTO "OverviewFindings" ("Scope", "Depth", "Year", "Status", "Code", "Count")
            SELECT s.scope, s.depth, c.year, c.status, c.code, sum(c.n)
            FROM (SELECT jixiao_overview_parent(f."OrganisationPath") AS parent, f."Year" AS year, f."Status" AS status, x."Code" AS code, count(*) AS n
                  FROM "Findings" x JOIN "FormFacts" f ON f."FormId" = x."FormId" WHERE f."IsCurrent" GROUP BY 1, 2, 3, 4) c
            CROSS JOIN LATERAL jixiao_overview_scopes(c.parent) s
            GROUP BY s.scope, s.depth, c.year, c.status, c.code;
          INSERT INTO "OverviewGroups" ("Grain", "GroupId", "Path", "Year", "Status", "Forms", "TotalCount", "TotalSum", "RateCount", "RateSum",
              "Errors", "Warnings", "RankedRateCount", "RankedRateSum", "RankedErrors", "RankedWarnings")
            WITH u AS MATERIALIZED (
              SELECT f."OrganisationId" AS organisation, f."DepartmentId" AS department, f."OrganisationPath" AS path, f."Year" AS year, f."Status" AS status,
                     count(*) AS forms,
                     count(*) FILTER (WHERE f."Scored" AND f."ComputedTotal" IS NOT NULL) AS total_count,
                     sum(f."ComputedTotal") FILTER (WHERE f."Scored") AS total_sum,
                     count(f."ExecutionRate") AS rate_count, sum(f."ExecutionRate") AS rate_sum,
                     sum(f."Errors") AS errors, sum(f."Warnings") AS warnings,
                     count(f."ExecutionRate") FILTER (WHERE f."Scored" AND f."ComputedTotal" IS NOT NULL) AS ranked_rate_count,
                     sum(f."ExecutionRate") FILTER (WHERE f."Scored" AND f."ComputedTotal" IS NOT NULL) AS ranked_rate_sum,
                     coalesce(sum(f."Errors") FILTER (WHERE f."Scored" AND f."ComputedTotal" IS NOT NULL), 0) AS ranked_errors,
                     coalesce(sum(f."Warnings") FILTER (WHERE f."Scored" AND f."ComputedTotal" IS NOT NULL), 0) AS ranked_warnings
              FROM "FormFacts" f WHERE f."IsCurrent" GROUP BY 1, 2, 3, 4, 5)
            SELECT '{{Model.OverviewGrains.Organisation}}', organisation, path, year, status, sum(forms), sum(total_count), sum(total_sum), sum(rate_count), sum(rate_sum),
                   sum(errors), sum(warnings), sum(ranked_rate_count), sum(ranked_rate_sum), sum(ranked_errors), sum(ranked_warnings)
            FROM u GROUP BY organisation, path, year, status
            UNION ALL
            SELECT '{{Model.OverviewGrains.Department}}', coalesce(u.department, 0),
                   coalesce(d."Path", '/' || split_part(trim(both '/' from u.path), '/', 1) || '/') AS dpath, u.year, u.status,
                   sum(forms), sum(total_count), sum(total_sum), sum(rate_count), sum(rate_sum),
                   sum(errors), sum(warnings), sum(ranked_rate_count), sum(ranked_rate_sum), sum(ranked_errors), sum(ranked_warnings)
            FROM u LEFT JOIN "Organisations" d ON d."Id" = u.department
            GROUP BY 2, 3, 4, 5;
        END $f$;
        """;

    /// <summary>Rebuilds every total from the facts (one transaction: stopped half-way, it leaves the totals as they were).</summary>
    public const string Rebuild = "SELECT jixiao_overview_rebuild();";

    /// <summary>Takes the triggers and functions out again (the migration's Down).</summary>
    public const string Uninstall = """
        DROP TRIGGER IF EXISTS jixiao_overview_fact_written ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_overview_fact_updated ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_overview_fact_deleted ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_overview_finding_written ON "Findings";
        DROP TRIGGER IF EXISTS jixiao_overview_finding_updated ON "Findings";
        DROP TRIGGER IF EXISTS jixiao_overview_finding_deleted ON "Findings";
        DROP FUNCTION IF EXISTS jixiao_overview_rebuild();
        DROP FUNCTION IF EXISTS jixiao_overview_finding_changed();
        DROP FUNCTION IF EXISTS jixiao_overview_fact_changed();
        DROP FUNCTION IF EXISTS jixiao_overview_apply("FormFacts", boolean, integer);
        DROP FUNCTION IF EXISTS jixiao_overview_bands("FormFacts", integer);
        DROP FUNCTION IF EXISTS jixiao_overview_group("FormFacts", text, integer, text, integer);
        DROP FUNCTION IF EXISTS jixiao_overview_findings("FormFacts", text, integer);
        DROP FUNCTION IF EXISTS jixiao_overview_department_path(integer, text);
        DROP FUNCTION IF EXISTS jixiao_overview_parent(text);
        DROP FUNCTION IF EXISTS jixiao_overview_scopes(text);
        DROP FUNCTION IF EXISTS jixiao_overview_rate_band(numeric);
        DROP FUNCTION IF EXISTS jixiao_overview_total_band(boolean, numeric);
        """;
}

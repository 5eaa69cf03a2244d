namespace Jixiao.Data.Forms;

/// <summary>
/// The PostgreSQL side of the indicator library's running totals (Model/Library.cs): triggers on the facts that apply
/// each change's before/after delta to them in the same transaction, and a rebuild from the facts (the migration's
/// back-fill, and the end of a bulk load). Triggers rather than code in the save: the facts change on many paths (a save,
/// an import, a transition, <c>ExecuteUpdate</c> of a supersession or restore, a cascade delete, a re-derivation, a
/// COPY), and every one of them must move the totals, or the five-unit rule would read wrong counts.
/// <para>
/// What counts mirrors the queries over the facts (Web/Features/Library/IndicatorLibrary): an entry counts every current
/// form's rows with a normalised name; a peer group counts the handed-in ones (submitted or later), targets of every kind
/// but monitoring, actuals of the self-evaluations. Distinct units are kept exact by a reference count per unit (a unit
/// counts while its count is above 0); the greatest name and unit of measure an entry shows come back from the count per
/// name when the last row carrying the greatest one goes; the median comes from a histogram of values.
/// </para>
/// </summary>
public static class LibrarySummarySql
{
    /// <summary>A session or transaction setting that turns the triggers off (a bulk load, which rebuilds afterwards).</summary>
    public const string Switch = "jixiao.library_summary";

    /// <summary>Turns the triggers off until the end of the transaction.</summary>
    public const string Off = "SET LOCAL " + Switch + " = 'off'";

    /// <summary>The states whose figures count for peers, as <c>FormFacts."Status"</c> stores them.</summary>
    private const string PeerStates = "('Submitted', 'DepartmentApproved', 'FinanceApproved', 'Published')";

    private const string SelfEvaluations = "('project-self-evaluation', 'department-self-evaluation')";

    /// <summary>Functions and triggers (idempotent: CREATE OR REPLACE, triggers dropped first).</summary>
    public const string Install = $$"""
        CREATE OR REPLACE FUNCTION jixiao_library_entry_key(l1 text, l2 text, norm text) RETURNS text
        LANGUAGE sql IMMUTABLE AS $f$ SELECT md5(coalesce(l1, '') || chr(31) || coalesce(l2, '') || chr(31) || norm) $f$;

        CREATE OR REPLACE FUNCTION jixiao_library_entries(r "IndicatorFacts", sign integer) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE
          ek text := jixiao_library_entry_key(r."Level1", r."Level2", r."NormalisedName");
          nk text := md5(coalesce(r."Name", chr(30)) || chr(31) || coalesce(r."Unit", chr(30)));
          segments text[] := string_to_array(trim(both '/' from r."OrganisationPath"), '/');
          yy integer; k integer; scope text; n integer; unit_delta integer; name_gone boolean := false;
          gone_years text[] := '{}'; t_rows integer; t_name text; t_unit text;
        BEGIN
          PERFORM pg_advisory_xact_lock({{TotalsWriterLock.Key}});
          FOREACH yy IN ARRAY ARRAY[r."Year", 0] LOOP
            IF sign > 0 THEN
              INSERT INTO "LibraryEntryUnits" AS u ("EntryKey", "Year", "OrganisationPath", "Rows") VALUES (ek, yy, r."OrganisationPath", 1)
                ON CONFLICT ("EntryKey", "Year", "OrganisationPath") DO UPDATE SET "Rows" = u."Rows" + 1 RETURNING u."Rows" INTO n;
              unit_delta := CASE WHEN n = 1 THEN 1 ELSE 0 END;
              INSERT INTO "LibraryEntryNames" AS u ("EntryKey", "Year", "OrganisationPath", "NameKey", "Name", "Unit", "Rows")
                VALUES (ek, yy, r."OrganisationPath", nk, r."Name", r."Unit", 1)
                ON CONFLICT ("EntryKey", "Year", "OrganisationPath", "NameKey") DO UPDATE SET "Rows" = u."Rows" + 1;
            ELSE
              UPDATE "LibraryEntryUnits" SET "Rows" = "Rows" - 1
                WHERE "EntryKey" = ek AND "Year" = yy AND "OrganisationPath" = r."OrganisationPath" RETURNING "Rows" INTO n;
              IF n = 0 THEN
                DELETE FROM "LibraryEntryUnits" WHERE "EntryKey" = ek AND "Year" = yy AND "OrganisationPath" = r."OrganisationPath";
              END IF;
              unit_delta := CASE WHEN n = 0 THEN -1 ELSE 0 END;
              UPDATE "LibraryEntryNames" SET "Rows" = "Rows" - 1
                WHERE "EntryKey" = ek AND "Year" = yy AND "OrganisationPath" = r."OrganisationPath" AND "NameKey" = nk RETURNING "Rows" INTO n;
              name_gone := n = 0;
              IF name_gone THEN
                DELETE FROM "LibraryEntryNames" WHERE "EntryKey" = ek AND "Year" = yy AND "OrganisationPath" = r."OrganisationPath" AND "NameKey" = nk;
              END IF;
            END IF;
            -- The unit's own path and each of its ancestors' paths: every subtree that sees the row.
            FOR k IN 1 .. coalesce(array_length(segments, 1), 0) LOOP
              scope := '/' || array_to_string(segments[1:k], '/') || '/';
              IF sign > 0 THEN
                INSERT INTO "LibraryEntryTotals" AS t ("EntryKey", "Year", "Scope", "Depth", "Level1", "Level2", "NormalisedName",
                    "Rows", "Units", "Name", "Unit", "FirstYear", "LastYear")
                  VALUES (ek, yy, scope, k, coalesce(r."Level1", ''), coalesce(r."Level2", ''), r."NormalisedName",
                    1, unit_delta, r."Name", r."Unit", r."Year", r."Year")
                  ON CONFLICT ("EntryKey", "Year", "Scope") DO UPDATE SET "Rows" = t."Rows" + 1, "Units" = t."Units" + excluded."Units",
                    "Name" = greatest(t."Name", excluded."Name"), "Unit" = greatest(t."Unit", excluded."Unit"),
                    "FirstYear" = least(t."FirstYear", excluded."FirstYear"), "LastYear" = greatest(t."LastYear", excluded."LastYear");
              ELSE
                UPDATE "LibraryEntryTotals" t SET "Rows" = t."Rows" - 1, "Units" = t."Units" + unit_delta
                  WHERE t."EntryKey" = ek AND t."Year" = yy AND t."Scope" = scope RETURNING t."Rows", t."Name", t."Unit" INTO t_rows, t_name, t_unit;
                IF t_rows = 0 THEN
                  DELETE FROM "LibraryEntryTotals" WHERE "EntryKey" = ek AND "Year" = yy AND "Scope" = scope;
                  IF yy <> 0 THEN gone_years := gone_years || scope; END IF;
                ELSE
                  IF name_gone AND (t_name IS NOT DISTINCT FROM r."Name" OR t_unit IS NOT DISTINCT FROM r."Unit") THEN
                    UPDATE "LibraryEntryTotals" t SET "Name" = m.name, "Unit" = m.unit
                      FROM (SELECT max(x."Name") AS name, max(x."Unit") AS unit FROM "LibraryEntryNames" x
                            WHERE x."EntryKey" = ek AND x."Year" = yy AND left(x."OrganisationPath", length(scope)) = scope) m
                      WHERE t."EntryKey" = ek AND t."Year" = yy AND t."Scope" = scope;
                  END IF;
                  IF yy = 0 AND scope = ANY(gone_years) THEN
                    UPDATE "LibraryEntryTotals" t SET "FirstYear" = m.first, "LastYear" = m.last
                      FROM (SELECT min(x."Year") AS first, max(x."Year") AS last FROM "LibraryEntryTotals" x
                            WHERE x."EntryKey" = ek AND x."Scope" = scope AND x."Year" <> 0) m
                      WHERE t."EntryKey" = ek AND t."Year" = 0 AND t."Scope" = scope;
                  END IF;
                END IF;
              END IF;
            END LOOP;
          END LOOP;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_library_peers(r "IndicatorFacts", actuals boolean, sign integer) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE
          ek text := jixiao_library_entry_key(r."Level1", r."Level2", r."NormalisedName");
          v numeric := CASE WHEN actuals THEN r."ActualValue" ELSE r."TargetValue" END;
          w integer; gk text; n integer; c integer; vals integer;
        BEGIN
          PERFORM pg_advisory_xact_lock({{TotalsWriterLock.Key}});
          -- The window ending in w covers w and the two years before it; 0 covers every year.
          FOREACH w IN ARRAY ARRAY[r."Year", r."Year" + 1, r."Year" + 2, 0] LOOP
            gk := md5(CASE WHEN actuals THEN 'a' ELSE 't' END || chr(31) || w::text || chr(31) || ek || chr(31) || coalesce(r."Unit", chr(30)));
            IF sign > 0 THEN
              INSERT INTO "LibraryPeerUnits" AS u ("GroupKey", "OrganisationPath", "Rows") VALUES (gk, r."OrganisationPath", 1)
                ON CONFLICT ("GroupKey", "OrganisationPath") DO UPDATE SET "Rows" = u."Rows" + 1 RETURNING u."Rows" INTO n;
              INSERT INTO "LibraryPeerValues" AS x ("GroupKey", "Value", "Count") VALUES (gk, v, 1)
                ON CONFLICT ("GroupKey", "Value") DO UPDATE SET "Count" = x."Count" + 1;
              INSERT INTO "LibraryPeerGroups" AS g ("GroupKey", "Actuals", "Window", "Level1", "Level2", "NormalisedName", "Unit", "Units", "Values")
                VALUES (gk, actuals, w, coalesce(r."Level1", ''), coalesce(r."Level2", ''), r."NormalisedName", r."Unit", CASE WHEN n = 1 THEN 1 ELSE 0 END, 1)
                ON CONFLICT ("GroupKey") DO UPDATE SET "Units" = g."Units" + excluded."Units", "Values" = g."Values" + 1;
            ELSE
              UPDATE "LibraryPeerUnits" SET "Rows" = "Rows" - 1 WHERE "GroupKey" = gk AND "OrganisationPath" = r."OrganisationPath" RETURNING "Rows" INTO n;
              IF n = 0 THEN DELETE FROM "LibraryPeerUnits" WHERE "GroupKey" = gk AND "OrganisationPath" = r."OrganisationPath"; END IF;
              UPDATE "LibraryPeerValues" SET "Count" = "Count" - 1 WHERE "GroupKey" = gk AND "Value" = v RETURNING "Count" INTO c;
              IF c = 0 THEN DELETE FROM "LibraryPeerValues" WHERE "GroupKey" = gk AND "Value" = v; END IF;
              UPDATE "LibraryPeerGroups" SET "Units" = "Units" - CASE WHEN n = 0 THEN 1 ELSE 0 END, "Values" = "Values" - 1
                WHERE "GroupKey" = gk RETURNING "Values" INTO vals;
              IF vals = 0 THEN DELETE FROM "LibraryPeerGroups" WHERE "GroupKey" = gk; END IF;
            END IF;
          END LOOP;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_library_apply(r "IndicatorFacts", entries boolean, peers boolean, sign integer) RETURNS void LANGUAGE plpgsql AS $f$
        BEGIN
          IF r."NormalisedName" IS NULL THEN RETURN; END IF;
          IF entries THEN PERFORM jixiao_library_entries(r, sign); END IF;
          IF peers THEN
            IF r."TargetValue" IS NOT NULL AND r."Kind" <> 'monitoring' THEN PERFORM jixiao_library_peers(r, false, sign); END IF;
            IF r."ActualValue" IS NOT NULL AND r."Kind" IN {{SelfEvaluations}} THEN PERFORM jixiao_library_peers(r, true, sign); END IF;
          END IF;
        END $f$;

        -- A row whose entry and peer group stay and whose value changes (a save editing a target or an actual): only the
        -- value moves in the histograms; counting it out and in again would rewrite every total of the row for nothing.
        CREATE OR REPLACE FUNCTION jixiao_library_values(o "IndicatorFacts", n "IndicatorFacts") RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE
          ek text := jixiao_library_entry_key(n."Level1", n."Level2", n."NormalisedName");
          actuals boolean; ov numeric; nv numeric; w integer; gk text; c integer;
        BEGIN
          PERFORM pg_advisory_xact_lock({{TotalsWriterLock.Key}});
          FOREACH actuals IN ARRAY ARRAY[false, true] LOOP
            ov := CASE WHEN actuals THEN CASE WHEN o."Kind" IN {{SelfEvaluations}} THEN o."ActualValue" END
                       ELSE CASE WHEN o."Kind" <> 'monitoring' THEN o."TargetValue" END END;
            nv := CASE WHEN actuals THEN CASE WHEN n."Kind" IN {{SelfEvaluations}} THEN n."ActualValue" END
                       ELSE CASE WHEN n."Kind" <> 'monitoring' THEN n."TargetValue" END END;
            CONTINUE WHEN ov IS NOT DISTINCT FROM nv;
            IF ov IS NULL OR nv IS NULL THEN
              IF ov IS NOT NULL THEN PERFORM jixiao_library_peers(o, actuals, -1); END IF;
              IF nv IS NOT NULL THEN PERFORM jixiao_library_peers(n, actuals, 1); END IF;
              CONTINUE;
            END IF;
            FOREACH w IN ARRAY ARRAY[n."Year", n."Year" + 1, n."Year" + 2, 0] LOOP
              gk := md5(CASE WHEN actuals THEN 'a' ELSE 't' END || chr(31) || w::text || chr(31) || ek || chr(31) || coalesce(n."Unit", chr(30)));
              UPDATE "LibraryPeerValues" SET "Count" = "Count" - 1 WHERE "GroupKey" = gk AND "Value" = ov RETURNING "Count" INTO c;
              IF c = 0 THEN DELETE FROM "LibraryPeerValues" WHERE "GroupKey" = gk AND "Value" = ov; END IF;
              INSERT INTO "LibraryPeerValues" AS x ("GroupKey", "Value", "Count") VALUES (gk, nv, 1)
                ON CONFLICT ("GroupKey", "Value") DO UPDATE SET "Count" = x."Count" + 1;
            END LOOP;
          END LOOP;
        END $f$;

        -- A row counts under its form's state at the time: the form facts' trigger moves the rows when that state changes.
        CREATE OR REPLACE FUNCTION jixiao_library_indicator_changed() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE f record; entries_moved boolean;
        BEGIN
          IF current_setting('{{Switch}}', true) = 'off' THEN RETURN NULL; END IF;
          IF TG_OP = 'UPDATE' AND OLD."FormId" = NEW."FormId" THEN
            SELECT "IsCurrent", "Status" INTO f FROM "FormFacts" WHERE "FormId" = NEW."FormId";
            IF NOT FOUND THEN RETURN NULL; END IF;
            entries_moved := (OLD."OrganisationPath", OLD."Year", OLD."Level1", OLD."Level2", OLD."Name", OLD."NormalisedName", OLD."Unit")
              IS DISTINCT FROM (NEW."OrganisationPath", NEW."Year", NEW."Level1", NEW."Level2", NEW."Name", NEW."NormalisedName", NEW."Unit");
            IF entries_moved AND f."IsCurrent" THEN
              PERFORM jixiao_library_apply(OLD, true, false, -1);
              PERFORM jixiao_library_apply(NEW, true, false, 1);
            END IF;
            IF f."IsCurrent" AND f."Status" IN {{PeerStates}} THEN
              IF entries_moved OR OLD."Kind" IS DISTINCT FROM NEW."Kind" OR NEW."NormalisedName" IS NULL THEN
                PERFORM jixiao_library_apply(OLD, false, true, -1);
                PERFORM jixiao_library_apply(NEW, false, true, 1);
              ELSE
                PERFORM jixiao_library_values(OLD, NEW);
              END IF;
            END IF;
            RETURN NULL;
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            -- A cascade from a deleted form finds no form here: the form's own trigger took its rows out before.
            SELECT "IsCurrent", "Status" INTO f FROM "FormFacts" WHERE "FormId" = OLD."FormId";
            IF FOUND THEN PERFORM jixiao_library_apply(OLD, f."IsCurrent", f."IsCurrent" AND f."Status" IN {{PeerStates}}, -1); END IF;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            SELECT "IsCurrent", "Status" INTO f FROM "FormFacts" WHERE "FormId" = NEW."FormId";
            IF FOUND THEN PERFORM jixiao_library_apply(NEW, f."IsCurrent", f."IsCurrent" AND f."Status" IN {{PeerStates}}, 1); END IF;
          END IF;
          RETURN NULL;
        END $f$;

        CREATE OR REPLACE FUNCTION jixiao_library_form_changed() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE r "IndicatorFacts"; old_peers boolean; new_peers boolean; entries boolean; peers boolean;
        BEGIN
          IF current_setting('{{Switch}}', true) = 'off' THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END; END IF;
          old_peers := OLD."IsCurrent" AND OLD."Status" IN {{PeerStates}};
          IF TG_OP = 'DELETE' THEN
            FOR r IN SELECT * FROM "IndicatorFacts" WHERE "FormId" = OLD."FormId" LOOP
              PERFORM jixiao_library_apply(r, OLD."IsCurrent", old_peers, -1);
            END LOOP;
            RETURN OLD;
          END IF;
          new_peers := NEW."IsCurrent" AND NEW."Status" IN {{PeerStates}};
          entries := OLD."IsCurrent" IS DISTINCT FROM NEW."IsCurrent";
          peers := old_peers IS DISTINCT FROM new_peers;
          IF entries OR peers THEN
            FOR r IN SELECT * FROM "IndicatorFacts" WHERE "FormId" = NEW."FormId" LOOP
              PERFORM jixiao_library_apply(r, entries AND OLD."IsCurrent", peers AND old_peers, -1);
              PERFORM jixiao_library_apply(r, entries AND NEW."IsCurrent", peers AND new_peers, 1);
            END LOOP;
          END IF;
          RETURN NULL;
        END $f$;

        DROP TRIGGER IF EXISTS jixiao_library_indicator_written ON "IndicatorFacts";
        DROP TRIGGER IF EXISTS jixiao_library_indicator_updated ON "IndicatorFacts";
        DROP TRIGGER IF EXISTS jixiao_library_form_updated ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_library_form_deleted ON "FormFacts";
        CREATE TRIGGER jixiao_library_indicator_written AFTER INSERT OR DELETE ON "IndicatorFacts"
          FOR EACH ROW EXECUTE FUNCTION jixiao_library_indicator_changed();
        -- Only a change of what the library reads moves the totals (a re-derivation rewrites scores, not these).
        CREATE TRIGGER jixiao_library_indicator_updated AFTER UPDATE ON "IndicatorFacts" FOR EACH ROW
          WHEN ((OLD."FormId", OLD."OrganisationPath", OLD."Year", OLD."Kind", OLD."Level1", OLD."Level2", OLD."Name", OLD."NormalisedName",
                 OLD."TargetValue", OLD."ActualValue", OLD."Unit")
                IS DISTINCT FROM (NEW."FormId", NEW."OrganisationPath", NEW."Year", NEW."Kind", NEW."Level1", NEW."Level2", NEW."Name", NEW."NormalisedName",
                 NEW."TargetValue", NEW."ActualValue", NEW."Unit"))
          EXECUTE FUNCTION jixiao_library_indicator_changed();
        CREATE TRIGGER jixiao_library_form_updated AFTER UPDATE ON "FormFacts" FOR EACH ROW
          WHEN (OLD."IsCurrent" IS DISTINCT FROM NEW."IsCurrent" OR OLD."Status" IS DISTINCT FROM NEW."Status")
          EXECUTE FUNCTION jixiao_library_form_changed();
        -- Before: the cascade that follows deletes the rows, and then their form is gone.
        CREATE TRIGGER jixiao_library_form_deleted BEFORE DELETE ON "FormFacts" FOR EACH ROW EXECUTE FUNCTION jixiao_library_form_changed();

        CREATE OR REPLACE FUNCTION jixiao_library_rebuild() RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE ix record;
        BEGIN
          -- Memory for the groupings to stay in hash tables and the index builds to sort in memory, and no JIT (its compiling
          -- cost more than it saved here); for this transaction only.
          PERFORM set_config('work_mem', '256MB', true);
          PERFORM set_config('maintenance_work_mem', '512MB', true);
          PERFORM set_config('jit', 'off', true);
          TRUNCATE "LibraryEntryUnits", "LibraryEntryNames", "LibraryEntryTotals", "LibraryPeerGroups", "LibraryPeerUnits", "LibraryPeerValues";
          -- The totals' indexes are dropped and built again after the inserts: one sorted build per index instead of millions
          -- of inserts at random places (the keys are hashes).
          DROP TABLE IF EXISTS jixiao_library_indexes, jixiao_library_rows, jixiao_library_keys, jixiao_library_names, jixiao_library_units,
            jixiao_library_scopes, jixiao_library_peer_rows, jixiao_library_series, jixiao_library_groups, jixiao_library_peer_units;
          CREATE TEMP TABLE jixiao_library_indexes ON COMMIT DROP AS
            SELECT x.indrelid::regclass::text AS tbl, x.indexrelid::regclass::text AS name, pg_get_indexdef(x.indexrelid) AS def,
                   c.conname, pg_get_constraintdef(c.oid) AS condef
            FROM pg_index x LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u')
            WHERE x.indrelid IN ('"LibraryEntryUnits"'::regclass, '"LibraryEntryNames"'::regclass, '"LibraryEntryTotals"'::regclass,
                                 '"LibraryPeerGroups"'::regclass, '"LibraryPeerUnits"'::regclass, '"LibraryPeerValues"'::regclass);
          FOR ix IN SELECT * FROM jixiao_library_indexes LOOP
            IF ix.conname IS NOT NULL THEN EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', ix.tbl, ix.conname);
            ELSE EXECUTE format('DROP INDEX %s', ix.name); END IF;
          END LOOP;

          -- Rows are counted at the finest grain first, and hashes (entry, name and group keys) are computed once per distinct
          -- value in small dictionaries, never per row: md5 per row and per window, DISTINCT counts over 21 million rows and
          -- sorts spilled to disk were the old rebuild's time. Each staging table is analysed, or the planner takes it for
          -- empty and sorts instead of hashing.
          CREATE TEMP TABLE jixiao_library_rows ON COMMIT DROP AS
            SELECT coalesce(i."Level1", '') AS l1, coalesce(i."Level2", '') AS l2, i."NormalisedName" AS norm, i."Year" AS year,
                   i."OrganisationPath" AS path, i."Name" AS name, i."Unit" AS unit, count(*) AS n
            FROM "IndicatorFacts" i JOIN "FormFacts" f ON f."FormId" = i."FormId"
            WHERE f."IsCurrent" AND i."NormalisedName" IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6, 7;
          ANALYZE jixiao_library_rows;
          CREATE TEMP TABLE jixiao_library_keys ON COMMIT DROP AS
            SELECT l1, l2, norm, jixiao_library_entry_key(l1, l2, norm) AS ek FROM (SELECT DISTINCT l1, l2, norm FROM jixiao_library_rows) d;
          ANALYZE jixiao_library_keys;
          CREATE TEMP TABLE jixiao_library_names ON COMMIT DROP AS
            SELECT k.ek, y.yy, r.path, r.name, r.unit, sum(r.n)::integer AS n, min(r.year) AS first, max(r.year) AS last
            FROM jixiao_library_rows r JOIN jixiao_library_keys k ON k.l1 = r.l1 AND k.l2 = r.l2 AND k.norm = r.norm
            CROSS JOIN LATERAL (VALUES (r.year), (0)) AS y(yy)
            GROUP BY k.ek, y.yy, r.path, r.name, r.unit;
          ANALYZE jixiao_library_names;
          INSERT INTO "LibraryEntryNames" ("EntryKey", "Year", "OrganisationPath", "NameKey", "Name", "Unit", "Rows")
            SELECT r.ek, r.yy, r.path, d.nk, r.name, r.unit, r.n
            FROM jixiao_library_names r
            JOIN (SELECT coalesce(name, chr(30)) AS name, coalesce(unit, chr(30)) AS unit, md5(coalesce(name, chr(30)) || chr(31) || coalesce(unit, chr(30))) AS nk
                  FROM jixiao_library_names GROUP BY 1, 2) d ON d.name = coalesce(r.name, chr(30)) AND d.unit = coalesce(r.unit, chr(30));
          CREATE TEMP TABLE jixiao_library_units ON COMMIT DROP AS
            SELECT ek, yy, path, sum(n)::integer AS n, max(name) AS name, max(unit) AS unit, min(first) AS first, max(last) AS last
            FROM jixiao_library_names GROUP BY ek, yy, path;
          ANALYZE jixiao_library_units;
          INSERT INTO "LibraryEntryUnits" ("EntryKey", "Year", "OrganisationPath", "Rows") SELECT ek, yy, path, n FROM jixiao_library_units;
          -- Each unit's path and its ancestors' paths (the subtrees that see its rows), once per distinct path.
          CREATE TEMP TABLE jixiao_library_scopes ON COMMIT DROP AS
            SELECT p.path, k AS depth, '/' || array_to_string((string_to_array(trim(both '/' from p.path), '/'))[1:k], '/') || '/' AS scope
            FROM (SELECT DISTINCT path FROM jixiao_library_units) p
            CROSS JOIN LATERAL generate_series(1, coalesce(array_length(string_to_array(trim(both '/' from p.path), '/'), 1), 0)) AS k;
          ANALYZE jixiao_library_scopes;
          -- A unit is one row of jixiao_library_units per entry and year, so a subtree's units are a count, not a DISTINCT.
          INSERT INTO "LibraryEntryTotals" ("EntryKey", "Year", "Scope", "Depth", "Level1", "Level2", "NormalisedName", "Rows", "Units", "Name", "Unit", "FirstYear", "LastYear")
            SELECT t.ek, t.yy, t.scope, t.depth, k.l1, k.l2, k.norm, t.n, t.units, t.name, t.unit, t.first, t.last
            FROM (SELECT u.ek, u.yy, s.scope, s.depth, sum(u.n) AS n, count(*) AS units, max(u.name) AS name, max(u.unit) AS unit, min(u.first) AS first, max(u.last) AS last
                  FROM jixiao_library_units u JOIN jixiao_library_scopes s ON s.path = u.path
                  GROUP BY u.ek, u.yy, s.scope, s.depth) t
            JOIN (SELECT ek, min(l1) AS l1, min(l2) AS l2, min(norm) AS norm FROM jixiao_library_keys GROUP BY ek) k ON k.ek = t.ek;

          CREATE TEMP TABLE jixiao_library_peer_rows ON COMMIT DROP AS
            SELECT p.actuals, coalesce(i."Level1", '') AS l1, coalesce(i."Level2", '') AS l2, i."NormalisedName" AS norm, i."Unit" AS unit,
                   i."Year" AS year, i."OrganisationPath" AS path, p.value, count(*) AS n
            FROM "IndicatorFacts" i JOIN "FormFacts" f ON f."FormId" = i."FormId"
            CROSS JOIN LATERAL (VALUES (false, CASE WHEN i."Kind" <> 'monitoring' THEN i."TargetValue" END),
                                       (true, CASE WHEN i."Kind" IN {{SelfEvaluations}} THEN i."ActualValue" END)) AS p(actuals, value)
            WHERE f."IsCurrent" AND f."Status" IN {{PeerStates}} AND i."NormalisedName" IS NOT NULL AND p.value IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
          ANALYZE jixiao_library_peer_rows;
          -- A series: one kind of value of one entry, unit of measure and year; its rows go into the windows ending in that
          -- year and the two after it, and into 0 (every year).
          CREATE TEMP TABLE jixiao_library_series ON COMMIT DROP AS
            SELECT row_number() OVER () AS id, d.* FROM (
              SELECT actuals, l1, l2, norm, coalesce(unit, chr(30)) AS unitc, min(unit) AS unit, year FROM jixiao_library_peer_rows GROUP BY 1, 2, 3, 4, 5, 7) d;
          ANALYZE jixiao_library_series;
          CREATE TEMP TABLE jixiao_library_groups ON COMMIT DROP AS
            SELECT s.id, w.w, md5(CASE WHEN s.actuals THEN 'a' ELSE 't' END || chr(31) || w.w::text || chr(31) || k.ek || chr(31) || s.unitc) AS gk
            FROM jixiao_library_series s JOIN jixiao_library_keys k ON k.l1 = s.l1 AND k.l2 = s.l2 AND k.norm = s.norm
            CROSS JOIN LATERAL (VALUES (s.year), (s.year + 1), (s.year + 2), (0)) AS w(w);
          ANALYZE jixiao_library_groups;
          CREATE TEMP TABLE jixiao_library_peer_units ON COMMIT DROP AS
            SELECT g.gk, r.path, sum(r.n)::integer AS n
            FROM (SELECT s.id, r.path, sum(r.n) AS n FROM jixiao_library_peer_rows r
                  JOIN jixiao_library_series s ON s.actuals = r.actuals AND s.l1 = r.l1 AND s.l2 = r.l2 AND s.norm = r.norm AND s.unitc = coalesce(r.unit, chr(30)) AND s.year = r.year
                  GROUP BY s.id, r.path) r
            JOIN jixiao_library_groups g ON g.id = r.id
            GROUP BY g.gk, r.path;
          INSERT INTO "LibraryPeerUnits" ("GroupKey", "OrganisationPath", "Rows") SELECT gk, path, n FROM jixiao_library_peer_units;
          INSERT INTO "LibraryPeerValues" ("GroupKey", "Value", "Count")
            SELECT g.gk, r.value, sum(r.n)
            FROM (SELECT s.id, r.value, sum(r.n) AS n FROM jixiao_library_peer_rows r
                  JOIN jixiao_library_series s ON s.actuals = r.actuals AND s.l1 = r.l1 AND s.l2 = r.l2 AND s.norm = r.norm AND s.unitc = coalesce(r.unit, chr(30)) AND s.year = r.year
                  GROUP BY s.id, r.value) r
            JOIN jixiao_library_groups g ON g.id = r.id
            GROUP BY g.gk, r.value;
          INSERT INTO "LibraryPeerGroups" ("GroupKey", "Actuals", "Window", "Level1", "Level2", "NormalisedName", "Unit", "Units", "Values")
            SELECT g.gk, g.actuals, g.w, g.l1, g.l2, g.norm, g.unit, u.units, u.n
            FROM (SELECT g.gk, bool_or(s.actuals) AS actuals, min(g.w) AS w, min(s.l1) AS l1, min(s.l2) AS l2, min(s.norm) AS norm, min(s.unit) AS unit
                  FROM jixiao_library_groups g JOIN jixiao_library_series s ON s.id = g.id GROUP BY g.gk) g
            JOIN (SELECT gk, count(*) AS units, sum(n) AS n FROM jixiao_library_peer_units GROUP BY gk) u ON u.gk = g.gk;

          FOR ix IN SELECT * FROM jixiao_library_indexes LOOP
            IF ix.conname IS NOT NULL THEN EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', ix.tbl, ix.conname, ix.condef);
            ELSE EXECUTE ix.def; END IF;
          END LOOP;
          DROP TABLE jixiao_library_indexes, jixiao_library_rows, jixiao_library_keys, jixiao_library_names, jixiao_library_units,
            jixiao_library_scopes, jixiao_library_peer_rows, jixiao_library_series, jixiao_library_groups, jixiao_library_peer_units;
        END $f$;
        """;

    /// <summary>
    /// Rebuilds every total from the facts in one statement (one transaction: stopped half-way, it leaves the totals as
    /// they were). The function counts rows at the finest grain first, hashes keys once per distinct value, analyses its
    /// staging tables and builds the totals' indexes after the inserts: at 10,000 units (3.5 million rows) that took it
    /// from 1,446 s (load average 33–55) to 614 s (load 62–86) and 201 s (load 16–10) (docs/benchmarks.md).
    /// </summary>
    public const string Rebuild = "SELECT jixiao_library_rebuild();";

    /// <summary>Takes the triggers and functions out again (the migration's Down).</summary>
    public const string Uninstall = """
        DROP TRIGGER IF EXISTS jixiao_library_indicator_written ON "IndicatorFacts";
        DROP TRIGGER IF EXISTS jixiao_library_indicator_updated ON "IndicatorFacts";
        DROP TRIGGER IF EXISTS jixiao_library_form_updated ON "FormFacts";
        DROP TRIGGER IF EXISTS jixiao_library_form_deleted ON "FormFacts";
        DROP FUNCTION IF EXISTS jixiao_library_rebuild();
        DROP FUNCTION IF EXISTS jixiao_library_form_changed();
        DROP FUNCTION IF EXISTS jixiao_library_indicator_changed();
        DROP FUNCTION IF EXISTS jixiao_library_values("IndicatorFacts", "IndicatorFacts");
        DROP FUNCTION IF EXISTS jixiao_library_apply("IndicatorFacts", boolean, boolean, integer);
        DROP FUNCTION IF EXISTS jixiao_library_peers("IndicatorFacts", boolean, integer);
        DROP FUNCTION IF EXISTS jixiao_library_entries("IndicatorFacts", integer);
        DROP FUNCTION IF EXISTS jixiao_library_entry_key(text, text, text);
        """;
}

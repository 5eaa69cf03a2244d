-- Fills a migrated Jixiao database to province size for the backup and restore measurement (bench/backup/run.sh):
-- 100 departments × 100 units, 10 projects per unit and year for 2023–2025 (3 × 10⁵ projects), one project
-- self-evaluation per project and year (3 × 10⁵ forms), each a copy of the template form :template (made through the
-- API, so every column holds what the app writes) with all its rows (funds, indicators, findings, basic data) and
-- audit entries. Columns are listed from the catalogue, so the copy follows the schema of the build under test.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.cols(t text, skip text[], prefix text DEFAULT '') RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(prefix || quote_ident(column_name), ', ' ORDER BY ordinal_position)
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t AND column_name <> ALL (skip) $$;

INSERT INTO "FiscalYears" ("Year", "Closed") SELECT y, false FROM generate_series(2023, 2025) y
  WHERE NOT EXISTS (SELECT 1 FROM "FiscalYears" f WHERE f."Year" = y);

INSERT INTO "Organisations" ("Code", "Name", "Kind", "ParentId", "Path")
SELECT 'GD' || d, '生成主管部门' || d, 'Department', root."Id", root."Path" || 'GD' || d || '/'
FROM generate_series(1, 100) d, (SELECT "Id", "Path" FROM "Organisations" WHERE "ParentId" IS NULL ORDER BY "Id" LIMIT 1) root;

INSERT INTO "Organisations" ("Code", "Name", "Kind", "ParentId", "Path")
SELECT dep."Code" || 'U' || u, '生成预算单位' || dep."Code" || '-' || u, 'Unit', dep."Id", dep."Path" || dep."Code" || 'U' || u || '/'
FROM "Organisations" dep, generate_series(1, 100) u WHERE dep."Code" LIKE 'GD%' AND dep."Kind" = 'Department';

INSERT INTO "Projects" ("Code", "Name", "BudgetYuan", "FiscalYearId", "OrganisationId")
SELECT o."Code" || '-P' || p, o."Name" || '专项项目' || p, 250000 + p * 1000, y."Id", o."Id"
FROM "Organisations" o, generate_series(1, 10) p, "FiscalYears" y
WHERE o."Code" LIKE 'GD%U%' AND y."Year" BETWEEN 2023 AND 2025;

CREATE TEMP TABLE new_forms AS SELECT "Id" FROM "Forms" WHERE false;

DO $$
DECLARE
  template int := current_setting('fill.template')::int;
  c text;
  s text;
  t text;
BEGIN
  c := pg_temp.cols('Forms', ARRAY['Id', 'OrganisationId', 'ProjectId', 'FiscalYearId', 'UniqueKey', 'ProjectName', 'UnitName', 'StatedYear']);
  s := pg_temp.cols('Forms', ARRAY['Id', 'OrganisationId', 'ProjectId', 'FiscalYearId', 'UniqueKey', 'ProjectName', 'UnitName', 'StatedYear'], 't.');
  EXECUTE format($f$
    WITH made AS (
      INSERT INTO "Forms" (%s, "OrganisationId", "ProjectId", "FiscalYearId", "UniqueKey", "ProjectName", "UnitName", "StatedYear")
      SELECT %s, p."OrganisationId", p."Id", p."FiscalYearId", 'generated/' || p."Id", p."Name", o."Name", y."Year"
      FROM "Forms" t, "Projects" p JOIN "Organisations" o ON o."Id" = p."OrganisationId" JOIN "FiscalYears" y ON y."Id" = p."FiscalYearId"
      WHERE t."Id" = %s AND p."Code" LIKE 'GD%%'
      RETURNING "Id")
    INSERT INTO new_forms SELECT "Id" FROM made $f$, c, s, template);

  FOREACH t IN ARRAY ARRAY['FundsRows', 'IndicatorRows', 'Findings', 'BasicDataRows'] LOOP
    c := pg_temp.cols(t, ARRAY['Id', 'FormId']);
    s := pg_temp.cols(t, ARRAY['Id', 'FormId'], 'r.');
    EXECUTE format('INSERT INTO %I (%s, "FormId") SELECT %s, n."Id" FROM %I r CROSS JOIN new_forms n WHERE r."FormId" = %s', t, c, s, t, template);
  END LOOP;

  c := pg_temp.cols('AuditEntries', ARRAY['Id', 'EntityId']);
  s := pg_temp.cols('AuditEntries', ARRAY['Id', 'EntityId'], 'a.');
  EXECUTE format($f$INSERT INTO "AuditEntries" (%s, "EntityId") SELECT %s, n."Id"::text FROM "AuditEntries" a CROSS JOIN new_forms n
    WHERE a."EntityType" = 'form' AND a."EntityId" = %L$f$, c, s, template::text);
END $$;

ANALYZE;

#!/usr/bin/env bash
# Backup and restore time of a province-sized PostgreSQL database (issue 13 item 6, docs/operations.md): a throwaway
# PostgreSQL, the app started once to create the tables and one template form through the API, then fill.sql copies
# that form into 3 × 10⁵ forms of 10⁴ units (≈ 3.6 × 10⁶ rows), and pg_dump / pg_restore are timed.
# Usage: bench/backup/run.sh   (PGPORT=5445 PORT=5451 JOBS=2; JIXIAO_APP=a published app folder)
# Needs the Debian postgresql package, curl and jq; run as root (PostgreSQL runs as the postgres user).
set -euo pipefail
PGPORT=${PGPORT:-5445}
PORT=${PORT:-5451}
JOBS=${JOBS:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-backup.XXXXXX)
chmod 755 "$WORK"
BASE="http://127.0.0.1:$PORT"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ADMIN_PASSWORD="Backup-Admin-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
APP_PID=""
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -d "$WORK/pg/data" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
seconds() { local start=$1; awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

if [ -z "${JIXIAO_APP:-}" ]; then
  echo "== publishing the app (Release)"
  dotnet publish "$ROOT/src/Jixiao.Web" -c Release -o "$WORK/app" -nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
  JIXIAO_APP="$WORK/app"
fi

echo "== PostgreSQL on 127.0.0.1:$PGPORT (Debian defaults, fsync on)"
mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg"
su postgres -s /bin/sh -c "$PGBIN/initdb -D $WORK/pg/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg/data -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1' -l $WORK/pg/pg.log -w start" >/dev/null
"${PSQL[@]}" -c "CREATE ROLE jixiao LOGIN PASSWORD 'jixiao'" -c "CREATE DATABASE jixiao OWNER jixiao ENCODING 'UTF8'"

echo "== the app once: tables, administrator, one template form through the API"
(
  cd "$JIXIAO_APP"
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGPORT;Username=jixiao;Password=jixiao;Database=jixiao" Jixiao__AdminPassword="$ADMIN_PASSWORD"
  exec dotnet "$JIXIAO_APP/Jixiao.Web.dll" --urls "$BASE" --Jixiao:DataFolder="$WORK/data" --Logging:LogLevel:Default=Warning
) </dev/null >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 360); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" = 200 ] && break; sleep 0.5; done
sign_in() { # jar user password
  local token
  token=$(curl -fsS -c "$1" -b "$1" "$BASE/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fsS -c "$1" -b "$1" -o /dev/null --data-urlencode "userName=$2" --data-urlencode "password=$3" --data-urlencode "returnUrl=/" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/login"
}
post() { curl -fsS -b "$1" -H 'Content-Type: application/json' -d "$3" "$BASE$2"; }
sign_in "$WORK/admin" admin "$ADMIN_PASSWORD"
ROOT_ID=$(curl -fsS -b "$WORK/admin" "$BASE/api/v1/organisations" | jq '.items[] | select(.parentId == null) | .id')
DEPT=$(post "$WORK/admin" /api/v1/organisations "{\"parentId\":$ROOT_ID,\"code\":\"T-D\",\"name\":\"模板主管部门\",\"kind\":\"Department\"}" | jq .id)
UNIT=$(post "$WORK/admin" /api/v1/organisations "{\"parentId\":$DEPT,\"code\":\"T-U\",\"name\":\"模板单位\",\"kind\":\"Unit\"}" | jq .id)
post "$WORK/admin" /api/v1/users "{\"userName\":\"template\",\"displayName\":\"模板填报人\",\"password\":\"Template-Filler-13\",\"role\":\"单位填报\",\"organisationId\":$UNIT}" >/dev/null
sign_in "$WORK/filler" template Template-Filler-13
# A project self-evaluation the size of the corpus's typical one: 2 funds rows, 8 indicator rows with texts.
jq -n --argjson unit "$UNIT" '{organisationId: $unit, fiscalYear: 2024, form: {
  kind: "ProjectSelfEvaluation", year: 2024, title: "项目支出绩效自评表", project: "模板项目", department: "模板主管部门", unit: "模板单位",
  moneyUnit: "Yuan", statedWeightTotal: 100, statedTotal: 91.5, filler: "张三", head: "李四",
  plannedGoal: ("完成年度建设任务，提升公共服务能力和群众满意度。" * 4), actualGoal: ("按计划完成建设任务，服务能力明显提升。" * 4),
  funds: [
    {label: "年度资金总额", role: "Total", budget: 250000, executed: 215457.60, weight: 10, statedScore: 8.62},
    {label: "其中：当年财政拨款", role: "Part", budget: 250000, executed: 215457.60}],
  indicators: [range(8) | {level1: (if . < 4 then "产出指标" elif . < 7 then "效益指标" else "满意度指标" end),
    level2: (if . < 2 then "数量指标" elif . < 4 then "质量指标" elif . < 7 then "社会效益指标" else "服务对象满意度指标" end),
    name: "指标\(.)", target: "≥\(100 + .)", actual: "\(105 + .)", weight: (if . < 7 then 12 else 6 end), statedScore: (if . < 7 then 11 else 6 end),
    explanation: ("偏差原因：受市场价格变化影响，部分采购延后。" * 2)}]}}' >"$WORK/form.json"
TEMPLATE=$(curl -fsS -b "$WORK/filler" -H 'Content-Type: application/json' -d @"$WORK/form.json" "$BASE/api/v1/forms" | jq .id)
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== filling (template form $TEMPLATE)"
start=$(date +%s.%N)
"${PSQL[@]}" -d jixiao -c "SET fill.template = '$TEMPLATE'" -f "$ROOT/bench/backup/fill.sql" >/dev/null
echo "   filled in $(seconds "$start") s"
count_rows() { # database
  "${PSQL[@]}" -d "$1" -c "SELECT string_agg(format('%s %s', relname, n), ', ' ORDER BY n DESC, relname) || ' = ' || sum(n) FROM (
    SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text::bigint AS n
    FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' AND c.relkind = 'r') t WHERE n > 0"
}
ROWS=$(count_rows jixiao)
echo "   rows: $ROWS"
echo "   database size: $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size('jixiao'))")"

echo "== pg_dump -Fc"
start=$(date +%s.%N)
pg_dump -Fc -h 127.0.0.1 -p "$PGPORT" -U jixiao -d jixiao -f "$WORK/jixiao.dump"
DUMP_S=$(seconds "$start")
echo "   $DUMP_S s, $(du -h "$WORK/jixiao.dump" | cut -f1) (load average $(cut -d' ' -f1 /proc/loadavg))"

echo "== pg_restore into a new database (-j $JOBS)"
"${PSQL[@]}" -c "CREATE DATABASE jixiao_restored OWNER jixiao ENCODING 'UTF8'"
start=$(date +%s.%N)
pg_restore -h 127.0.0.1 -p "$PGPORT" -U jixiao -d jixiao_restored --no-owner -j "$JOBS" "$WORK/jixiao.dump"
RESTORE_S=$(seconds "$start")
echo "   $RESTORE_S s (load average $(cut -d' ' -f1 /proc/loadavg))"
RESTORED=$(count_rows jixiao_restored)
[ "$RESTORED" = "$ROWS" ] && echo "   restored rows equal the original's" || { echo "   RESTORED ROWS DIFFER: $RESTORED"; exit 1; }
echo "== load average now: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "backup: rows=$(echo "$ROWS" | sed 's/.*= //') dump_s=$DUMP_S dump_bytes=$(stat -c %s "$WORK/jixiao.dump") restore_s=$RESTORE_S"

#!/usr/bin/env bash
# A generated province on a throwaway database, loaded through the app's write path, then the app (Release) under load.
# Usage: bench/province/run.sh [--units N] [--sqlite] [--reuse DIR]      (defaults: 1000 units, PostgreSQL)
# --reuse DIR (SQLite): the first run keeps its loaded province in DIR, later runs measure a copy of it instead of
# loading again (a 1,000-unit SQLite load takes a quarter of an hour; the load figure printed is the first run's).
# Environment: SEED=1 DURATION=20s WARMUP=10s PORT=5099 PGPORT=5444 READERS=10 WRITERS=50
# Measures, with wrk on 127.0.0.1: the finance overview, the review queue and the portal search (READERS connections,
# requests rotating over users of every scope, the three years, filters and pages) while a background save load runs;
# the form editor page and the save (WRITERS connections, many units' forms). The last line is
#   province: units=… forms=… rows=… load_s=… overview_p95_ms=… queue_p95_ms=… portal_search_p95_ms=… library_p95_ms=… form_page_p95_ms=… save_p95_ms=… app_rss_mb=…
# Needs: wrk, curl, jq (apt-get install -y wrk curl jq) and, for PostgreSQL, the Debian postgresql package.
set -Eeuo pipefail
UNITS=1000
DB=postgres
REUSE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --units) UNITS=$2; shift 2 ;;
    --sqlite) DB=sqlite; shift ;;
    --reuse) REUSE=$2; shift 2 ;;
    *) echo "unknown argument $1 (use --units N, --sqlite, --reuse DIR)"; exit 2 ;;
  esac
done
SEED=${SEED:-1}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
PORT=${PORT:-5099}
PGPORT=${PGPORT:-5444}
READERS=${READERS:-10}
WRITERS=${WRITERS:-50}
PASSWORD="Bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')X7"
if [ -n "$REUSE" ]; then
  [ "$DB" = sqlite ] || { echo "--reuse keeps a SQLite province only"; exit 2; }
  if [ -f "$REUSE/jixiao.db" ]; then
    [ "$(cat "$REUSE/province")" = "units=$UNITS seed=${SEED:-1}" ] || { echo "$REUSE holds $(cat "$REUSE/province"), not units=$UNITS seed=${SEED:-1}"; exit 2; }
    PASSWORD=$(cat "$REUSE/password")
  fi
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-province.XXXXXX)
chmod 755 "$WORK"
BASE="http://127.0.0.1:$PORT"
APP_PID=""
BG_PID=""
PGBIN=""
cleanup() {
  [ -n "$BG_PID" ] && kill "$BG_PID" 2>/dev/null || true
  if [ -n "$APP_PID" ] && ! kill -0 "$APP_PID" 2>/dev/null; then echo "== the app has stopped; the end of its log:"; tail -40 "$WORK/app.log"; fi
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ -n "$PGBIN" ] && [ -d "$WORK/pg/data" ]; then su postgres -c "$PGBIN/pg_ctl -D $WORK/pg/data -m fast stop" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "run.sh: failed at line $LINENO: $BASH_COMMAND"; [ -f "$WORK/app.log" ] && tail -20 "$WORK/app.log"' ERR

echo "== publishing the app and the command line (Release)"
dotnet publish "$ROOT/src/Jixiao.Web" -c Release -o "$WORK/app" -nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
dotnet publish "$ROOT/src/Jixiao.Cli" -c Release -o "$WORK/cli" -nologo -v q >>"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }

APP_ARGS=(--urls="$BASE" --Jixiao:DataFolder="$WORK/data" --Logging:LogLevel:Default=Warning --Jixiao:AdminPassword="$PASSWORD")
if [ "$DB" = postgres ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg"
  su postgres -c "$PGBIN/initdb -D $WORK/pg/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg/data -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200' -l $WORK/pg/pg.log -w start" >/dev/null
  CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=jixiao_province;Maximum Pool Size=100"
  export ConnectionStrings__Postgres="$CONNECTION"
else
  mkdir -p "$WORK/data"
  CONNECTION="Data Source=$WORK/data/jixiao.db"
fi

if [ -n "$REUSE" ] && [ -f "$REUSE/jixiao.db" ]; then
  echo "== measuring a copy of the province loaded before in $REUSE ($(cat "$REUSE/province"))"
  cp "$REUSE"/jixiao.db* "$WORK/data/"
  cp "$REUSE/load.txt" "$WORK/load.txt"
  LOAD_S=$(cat "$REUSE/load_s")
  LOADS="load(first run)=$(cat "$REUSE/loads")"
else
  echo "== generating and loading $UNITS units ($DB, seed $SEED)"
  LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
  START=$(date +%s.%N)
  dotnet "$WORK/cli/jixiao.dll" generate --units "$UNITS" --seed "$SEED" --database "$CONNECTION" --provider "$DB" --password "$PASSWORD" | tee "$WORK/load.txt"
  LOAD_S=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
  LOADS="load=$LOAD_BEFORE-$(cut -d' ' -f1 /proc/loadavg)"
  if [ -n "$REUSE" ]; then
    # Kept before the app opens it (its saves below change drafts): later runs start from the same province.
    mkdir -p "$REUSE"
    cp "$WORK"/data/jixiao.db* "$REUSE/"
    cp "$WORK/load.txt" "$REUSE/load.txt"
    echo "$LOAD_S" >"$REUSE/load_s"; echo "${LOADS#load=}" >"$REUSE/loads"; echo "$PASSWORD" >"$REUSE/password"
    echo "units=$UNITS seed=$SEED" >"$REUSE/province"
  fi
fi
FORMS=$(grep -o '表 [0-9]* 张' "$WORK/load.txt" | tail -1 | grep -o '[0-9]*')
ROWS=$(grep -o '指标行 [0-9]* 行' "$WORK/load.txt" | tail -1 | grep -o '[0-9]*')

echo "== starting the app ($DB) on $BASE"
(cd "$WORK" && exec dotnet "$WORK/app/Jixiao.Web.dll" "${APP_ARGS[@]}" >"$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 240); do curl -fsS -o /dev/null "$BASE/login" 2>/dev/null && break; sleep 0.5; done

source "$ROOT/bench/province/common.sh"
signin() { signin_at "$BASE" "$1"; }

echo "== signing in users of every scope"
FINANCE=$(signin finance)
[ "$FINANCE" != "jixiao=" ] || { echo "sign-in failed"; tail -20 "$WORK/app.log"; exit 1; }
# Organisation codes: the root, its departments (root + 3 digits), their units (department + 3 digits).
ORGS="$WORK/organisations.jsonl"
dotnet "$WORK/cli/jixiao.dll" generate --units "$UNITS" --seed "$SEED" --out "$WORK/tree" --tree-only >/dev/null
# Every k-th unit, the first included (below 60 units k is 1: NR % 1 == 1 chose none). awk, not head, takes the first lines: head stops reading, jq dies of SIGPIPE, and pipefail ended the 10,000-unit run here.
DEPARTMENTS=$(jq -r 'select(.kind == "Department") | .code' "$WORK/tree/organisations.jsonl" | awk 'NR <= 8')
UNIT_CODES=$(jq -r 'select(.kind == "Unit") | .code' "$WORK/tree/organisations.jsonl" | awk -v n="$UNITS" '(NR - 1) % int(n / 60 + 1) == 0' | awk 'NR <= 60')
declare -A COOKIE
for d in $DEPARTMENTS; do COOKIE[$d]=$(signin "dept-${d,,}"); done
for u in $UNIT_CODES; do COOKIE[$u]=$(signin "unit-${u,,}"); done
# The generated years, from the load's summary line ("（2022—2024年度）").
YEARS=$(grep -o '[0-9]\{4\}—[0-9]\{4\}年度' "$WORK/load.txt" | awk 'NR == 1' | awk -F'—' '{ for (y = $1; y <= $2 + 0; y++) printf "%d ", y }')

echo "== building request lists"
FINANCE_STATES=(FinanceApproved DepartmentApproved)
: >"$WORK/overview.txt"; : >"$WORK/queue.txt"; : >"$WORK/portal.txt"; : >"$WORK/page.txt"; : >"$WORK/forms.txt"; : >"$WORK/library.txt"
for y in $YEARS; do
  for p in 1 2 3; do
    echo -e "$FINANCE\t/overview?year=$y&page=$p" >>"$WORK/overview.txt"
    echo -e "$FINANCE\t/review?year=$y&page=$p" >>"$WORK/queue.txt"
    # The queue's filters are state, department (an id), kind and year (ReviewQueue.razor). Finance's queue holds
    # 主管部门已审核 and 财政已审核 (a department's holds 已提交 only), so finance filters by one of its own states.
    echo -e "$FINANCE\t/review?year=$y&page=$p&state=${FINANCE_STATES[$((p % 2))]}" >>"$WORK/queue.txt"
    for d in $DEPARTMENTS; do
      echo -e "${COOKIE[$d]}\t/overview?year=$y&page=$p" >>"$WORK/overview.txt"
      echo -e "${COOKIE[$d]}\t/review?year=$y&page=$p" >>"$WORK/queue.txt"
      if [ "$p" = 1 ]; then echo -e "${COOKIE[$d]}\t/review?year=$y&page=$p&kind=project-self-evaluation" >>"$WORK/queue.txt"; fi
    done
  done
  # The indicator library (docs/library.md): finance's and departments' first pages of a year with their peer ranges.
  for p in 1 2; do
    echo -e "$FINANCE\t/api/v1/library/indicators?year=$y&page=$p" >>"$WORK/library.txt"
    for d in $DEPARTMENTS; do echo -e "${COOKIE[$d]}\t/api/v1/library/indicators?year=$y&page=$p" >>"$WORK/library.txt"; done
  done
  for q in 中学 医院 农业 公路 项目 数据 专项 培训 养护 救助 图书 环境 监测 服务中心; do
    echo -e "\t/portal?q=$(jq -rn --arg q "$q" '$q | @uri')&year=$y" >>"$WORK/portal.txt"
  done
done
n=0
for u in $UNIT_CODES; do
  c=${COOKIE[$u]}
  curl -fsS -H "Cookie: $c" "$BASE/api/v1/forms?pageSize=100" | jq -r '.items[] | "\(.id) \(.status)"' >"$WORK/unit.$u" || continue
  while read -r id status; do
    echo -e "$c\t/forms/$id" >>"$WORK/page.txt"
    if [ "$status" = Draft ] && [ $n -lt $((WRITERS * 2)) ]; then
      echo -e "$id\t$c\t$(save_body_at "$BASE" "$c" "$id")" >>"$WORK/forms.txt"
      n=$((n + 1))
    fi
  done <"$WORK/unit.$u"
done
echo "   overview $(wc -l <"$WORK/overview.txt"), queue $(wc -l <"$WORK/queue.txt"), portal $(wc -l <"$WORK/portal.txt"), form pages $(wc -l <"$WORK/page.txt"), drafts to save $(wc -l <"$WORK/forms.txt")"
[ -s "$WORK/page.txt" ] && [ -s "$WORK/forms.txt" ] || { echo "no forms found for the signed-in units"; exit 1; }
head -n "$((WRITERS + 2))" "$WORK/forms.txt" >"$WORK/forms.main.txt"
tail -n +"$((WRITERS + 3))" "$WORK/forms.txt" >"$WORK/forms.background.txt"
[ -s "$WORK/forms.background.txt" ] || cp "$WORK/forms.main.txt" "$WORK/forms.background.txt"

p95() { sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' "$1"; }
run() { # name, connections, lua, list variable=file
  local name=$1 connections=$2 script=$3
  shift 3
  env "$@" wrk -t2 -c"$connections" -d"$WARMUP" --timeout 10s -s "$ROOT/bench/province/$script" "$BASE" >/dev/null
  local before; before=$(cut -d' ' -f1 /proc/loadavg)
  env "$@" wrk -t2 -c"$connections" -d"$DURATION" --timeout 10s -s "$ROOT/bench/province/$script" "$BASE" | tee "$WORK/$name.out"
  # The machine may be shared: the 1-minute load average before and after each measured run, beside its figure.
  LOADS="$LOADS $name=$before-$(cut -d' ' -f1 /proc/loadavg)"
  echo "   load average $before → $(cut -d' ' -f1 /proc/loadavg)"
}


echo "== background saves (4 connections) while the reads are measured"
(FORMS="$WORK/forms.background.txt" SAVE_THREADS=1 exec wrk -t1 -c4 -d1h --timeout 10s -s "$ROOT/bench/province/save.lua" "$BASE" >/dev/null 2>&1) &
BG_PID=$!
echo "== finance overview, $READERS connections"; run overview "$READERS" get.lua REQUESTS="$WORK/overview.txt"
echo "== review queue, $READERS connections"; run queue "$READERS" get.lua REQUESTS="$WORK/queue.txt"
echo "== portal search, $READERS connections"; run portal "$READERS" get.lua REQUESTS="$WORK/portal.txt"
echo "== indicator library, $READERS connections"; run library "$READERS" get.lua REQUESTS="$WORK/library.txt"
echo "== form page, $WRITERS connections"; run page "$WRITERS" get.lua REQUESTS="$WORK/page.txt"
kill "$BG_PID" 2>/dev/null || true; wait "$BG_PID" 2>/dev/null || true; BG_PID=""
echo "== save, $WRITERS connections"
# Warmed up like every other case (until 2026-12-06 the save alone was not, so its first seconds measured each draft's
# first save of the run). The measured run then starts from each draft's revision after the warm-up, so that every
# save is a real write, never a conflict.
FORMS="$WORK/forms.main.txt" SAVE_THREADS=2 wrk -t2 -c"$WRITERS" -d"$WARMUP" --timeout 10s -s "$ROOT/bench/province/save.lua" "$BASE" >/dev/null
while IFS=$'\t' read -r id cookie file _; do
  echo -e "$id\t$cookie\t$file\t$(curl -fsS -H "Cookie: $cookie" "$BASE/api/v1/forms/$id" | jq .revision)"
done <"$WORK/forms.main.txt" >"$WORK/forms.main.rev.txt"
SAVE_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
FORMS="$WORK/forms.main.rev.txt" SAVE_THREADS=2 wrk -t2 -c"$WRITERS" -d"$DURATION" --timeout 10s -s "$ROOT/bench/province/save.lua" "$BASE" | tee "$WORK/save.out"
LOADS="$LOADS save=$SAVE_BEFORE-$(cut -d' ' -f1 /proc/loadavg)"
RSS=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "province: units=$UNITS forms=$FORMS rows=$ROWS load_s=$LOAD_S overview_p95_ms=$(p95 "$WORK/overview.out") queue_p95_ms=$(p95 "$WORK/queue.out") portal_search_p95_ms=$(p95 "$WORK/portal.out") library_p95_ms=$(p95 "$WORK/library.out") form_page_p95_ms=$(p95 "$WORK/page.out") save_p95_ms=$(p95 "$WORK/save.out") app_rss_mb=$RSS"
echo "load averages (1 min, before-after each step): $LOADS"

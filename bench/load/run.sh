#!/usr/bin/env bash
# Load test of the web app with wrk on 127.0.0.1 only: the form page and a save, 50 connections, bounded duration.
# Usage: bench/load/run.sh [sqlite|postgres]   (DURATION=20s WARMUP=45s RUNS=3 CONNECTIONS=50 PORT=5098 to change)
# Each case first runs unmeasured for WARMUP: the figures are the app's steady state, after tiered JIT has finished.
# Then RUNS measured runs; the last line of each case is their median (the machine's speed drifts between runs).
# Needs: wrk, curl, jq (apt-get install -y wrk curl jq); for postgres the Debian postgresql package.
set -euo pipefail
DB=${1:-sqlite}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-45s}
RUNS=${RUNS:-3}
CONNECTIONS=${CONNECTIONS:-50}
PORT=${PORT:-5098}
PGPORT=${PGPORT:-5441}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-load.XXXXXX)
chmod 755 "$WORK"
BASE="http://127.0.0.1:$PORT"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && ! kill -0 "$APP_PID" 2>/dev/null; then echo "== the app has stopped; the end of its log:"; tail -40 "$WORK/app.log"; fi
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ "$DB" = postgres ] && [ -d "$WORK/pg/data" ]; then su postgres -c "$PGBIN/pg_ctl -D $WORK/pg/data -m fast stop" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish "$ROOT/src/Jixiao.Web" -c Release -o "$WORK/app" -nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }

ARGS=(--urls="http://127.0.0.1:$PORT" --Jixiao:DataFolder="$WORK/data" --Logging:LogLevel:Default=Warning --demo)
if [ "$DB" = postgres ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg"
  su postgres -c "$PGBIN/initdb -D $WORK/pg/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg/data -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200' -l $WORK/pg/pg.log -w start" >/dev/null
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=jixiao_load;Maximum Pool Size=${PGPOOL:-100}"
fi

echo "== starting the app ($DB, demo mode) on $BASE"
(cd "$WORK" && exec dotnet "$WORK/app/Jixiao.Web.dll" "${ARGS[@]}" >"$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$BASE/login" 2>/dev/null && break; sleep 0.5; done
PASSWORD=$(grep -E '^\s+\S+\s+demo-liuyang\s' "$WORK/app.log" | awk '{print $NF}')

echo "== signing in as demo-liuyang"
JAR="$WORK/cookies"
TOKEN=$(curl -fsS -c "$JAR" "$BASE/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "userName=demo-liuyang" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/account/login"
AUTH_COOKIE="jixiao=$(awk '$6 == "jixiao" {print $7}' "$JAR")"
[ "$AUTH_COOKIE" != "jixiao=" ] || { echo "sign-in failed"; cat "$WORK/app.log"; exit 1; }

echo "== creating $((RUNS + 1)) × $((CONNECTIONS + 2)) draft forms to save into (one set for the warm-up, one per measured run)"
SOURCE_ID=$(curl -fsS -H "Cookie: $AUTH_COOKIE" "$BASE/api/v1/forms?pageSize=50" | jq '[.items[] | select(.status == "Draft")][0].id')
SOURCE=$(curl -fsS -H "Cookie: $AUTH_COOKIE" "$BASE/api/v1/forms/$SOURCE_ID")
echo "$SOURCE" | jq '{organisationId, fiscalYear, projectId: null, form}' >"$WORK/create.json"
create_drafts() {
  local ids=""
  # One spare form per wrk thread: wrk calls a script's request() once without sending it, to check the script.
  for _ in $(seq 1 $((CONNECTIONS + 2))); do
    ids="$ids $(curl -fsS -H "Cookie: $AUTH_COOKIE" -H 'Content-Type: application/json' --data @"$WORK/create.json" "$BASE/api/v1/forms" | jq .id)"
  done
  echo "$ids"
}
for set in $(seq 0 "$RUNS"); do create_drafts >"$WORK/forms.$set"; done
echo "$SOURCE" | jq -c '{revision: 424242, form: (.form | .filler = "__FILLER__")}' | sed 's/424242/__REVISION__/' >"$WORK/save.json"

# The server's processor time (user + system, clock ticks) around each run: on a machine shared with other work the
# wall-clock latency measures the run queue as much as the app; CPU per request is what the app itself costs.
ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
# PostgreSQL works in its own processes on the same two cores: their time counts too. A backend or autovacuum worker
# may end between pgrep and the read: it is skipped (with pipefail its failed read would otherwise stop the script).
db_ticks() { [ "$DB" = postgres ] || { echo 0; return; }; for p in $(pgrep -u postgres || true); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}'; }
HZ=$(getconf CLK_TCK)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() { # name, wrk args...   (save: each run writes to its own set of forms, each starting at revision 1)
  local name=$1; shift
  local before after requests
  if [ "$WARMUP" != 0s ]; then
    [ "$name" = save ] && export FORM_IDS="$(cat "$WORK/forms.0")"
    wrk "$@" -d"$WARMUP" "$BASE" >/dev/null
  fi
  for run in $(seq 1 "$RUNS"); do
    [ "$name" = save ] && export FORM_IDS="$(cat "$WORK/forms.$run")"
    before=$(ticks); db_before=$(db_ticks)
    wrk "$@" -d"$DURATION" "$BASE" | tee "$WORK/$name.txt"
    after=$(ticks); db_after=$(db_ticks)
    requests=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
    awk -v t=$((after - before)) -v hz="$HZ" -v n="$requests" 'BEGIN { printf "server CPU %.1f ms per request (%d requests, %.1f s CPU)\n", 1000 * t / hz / n, n, t / hz }'
    # A backend that ended during the run takes its ticks out of the sum: no figure rather than a wrong one.
    [ "$DB" = postgres ] && awk -v t=$((db_after - db_before)) -v hz="$HZ" -v n="$requests" 'BEGIN { if (t < 0) print "PostgreSQL CPU not measured (a database process ended during the run)"; else printf "PostgreSQL CPU %.1f ms per request\n", 1000 * t / hz / n }'
    echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt") $(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' "$WORK/$name.txt")" >>"$WORK/$name.runs"
  done
  echo "== $name, median of $RUNS runs: $(cut -d' ' -f1 "$WORK/$name.runs" | median) requests/s, p95 $(cut -d' ' -f2 "$WORK/$name.runs" | median) ms (target p95 < 100 ms)"
  return 0
}

export AUTH_COOKIE SAVE_BODY="$WORK/save.json" SAVE_THREADS=2
export PAGE_PATH="/forms/$SOURCE_ID"
echo "== form page (editor, server prerender): GET $PAGE_PATH, $CONNECTIONS connections, $DURATION"
measure page -t2 -c"$CONNECTIONS" --timeout 10s -s "$ROOT/bench/load/page.lua"
export PAGE_PATH="/forms/$SOURCE_ID/print"
echo "== form print view (read-only, static): GET $PAGE_PATH, $CONNECTIONS connections, $DURATION"
measure print -t2 -c"$CONNECTIONS" --timeout 10s -s "$ROOT/bench/load/page.lua"
echo "== save: PUT /api/v1/forms/{id}, $CONNECTIONS connections on $CONNECTIONS forms, $DURATION"
measure save -t2 -c"$CONNECTIONS" --timeout 10s -s "$ROOT/bench/load/save.lua"
echo "== load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

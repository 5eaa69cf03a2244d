#!/usr/bin/env bash
# The indicator library of bench/province/run.sh on SQLite, several builds one after the other on fresh copies of one
# loaded province, compared by the app's processor time per request (the machine is shared: the load moves by more
# than a change makes, so the builds alternate within each round and the processor time says more than the latency).
# Usage: bench/province/library-sqlite.sh APP_DIR...   (each a `dotnet publish` output of src/Jixiao.Web)
# Environment: PROVINCE (required: a folder run.sh --sqlite --reuse filled: jixiao.db, password) PORT=5099 ROUNDS=3
#   WARMUP=10s DURATION=20s READERS=10
# Requests: finance's and the first eight departments' library pages 1 and 2 of every year in the facts, as run.sh asks
# them; no background saves. Each line: build, round, requests/s, latency percentiles, requests, processor time per
# request (utime + stime of the app from /proc), load average before and after.
# Needs: wrk, curl, sqlite3.
set -Eeuo pipefail
[ $# -gt 0 ] || { echo "usage: $0 APP_DIR..."; exit 2; }
PROVINCE=${PROVINCE:?set PROVINCE to a folder run.sh --sqlite --reuse filled}
PORT=${PORT:-5099}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-20s}
READERS=${READERS:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-library.XXXXXX)
PASSWORD=$(cat "$PROVINCE/password")
BASE="http://127.0.0.1:$PORT"
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
source "$ROOT/bench/province/common.sh"
DEPARTMENTS=$(sqlite3 "file:$PROVINCE/jixiao.db?immutable=1" "SELECT Code FROM Organisations WHERE Kind = 'Department' ORDER BY Id LIMIT 8")
YEARS=$(sqlite3 "file:$PROVINCE/jixiao.db?immutable=1" "SELECT DISTINCT Year FROM FormFacts ORDER BY Year")
for r in $(seq 1 "$ROUNDS"); do
  for app in "$@"; do
    rm -rf "$WORK/data"; mkdir -p "$WORK/data"; cp "$PROVINCE"/jixiao.db* "$WORK/data/"
    (cd "$WORK" && exec dotnet "$app/Jixiao.Web.dll" --urls="$BASE" --Jixiao:DataFolder="$WORK/data" --Logging:LogLevel:Default=Warning \
      --Jixiao:AdminPassword="$PASSWORD" >"$WORK/app.log" 2>&1) &
    APP_PID=$!
    for _ in $(seq 1 240); do curl -fsS -o /dev/null "$BASE/login" 2>/dev/null && break; sleep 0.5; done
    : >"$WORK/library.txt"
    for user in finance $(for d in $DEPARTMENTS; do echo "dept-${d,,}"; done); do
      cookie=$(signin_at "$BASE" "$user")
      for y in $YEARS; do for p in 1 2; do echo -e "$cookie\t/api/v1/library/indicators?year=$y&page=$p" >>"$WORK/library.txt"; done; done
    done
    REQUESTS="$WORK/library.txt" wrk -t2 -c"$READERS" -d"$WARMUP" --timeout 10s -s "$ROOT/bench/province/get.lua" "$BASE" >/dev/null
    load0=$(cut -d' ' -f1 /proc/loadavg); cpu0=$(ticks "$APP_PID")
    REQUESTS="$WORK/library.txt" wrk -t2 -c"$READERS" -d"$DURATION" --timeout 10s -s "$ROOT/bench/province/get.lua" "$BASE" >"$WORK/out.txt"
    cpu1=$(ticks "$APP_PID"); load1=$(cut -d' ' -f1 /proc/loadavg)
    n=$(grep -o '[0-9]* requests in' "$WORK/out.txt" | cut -d' ' -f1)
    echo "$app round $r: $(grep Requests/sec "$WORK/out.txt" | xargs), $(grep p95 "$WORK/out.txt"), $n requests," \
      "app processor time per request $(awk -v a="$cpu0" -v b="$cpu1" -v n="$n" -v hz="$HZ" 'BEGIN { printf "%.1f ms", (b - a) * 1000 / hz / n }'), load $load0-$load1"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  done
done

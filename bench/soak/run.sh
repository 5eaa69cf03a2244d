#!/usr/bin/env bash
# The soak of issue 14: the app on a throwaway PostgreSQL, CLIENTS clients for MINUTES minutes saving forms through the
# API, reading forms and pages and uploading files (seed documents and the fuzz harness's hostile files), while this
# script kills the app with SIGKILL twice (at a third and at two thirds of the run) and starts it again. At the end the
# clients' side (bench/Jixiao.Soak) checks that no acknowledged save is lost, no form is half-written and no
# acknowledged upload is lost or stuck; its last line is
#   soak result: lost_saves=0 half_written_forms=0 lost_jobs=0 stuck_jobs=0 unexpected_4xx=0
# Usage: bench/soak/run.sh   (CLIENTS=50 MINUTES=10 PGPORT=5449 PORT=5450 SEED=14; JIXIAO_APP=a published app folder)
# Needs the Debian postgresql package; run as root (PostgreSQL runs as the postgres user).
set -euo pipefail
CLIENTS=${CLIENTS:-50}
MINUTES=${MINUTES:-10}
PGPORT=${PGPORT:-5449}
PORT=${PORT:-5450}
SEED=${SEED:-14}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-soak.XXXXXX)
chmod 755 "$WORK"
BASE="http://127.0.0.1:$PORT"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ADMIN_PASSWORD="Soak-Admin-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
APP_PID=""
DRIVER_PID=""
cleanup() {
  [ -n "$DRIVER_PID" ] && kill "$DRIVER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -d "$WORK/pg/data" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg/data -m fast stop" >/dev/null 2>&1 || true
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ -z "${JIXIAO_APP:-}" ]; then
  echo "== publishing the app (Release)"
  dotnet publish "$ROOT/src/Jixiao.Web" -c Release -o "$WORK/app" -nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
  JIXIAO_APP="$WORK/app"
fi
echo "== building the clients (bench/Jixiao.Soak)"
dotnet build "$ROOT/bench/Jixiao.Soak" -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

echo "== PostgreSQL on 127.0.0.1:$PGPORT (fsync on)"
mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg"
su postgres -s /bin/sh -c "$PGBIN/initdb -D $WORK/pg/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $WORK/pg/data -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200' -l $WORK/pg/pg.log -w start" >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE ROLE jixiao LOGIN PASSWORD 'jixiao'" >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE jixiao OWNER jixiao ENCODING 'UTF8'" >/dev/null

start_app() {
  (
    cd "$JIXIAO_APP"
    # Leases of 20 s instead of 90: a job whose worker was killed is taken again within the run.
    export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGPORT;Username=jixiao;Password=jixiao;Database=jixiao" \
      Jixiao__AdminPassword="$ADMIN_PASSWORD" Jixiao__Imports__LeaseSeconds=20
    exec dotnet "$JIXIAO_APP/Jixiao.Web.dll" --urls "$BASE" --Jixiao:DataFolder="$WORK/data" \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Jixiao=Information
  ) </dev/null >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  local started=$SECONDS
  for _ in $(seq 1 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/healthz" 2>/dev/null)" = 200 ] && { echo "   app up (pid $APP_PID) after $((SECONDS - started)) s"; return 0; }
    sleep 0.5
  done
  echo "the app did not start:"; tail -30 "$WORK/app.log"; exit 1
}

echo "== starting the app on $BASE"
start_app

# The machine is shared: its load average every 10 s, to say how busy it was.
( while sleep 10; do cut -d' ' -f1 /proc/loadavg; done ) >"$WORK/load.txt" &
LOAD_PID=$!

echo "== $CLIENTS clients for $MINUTES minutes"
dotnet "$ROOT/bench/Jixiao.Soak/bin/Release/net10.0/Jixiao.Soak.dll" --url "$BASE" --admin-password "$ADMIN_PASSWORD" \
  --clients "$CLIENTS" --minutes "$MINUTES" --seed "$SEED" 2>&1 | tee "$WORK/soak.log" &
DRIVER_PID=$!

# The clients first sign in and create their forms; the clock of the run starts when they start working.
for _ in $(seq 1 600); do grep -q "clients, .* minutes, against" "$WORK/soak.log" 2>/dev/null && break; sleep 0.5; done
RUN_SECONDS=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
for kill_at in $((RUN_SECONDS / 3)) $((2 * RUN_SECONDS / 3)); do
  sleep $((kill_at - ${elapsed:-0}))
  elapsed=$kill_at
  echo "== $(date -u +%H:%M:%S) kill -9 of the app (pid $APP_PID), ${kill_at} s into the run"
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  start_app
done

wait "$DRIVER_PID"
status=$?
DRIVER_PID=""
kill "$LOAD_PID" 2>/dev/null || true
echo "== load average over the run (every 10 s): min $(sort -n "$WORK/load.txt" | head -1), median $(sort -n "$WORK/load.txt" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'), max $(sort -n "$WORK/load.txt" | tail -1)"
echo "== app errors logged: $(grep -c '^fail:' "$WORK/app.log" || true) (kills and restarts included)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%Y-%m-%d %H:%M UTC')"
exit "$status"

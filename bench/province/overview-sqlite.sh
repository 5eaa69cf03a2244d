#!/usr/bin/env bash
# The finance overview of bench/province/run.sh on SQLite, several builds side by side, each on its own copy of a loaded
# province (as saves-sqlite.sh does for the save).
# Usage: bench/province/overview-sqlite.sh APP_DIR...   (each a `dotnet publish` output of src/Jixiao.Web)
# Environment: PROVINCE (required: a folder `run.sh --sqlite --reuse` filled: jixiao.db and password),
#   PORT=5180 (the first build; the next ones on the following ports) ROUNDS=2 WARMUP=15s DURATION=20s READERS=10
#   BACKGROUND=4 (connections saving drafts on each build while its overview is measured, as run.sh; 0: none)
# Each build starts on its own copy of jixiao.db (a build with a new migration runs it then; the time to its first
# answer is printed), then finance and eight 主管部门 read /overview of every year, pages 1–3 (run.sh's list), READERS
# connections each, all builds at once so that a machine shared with others weighs on every build alike. Each round
# runs unmeasured for WARMUP, then measured for DURATION, reading each app's processor time (user + system,
# /proc/<pid>/stat) before and after: per overview request, background saves included when BACKGROUND > 0.
# Needs: wrk, curl, jq, sqlite3.
set -Eeuo pipefail
[ $# -gt 0 ] || { echo "usage: $0 APP_DIR..."; exit 2; }
PROVINCE=${PROVINCE:?set PROVINCE to a folder run.sh --sqlite --reuse filled}
PORT=${PORT:-5180}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-20s}
READERS=${READERS:-10}
BACKGROUND=${BACKGROUND:-4}
PASSWORD=$(cat "$PROVINCE/password")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-overview.XXXXXX)
APPS=("$@")
BG=()
source "$ROOT/bench/province/common.sh"
trap 'for p in "${BG[@]}"; do kill "$p" 2>/dev/null; done; stop_builds; rm -rf "$WORK"' EXIT
signin() { signin_at "$(base "$1")" "$2"; } # build, user name → the auth cookie ("jixiao=…")

echo "== copying the province for ${#APPS[@]} builds and starting them (the time to each one's first answer includes its migrations)"
copy_province "$PROVINCE"
start_builds

DB0="file:$WORK/data.0/jixiao.db?mode=ro"
DEPARTMENTS=$(sqlite3 "$DB0" "SELECT Code FROM Organisations WHERE Kind = 'Department' ORDER BY Id LIMIT 8")
YEARS=$(sqlite3 "$DB0" "SELECT Year FROM FiscalYears ORDER BY Year")
UNITS=$(sqlite3 "$DB0" "SELECT Code FROM Organisations WHERE Kind = 'Unit' ORDER BY Id" | awk '(NR - 1) % 17 == 0' | awk 'NR <= 60')
echo "== signing in finance and $(wc -w <<<"$DEPARTMENTS") departments on every build; years $(echo $YEARS)"
for i in "${!APPS[@]}"; do
  finance=$(signin "$i" finance)
  : >"$WORK/overview.$i.txt"
  declare -A cookie=()
  for d in $DEPARTMENTS; do cookie[$d]=$(signin "$i" "dept-${d,,}"); done
  for y in $YEARS; do
    for p in 1 2 3; do
      echo -e "$finance\t/overview?year=$y&page=$p" >>"$WORK/overview.$i.txt"
      for d in $DEPARTMENTS; do echo -e "${cookie[$d]}\t/overview?year=$y&page=$p" >>"$WORK/overview.$i.txt"; done
    done
  done
  choose_drafts "$i" $((BACKGROUND * 2)) $UNITS
done

for i in "${!APPS[@]}"; do
  [ "$BACKGROUND" -gt 0 ] || break
  (FORMS="$WORK/forms.$i.txt" SAVE_THREADS=1 exec wrk -t1 -c"$BACKGROUND" -d1h --timeout 10s -s "$ROOT/bench/province/save.lua" "$(base "$i")" >/dev/null 2>&1) &
  BG+=($!)
done

for round in $(seq 1 "$ROUNDS"); do
  for phase in warmup measured; do
    duration=$WARMUP; [ $phase = measured ] && duration=$DURATION
    WRK=()
    before=$(cut -d' ' -f1 /proc/loadavg)
    for i in "${!APPS[@]}"; do
      echo "$(ticks "${PIDS[$i]}")" >"$WORK/ticks.$i"
      (REQUESTS="$WORK/overview.$i.txt" exec wrk -t2 -c"$READERS" -d"$duration" --timeout 10s \
        -s "$ROOT/bench/province/get.lua" "$(base "$i")" >"$WORK/wrk.$i.out" 2>&1) &
      WRK+=($!)
    done
    for p in "${WRK[@]}"; do wait "$p"; done
    [ $phase = measured ] || continue
    after=$(cut -d' ' -f1 /proc/loadavg)
    for i in "${!APPS[@]}"; do
      requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.$i.out")
      cpu=$(( $(ticks "${PIDS[$i]}") - $(cat "$WORK/ticks.$i") ))
      echo "round $round, build $i ($(basename "${APPS[$i]}")): $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.$i.out") overviews/s," \
        "$(grep -m1 '^p50' "$WORK/wrk.$i.out"), $(grep -m1 '^non-2xx' "$WORK/wrk.$i.out")," \
        "app CPU $(awk -v t="$cpu" -v r="$requests" -v hz="$HZ" 'BEGIN { printf "%.1f", t * 1000 / hz / r }') ms per overview," \
        "load average $before → $after"
    done
  done
done

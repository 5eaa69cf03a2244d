#!/usr/bin/env bash
# The save (CASE=save) or the form page (CASE=page) of bench/province/run.sh on SQLite, several builds side by side,
# each on its own copy of a loaded province.
# Usage: bench/province/saves-sqlite.sh APP_DIR...   (each a `dotnet publish` output of src/Jixiao.Web)
# Environment: PROVINCE (required: a folder `run.sh --sqlite --reuse` filled: jixiao.db and password),
#   PORT=5180 (the first build; the next ones on the following ports) ROUNDS=2 WARMUP=15s DURATION=20s WRITERS=50
#   CASE=save, BACKGROUND=0 (page only: connections saving drafts on each build while its pages are measured; run.sh
#   has 4), PROFILE_DIR (when set: `perf record -g` of each app during each measured run, as pages.sh)
# Every build gets its own copy of jixiao.db (the province's 600 MB at 1,000 units each, deleted at the end), so all of
# them save the same 52 drafts of the same 60 units (every 17th) through PUT /api/v1/forms/{id} with save.lua, or read
# the editor page GET /forms/{id} of every form of those units with get.lua, WRITERS connections each, all builds at
# once so that a machine shared with others weighs on every build alike. Each round runs unmeasured for WARMUP, then
# measured for DURATION, reading each app's processor time (user + system, /proc/<pid>/stat) before and after, and
# sampling five times a second how many of its threads sleep in nanosleep (SQLite's busy handler and
# Microsoft.Data.Sqlite's busy retry wait so, a thread each); before each save run the drafts' current revisions are
# read, so no save conflicts.
# Needs: wrk, curl, jq, sqlite3.
set -Eeuo pipefail
[ $# -gt 0 ] || { echo "usage: $0 APP_DIR..."; exit 2; }
PROVINCE=${PROVINCE:?set PROVINCE to a folder run.sh --sqlite --reuse filled}
PORT=${PORT:-5180}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-20s}
WRITERS=${WRITERS:-50}
CASE=${CASE:-save}
BACKGROUND=${BACKGROUND:-0}
PASSWORD=$(cat "$PROVINCE/password")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-saves.XXXXXX)
APPS=("$@")
source "$ROOT/bench/province/common.sh"
BG=()
trap 'for p in "${BG[@]}"; do kill "$p" 2>/dev/null; done; stop_builds; rm -rf "$WORK"' EXIT

echo "== copying the province for ${#APPS[@]} builds and starting them"
copy_province "$PROVINCE"
start_builds

# The units of run.sh: every 17th of the 1,000 (by id, which is the generator's order), 60 of them.
UNITS=$(sqlite3 "file:$WORK/data.0/jixiao.db?mode=ro" "SELECT Code FROM Organisations WHERE Kind = 'Unit' ORDER BY Id" | awk '(NR - 1) % 17 == 0' | awk 'NR <= 60')
if [ "$CASE" = page ]; then
  echo "== signing in $(wc -w <<<"$UNITS") units on every build and listing their forms"
  for i in "${!APPS[@]}"; do
    page_list "$i" $UNITS
    [ "$BACKGROUND" -gt 0 ] || continue
    choose_drafts "$i" $((BACKGROUND * 2)) $UNITS
    (FORMS="$WORK/forms.$i.txt" SAVE_THREADS=1 exec wrk -t1 -c"$BACKGROUND" -d1h --timeout 10s -s "$ROOT/bench/province/save.lua" "$(base "$i")" >/dev/null 2>&1) &
    BG+=($!)
  done
  echo "   form pages $(wc -l <"$WORK/page.0.txt") per build, $BACKGROUND connections saving in the background"
else
  echo "== signing in $(wc -w <<<"$UNITS") units on every build and choosing $((WRITERS + 2)) drafts"
  for i in "${!APPS[@]}"; do choose_drafts "$i" $((WRITERS + 2)) $UNITS; done
fi

revisions() { # build → its drafts list with each draft's current revision
  local id c file
  while IFS=$'\t' read -r id c file _; do
    echo -e "$id\t$c\t$file\t$(curl -fsS -H "Cookie: $c" "$(base "$1")/api/v1/forms/$id" | jq -r '.revision')"
  done <"$WORK/forms.$1.txt" >"$WORK/forms.$1.now.txt"
}

for round in $(seq 1 "$ROUNDS"); do
  for phase in warmup measured; do
    duration=$WARMUP; [ $phase = measured ] && duration=$DURATION
    WRK=()
    [ "$CASE" = page ] || for i in "${!APPS[@]}"; do revisions "$i"; done
    before=$(cut -d' ' -f1 /proc/loadavg)
    [ $phase = warmup ] || profile_builds "$CASE" "$round" "${duration%s}"
    for i in "${!APPS[@]}"; do
      echo "$(ticks "${PIDS[$i]}")" >"$WORK/ticks.$i"
      if [ "$CASE" = page ]; then
        (REQUESTS="$WORK/page.$i.txt" exec wrk -t2 -c"$WRITERS" -d"$duration" --timeout 10s \
          -s "$ROOT/bench/province/get.lua" "$(base "$i")" >"$WORK/wrk.$i.out" 2>&1) &
      else
        (FORMS="$WORK/forms.$i.now.txt" SAVE_THREADS=2 exec wrk -t2 -c"$WRITERS" -d"$duration" --timeout 10s --latency \
          -s "$ROOT/bench/province/save.lua" "$(base "$i")" >"$WORK/wrk.$i.out" 2>&1) &
      fi
      WRK+=($!)
    done
    if [ $phase = measured ]; then
      (while :; do
        for i in "${!APPS[@]}"; do
          echo "$i $(cat /proc/"${PIDS[$i]}"/task/*/wchan 2>/dev/null | tr '\0' '\n' | grep -c nanosleep) $(ls /proc/"${PIDS[$i]}"/task | wc -l)"
        done
        sleep 0.2
      done >"$WORK/sleepers") &
      SAMPLER=$!
    fi
    for p in "${WRK[@]}"; do wait "$p"; done
    [ $phase = measured ] || continue
    for i in "${!APPS[@]}"; do echo "$(ticks "${PIDS[$i]}")" >"$WORK/ticks.after.$i"; done
    kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
    [ ${#PERF[@]} -eq 0 ] || wait "${PERF[@]}"
    after=$(cut -d' ' -f1 /proc/loadavg)
    for i in "${!APPS[@]}"; do
      requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.$i.out")
      cpu=$(( $(cat "$WORK/ticks.after.$i") - $(cat "$WORK/ticks.$i") ))
      echo "round $round, build $i ($(basename "${APPS[$i]}")): $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.$i.out") ${CASE}s/s," \
        "$(grep -m1 '^p50' "$WORK/wrk.$i.out"), $(grep -m1 '^non-2xx' "$WORK/wrk.$i.out")," \
        "app CPU $(awk -v t="$cpu" -v r="$requests" -v hz="$HZ" 'BEGIN { printf "%.2f", t * 1000 / hz / r }') ms per $CASE," \
        "threads asleep in nanosleep $(awk -v i="$i" '$1 == i { s += $2; t += $3; n++ } END { printf "%.1f of %.0f", s / n, t / n }' "$WORK/sleepers")," \
        "load average $before → $after"
    done
  done
done
for i in "${!APPS[@]}"; do
  locked=$(grep -c "database is locked" "$WORK/app.$i.log" || true)
  echo "build $i: 'database is locked' in its log $locked times"
done

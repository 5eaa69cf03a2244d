#!/usr/bin/env bash
# The form page and the save of bench/province/run.sh, several builds side by side, against an existing loaded
# PostgreSQL database (a copy of a generated province), compared by processor time per request.
# Usage: bench/province/pages.sh APP_DIR... (each a `dotnet publish` output of src/Jixiao.Web)
# Environment: CONNECTION (Npgsql connection string, required), PASSWORD_FILE (the generated users' password, required),
#   PORT=5172 (the first build; the next ones on the following ports) ROUNDS=3 WARMUP=180s DURATION=20s WRITERS=50
#   UNITS_EVERY=167, CASES="page save" (either or both), PROFILE_DIR (when set: `perf record -g` of each app during each measured run, written there as
#   perf.<build>.<case>.<round>.data, the apps with perf maps on), DATABASES (one database name per build, copies of
#   CONNECTION's, for a change the database's schema sees: each build then saves into its own copy)
# The builds run at the same time, each on its own port with its own wrk (WRITERS connections) and, for the save, its
# own drafts, so that a machine shared with others' builds weighs on every build alike: on a busy machine the load
# moves from one minute to the next by more than a change makes, and builds measured one after the other compare the
# minutes more than the builds. Each case runs unmeasured for WARMUP (the JIT's tiers settle), then measured for
# DURATION, reading each app's processor time (user + system, /proc/<pid>/stat) and that of its own database backends
# (by application name) before and after, and the time the runtime's tiering thread spent compiling meanwhile ("jit"):
# at a load average of 35–60 that thread took 14 s of processor time over an app's first 2.5 minutes, half of the app's
# time per save in a run with 45 s of warm-up (branch save4), so a "jit" above a few hundredths of "app" means the run
# measured the JIT's warm-up more than the code.
# Needs: wrk, curl, jq, psql.
set -Eeuo pipefail
[ $# -gt 0 ] || { echo "usage: CONNECTION=… PASSWORD_FILE=… $0 APP_DIR..."; exit 2; }
: "${CONNECTION:?set CONNECTION}" "${PASSWORD_FILE:?set PASSWORD_FILE}"
PORT=${PORT:-5172}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-180s}
CASES=${CASES:-page save}
DURATION=${DURATION:-20s}
WRITERS=${WRITERS:-50}
UNITS_EVERY=${UNITS_EVERY:-167}
PASSWORD=$(cat "$PASSWORD_FILE")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-pages.XXXXXX)
APPS=("$@")
N=${#APPS[@]}
# psql's view of the same database: host, port, user and database from the connection string.
field() { tr ';' '\n' <<<"$CONNECTION" | awk -F= -v k="$1" 'tolower($1) == tolower(k) {print $2}'; }
PSQL=(psql -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d "$(field Database)" -Atq)
source "$ROOT/bench/province/common.sh"
trap 'stop_builds; rm -rf "$WORK"' EXIT

database() { # build $1's database
  if [ -n "${DATABASES:-}" ]; then local names=($DATABASES); echo "${names[$1]}"; else field Database; fi
}
build_env() { # each build's own database backends, by application name (pg_ticks)
  export ConnectionStrings__Postgres="$(sed "s/Database=[^;]*/Database=$(database "$1")/I" <<<"$CONNECTION");Application Name=jixiao-bench-$1"
}
jit_ticks() { # pid → "thread id:ticks" of its tiered compilation thread ("" when it is idle: it exits after a while)
  local task
  for task in /proc/"$1"/task/*; do
    # The thread's name holds spaces, so its stat is read after the name's closing parenthesis.
    if grep -q '^.NET Tiered' "$task/comm" 2>/dev/null; then echo "${task##*/}:$(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')"; fi
  done
}
jit_delta() { # start, end (jit_ticks) → ticks spent between (a thread that exited in between took its ticks along: not counted)
  local t0=${1#*:} t1=${2#*:}
  if [ -z "$2" ]; then echo 0; elif [ "${1%%:*}" = "${2%%:*}" ]; then echo $((t1 - t0)); else echo "$t1"; fi
}
label() { echo "$1.$(basename "${APPS[$1]}")"; }
pg_ticks() { # the processor time of build $1's database backends
  local t=0 p
  for p in $("${PSQL[@]}" -c "select pid from pg_stat_activity where application_name = 'jixiao-bench-$1'"); do t=$((t + $(ticks "$p"))); done
  echo "$t"
}

# Through the first build: the keys are in the database, so every build accepts its cookie.
signin() { signin_at "$(base 0)" "$1"; }

start_builds
echo "== request lists"
: >"$WORK/page.txt"; : >"$WORK/forms.txt"
n=0
for user in $("${PSQL[@]}" -c "select \"UserName\" from \"AspNetUsers\" where \"UserName\" like 'unit-%' order by \"UserName\"" | awk -v k="$UNITS_EVERY" '(NR - 1) % k == 0'); do
  c=$(signin "$user")
  curl -fsS -H "Cookie: $c" "$(base 0)/api/v1/forms?pageSize=100" | jq -r '.items[] | "\(.id) \(.status)"' >"$WORK/unit" || continue
  while read -r id status; do
    echo -e "$c\t/forms/$id" >>"$WORK/page.txt"
    if [ "$status" = Draft ] && [ $n -lt $(((WRITERS + 2) * N)) ]; then
      # Drafts dealt to the builds in turn: no two builds save the same form.
      echo -e "$id\t$c\t$(save_body_at "$(base 0)" "$c" "$id")" >>"$WORK/forms.$((n % N)).txt"
      n=$((n + 1))
    fi
  done <"$WORK/unit"
done
echo "   form pages $(wc -l <"$WORK/page.txt"), drafts to save $n ($((n / N)) per build)"

revisions() { # the drafts' current revisions, so that every save is a real write, never a conflict
  local i ids
  for i in "${!APPS[@]}"; do
    ids=$(cut -f1 "$WORK/forms.$i.txt" | paste -sd,)
    "${PSQL[@]}" -d "$(database "$i")" -F $'\t' -c "select \"Id\", \"Revision\" from \"Forms\" where \"Id\" in ($ids)" >"$WORK/revisions"
    awk -F'\t' 'NR == FNR { r[$1] = $2; next } { print $1 "\t" $2 "\t" $3 "\t" r[$1] }' "$WORK/revisions" "$WORK/forms.$i.txt" >"$WORK/forms.$i.rev.txt"
  done
}
load_wrk() { # case, duration, output prefix: one wrk per build, all at once
  local name=$1 duration=$2 out=$3 i
  local wpids=()
  for i in "${!APPS[@]}"; do
    if [ "$name" = page ]; then
      REQUESTS="$WORK/page.txt" wrk -t2 -c"$WRITERS" -d"$duration" --timeout 10s -s "$ROOT/bench/province/get.lua" "$(base "$i")" >"$out.$i" 2>&1 &
    else
      FORMS="$WORK/forms.$i.rev.txt" SAVE_THREADS=2 wrk -t2 -c"$WRITERS" -d"$duration" --timeout 10s -s "$ROOT/bench/province/save.lua" "$(base "$i")" >"$out.$i" 2>&1 &
    fi
    wpids+=($!)
  done
  wait "${wpids[@]}"
}
measure() { # case, round
  local name=$1 round=$2 i
  if [ "$name" = save ]; then revisions; fi
  load_wrk "$name" "$WARMUP" "$WORK/warm"
  if [ "$name" = save ]; then revisions; fi
  local a0=() p0=() a1=() p1=() j0=() j1=()
  local load0; load0=$(cut -d' ' -f1 /proc/loadavg)
  for i in "${!APPS[@]}"; do a0[i]=$(ticks "${PIDS[$i]}"); p0[i]=$(pg_ticks "$i"); j0[i]=$(jit_ticks "${PIDS[$i]}"); done
  profile_builds "$name" "$round" "${DURATION%s}"
  load_wrk "$name" "$DURATION" "$WORK/run"
  for i in "${!APPS[@]}"; do a1[i]=$(ticks "${PIDS[$i]}"); p1[i]=$(pg_ticks "$i"); j1[i]=$(jit_ticks "${PIDS[$i]}"); done
  [ ${#PERF[@]} -eq 0 ] || wait "${PERF[@]}"
  local load1; load1=$(cut -d' ' -f1 /proc/loadavg)
  for i in "${!APPS[@]}"; do
    local out requests p95 failed
    out=$(cat "$WORK/run.$i")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    p95=$(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$out")
    failed=$(awk '/^non-2xx/ {print $2}' <<<"$out")
    # Clock ticks are 1/100 s: ms per request = ticks × 10 / requests.
    awk -v l="$(label "$i")" -v c="$name" -v n="$round" -v r="$requests" -v a=$((a1[i] - a0[i])) -v p=$((p1[i] - p0[i])) -v j="$(jit_delta "${j0[i]}" "${j1[i]}")" -v q="$p95" -v f="$failed" -v d="${DURATION%s}" -v l0="$load0" -v l1="$load1" \
      'BEGIN { printf "round %d  %-14s %-5s %6d req %7.1f req/s  app %5.2f ms/req (jit %4.2f)  pg %5.2f ms/req  p95 %7.1f ms  non-2xx %s  load %s-%s\n", n, l, c, r, r / d, a * 10 / r, j * 10 / r, p * 10 / r, q, f, l0, l1 }' | tee -a "$WORK/results.txt"
  done
}

for round in $(seq 1 "$ROUNDS"); do
  [ "$round" = 1 ] || start_builds
  for c in $CASES; do measure "$c" "$round"; done
  stop_builds
done
echo "== results (load average: 1 min, before-after each run)"
sort -k3,3 -k4,4 -s "$WORK/results.txt"

#!/usr/bin/env bash
# A long fuzz round in chunks, one process per chunk, so a harness that dies (or a machine that needs its cores back)
# loses one chunk, not the round. Each chunk's report goes to OUT/<formats>-<first>.log; sum them for the round.
#   bench/Jixiao.Fuzz/chunks.sh FORMATS TOTAL [CHUNK] [SEED] [OUT] [START]
# (cases START..TOTAL-1; two processes over halves of one format share the round out)
#   e.g. nice -n 10 bench/Jixiao.Fuzz/chunks.sh pdf 10000 2000 1205 /tmp/fuzz
# Build first: dotnet build bench/Jixiao.Fuzz -c Release. FUZZ_DLL runs a copy of the build instead (so that building
# the tests, which rebuilds the harness, does not replace it under a running round).
set -u
formats=$1 total=$2 chunk=${3:-2000} seed=${4:-2026} out=${5:-fuzz-round} start=${6:-0}
dll=${FUZZ_DLL:-"$(dirname "$0")/bin/Release/net10.0/Jixiao.Fuzz.dll"}
mkdir -p "$out"
for ((first = start; first < total; first += chunk)); do
  count=$((total - first < chunk ? total - first : chunk))
  log="$out/${formats//,/-}-$first.log"
  [[ -s $log ]] && grep -q '^total ' "$log" && continue  # done in an earlier run
  echo "$(date -u +%H:%M:%S) $formats cases $first..$((first + count - 1)), load $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$dll" --formats "$formats" --seed "$seed" --first "$first" --cases "$count" --no-hostile --save "$out/failures" >"$log" 2>&1
  echo "$(date -u +%H:%M:%S) exit $? : $(grep -E '^(txt|xlsx|docx|html|pdf) ' "$log" | tr -s ' ' | tr '\n' ';')"
done

#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine: installs what the tests need when it is missing
# (PostgreSQL, nginx, chromium, CJK fonts, poppler), starts a throwaway PostgreSQL, and ends with
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || need+=(nginx)   # the two-instance tests put nginx in front (scripts/two-instances.sh)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A throwaway PostgreSQL on 127.0.0.1:5433 for the data tests; removed at exit.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
stop_pg() { [ -n "${PGBIN:-}" ] && as_root su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -m immediate stop" >/dev/null 2>&1; rm -rf "$PGDIR"; }
trap stop_pg EXIT
if [ -n "$PGBIN" ]; then
  chown postgres: "$PGDIR" 2>/dev/null || true
  if as_root su postgres -c "$PGBIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" &&
     as_root su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -o '-p 5433 -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $PGDIR/pg.log -w start >/dev/null"; then
    psql -h 127.0.0.1 -p 5433 -U postgres -qc "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" >/dev/null
    export JIXIAO_TEST_POSTGRES="Host=127.0.0.1;Port=5433;Username=app;Password=app;Database=jixiao_test"
  else
    echo "warning: PostgreSQL did not start; PostgreSQL tests will be skipped"
  fi
fi

dotnet build Jixiao.slnx -c Release -nologo -v q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# CI fails when the EF model changed without a migration (both providers).
if [ -f .config/dotnet-tools.json ] && [ -d src/Jixiao.Data ]; then
  dotnet tool restore >/dev/null
  for ctx in SqliteAppDbContext PostgresAppDbContext; do
    if ! dotnet ef migrations has-pending-model-changes --project src/Jixiao.Data --context $ctx --no-build --configuration Release >/dev/null 2>&1; then
      echo "missing migration for $ctx: run dotnet ef migrations add"; echo "0 passed, 1 failed, 0 skipped"; exit 1
    fi
  done
fi

log=$(mktemp)
dotnet test Jixiao.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
awk '/(Passed|Failed)! +- /{
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log" > "$log.sum"
# A run that failed without a failed test (a build error, a class fixture's cleanup) still counts one failure.
if [ "$status" -ne 0 ] && grep -q " 0 failed," "$log.sum"; then sed -i 's/ 0 failed,/ 1 failed,/' "$log.sum"; fi
cat "$log.sum"
rm -f "$log" "$log.sum"
exit "$status"

#!/usr/bin/env bash
# The main job: the web app on an embedded SQLite database with demo data, at http://127.0.0.1:5000
# (JIXIAO_URLS=http://0.0.0.0:8080 ./scripts/run.sh listens elsewhere; further arguments go to the app).
# The demo accounts and their passwords are printed at start. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# Published output, not the plain build: Blazor's static assets are served from it in Production (stack notes).
dotnet publish src/Jixiao.Web -c Release -o artifacts/web -nologo -v q
cd artifacts/web
exec dotnet Jixiao.Web.dll --demo --urls "${JIXIAO_URLS:-http://127.0.0.1:5000}" --Jixiao:DataFolder="$root/data" "$@"

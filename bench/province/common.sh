# Sourced by the scripts here (needs WORK and PASSWORD): what they do against a running app.

signin_at() { # base URL, user name → the auth cookie ("jixiao=…"), through the sign-in form and its antiforgery token
  local jar="$WORK/jar.${1##*:}.$2" token
  token=$(curl -fsS -c "$jar" "$1/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "userName=$2" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "$1/account/login"
  echo "jixiao=$(awk '$6 == "jixiao" {print $7}' "$jar")"
}

save_body_at() { # base URL, cookie, form id → the file save.lua sends for it: the form as read, its revision and filler placeholders
  curl -fsS -H "Cookie: $2" "$1/api/v1/forms/$3" | jq -c '{revision: 424242, form: (.form | .filler = "__FILLER__")}' | sed 's/424242/__REVISION__/' >"$WORK/body.$3.json"
  echo "$WORK/body.$3.json"
}

# The scripts that run several builds side by side (pages.sh, saves-sqlite.sh, overview-sqlite.sh; they set APPS, PORT,
# WORK and PASSWORD): build i answers on PORT + i, keeps its data in $WORK/data.i and logs to $WORK/app.i.log; PIDS
# holds the running apps. A script may define build_env (build index → exports for that app) before start_builds.
# PROFILE_DIR (when set): the apps start with perf maps on, and profile_builds records each with `perf record -g`.
PIDS=()
HZ=$(getconf CLK_TCK)
base() { echo "http://127.0.0.1:$((PORT + $1))"; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; } # a process's processor time, in clock ticks
start_builds() { # every build at once; returns when each answers (a build may migrate its database first: up to 10 min)
  local i start
  start=$(date +%s.%N)
  PIDS=()
  for i in "${!APPS[@]}"; do
    mkdir -p "$WORK/data.$i"
    (cd "$WORK" && if declare -F build_env >/dev/null; then build_env "$i"; fi
      if [ -n "${PROFILE_DIR:-}" ]; then export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0; fi
      exec dotnet "${APPS[$i]}/Jixiao.Web.dll" --urls="$(base "$i")" \
      --Jixiao:DataFolder="$WORK/data.$i" --Logging:LogLevel:Default=Warning --Jixiao:AdminPassword="$PASSWORD" >>"$WORK/app.$i.log" 2>&1) &
    PIDS+=($!)
  done
  for i in "${!APPS[@]}"; do
    for _ in $(seq 1 1200); do
      if curl -fsS -o /dev/null "$(base "$i")/login" 2>/dev/null; then
        echo "   build $i ($(basename "${APPS[$i]}")) answers $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }') s after the start, load average $(cut -d' ' -f1 /proc/loadavg)"
        continue 2
      fi
      sleep 0.5
    done
    echo "build $i did not start"; tail -20 "$WORK/app.$i.log"; exit 1
  done
}
PERF=()
profile_builds() { # case, round, seconds → a `perf record -g` of every build for that long (PERF: their pids), when PROFILE_DIR is set
  local i
  PERF=()
  [ -n "${PROFILE_DIR:-}" ] || return 0
  for i in "${!APPS[@]}"; do
    perf record -F 999 -g -p "${PIDS[$i]}" -o "$PROFILE_DIR/perf.$i.$(basename "${APPS[$i]}").$1.$2.data" -- sleep "$3" >/dev/null 2>&1 &
    PERF+=($!)
  done
}
stop_builds() { local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done; PIDS=(); }
copy_province() { # folder run.sh --sqlite --reuse filled → a copy of its database for every build
  local i
  for i in "${!APPS[@]}"; do mkdir -p "$WORK/data.$i" && cp "$1"/jixiao.db* "$WORK/data.$i/"; done
}
page_list() { # build, unit codes… → $WORK/page.BUILD.txt: "cookie<TAB>/forms/ID" of every form of those units (run.sh's page step)
  local build=$1 u c
  shift
  : >"$WORK/page.$build.txt"
  for u in "$@"; do
    c=$(signin_at "$(base "$build")" "unit-${u,,}")
    curl -fsS -H "Cookie: $c" "$(base "$build")/api/v1/forms?pageSize=100" | jq -r --arg c "$c" '.items[] | "\($c)\t/forms/\(.id)"' >>"$WORK/page.$build.txt"
  done
}
choose_drafts() { # build, how many, unit codes… → $WORK/forms.BUILD.txt: draft id, its unit's cookie, the body save.lua sends
  local build=$1 most=$2 n=0 u c id
  shift 2
  : >"$WORK/forms.$build.txt"
  for u in "$@"; do
    [ $n -lt "$most" ] || break
    c=$(signin_at "$(base "$build")" "unit-${u,,}")
    for id in $(curl -fsS -H "Cookie: $c" "$(base "$build")/api/v1/forms?pageSize=100" | jq -r '.items[] | select(.status == "Draft") | .id'); do
      [ $n -lt "$most" ] || break
      echo -e "$id\t$c\t$(save_body_at "$(base "$build")" "$c" "$id")" >>"$WORK/forms.$build.txt"
      n=$((n + 1))
    done
  done
}

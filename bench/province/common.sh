# Sourced by run.sh and pages.sh (needs WORK and PASSWORD): what both do against a running app.

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

# shellcheck shell=bash disable=SC2034 # the variables set here are for the scripts that source this file
# Shared by the wrk benchmarks, benchmarks/http/run-wrk.sh and run-inbox.sh (sourced once ROOT is set): the wrk
# settings, an app's build, the signed appliance/create payload and wrk's Lua script, starting and checking the apps
# (each under a key, with its LABEL, PID, BASE and URL), a wrk run with its figures, and the report's arithmetic.

# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

THREADS="${WRK_THREADS:-1}"
CONNECTIONS="${WRK_CONNECTIONS:-16}"
DURATION="${WRK_DURATION:-10s}"
WARMUP="${WRK_WARMUP:-5s}"
ROUNDS="${WRK_ROUNDS:-3}"
ROUTE="/gridx/events/appliance/create"
SECRET="wrk-benchmark-secret-$RANDOM$RANDOM"

PIDS=()     # the apps
PORTS=()    # the loopback ports taken so far
WRK_PID=""  # the wrk run in progress
# Per app key: its name in messages, its process, http://127.0.0.1:<port>, and the URL of $ROUTE.
declare -gA LABEL=() PID=() BASE=() URL=()

# ---------------------------------------------------------------------------------------------------------- tools
# Fails unless curl, openssl and awk are there; installs wrk when it is missing.
require_wrk_tools() {
  require_tools curl openssl awk
  apt_install wrk wrk
}

# Installs a package with apt-get unless its command is on PATH already.
apt_install() { # command package
  command -v "$1" >/dev/null && return
  log "installing $2 (apt-get)"
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
  command -v "$1" >/dev/null || fail "could not install $2"
}

# ---------------------------------------------------------------------------------------------------------- build
# Builds a project (Release) into $WORK/artifacts, so that nothing lands in the repo's bin/obj, and checks its dll.
build_app() { # project name
  local project="$1" name="$2" dll
  log "building $name (Release)"
  dotnet_logged "$WORK/build-$name.log" "build of $project failed" \
    build "$project" -c Release --artifacts-path "$WORK/artifacts"
  dll="$(app_dir "$name")/$name.dll"
  [ -f "$dll" ] || fail "build of $project did not produce $dll"
}

# Prints the folder of a built app.
app_dir() { echo "$WORK/artifacts/bin/$1/release"; }

# ---------------------------------------------------------------------------------------------------------- payload
# Writes the spec's appliance/create event (built from the examples of specs/gridx/webhooks.yaml) to BODY_FILE and
# signs it once: SIGNATURE is its X-Signature, sha512=<hex HMAC-SHA512 of the body>.
write_payload() {
  BODY_FILE="$WORK/appliance-create.json"
  printf '%s' '{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","time":"2024-05-06T07:08:09.123+02:00","dataContentType":"application/json","specVersion":"1.0","source":"/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f","correlationID":"0b7a9c52-7e0f-4a55-9f0c-2a8f3e1d6b11","type":"appliance/create","data":{"applianceID":"fc0a6ac7-64ce-4276-a7cd-bace946af433","gatewayID":"25ccab17-cd40-4db1-a320-a986d1c15fb1","model":"Baz","manufacturer":"Iskraemeco","type":"METER","kind":"BATTERY","name":"ExampleMeter","serialNumber":"9312355","systemID":"c9db369e-7cf8-4ad1-ade5-46f61a5125c2","systemName":"ExampleSystem"}}' >"$BODY_FILE"
  SIGNATURE="sha512=$(openssl dgst -sha512 -hmac "$SECRET" "$BODY_FILE" | awk '{print $NF}')"
  [[ "$SIGNATURE" =~ ^sha512=[0-9a-f]{128}$ ]] || fail "could not compute the signature with openssl"
}

# Writes LUA, wrk's script: it posts the signed body, its response hook counts every status other than 200, and done()
# prints the machine-readable RESULT line that run_wrk reads (wrk's own summary is printed too).
write_lua() {
  LUA="$WORK/post.lua"
  {
    echo 'wrk.method = "POST"'
    echo 'wrk.headers["Content-Type"] = "application/json"'
    echo "wrk.headers[\"X-Signature\"] = \"$SIGNATURE\""
    echo "wrk.body = [==[$(cat "$BODY_FILE")]==]"
    cat <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non200 = 0; last = 0 end
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1; last = status end
end
function done(summary, latency, requests)
  local bad, last = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non200")
    if t:get("last") ~= 0 then last = t:get("last") end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%.1f p99_us=%.1f non200=%d last_non200=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad, last,
    e.connect + e.read + e.write + e.timeout))
end
LUA
  } >"$LUA"
}

# ---------------------------------------------------------------------------------------------------------- apps
# Takes a free loopback port that no other server of this run has, into the variable named.
claim_port() { # variable
  local candidate
  candidate="$(free_port)"
  while [[ " ${PORTS[*]} " == *" $candidate "* ]]; do candidate="$(free_port)"; done
  PORTS+=("$candidate")
  printf -v "$1" '%s' "$candidate"
}

# Starts a built app in the background on a port of its own, with any NAME=value settings added to the common ones;
# sets its PID, BASE and URL. Its output goes to $WORK/server-<key>.log.
start_server() { # key name [NAME=value...]
  local key="$1" name="$2" port
  shift 2
  claim_port port
  BASE[$key]="http://127.0.0.1:$port"
  URL[$key]="${BASE[$key]}$ROUTE"
  # Dedup by event id is off: wrk repeats one event id, so with dedup on the app would answer repeats without parsing
  # them or calling the handler (and the hand-written receiver has none).
  (
    cd "$(app_dir "$name")" || exit
    exec env "$@" \
      Webhooks__GridXReceiver__Secret="$SECRET" \
      Webhooks__GridXReceiver__Idempotency__Enabled=false \
      Logging__LogLevel__Default=Warning \
      ASPNETCORE_ENVIRONMENT=Production \
      dotnet "$name.dll" --urls "${BASE[$key]}"
  ) >"$WORK/server-$key.log" 2>&1 &
  PID[$key]=$!
  PIDS+=("$!")
}

# Stops the wrk run in progress and the apps.
stop_servers() { stop_pids "$WRK_PID" "${PIDS[@]}"; }

# Posts the payload to a URL, with the X-Signature given if any; prints the status code.
post() { # url [signature]
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' --data-binary "@$BODY_FILE")
  [ -n "${2:-}" ] && args+=(-H "X-Signature: $2")
  curl "${args[@]}" "$1" || true
}

# Fails, with the app's output, unless the app is still running.
alive() { # key [when]
  kill -0 "${PID[$1]}" 2>/dev/null && return
  cat "$WORK/server-$1.log" >&2
  fail "${LABEL[$1]} exited${2:+ $2}"
}

# Waits up to 60 s for the app to answer a signed request with 200.
wait_ready() { # key
  local key="$1" code deadline=$((SECONDS + 60))
  while :; do
    alive "$key" "during startup"
    code="$(post "${URL[$key]}" "$SIGNATURE")"
    [ "$code" = "200" ] && return
    if [ "$SECONDS" -ge "$deadline" ]; then
      cat "$WORK/server-$key.log" >&2
      fail "${LABEL[$key]} did not answer 200 to a signed request within 60 s (last status: $code)"
    fi
    sleep 0.1
  done
}

# Checks that the app answers 200 to a signed request and 401 or 403 to an unsigned or wrongly signed one; says so.
verify() { # key
  local key="$1" name="${LABEL[$1]}" url="${URL[$1]}" code unsigned
  code="$(post "$url" "$SIGNATURE")"
  [ "$code" = "200" ] || fail "$name: a signed request got $code, expected 200"
  code="$(post "$url")"
  [[ "$code" == 401 || "$code" == 403 ]] || fail "$name: an unsigned request got $code, expected 401 or 403"
  unsigned="$code"
  code="$(post "$url" "sha512=$(printf '%0128d' 0)")"
  [[ "$code" == 401 || "$code" == 403 ]] || fail "$name: a request with a wrong signature got $code, expected 401 or 403"
  echo "  $name: signed -> 200, unsigned -> $unsigned, wrong signature -> $code"
}

# ---------------------------------------------------------------------------------------------------------- wrk
# Runs wrk against the app for a duration and checks its figures; sets WRK_REQUESTS, WRK_RPS and WRK_P99 (ms).
# Not to be called in $(...): its failures must stop the script.
run_wrk() { # key duration label
  local key="$1" duration="$2" label="$3" out
  out="$WORK/wrk-$key-${label// /-}.txt"
  # In the background and waited for, so that an interrupt stops the script (and wrk) at once.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$LUA" "${URL[$key]}" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { WRK_PID=""; cat "$out" >&2; fail "wrk failed against ${URL[$key]}"; }
  WRK_PID=""
  read_wrk_result "$out" "${URL[$key]}" "$label"
}

# Reads the RESULT line of a wrk output; fails on no request, a status other than 200 or a socket error.
read_wrk_result() { # output-file url label
  local out="$1" url="$2" label="$3" line requests non200 errors
  line="$(grep '^RESULT ' "$out")" || { cat "$out" >&2; fail "wrk printed no result"; }
  requests="$(result_field "$line" requests)"; non200="$(result_field "$line" non200)"; errors="$(result_field "$line" socket_errors)"
  [ "$requests" -gt 0 ] || fail "wrk made no request to $url ($label)"
  [ "$non200" -eq 0 ] || { cat "$out" >&2; fail "$non200 of $requests responses from $url were not 200 (e.g. $(result_field "$line" last_non200)) during $label"; }
  [ "$errors" -eq 0 ] || { cat "$out" >&2; fail "wrk saw $errors socket errors against $url during $label"; }
  WRK_REQUESTS="$requests"
  WRK_RPS="$(awk -v r="$requests" -v d="$(result_field "$line" duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }')"
  WRK_P99="$(awk -v p="$(result_field "$line" p99_us)" 'BEGIN { printf "%.2f", p / 1000 }')"
}

# Prints the value of one name=value field of a RESULT line.
result_field() { # line name
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

# ---------------------------------------------------------------------------------------------------------- report
# Prints the median of a column of a results file, to two decimals.
median() { # column file
  awk -v c="$1" '{ print $c }' "$2" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Prints a column of a results file as a comma-separated list.
list() { awk -v c="$1" '{ printf "%s%s", (NR > 1 ? ", " : ""), $c }' "$2"; }

# Prints a / b to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Sets the machine's figures of the report (machine_facts) and WRK_VERSION.
wrk_machine_facts() {
  machine_facts
  WRK_VERSION="$({ wrk -v 2>&1 || true; } | awk 'NR == 1 { print $1, $2 }')"
}

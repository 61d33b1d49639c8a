#!/usr/bin/env bash
# HTTP throughput and tail latency over loopback: the generated gridX receiver (samples/GridX.Receiver) against the
# hand-written one (benchmarks/WebhookGen.Benchmarks.BaselineApp), both serving
# POST /gridx/events/appliance/create with the same X-Signature check (sha512=<hex HMAC-SHA512 of the raw body>).
#
#   benchmarks/http/run-wrk.sh              # builds both apps (Release), runs wrk, writes benchmarks/results/http.md
#
# Tunables (environment): WRK_THREADS (1), WRK_CONNECTIONS (16), WRK_DURATION (10s), WRK_WARMUP (5s), WRK_ROUNDS (3).
# Installs wrk with apt-get when it is missing. Takes about 2 to 3 minutes.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

THREADS="${WRK_THREADS:-1}"
CONNECTIONS="${WRK_CONNECTIONS:-16}"
DURATION="${WRK_DURATION:-10s}"
WARMUP="${WRK_WARMUP:-5s}"
ROUNDS="${WRK_ROUNDS:-3}"
ROUTE="/gridx/events/appliance/create"
SECRET="wrk-benchmark-secret-$RANDOM$RANDOM"
RESULT="$ROOT/benchmarks/results/http.md"

# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

WORK="$(mktemp -d)"
PIDS=()     # the servers
WRK_PID=""  # the wrk run in progress
cleanup() {
  local pid
  if [ -n "$WRK_PID" ]; then kill "$WRK_PID" 2>/dev/null || true; fi
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'printf "\nFAILED: line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

started=$SECONDS
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------------------------------------------------- tools
for tool in curl openssl awk; do
  command -v "$tool" >/dev/null || fail "$tool is required"
done
if ! command -v wrk >/dev/null; then
  log "installing wrk (apt-get)"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  command -v wrk >/dev/null || fail "could not install wrk"
fi

# ---------------------------------------------------------------------------------------------------------- build
# Each build writes to its own artifacts folder under $WORK: nothing lands in the repo's bin/obj.
build() { # project name
  local project="$1" name="$2"
  log "building $name (Release)"
  if ! dotnet build "$project" -c Release --artifacts-path "$WORK/artifacts" -tl:off -v:minimal -nologo >"$WORK/build-$name.log" 2>&1; then
    cat "$WORK/build-$name.log" >&2
    fail "build of $project failed"
  fi
  local dll="$WORK/artifacts/bin/$name/release/$name.dll"
  [ -f "$dll" ] || fail "build of $project did not produce $dll"
}

GEN_NAME="GridX.Receiver"
BASE_NAME="WebhookGen.Benchmarks.BaselineApp"
build samples/GridX.Receiver "$GEN_NAME"
build benchmarks/WebhookGen.Benchmarks.BaselineApp "$BASE_NAME"

# ---------------------------------------------------------------------------------------------------------- payload
# The spec's appliance/create event, built from the examples of specs/gridx/webhooks.yaml. Signed once.
BODY_FILE="$WORK/appliance-create.json"
printf '%s' '{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","time":"2024-05-06T07:08:09.123+02:00","dataContentType":"application/json","specVersion":"1.0","source":"/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f","correlationID":"0b7a9c52-7e0f-4a55-9f0c-2a8f3e1d6b11","type":"appliance/create","data":{"applianceID":"fc0a6ac7-64ce-4276-a7cd-bace946af433","gatewayID":"25ccab17-cd40-4db1-a320-a986d1c15fb1","model":"Baz","manufacturer":"Iskraemeco","type":"METER","kind":"BATTERY","name":"ExampleMeter","serialNumber":"9312355","systemID":"c9db369e-7cf8-4ad1-ade5-46f61a5125c2","systemName":"ExampleSystem"}}' >"$BODY_FILE"
SIGNATURE="sha512=$(openssl dgst -sha512 -hmac "$SECRET" "$BODY_FILE" | awk '{print $NF}')"
[[ "$SIGNATURE" =~ ^sha512=[0-9a-f]{128}$ ]] || fail "could not compute the signature with openssl"

# wrk posts the fixed signed body; the response hook counts every status other than 200, and done() prints
# machine-readable figures (wrk's own summary is printed too).
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

# ---------------------------------------------------------------------------------------------------------- servers
start_server() { # key name port
  local key="$1" name="$2" port="$3"
  local dir="$WORK/artifacts/bin/$name/release"
  # Dedup by event id is turned off for the generated receiver: the hand-written one has none, and wrk repeats
  # one event id, so with dedup on the generated app would answer repeats without parsing or calling the handler.
  (
    cd "$dir"
    exec env \
      Webhooks__GridXReceiver__Secret="$SECRET" \
      Webhooks__GridXReceiver__Idempotency__Enabled=false \
      Logging__LogLevel__Default=Warning \
      ASPNETCORE_ENVIRONMENT=Production \
      dotnet "$name.dll" --urls "http://127.0.0.1:$port"
  ) >"$WORK/server-$key.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  eval "PID_$key=$pid"
}

post() { # url [signature]: prints the status code
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' --data-binary "@$BODY_FILE")
  [ -n "${2:-}" ] && args+=(-H "X-Signature: $2")
  curl "${args[@]}" "$1" || true
}

wait_ready() { # key name url
  local key="$1" name="$2" url="$3" pid_var="PID_$1" code
  local deadline=$((SECONDS + 60))
  while :; do
    if ! kill -0 "${!pid_var}" 2>/dev/null; then
      cat "$WORK/server-$key.log" >&2
      fail "$name exited during startup"
    fi
    code="$(post "$url" "$SIGNATURE")"
    [ "$code" = "200" ] && return
    if [ "$SECONDS" -ge "$deadline" ]; then
      cat "$WORK/server-$key.log" >&2
      fail "$name did not answer 200 to a signed request within 60 s (last status: $code)"
    fi
    sleep 0.1
  done
}

verify() { # key name url
  local key="$1" name="$2" url="$3" code
  code="$(post "$url" "$SIGNATURE")"
  [ "$code" = "200" ] || fail "$name: a signed request got $code, expected 200"
  code="$(post "$url")"
  [[ "$code" == 401 || "$code" == 403 ]] || fail "$name: an unsigned request got $code, expected 401 or 403"
  local unsigned="$code"
  code="$(post "$url" "sha512=$(printf '%0128d' 0)")"
  [[ "$code" == 401 || "$code" == 403 ]] || fail "$name: a request with a wrong signature got $code, expected 401 or 403"
  echo "  $name: signed -> 200, unsigned -> $unsigned, wrong signature -> $code"
}

PORT_A="$(free_port)"
start_server A "$GEN_NAME" "$PORT_A"
PORT_B="$(free_port)"
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B="$(free_port)"; done
start_server B "$BASE_NAME" "$PORT_B"
URL_A="http://127.0.0.1:$PORT_A$ROUTE"
URL_B="http://127.0.0.1:$PORT_B$ROUTE"

log "starting both apps (Production, log level Warning, generated receiver with dedup off)"
wait_ready A "generated ($GEN_NAME)" "$URL_A"
wait_ready B "hand-written ($BASE_NAME)" "$URL_B"
verify A "generated ($GEN_NAME)" "$URL_A"
verify B "hand-written ($BASE_NAME)" "$URL_B"

# ---------------------------------------------------------------------------------------------------------- wrk
run_wrk() { # key url duration label: appends "requests duration_us p99_us" to $WORK/results-<key> unless warm-up
  local key="$1" url="$2" duration="$3" label="$4" out line
  out="$WORK/wrk-$key-${label// /-}.txt"
  # In the background and waited for, so that an interrupt stops the script (and wrk) at once.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$LUA" "$url" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { WRK_PID=""; cat "$out" >&2; fail "wrk failed against $url"; }
  WRK_PID=""
  line="$(grep '^RESULT ' "$out")" || { cat "$out" >&2; fail "wrk printed no result"; }
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  local requests non200 last errors
  requests="$(field requests)"; non200="$(field non200)"; last="$(field last_non200)"; errors="$(field socket_errors)"
  [ "$requests" -gt 0 ] || fail "wrk made no request to $url ($label)"
  [ "$non200" -eq 0 ] || { cat "$out" >&2; fail "$non200 of $requests responses from $url were not 200 (e.g. $last) during $label"; }
  [ "$errors" -eq 0 ] || { cat "$out" >&2; fail "wrk saw $errors socket errors against $url during $label"; }
  local rps p99
  rps="$(awk -v r="$requests" -v d="$(field duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }')"
  p99="$(awk -v p="$(field p99_us)" 'BEGIN { printf "%.2f", p / 1000 }')"
  printf '  %-13s %-10s %8s req/s   p99 %6s ms   (%s requests, all 200)\n' "$([ "$key" = A ] && echo generated || echo hand-written)" "$label" "$rps" "$p99" "$requests"
  if [ "$label" != warm-up ]; then
    echo "$rps $p99" >>"$WORK/results-$key"
  fi
}

log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP each, then A/B interleaved x $ROUNDS"
run_wrk A "$URL_A" "$WARMUP" warm-up
run_wrk B "$URL_B" "$WARMUP" warm-up
for round in $(seq 1 "$ROUNDS"); do
  run_wrk A "$URL_A" "$DURATION" "round $round"
  run_wrk B "$URL_B" "$DURATION" "round $round"
done

# Both still answer correctly after the load.
verify A "generated ($GEN_NAME)" "$URL_A" >/dev/null
verify B "hand-written ($BASE_NAME)" "$URL_B" >/dev/null

# ---------------------------------------------------------------------------------------------------------- report
median() { # column file
  awk -v c="$1" '{ print $c }' "$2" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
list() { awk -v c="$1" '{ printf "%s%s", (NR > 1 ? ", " : ""), $c }' "$2"; }
RPS_A="$(median 1 "$WORK/results-A")"; RPS_B="$(median 1 "$WORK/results-B")"
P99_A="$(median 2 "$WORK/results-A")"; P99_B="$(median 2 "$WORK/results-B")"
RATIO_RPS="$(awk -v a="$RPS_A" -v b="$RPS_B" 'BEGIN { printf "%.2f", a / b }')"
RATIO_P99="$(awk -v a="$P99_A" -v b="$P99_B" 'BEGIN { printf "%.2f", a / b }')"

LOAD_AFTER="$(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
CPU_MODEL="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
CPUS="$(nproc)"
DOTNET_VERSION="$(dotnet --version)"
WRK_VERSION="$({ wrk -v 2>&1 || true; } | awk 'NR == 1 { print $1, $2 }')"

mkdir -p "$(dirname "$RESULT")"
{
  echo "# HTTP benchmark: generated vs hand-written receiver"
  echo
  echo "\`benchmarks/http/run-wrk.sh\`, $(date -u +%Y-%m-%d). \`POST $ROUTE\` over loopback with the spec's"
  echo "appliance/create event ($(wc -c <"$BODY_FILE") bytes) and a valid \`X-Signature: sha512=...\`; every response"
  echo "was checked to be \`200\` (a wrk \`response\` hook counts any other status, and the script fails on one)."
  echo
  echo "| App | req/s per round | req/s (median) | p99 ms per round | p99 ms (median) |"
  echo "| --- | --- | ---: | --- | ---: |"
  echo "| generated (\`samples/GridX.Receiver\`) | $(list 1 "$WORK/results-A") | $(printf '%.0f' "$RPS_A") | $(list 2 "$WORK/results-A") | $P99_A |"
  echo "| hand-written (\`benchmarks/WebhookGen.Benchmarks.BaselineApp\`) | $(list 1 "$WORK/results-B") | $(printf '%.0f' "$RPS_B") | $(list 2 "$WORK/results-B") | $P99_B |"
  echo "| **ratio generated / hand-written** | | **$RATIO_RPS** | | **$RATIO_P99** |"
  echo
  echo "A req/s ratio above 1 means the generated receiver is faster; a p99 ratio below 1 means its tail latency is lower."
  echo
  echo "**Setup.** \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, after a $WARMUP warm-up of each app; the"
  echo "measured runs alternate generated / hand-written, $ROUNDS rounds each, so drift affects both. Both apps are"
  echo "framework-dependent Release builds started with \`dotnet <app>.dll --urls http://127.0.0.1:<port>\`,"
  echo "\`ASPNETCORE_ENVIRONMENT=Production\`, \`Logging__LogLevel__Default=Warning\`, the secret from"
  echo "\`Webhooks__GridXReceiver__Secret\`. **Deduplication by event id is turned off** in the generated receiver"
  echo "(\`Webhooks__GridXReceiver__Idempotency__Enabled=false\`) for a like-for-like comparison: the hand-written app"
  echo "has none, and wrk repeats one event id, which dedup would answer without parsing or calling the handler."
  echo
  echo "**Machine.** $CPU_MODEL, $CPUS logical CPUs; .NET SDK $DOTNET_VERSION; $WRK_VERSION. wrk and the server run"
  echo "on the same $CPUS cores (no pinning), so the figures are a comparison between the two apps on this machine,"
  echo "not the capacity of either. Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $LOAD_AFTER (anything"
  echo "else running on the machine shows up as noise, mostly in p99)."
} >"$RESULT"

log "result (written to ${RESULT#"$ROOT"/})"
cat "$RESULT"
echo
echo "done in $((SECONDS - started)) s"

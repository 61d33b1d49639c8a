#!/usr/bin/env bash
# Native AOT: publishes samples/GridX.Receiver for linux-x64 as a native executable and checks it.
#
#   benchmarks/aot/run-aot.sh --check   # publish (fails on any trimming/AOT warning), run the native binary, send
#                                       # every gridX event signed (200) and bad signatures (401/403), stop it
#   benchmarks/aot/run-aot.sh           # the same, then also builds the JIT app and measures both, interleaved:
#                                       # startup to first signed 200, RSS, size; writes benchmarks/results/aot.md
#
# Tunables (environment, measuring mode): AOT_RUNS (5), AOT_REQUESTS (1000).
# Exit code non-zero on any failure, with the reason on the last line. --check takes 1 to 2 minutes.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

MODE=measure
case "${1:-}" in
  --check) MODE=check ;;
  "") ;;
  -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

RID=linux-x64
PROJECT=samples/GridX.Receiver
APP=GridX.Receiver
RUNS="${AOT_RUNS:-5}"
REQUESTS="${AOT_REQUESTS:-1000}"
RESULT="$ROOT/benchmarks/results/aot.md"
SECRET="aot-check-secret-$RANDOM$RANDOM"

# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

SERVER_PID=""   # the native binary during the check
MEASURE_PID=""  # measure.py (it stops the server it started when it gets SIGTERM)
cleanup() {
  stop_pids "$MEASURE_PID" "$SERVER_PID"
  rm -rf "$WORK"
}
start_benchmark cleanup

require_tools dotnet curl openssl awk
[ "$MODE" = check ] || command -v python3 >/dev/null || fail "python3 is required for the measurements (benchmarks/aot/measure.py)"

# ------------------------------------------------------------------------------------------------ Native AOT publish
# PublishAot=true comes from the sample's csproj. It is deliberately NOT passed as -p:PublishAot=true: a global
# property reaches every project of the graph at restore, including the netstandard2.0 generator, and the SDK then
# stops with NETSDK1207 (Ahead-of-time compilation is not supported for the target framework). The checks below make
# sure the output really is a native executable.
# TrimmerSingleWarn=false: a library's trimming/AOT warnings are listed one by one, not folded into one IL2104 line.
log "publishing $PROJECT as Native AOT ($RID, Release)"
PUBLISH_LOG="$WORK/aot-publish.log"
WARNINGS_LOG="$WORK/aot-publish-warnings.log"
publish_status=0
dotnet publish "$PROJECT" -c Release -r "$RID" -p:TrimmerSingleWarn=false \
  --artifacts-path "$WORK/artifacts" -nologo -tl:off -v:minimal -clp:NoSummary \
  "-flp:LogFile=$WARNINGS_LOG;WarningsOnly;Verbosity=minimal" >"$PUBLISH_LOG" 2>&1 || publish_status=$?
cat "$PUBLISH_LOG"

# Any warning fails: IL2xxx (trimming), IL3xxx (AOT), or any other line that says "warning" (compiler, NuGet, SDK,
# linker). The file logger keeps warnings only; the console log is searched too in case a tool writes its own.
{
  grep -iE '(^|[^[:alnum:]])warning([^[:alnum:]]|$)|IL[23][0-9]{3}' "$PUBLISH_LOG" || true
  if [ -s "$WARNINGS_LOG" ]; then cat "$WARNINGS_LOG"; fi
} | sort -u >"$WORK/aot-warnings.txt"
if [ -s "$WORK/aot-warnings.txt" ]; then
  printf '\nThe Native AOT publish reported warnings (IL2xxx trimming, IL3xxx AOT; under TreatWarningsAsErrors they show as errors):\n' >&2
  cat "$WORK/aot-warnings.txt" >&2
  fail "the Native AOT publish has $(wc -l <"$WORK/aot-warnings.txt") warning or IL2xxx/IL3xxx line(s) (listed above)"
fi
[ "$publish_status" -eq 0 ] || fail "dotnet publish (Native AOT) exited with $publish_status (errors above)"

AOT_DIR="$WORK/artifacts/publish/$APP/release_$RID"
AOT_EXE="$AOT_DIR/$APP"
{ [ -f "$AOT_EXE" ] && [ -x "$AOT_EXE" ]; } || fail "the publish did not produce the executable $AOT_EXE"
[ "$(head -c 4 "$AOT_EXE" | tail -c 3)" = ELF ] || fail "$AOT_EXE is not an ELF executable"
[ ! -e "$AOT_DIR/$APP.dll" ] || fail "the publish folder holds $APP.dll: the app was not compiled ahead of time"
echo "  native executable: ${AOT_EXE#"$WORK"/}, $(du -h "$AOT_EXE" | cut -f1), no trimming/AOT warnings"

# ------------------------------------------------------------------------------------------------ events
# One event per route of specs/gridx/webhooks.yaml, the bodies built from the spec's property examples.
# path|body
ENVELOPE='"time":"2024-05-06T07:08:09.123+02:00","dataContentType":"application/json","specVersion":"1.0","source":"/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f","correlationID":"0b7a9c52-7e0f-4a55-9f0c-2a8f3e1d6b11"'
APPLIANCE='"applianceID":"fc0a6ac7-64ce-4276-a7cd-bace946af433","gatewayID":"25ccab17-cd40-4db1-a320-a986d1c15fb1","model":"Baz","manufacturer":"Iskraemeco","name":"ExampleMeter","serialNumber":"9312355","systemID":"c9db369e-7cf8-4ad1-ade5-46f61a5125c2","systemName":"ExampleSystem"'
GATEWAY='"gatewayID":"680d63aa-6e1d-4447-af7c-35c5eb6ca810","gatewayName":"My gridBox","gatewaySerialnumber":"D403-007-000-000-001-B-X","systemID":"af87d7b3-316f-4d26-868c-4ae351095bdc","systemName":"ExampleSystem","userID":"a115d9e3-6e78-4ddf-8676-a98c28ad8249","userName":"Max Mustermann","userMail":"max.mustermann@muster.de"'
EVENTS=(
  "/gridx/events/appliance/create|{\"id\":\"00000000-0000-4000-8000-000000000001\",$ENVELOPE,\"type\":\"appliance/create\",\"data\":{$APPLIANCE,\"type\":\"METER\",\"kind\":\"BATTERY\"}}"
  "/gridx/events/appliance/offline|{\"id\":\"00000000-0000-4000-8000-000000000002\",$ENVELOPE,\"type\":\"appliance/offline\",\"data\":{$APPLIANCE,\"type\":\"METER\",\"kind\":\"GRID\"}}"
  "/gridx/events/appliance/online|{\"id\":\"00000000-0000-4000-8000-000000000003\",$ENVELOPE,\"type\":\"appliance/online\",\"data\":{$APPLIANCE,\"type\":\"METER\",\"kind\":\"GRID\"}}"
  "/gridx/events/inverter/status|{\"id\":\"00000000-0000-4000-8000-000000000004\",$ENVELOPE,\"type\":\"inverter/status\",\"data\":{$APPLIANCE,\"type\":\"INVERTER\",\"kind\":\"HYBRID\",\"status\":\"OK\",\"lastStatus\":\"ERROR\",\"errCode\":\"\",\"lastErrCode\":\"F71A\"}}"
  "/gridx/events/gateway/create|{\"id\":\"00000000-0000-4000-8000-000000000005\",$ENVELOPE,\"type\":\"gateway/create\",\"data\":{$GATEWAY}}"
  "/gridx/events/gateway/offline|{\"id\":\"00000000-0000-4000-8000-000000000006\",$ENVELOPE,\"type\":\"gateway/offline\",\"data\":{$GATEWAY}}"
  "/gridx/events/gateway/online|{\"id\":\"00000000-0000-4000-8000-000000000007\",$ENVELOPE,\"type\":\"gateway/online\",\"data\":{$GATEWAY}}"
  "/gridx/events/ev/plugged|{\"id\":\"00000000-0000-4000-8000-000000000008\",$ENVELOPE,\"type\":\"ev/plugged\",\"data\":{$APPLIANCE,\"type\":\"EVSTATION\",\"kind\":\"EVSTATION\",\"evseID\":\"FR*A23*E45B*78C\",\"state\":\"plugged\"}}"
  "/gridx/events/comissioning/done|{\"id\":\"00000000-0000-4000-8000-000000000009\",$ENVELOPE,\"type\":\"commissioning/done\",\"data\":{\"customerID\":\"1a81c4f4-5f6c-48e6-be91-2528c1c0bb28\",\"customerEmail\":\"test@email.com\",\"customerAddress\":\"Straße Str. 1, 20359, Hamburg, Germany\",\"systemName\":\"Test system\",\"gatewaySerialnumber\":\"D403-007-000-000-001-B-X\"}}"
)
# Every route of the spec has an event above (a route added to the spec fails the check until it gets one).
spec_routes="$(sed -n 's|^  \(/[^:]*\):[[:space:]]*$|/gridx\1|p' specs/gridx/webhooks.yaml | sort)"
event_routes="$(printf '%s\n' "${EVENTS[@]}" | cut -d'|' -f1 | sort)"
[ "$spec_routes" = "$event_routes" ] || fail "the events of this script do not match the routes of specs/gridx/webhooks.yaml:
$(diff <(echo "$spec_routes") <(echo "$event_routes") || true)"

sign() { # file -> sha512=<hex>
  printf 'sha512=%s' "$(openssl dgst -sha512 -hmac "$SECRET" "$1" | awk '{print $NF}')"
}

post() { # url body-file [signature]: prints the status code (000 when there is no answer)
  local args=(-s -o "$WORK/response.txt" -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' --data-binary "@$2")
  if [ -n "${3:-}" ]; then args+=(-H "X-Signature: $3"); fi
  curl "${args[@]}" "$1" || true
}

expect() { # what expected-statuses(space-separated) actual
  local what="$1" expected="$2" actual="$3"
  if [[ " $expected " == *" $actual "* ]]; then
    printf '  %-58s %s\n' "$what" "$actual"
  else
    printf '  %-58s %s (expected %s)\n' "$what" "$actual" "${expected// / or }"
    echo "  response body: $(head -c 500 "$WORK/response.txt" 2>/dev/null || true)"
    FAILURES=$((FAILURES + 1))
  fi
}

# ------------------------------------------------------------------------------------------------ check
log "checking the native binary"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
SERVER_LOG="$WORK/aot-server.log"
(
  cd "$AOT_DIR"
  exec env Webhooks__GridXReceiver__Secret="$SECRET" ASPNETCORE_ENVIRONMENT=Production \
    "./$APP" --urls "$BASE"
) >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

deadline=$((SECONDS + 30))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)" != 000 ]; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    cat "$SERVER_LOG" >&2
    fail "the native binary exited during startup"
  fi
  [ "$SECONDS" -lt "$deadline" ] || { cat "$SERVER_LOG" >&2; fail "the native binary did not listen on $BASE within 30 s"; }
  sleep 0.05
done

FAILURES=0
i=0
for event in "${EVENTS[@]}"; do
  i=$((i + 1))
  route="${event%%|*}"
  printf '%s' "${event#*|}" >"$WORK/event-$i.json"
  expect "signed     POST $route" 200 "$(post "$BASE$route" "$WORK/event-$i.json" "$(sign "$WORK/event-$i.json")")"
done
create="${EVENTS[0]%%|*}"
expect "repeat     POST $create (dedup)" 200 "$(post "$BASE$create" "$WORK/event-1.json" "$(sign "$WORK/event-1.json")")"
expect "unsigned   POST $create" "401 403" "$(post "$BASE$create" "$WORK/event-1.json")"
expect "bad sig    POST $create" "401 403" "$(post "$BASE$create" "$WORK/event-1.json" "sha512=$(printf '%0128d' 0)")"
expect "other body POST $create" "401 403" "$(post "$BASE$create" "$WORK/event-1.json" "$(sign "$WORK/event-2.json")")"
printf '%s' '{"id":"00000000-0000-4000-8000-00000000000a","type":"appliance/create","data":' >"$WORK/broken.json"
expect "signed, malformed JSON POST $create" 400 "$(post "$BASE$create" "$WORK/broken.json" "$(sign "$WORK/broken.json")")"

# Stop it: SIGTERM, and it must shut down cleanly.
kill -TERM "$SERVER_PID"
stop_status=0
for _ in $(seq 1 100); do
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "  the native binary did not stop within 10 s of SIGTERM"
  FAILURES=$((FAILURES + 1))
else
  wait "$SERVER_PID" || stop_status=$?
  [ "$stop_status" -eq 0 ] || { echo "  the native binary exited with $stop_status after SIGTERM"; FAILURES=$((FAILURES + 1)); }
fi
SERVER_PID=""

# The server's output, complete now that it has stopped: no error, and each handler ran exactly once (the repeated
# delivery was deduplicated, the rejected ones never reached a handler).
if grep -nE '^(fail|crit):|Unhandled exception|MissingMetadataException|NotSupportedException' "$SERVER_LOG" >"$WORK/server-errors.txt"; then
  echo "  the server logged errors:"
  cat "$WORK/server-errors.txt"
  FAILURES=$((FAILURES + 1))
fi
handler_calls="$(grep -c "^info: $APP\.GridXReceiver\[[0-9]*\]" "$SERVER_LOG" || true)"
if [ "$handler_calls" -ne "${#EVENTS[@]}" ]; then
  echo "  the handlers logged $handler_calls event(s), expected ${#EVENTS[@]} (one per event, none for the repeat)"
  FAILURES=$((FAILURES + 1))
fi

if [ "$FAILURES" -ne 0 ]; then
  echo "--- server output ---" >&2
  tail -n 60 "$SERVER_LOG" >&2
  fail "$FAILURES check(s) of the native binary failed (see above)"
fi
echo "  all ${#EVENTS[@]} events answered 200 and reached their handler once, a repeat was deduplicated, bad signatures"
echo "  were rejected with 403/401, malformed JSON with 400, no error was logged, SIGTERM stopped it cleanly"

if [ "$MODE" = check ]; then
  log "AOT check passed in $((SECONDS - started)) s"
  exit 0
fi

# ------------------------------------------------------------------------------------------------ JIT build
log "publishing $PROJECT framework-dependent (JIT, Release)"
# Its own artifacts folder: the JIT restore (no runtime identifier, PublishAot=false) must not rewrite the AOT one's.
dotnet_logged "$WORK/jit-publish.log" "dotnet publish (JIT) failed" \
  publish "$PROJECT" -c Release -p:PublishAot=false --artifacts-path "$WORK/artifacts-jit"
JIT_DIR="$WORK/artifacts-jit/publish/$APP/release"
[ -f "$JIT_DIR/$APP.dll" ] || fail "the JIT publish did not produce $JIT_DIR/$APP.dll"

# ------------------------------------------------------------------------------------------------ measure
log "measuring: $RUNS runs of each, interleaved AOT/JIT, after one unmeasured run of each; $REQUESTS signed requests per run"
printf '%s' "${EVENTS[0]#*|}" >"$WORK/measure-body.json"
# Like benchmarks/http: dedup off (the runs repeat one event id) and log level Warning, in Production.
Webhooks__GridXReceiver__Secret="$SECRET" \
  Webhooks__GridXReceiver__Idempotency__Enabled=false \
  Logging__LogLevel__Default=Warning \
  ASPNETCORE_ENVIRONMENT=Production \
  python3 "$ROOT/benchmarks/aot/measure.py" \
  --target aot "$AOT_DIR" "./$APP --urls http://127.0.0.1:{port}" \
  --target jit "$JIT_DIR" "dotnet $APP.dll --urls http://127.0.0.1:{port}" \
  --route "${EVENTS[0]%%|*}" --body-file "$WORK/measure-body.json" \
  --runs "$RUNS" --requests "$REQUESTS" --log-dir "$WORK" >"$WORK/runs.tsv" &
MEASURE_PID=$!
tail -n +1 -f --pid="$MEASURE_PID" "$WORK/runs.tsv" &
wait "$MEASURE_PID" || { MEASURE_PID=""; fail "the measurements failed (reason above)"; }
MEASURE_PID=""
wait  # for tail, which ends with measure.py

# column of runs.tsv: 3 startup ms, 4 RSS start KiB, 5 RSS after KiB, 6 HWM after KiB, 7 requests ms
median() { # label column
  awk -F'\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$WORK/runs.tsv" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
values() { # label column divisor format
  awk -F'\t' -v l="$1" -v c="$2" -v d="$3" -v f="$4" '$1 == l { printf "%s" f, (n++ ? ", " : ""), $c / d }' "$WORK/runs.tsv"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
bytes_mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

STARTUP_AOT="$(median aot 3)"; STARTUP_JIT="$(median jit 3)"
RSS0_AOT="$(median aot 4)"; RSS0_JIT="$(median jit 4)"
RSS1_AOT="$(median aot 5)"; RSS1_JIT="$(median jit 5)"
HWM_AOT="$(median aot 6)"; HWM_JIT="$(median jit 6)"
REQ_AOT="$(median aot 7)"; REQ_JIT="$(median jit 7)"

EXE_BYTES="$(stat -c %s "$AOT_EXE")"
AOT_DIR_BYTES="$(find "$AOT_DIR" -type f ! -name '*.dbg' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
DBG_BYTES="$(find "$AOT_DIR" -type f -name '*.dbg' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
JIT_DIR_BYTES="$(find "$JIT_DIR" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')"
# The shared frameworks the JIT app runs on (newest installed 10.x of each), for context.
shared_bytes() { # framework name
  local line dir
  line="$(dotnet --list-runtimes | awk -v n="$1" '$1 == n && $2 ~ /^10\./' | sort -V -k2,2 | tail -n 1)"
  [ -n "$line" ] || { echo 0; return; }
  dir="$(sed -E 's/^[^ ]+ ([^ ]+) \[(.*)\]$/\2\/\1/' <<<"$line")"
  find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}
SHARED_BYTES=$(($(shared_bytes Microsoft.NETCore.App) + $(shared_bytes Microsoft.AspNetCore.App)))

machine_facts
mkdir -p "$(dirname "$RESULT")"
{
  echo "# Native AOT vs JIT: the gridX sample receiver"
  echo
  echo "\`benchmarks/aot/run-aot.sh\`, $(date -u +%Y-%m-%d). \`samples/GridX.Receiver\` published as Native AOT"
  echo "(\`dotnet publish -c Release -r $RID\`, \`PublishAot=true\` from its csproj) with **no trimming or AOT"
  echo "warnings**, against the same app framework-dependent (\`dotnet publish -c Release -p:PublishAot=false\`, run"
  echo "with \`dotnet $APP.dll\`). Medians of $RUNS runs of each, interleaved AOT/JIT, after one unmeasured run of each."
  echo
  echo "| | Native AOT | JIT | AOT / JIT |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| Startup: process start to first signed \`200\` (ms) | $(printf '%.0f' "$STARTUP_AOT") | $(printf '%.0f' "$STARTUP_JIT") | $(ratio "$STARTUP_AOT" "$STARTUP_JIT") |"
  echo "| RSS after startup (MiB) | $(mib "$RSS0_AOT") | $(mib "$RSS0_JIT") | $(ratio "$RSS0_AOT" "$RSS0_JIT") |"
  echo "| RSS after $REQUESTS signed requests (MiB) | $(mib "$RSS1_AOT") | $(mib "$RSS1_JIT") | $(ratio "$RSS1_AOT" "$RSS1_JIT") |"
  echo "| Peak RSS (VmHWM) after $REQUESTS requests (MiB) | $(mib "$HWM_AOT") | $(mib "$HWM_JIT") | $(ratio "$HWM_AOT" "$HWM_JIT") |"
  echo "| Time for the $REQUESTS requests, first ones after startup (ms) | $(printf '%.0f' "$REQ_AOT") | $(printf '%.0f' "$REQ_JIT") | $(ratio "$REQ_AOT" "$REQ_JIT") |"
  echo "| Size: publish folder (MiB) | $(bytes_mib "$AOT_DIR_BYTES") | $(bytes_mib "$JIT_DIR_BYTES") | $(ratio "$AOT_DIR_BYTES" "$JIT_DIR_BYTES") |"
  echo "| Size: with the runtime it needs (MiB) | $(bytes_mib "$AOT_DIR_BYTES") | $(bytes_mib $((JIT_DIR_BYTES + SHARED_BYTES))) | $(ratio "$AOT_DIR_BYTES" $((JIT_DIR_BYTES + SHARED_BYTES))) |"
  echo
  echo "Per run (ms / MiB):"
  echo
  echo "| | startup | RSS after startup | RSS after requests | peak RSS | $REQUESTS requests |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for label in aot jit; do
    echo "| $label | $(values "$label" 3 1 '%.0f') | $(values "$label" 4 1024 '%.1f') | $(values "$label" 5 1024 '%.1f') | $(values "$label" 6 1024 '%.1f') | $(values "$label" 7 1 '%.0f') |"
  done
  echo
  echo "**How.** Each run starts the process (\`./$APP --urls http://127.0.0.1:<port>\` or"
  echo "\`dotnet $APP.dll --urls ...\`) and polls it with a signed appliance/create POST every ~2 ms until one answers"
  echo "\`200\`: that is the startup time (it includes the \`dotnet\` host and JIT for the JIT app). VmRSS is then read"
  echo "from \`/proc/<pid>/status\`; $REQUESTS signed requests follow one by one on a keep-alive connection (each must be"
  echo "\`200\`), then VmRSS and VmHWM are read again and the process is stopped. Settings as in \`benchmarks/http\`:"
  echo "\`ASPNETCORE_ENVIRONMENT=Production\`, \`Logging__LogLevel__Default=Warning\`, dedup by event id off (the runs"
  echo "repeat one event id). Both builds use the project's default GC settings."
  echo
  echo "**Sizes.** Native AOT: the executable is $(bytes_mib "$EXE_BYTES") MiB; the publish folder adds the"
  echo "appsettings files and excludes the $(bytes_mib "$DBG_BYTES") MiB \`.dbg\` symbols file. JIT: the framework-dependent"
  echo "publish folder, which needs the shared .NET and ASP.NET Core runtimes"
  echo "($(bytes_mib "$SHARED_BYTES") MiB installed here) counted in the last row."
  echo
  echo "**Machine.** $CPU_MODEL, $CPUS logical CPUs; .NET SDK $DOTNET_VERSION. Load average (1/5/15 min)"
  echo "before the run: $LOAD_BEFORE; after: $LOAD_AFTER."
} >"$RESULT"

show_result

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

RESULT="$ROOT/benchmarks/results/http.md"

# shellcheck source=benchmarks/http/wrk-common.sh
. "$ROOT/benchmarks/http/wrk-common.sh"

# Stops wrk and the servers, removes the scratch folder.
cleanup() {
  stop_servers
  rm -rf "$WORK"
}
start_benchmark cleanup

require_wrk_tools

# ---------------------------------------------------------------------------------------------------------- build
GEN_NAME="GridX.Receiver"
BASE_NAME="WebhookGen.Benchmarks.BaselineApp"
build_app samples/GridX.Receiver "$GEN_NAME"
build_app benchmarks/WebhookGen.Benchmarks.BaselineApp "$BASE_NAME"

# ---------------------------------------------------------------------------------------------------------- payload
write_payload
write_lua

# ---------------------------------------------------------------------------------------------------------- servers
LABEL=([A]="generated ($GEN_NAME)" [B]="hand-written ($BASE_NAME)")
start_server A "$GEN_NAME"
start_server B "$BASE_NAME"

log "starting both apps (Production, log level Warning, generated receiver with dedup off)"
wait_ready A
wait_ready B
verify A
verify B

# ---------------------------------------------------------------------------------------------------------- wrk
# One wrk run of an app; prints its figures and, unless a warm-up, appends "rps p99_ms" to $WORK/results-<key>.
measure() { # key duration label
  local key="$1" label="$3"
  run_wrk "$key" "$2" "$label"
  printf '  %-13s %-10s %8s req/s   p99 %6s ms   (%s requests, all 200)\n' "$([ "$key" = A ] && echo generated || echo hand-written)" "$label" "$WRK_RPS" "$WRK_P99" "$WRK_REQUESTS"
  if [ "$label" != warm-up ]; then
    echo "$WRK_RPS $WRK_P99" >>"$WORK/results-$key"
  fi
}

log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP each, then A/B interleaved x $ROUNDS"
measure A "$WARMUP" warm-up
measure B "$WARMUP" warm-up
for round in $(seq 1 "$ROUNDS"); do
  measure A "$DURATION" "round $round"
  measure B "$DURATION" "round $round"
done

# Both still answer correctly after the load.
verify A >/dev/null
verify B >/dev/null

# ---------------------------------------------------------------------------------------------------------- report
RPS_A="$(median 1 "$WORK/results-A")"; RPS_B="$(median 1 "$WORK/results-B")"
P99_A="$(median 2 "$WORK/results-A")"; P99_B="$(median 2 "$WORK/results-B")"
RATIO_RPS="$(ratio "$RPS_A" "$RPS_B")"
RATIO_P99="$(ratio "$P99_A" "$P99_B")"
wrk_machine_facts

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

show_result

#!/usr/bin/env bash
# The durable inbox over loopback: the generated gridX receiver (benchmarks/WebhookGen.Benchmarks.InboxApp, handlers that
# only count) run three ways side by side -- inline (the handler runs in the request, the default), with its inbox on
# SQLite, with its inbox on Redis Streams -- under wrk on POST /gridx/events/appliance/create with a valid X-Signature.
# For the inbox modes it also times the background workers: after each wrk round, how fast they drain the backlog the
# round left (deliveries stored but not yet handled), and it fails unless every stored delivery is handled.
#
#   benchmarks/http/run-inbox.sh             # builds the app (Release), runs wrk, writes benchmarks/results/inbox.md
#
# Tunables (environment): WRK_THREADS (1), WRK_CONNECTIONS (16), WRK_DURATION (10s), WRK_WARMUP (5s), WRK_ROUNDS (3),
# INBOX_DRAIN_TIMEOUT (600, seconds allowed for the workers to handle a round's backlog), INBOX_SQLITE_DIR (the folder
# under which the SQLite file is made, in a temp folder removed afterwards; default the system's temp folder: its disk's
# fsync time bounds the SQLite inbox).
# Installs wrk and redis-server with apt-get when they are missing. Takes about 3 to 5 minutes.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

DRAIN_TIMEOUT="${INBOX_DRAIN_TIMEOUT:-600}"
SQLITE_PARENT="${INBOX_SQLITE_DIR:-${TMPDIR:-/tmp}}"
RESULT="$ROOT/benchmarks/results/inbox.md"
APP="WebhookGen.Benchmarks.InboxApp"

# shellcheck source=benchmarks/http/wrk-common.sh
. "$ROOT/benchmarks/http/wrk-common.sh"

SQLITE_DIR=""  # the SQLite inbox's folder
REDIS_PID=""   # the redis-server this script started
# Stops wrk and the apps, then Redis (the apps' stores close their connections as they stop); removes the folders.
cleanup() {
  stop_servers
  stop_pids "$REDIS_PID"
  if [ -n "$SQLITE_DIR" ]; then rm -rf "$SQLITE_DIR"; fi
  rm -rf "$WORK"
}
start_benchmark cleanup

# ---------------------------------------------------------------------------------------------------------- tools
require_tools date
require_wrk_tools
apt_install redis-server redis-server

# ---------------------------------------------------------------------------------------------------------- build
build_app "benchmarks/$APP" "$APP"

# ---------------------------------------------------------------------------------------------------------- payload
write_payload
write_lua

# ---------------------------------------------------------------------------------------------------------- redis
# A throwaway Redis for the Redis inbox: its own port and folder, no persistence (the figures are the inbox's, not
# those of Redis's fsync policy).
claim_port REDIS_PORT
mkdir -p "$WORK/redis"
log "starting redis-server on 127.0.0.1:$REDIS_PORT ($(redis-server --version | awk '{print $3}'))"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" --save "" --appendonly no --daemonize no \
  >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
# Prints PONG when Redis answers.
redis_ping() {
  if command -v redis-cli >/dev/null; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || true
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && head -c 5 <&3 | tr -d '+\r') 2>/dev/null || true
  fi
}
deadline=$((SECONDS + 30))
until [ "$(redis_ping)" = "PONG" ]; do
  kill -0 "$REDIS_PID" 2>/dev/null || { cat "$WORK/redis.log" >&2; fail "redis-server exited during startup"; }
  [ "$SECONDS" -lt "$deadline" ] || { cat "$WORK/redis.log" >&2; fail "redis-server did not answer PING within 30 s"; }
  sleep 0.1
done

# ---------------------------------------------------------------------------------------------------------- apps
KEYS=(N S R)
declare -A MODE=([N]=none [S]=sqlite [R]=redis)
LABEL=([N]="inline (no inbox)" [S]="inbox on SQLite" [R]="inbox on Redis Streams")
[ -d "$SQLITE_PARENT" ] || fail "INBOX_SQLITE_DIR: $SQLITE_PARENT is not a folder"
SQLITE_DIR="$(mktemp -d "$SQLITE_PARENT/webhookgen-inbox-bench.XXXXXX")"
SQLITE_DB="$SQLITE_DIR/inbox.db"

# Starts the app in the inbox mode of the key, with the SQLite file and Redis of this run.
start_app() { # key
  start_server "$1" "$APP" Bench__Inbox="${MODE[$1]}" Bench__SqlitePath="$SQLITE_DB" Bench__Redis="127.0.0.1:$REDIS_PORT"
}

# Prints the app's plain-text counter (/stats: handler calls, /stored: deliveries stored); fails unless it is a number.
counter() { # key path
  local value
  value="$(curl -s --max-time 5 "${BASE[$1]}$2" || true)"
  [[ "$value" =~ ^[0-9]+$ ]] || fail "${LABEL[$1]}: GET $2 answered '$value', expected a number"
  echo "$value"
}

# Prints the time in nanoseconds.
now_ns() { date +%s%N; }

# Waits until the app has handled every delivery it answered 200, then until its store holds nothing pending and no
# dead letter. Sets DRAIN_BACKLOG (the deliveries still unhandled when called) and DRAIN_SECONDS (how long they took).
# Not to be called in $(...): its failures must stop the script.
drain() { # key
  local key="$1" t0 stored handled first deadline inbox
  t0="$(now_ns)"
  deadline=$((SECONDS + DRAIN_TIMEOUT))
  first="$(counter "$key" /stats)"
  while :; do
    # Re-read: a request wrk abandoned at the end of its run may still be answered after it exited.
    stored="$(counter "$key" /stored)"
    handled="$(counter "$key" /stats)"
    [ "$handled" -ge "$stored" ] && break
    alive "$key"
    if [ "$SECONDS" -ge "$deadline" ]; then
      fail "${LABEL[$key]}: $handled of $stored stored deliveries handled after ${DRAIN_TIMEOUT} s: the inbox lost or stalled $((stored - handled))"
    fi
    sleep 0.02
  done
  local t1
  t1="$(now_ns)"
  [ "$handled" -eq "$stored" ] || fail "${LABEL[$key]}: $handled handler calls for $stored stored deliveries (a delivery handled twice)"
  # The handler counts before the worker settles the lease: wait for the store to be empty too.
  while :; do
    inbox="$(curl -s --max-time 5 "${BASE[$key]}/inbox" || true)"
    [ "$inbox" = "0 0" ] && break
    [[ "$inbox" =~ ^[0-9]+\ 0$ ]] || fail "${LABEL[$key]}: the store reports '$inbox' (pending, dead letters) after every delivery was handled"
    [ "$SECONDS" -lt "$deadline" ] || fail "${LABEL[$key]}: the store still reports $inbox (pending, dead letters) after every delivery was handled"
    sleep 0.02
  done
  DRAIN_BACKLOG=$((stored - first))
  DRAIN_SECONDS="$(awk -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.3f", (t1 - t0) / 1e9 }')"
}

log "starting the three apps (Production, log level Warning, dedup off; SQLite at $SQLITE_DB, Redis at 127.0.0.1:$REDIS_PORT)"
for key in "${KEYS[@]}"; do start_app "$key"; done
for key in "${KEYS[@]}"; do wait_ready "$key"; done
for key in "${KEYS[@]}"; do verify "$key"; done
# The inbox modes really run the handler: the signed deliveries above are handled by the workers, and nothing is left.
for key in S R; do
  handled_before="$(counter "$key" /stats)"
  drain "$key"
  handled_after="$(counter "$key" /stats)"
  [ "$handled_after" -ge 2 ] || fail "${LABEL[$key]}: the workers handled $handled_after deliveries, expected at least the 2 signed ones"
  echo "  ${LABEL[$key]}: the workers handled all $handled_after signed deliveries ($handled_before when first asked), store empty"
done
[ "$(counter N /stored)" -eq 0 ] || fail "${LABEL[N]}: deliveries were stored in an inbox"
[ "$(curl -s --max-time 5 "${BASE[N]}/inbox")" = "none" ] || fail "${LABEL[N]}: an inbox store is registered"

# ---------------------------------------------------------------------------------------------------------- wrk
# One wrk run of an app; for an inbox mode, then times the workers' drain of the backlog the run left. Prints its
# figures and, unless a warm-up, appends "rps p99_ms [backlog handled_per_s drain_s]" to $WORK/results-<key>.
measure() { # key duration label
  local key="$1" label="$3" extra="" workers="" rate stored
  stored="$(counter "$key" /stored)"
  run_wrk "$key" "$2" "$label"
  if [ "$key" != N ]; then
    drain "$key"
    # Every 200 wrk saw was stored (the store may have more: requests wrk gave up on at its deadline).
    stored=$(( $(counter "$key" /stored) - stored ))
    [ "$stored" -ge "$WRK_REQUESTS" ] || fail "${LABEL[$key]}: wrk saw $WRK_REQUESTS answers 200 but only $stored deliveries were stored"
    rate="$(awk -v b="$DRAIN_BACKLOG" -v s="$DRAIN_SECONDS" 'BEGIN { printf "%.0f", (s > 0 ? b / s : 0) }')"
    extra=" $DRAIN_BACKLOG $rate $DRAIN_SECONDS"
    workers="; workers: backlog $DRAIN_BACKLOG handled in $DRAIN_SECONDS s = $rate/s"
  fi
  printf '  %-23s %-9s %7s req/s   p99 %7s ms   (%s requests, all 200%s)\n' "${LABEL[$key]}" "$label" "$WRK_RPS" "$WRK_P99" "$WRK_REQUESTS" "$workers"
  if [ "$label" != warm-up ]; then
    echo "$WRK_RPS $WRK_P99$extra" >>"$WORK/results-$key"
  fi
}

log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP each, then inline/SQLite/Redis interleaved x $ROUNDS"
for key in "${KEYS[@]}"; do measure "$key" "$WARMUP" warm-up; done
for round in $(seq 1 "$ROUNDS"); do
  for key in "${KEYS[@]}"; do measure "$key" "$DURATION" "round $round"; done
done

# All still answer correctly after the load, and every delivery any of them stored was handled exactly once.
for key in "${KEYS[@]}"; do verify "$key" >/dev/null; done
for key in S R; do drain "$key"; done
declare -A TOTAL
for key in "${KEYS[@]}"; do
  TOTAL[$key]="$(counter "$key" /stats)"
  if [ "$key" != N ]; then
    stored="$(counter "$key" /stored)"
    [ "${TOTAL[$key]}" -eq "$stored" ] || fail "${LABEL[$key]}: ${TOTAL[$key]} handler calls for $stored stored deliveries at the end"
  fi
done
SQLITE_SIZE="$(du -sh "$(dirname "$SQLITE_DB")" 2>/dev/null | awk '{print $1}')"
REDIS_MEMORY="$( (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info memory | tr -d '\r' | sed -n 's/^used_memory_human://p') || true)"

# ---------------------------------------------------------------------------------------------------------- report
declare -A RPS P99 BACKLOG RATE
for key in "${KEYS[@]}"; do
  RPS[$key]="$(median 1 "$WORK/results-$key")"
  P99[$key]="$(median 2 "$WORK/results-$key")"
done
for key in S R; do
  BACKLOG[$key]="$(median 3 "$WORK/results-$key")"
  RATE[$key]="$(median 4 "$WORK/results-$key")"
done

wrk_machine_facts
REDIS_VERSION="$(redis-server --version | awk '{print $3}' | sed 's/^v=//')"
DISK="$(df -T "$SQLITE_DIR" 2>/dev/null | awk 'NR == 2 { print $2 }')"

# Prints the app's row of the main table: medians and ratios to inline.
row() { # key
  local key="$1" ratios workers backlog
  if [ "$key" = N ]; then
    ratios="1.00, 1.00"; workers="— (handled in the request)"; backlog="—"
  else
    ratios="$(ratio "${RPS[$key]}" "${RPS[N]}"), $(ratio "${P99[$key]}" "${P99[N]}")"
    workers="$(printf '%.0f' "${RATE[$key]}")"; backlog="$(printf '%.0f' "${BACKLOG[$key]}")"
  fi
  echo "| ${LABEL[$key]} | $(printf '%.0f' "${RPS[$key]}") | ${P99[$key]} | $ratios | $workers | $backlog |"
}
# Prints the app's row of the per-round table.
detail() { # key
  local key="$1" f="$WORK/results-$1"
  if [ "$key" = N ]; then
    echo "| ${LABEL[$key]} | $(list 1 "$f") | $(list 2 "$f") | — | — | — |"
  else
    echo "| ${LABEL[$key]} | $(list 1 "$f") | $(list 2 "$f") | $(list 3 "$f") | $(list 5 "$f") | $(list 4 "$f") |"
  fi
}

mkdir -p "$(dirname "$RESULT")"
{
  echo "# HTTP benchmark: the durable inbox (inline vs SQLite vs Redis Streams)"
  echo
  echo "\`benchmarks/http/run-inbox.sh\`, $(date -u +%Y-%m-%d). The generated gridX receiver"
  echo "(\`benchmarks/$APP\`, whose handlers only count their calls) run three ways side by side: handlers inline in"
  echo "the request (the default), and with its durable inbox (docs/inbox.md) on SQLite and on Redis Streams, where the"
  echo "request stores the verified delivery and answers \`200\`, and the inbox's background workers run the handler."
  echo "\`POST $ROUTE\` over loopback with the spec's appliance/create event ($(wc -c <"$BODY_FILE") bytes) and a valid"
  echo "\`X-Signature: sha512=...\`; every response was checked to be \`200\`, and every \`200\` wrk saw was checked"
  echo "to be a stored delivery, and every stored delivery to be handled exactly once, leaving its store with nothing pending and no dead letter."
  echo
  echo "| Mode | Requests/s (median) | p99 ms (median) | ratio to inline (req/s, p99) | worker handled/s (median) | backlog (median) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for key in "${KEYS[@]}"; do row "$key"; done
  echo
  echo "A req/s ratio below 1 means the mode answers fewer requests per second than inline; a p99 ratio above 1 means a"
  echo "longer tail. **Worker handled/s** is the workers' rate on the backlog a round left behind: after each wrk round,"
  echo "the backlog is the deliveries stored minus those handled so far (during the round the workers run"
  echo "beside the requests), and handled/s is that backlog divided by the time until the last of it was handled, with"
  echo "no HTTP load. A small backlog means the workers nearly kept up during the round, and its rate is a rough one."
  echo
  echo "Per round:"
  echo
  echo "| Mode | req/s | p99 ms | backlog | drain s | handled/s |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for key in "${KEYS[@]}"; do detail "$key"; done
  echo
  echo "**Setup.** \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, after a $WARMUP warm-up of each app; the"
  echo "measured runs alternate inline / SQLite / Redis, $ROUNDS round$([ "$ROUNDS" = 1 ] || echo s) each, so drift affects all three, and each inbox"
  echo "round starts with its backlog drained. The three apps are one framework-dependent Release build started three"
  echo "times with \`dotnet $APP.dll --urls http://127.0.0.1:<port>\`, \`ASPNETCORE_ENVIRONMENT=Production\`, log level"
  echo "Warning, \`Bench__Inbox=none|sqlite|redis\`; the inbox workers at their defaults (\`Webhooks:Inbox:Concurrency\`"
  echo "2 × $CPUS processors, \`PollInterval\` 1 s). **Deduplication by event id is turned off**"
  echo "(\`Webhooks__GridXReceiver__Idempotency__Enabled=false\`), as in http.md: wrk repeats one event id, which"
  echo "dedup would answer without storing or handling it; so every inbox request stores a new delivery."
  echo "SQLite: one file in \`${SQLITE_PARENT}\` (${DISK:-local disk}; WAL mode, \`synchronous=FULL\`: every stored"
  echo "delivery is committed and fsynced before its \`200\`), ${SQLITE_SIZE:-?} with its WAL at the end (${TOTAL[S]} deliveries"
  echo "stored and removed). Redis: redis-server $REDIS_VERSION started by the script on loopback with no persistence"
  echo "(\`--save \"\" --appendonly no\`), so its figures do not include an fsync per delivery as SQLite's do; with"
  echo "\`appendonly yes\` (which docs/inbox.md asks for in production) they would be lower${REDIS_MEMORY:+; ${REDIS_MEMORY} used at the end}."
  echo
  echo "**Machine.** $CPU_MODEL, $CPUS logical CPUs; .NET SDK $DOTNET_VERSION; $WRK_VERSION. wrk, the three apps and"
  echo "Redis run on the same $CPUS cores (no pinning), so the figures compare the modes on this machine, not the"
  echo "capacity of any. Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $LOAD_AFTER (anything else"
  echo "running on the machine shows up as noise, mostly in p99)."
} >"$RESULT"

show_result

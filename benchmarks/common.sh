# shellcheck shell=bash
# Shared by the benchmark scripts (sourced): a quiet dotnet, messages, a free loopback port, the traps and start of
# a run, required tools, a logged dotnet command, stopping background processes, the machine and the result.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# Prints a TCP port that is free on 127.0.0.1.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port found"
}

# Makes the scratch folder $WORK and sets the traps of every benchmark: the cleanup command on exit, exit 130 on
# Ctrl-C or TERM, the failing line named on an error. Records the start: started (seconds) and LOAD_BEFORE.
# shellcheck disable=SC2034 # WORK and LOAD_BEFORE are for the script
start_benchmark() { # cleanup-command
  WORK="$(mktemp -d)"
  # shellcheck disable=SC2064 # the caller's command, expanded now on purpose
  trap "$1" EXIT
  trap 'exit 130' INT TERM
  trap 'printf "\nFAILED: line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR
  started=$SECONDS
  LOAD_BEFORE="$(load_average)"
}

# Prints the load average (1/5/15 min), or "unknown".
load_average() { cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }

# Fails unless every command named is on PATH.
require_tools() { # command...
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is required"
  done
}

# Runs dotnet quietly, its output into a log file; on failure prints the log and fails with the message.
dotnet_logged() { # log-file message dotnet-arguments...
  local log_file="$1" message="$2"
  shift 2
  if ! dotnet "$@" -nologo -tl:off -v:minimal >"$log_file" 2>&1; then
    cat "$log_file" >&2
    fail "$message"
  fi
}

# Stops processes this script started: signals them all, then reaps them; empty ids are skipped.
stop_pids() { # pid...
  local pid
  for pid in "$@"; do [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do [ -z "$pid" ] || wait "$pid" 2>/dev/null || true; done
}

# Sets the figures on the machine every report gives: LOAD_AFTER, CPU_MODEL, CPUS, DOTNET_VERSION.
# shellcheck disable=SC2034 # for the script's report
machine_facts() {
  LOAD_AFTER="$(load_average)"
  CPU_MODEL="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
  CPUS="$(nproc)"
  DOTNET_VERSION="$(dotnet --version)"
}

# Prints the report written to $RESULT and the time the run took.
show_result() {
  log "result (written to ${RESULT#"$ROOT"/})"
  cat "$RESULT"
  echo
  echo "done in $((SECONDS - started)) s"
}

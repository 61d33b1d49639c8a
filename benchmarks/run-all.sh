#!/usr/bin/env bash
# Runs every benchmark behind docs/performance.md, in one go, and leaves the tables in benchmarks/results/.
#   benchmarks/run-all.sh             everything (about 30 minutes on 2 cores)
#   benchmarks/run-all.sh generator   one part: generator | receiver | http | inbox | aot | build
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bdn() { # project, results file, extra BenchmarkDotNet arguments
  local project="$1" out="$2"
  shift 2
  dotnet build -c Release "benchmarks/$project" --artifacts-path "$work/build" -v quiet -nologo
  local dll
  dll="$work/build/bin/$project/release/$project.dll"
  # From a scratch folder, so that BenchmarkDotNet writes nothing into the repository.
  (cd "$work" && dotnet "$dll" --filter '*' --artifacts "$work/$project" "$@")
  {
    echo "# $project"
    echo
    echo "Written by \`benchmarks/run-all.sh\` on $(date -u +%Y-%m-%d); explained in docs/performance.md."
    echo
    for report in "$work/$project"/results/*-report-github.md; do
      sed "s/&#39;//g" "$report" # BenchmarkDotNet quotes descriptions that have spaces
      echo
    done
  } > "benchmarks/results/$out"
}

interleaved() { # the receiver's workloads in interleaved rounds, after bdn built them
  local project=WebhookGen.Benchmarks.Receiver
  {
    echo "# $project, interleaved rounds"
    echo
    echo "Written by \`benchmarks/run-all.sh\` on $(date -u +%Y-%m-%d); explained in docs/performance.md."
    echo "Machine: $(nproc) cores, .NET SDK $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run."
    echo
    # The apps' start-up warnings (the setup's tampered deliveries) are not part of the table.
    dotnet "$work/build/bin/$project/release/$project.dll" interleaved 32 | sed -n '/interleaved rounds of/,$p'
  } > benchmarks/results/receiver-interleaved.md
}

[ $# -gt 0 ] || set -- generator receiver http inbox aot build
mkdir -p benchmarks/results
for part in "$@"; do
  case "$part" in
    # The generator's benchmark classes carry their own in-process jobs; the receiver's take --inProcess.
    generator) bdn WebhookGen.Benchmarks.Generator generator.md ;;
    receiver) bdn WebhookGen.Benchmarks.Receiver receiver.md --inProcess && interleaved ;;
    http) benchmarks/http/run-wrk.sh ;;
    inbox) benchmarks/http/run-inbox.sh ;;
    aot) benchmarks/aot/run-aot.sh ;;
    build) benchmarks/build/run-build.sh ;;
    *) echo "unknown part '$part': generator, receiver, http, inbox, aot or build" >&2; exit 2 ;;
  esac
done

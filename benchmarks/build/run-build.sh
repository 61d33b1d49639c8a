#!/usr/bin/env bash
# Build cost of a consumer: how long `dotnet build` of a package user's web app takes with a receiver of GitHub's spec
# (specs/github/api.github.com.json), against an empty web app built in the same run.
#
#   benchmarks/build/run-build.sh      # or: benchmarks/run-all.sh build; writes benchmarks/results/build.md
#
# Five apps, from the templates beside this script, built in a scratch folder:
#   empty         `dotnet new web`, nothing added (the baseline)
#   all           + the WebhookGen package and the spec, every event of it chosen (no Events): one handler per webhook
#   handful       the same with Events = { "push", "issues", "pull_request.opened", "ping" }
#   all-lib       every event as a receiver library (docs/receiver-library.md): the spec and an abstract receiver in a
#                 class library, the web app referencing it and overriding the handlers
#   handful-lib   the same with the handful of events
# and two floors, made after the profiling build from what it generated:
#   all-models, handful-models   the empty app plus only the model types (records and enums) WebhookGen generated for
#                 that app, copied in as plain source: no generator, no JSON code, no receiver. What compiling the typed
#                 payloads alone costs, which no receiver that hands the user those types can go below.
# The package is packed from src/ into a local folder feed first, and restored from there into a NuGet folder of its
# own, so the measured builds compile the app only (the generator is not rebuilt inside them). The handlers are written
# by this script from the compiler's CS8795 (partial) or CS0534 (abstract) errors of a first build, so they follow the
# spec when its events change.
#
# Measured, interleaved (empty, all, handful; BUILD_RUNS rounds), restore kept out of the timing:
#   clean build    bin/ and obj/ removed (restore's files in obj/ kept; of the library too), then `dotnet build --no-restore`
#                  (of the web app, which builds the library it references)
#   edit + build   one line of the handler file changed (Program.cs for the empty app), then the same build again
# each with the compiler as a child process (-p:UseSharedCompilation=false -nodeReuse:false) under GNU time, whose
# maximum resident set size is that of the biggest process of the build (csc, here). The table gives the runs, their
# median and the ratio of medians to the empty app.
# Not measured: one build of each app that emits the generated files (their size) and reports the time of each
# analyzer and generator (-p:ReportAnalyzer=true), to show where the time goes.
#
# Tunables (environment): BUILD_RUNS (3); BUILD_COMPILER_SERVER=1 builds as a user does, with the compiler server
# warm (times only), and writes benchmarks/results/build-server.md instead.
# Exit code non-zero on any failure, with the reason on the last line. Takes about 10 minutes on a quiet 2-core
# machine (21 under heavy load from other builds); 18 with the receiver libraries and the floors.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

case "${1:-}" in
  "") ;;
  -h | --help) sed -n '2,36p' "$0"; exit 0 ;;
  *) echo "usage: $0" >&2; exit 2 ;;
esac

RUNS="${BUILD_RUNS:-3}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "BUILD_RUNS must be a positive whole number, not '$RUNS'" >&2; exit 2; }
SPEC="specs/github/api.github.com.json"
TEMPLATES="$ROOT/benchmarks/build"
RESULT="$ROOT/benchmarks/results/build.md"
APPS=(empty all handful all-lib handful-lib)
FLOOR_APPS=(all-models handful-models)
# "Well under 1 GB", the issue's memory target, read as at most three quarters of it.
MEMORY_TARGET_MB=768

# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

# shellcheck disable=SC2016 # $WORK is expanded on exit
start_benchmark 'rm -rf "$WORK"'

# ---------------------------------------------------------------------------------------------------------- tools
require_tools dotnet awk sed sort
# GNU time, for the peak memory (bash's `time` keyword has no -f).
TIME=/usr/bin/time
if ! "$TIME" -f %M true >/dev/null 2>&1; then
  log "installing GNU time (apt-get)"
  apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  "$TIME" -f %M true >/dev/null 2>&1 || fail "could not install GNU time ($TIME)"
fi

if [ "${BUILD_COMPILER_SERVER:-0}" = 1 ]; then
  # As a user builds: the compiler server (VBCSCompiler) and MSBuild's nodes stay warm between builds; the unmeasured
  # builds below warm them. The compiler is then not a child of the build, so its memory is not measured.
  SERVER=1
  RESULT="$ROOT/benchmarks/results/build-server.md"
  BUILD_ARGS=(--no-restore -nologo -tl:off -v:minimal -clp:NoSummary)
  dotnet build-server shutdown >/dev/null 2>&1 || true
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
else
  # Every build of this script: no build server, no node left running, the compiler as a child process.
  SERVER=0
  export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
  BUILD_ARGS=(--no-restore -nologo -tl:off -v:minimal -clp:NoSummary -p:UseSharedCompilation=false -nodeReuse:false)
fi

# ---------------------------------------------------------------------------------------------------------- package
log "packing WebhookGen into a local feed (Release)"
dotnet_logged "$WORK/pack.log" "dotnet pack src/WebhookGen failed" \
  pack src/WebhookGen -c Release -o "$WORK/feed" --artifacts-path "$WORK/pack"
PACKAGE="$(find "$WORK/feed" -maxdepth 1 -name 'WebhookGen.*.nupkg' ! -name '*.symbols.nupkg' | head -n 1)"
[ -n "$PACKAGE" ] || fail "the pack produced no WebhookGen package in $WORK/feed"
VERSION="$(basename "$PACKAGE" .nupkg)"
VERSION="${VERSION#WebhookGen.}"
echo "  ${PACKAGE#"$WORK"/} ($(du -k "$PACKAGE" | cut -f1) KB)"

# ---------------------------------------------------------------------------------------------------------- apps
# $WORK/apps/{empty,all,handful,all-lib,handful-lib}, with the templates' Directory.*.props (which cut the apps off from anything above
# them) and a nuget.config that adds the local feed beside the user's configured sources (the package's own
# dependencies come from those, as for a user).
log "laying out the apps (WebhookGen $VERSION, $SPEC)"
APPS_DIR="$WORK/apps"
mkdir -p "$APPS_DIR"
cp "$TEMPLATES/Directory.Build.props" "$TEMPLATES/Directory.Packages.props" "$APPS_DIR/"
cat >"$APPS_DIR/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="webhookgen-local" value="$WORK/feed" />
  </packageSources>
</configuration>
EOF
cp -r "$TEMPLATES/empty" "$APPS_DIR/empty"
for app in all handful; do
  mkdir -p "$APPS_DIR/$app"
  cp "$TEMPLATES/receiver/ReceiverApp.csproj" "$TEMPLATES/receiver/Program.cs" "$APPS_DIR/$app/"
  cp "$TEMPLATES/receiver/GitHubReceiver.$app.cs" "$APPS_DIR/$app/GitHubReceiver.cs"
  cp "$SPEC" "$APPS_DIR/$app/"
  sed -i "s/@WEBHOOKGEN_VERSION@/$VERSION/" "$APPS_DIR/$app/ReceiverApp.csproj"
done
for events in all handful; do
  app="$events-lib"
  mkdir -p "$APPS_DIR/$app"
  cp -r "$TEMPLATES/library/lib" "$TEMPLATES/library/app" "$APPS_DIR/$app/"
  mv "$APPS_DIR/$app/lib/GitHubReceiver.$events.cs" "$APPS_DIR/$app/lib/GitHubReceiver.cs"
  rm "$APPS_DIR/$app/lib/"GitHubReceiver.*.cs
  cp "$SPEC" "$APPS_DIR/$app/lib/"
  sed -i "s/@WEBHOOKGEN_VERSION@/$VERSION/" "$APPS_DIR/$app/lib/GitHubWebhooks.csproj"
done

# Per app: the folder built (the web app's), the folders a clean build empties, the assembly the build must write, the
# file whose one line (the string "edit N") the edit changes, and the class the handlers are written into.
declare -A BUILD_DIR=([empty]=empty [all]=all [handful]=handful [all-lib]=all-lib/app [handful-lib]=handful-lib/app
  [all-models]=all-models [handful-models]=handful-models)
declare -A CLEAN_DIRS=([empty]=empty [all]=all [handful]=handful [all-lib]="all-lib/app all-lib/lib" [handful-lib]="handful-lib/app handful-lib/lib"
  [all-models]=all-models [handful-models]=handful-models)
declare -A PROJECT_NAME=([empty]=EmptyApp [all]=ReceiverApp [handful]=ReceiverApp [all-lib]=LibraryApp [handful-lib]=LibraryApp
  [all-models]=EmptyApp [handful-models]=EmptyApp)
declare -A EDITED_FILE=([empty]=Program.cs [all]=GitHubReceiver.Handlers.cs [handful]=GitHubReceiver.Handlers.cs
  [all-lib]=GitHubHandlers.Handlers.cs [handful-lib]=GitHubHandlers.Handlers.cs [all-models]=Program.cs [handful-models]=Program.cs)

# A NuGet folder of this run's own: the package's version does not change between commits, so a shared folder would
# hold a stale copy. The empty app restores into it too (it needs nothing from it), so both build the same way.
export NUGET_PACKAGES="$WORK/nuget-packages"

log "restoring (outside the timing)"
for app in "${APPS[@]}"; do
  if ! (cd "$APPS_DIR/${BUILD_DIR[$app]}" && dotnet restore -nologo -tl:off -v:minimal) >"$WORK/restore-$app.log" 2>&1; then
    cat "$WORK/restore-$app.log" >&2
    fail "dotnet restore of the $app app failed"
  fi
done

# Clean: bin/ and obj/ of each project of the app go, except the files restore wrote into obj/.
clean() { # app
  local project dir
  for project in ${CLEAN_DIRS[$1]}; do
    dir="$APPS_DIR/$project"
    rm -rf "${dir:?}/bin"
    find "$dir/obj" -mindepth 1 -maxdepth 1 ! -name project.assets.json ! -name project.nuget.cache \
      ! -name '*.nuget.dgspec.json' ! -name '*.nuget.g.props' ! -name '*.nuget.g.targets' -exec rm -rf {} +
    [ -f "$dir/obj/project.assets.json" ] || fail "clean removed the restore of the $1 app ($project)"
  done
}

# ---------------------------------------------------------------------------------------------------------- handlers
# A first build of each receiver app without handlers fails with one error per event: CS8795 (a partial handler not
# implemented) for the receiver in the app, CS0534 (an abstract handler not overridden) for the app of a receiver
# library. Each names a handler and its parameter types, from which the handler file is written. The first handler's
# line is the one edited later.
write_handlers() { # app
  local app="$1" dir="$APPS_DIR/${BUILD_DIR[$1]}" log="$WORK/first-$1.log" error namespace class modifier
  if [[ "$app" == *-lib ]]; then
    error="CS0534: 'GitHubHandlers' does not implement inherited abstract member"
    namespace=LibraryApp class="public sealed partial class GitHubHandlers" modifier=override
  else
    error="CS8795: Partial method"
    namespace=ReceiverApp class="public partial class GitHubReceiver" modifier=partial
  fi
  (cd "$dir" && dotnet build "${BUILD_ARGS[@]}") >"$log" 2>&1 || true
  sed -n "s/.*error $error 'GitHubReceiver\.\(On[A-Za-z0-9_]*\)(\([^)]*\))'.*/\1|\2/p" "$log" |
    sort -u >"$WORK/handlers-$app.txt"
  if [ ! -s "$WORK/handlers-$app.txt" ]; then
    tail -n 40 "$log" >&2
    fail "the first build of the $app app reported no missing handler (${error%%:*}): nothing to write"
  fi
  awk -F'|' -v ns="$namespace" -v class="$class" -v modifier="$modifier" -v error="${error%%:*}" '
    BEGIN {
      print "using System.Text.Json;"
      print "using WebhookGen;"
      if (modifier == "override") print "using GitHubWebhooks;"
      print ""
      print "namespace " ns ";"
      print ""
      print "// Written by benchmarks/build/run-build.sh from the compiler'"'"'s " error " errors: one handler per event."
      print class
      print "{"
    }
    {
      n = split($2, type, ", ")
      if (n != 3) { print "unexpected handler signature: " $1 "(" $2 ")" > "/dev/stderr"; exit 1 }
      note = NR == 1 ? "edit 0" : "handled"
      if (NR > 1) print ""
      printf "    public %s ValueTask<WebhookResult> %s(%s payload, %s context, %s cancellationToken) => Handled(context, \"%s\");\n", modifier, $1, type[1], type[2], type[3], note
    }
    END { print "}" }' "$WORK/handlers-$app.txt" >"$dir/${EDITED_FILE[$app]}" ||
    fail "could not write the handlers of the $app app"
  HANDLERS[$app]="$(wc -l <"$WORK/handlers-$app.txt")"
  echo "  $app: ${HANDLERS[$app]} handlers"
}

declare -A HANDLERS=([empty]=0)
log "writing the handlers from a first build's CS8795/CS0534 errors"
for app in "${APPS[@]}"; do
  [ "$app" = empty ] || write_handlers "$app"
done
SPEC_WEBHOOKS=""
if command -v python3 >/dev/null; then
  SPEC_WEBHOOKS="$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1])).get("webhooks", {})))' "$SPEC")"
  for app in all all-lib; do
    [ "${HANDLERS[$app]}" -ge "$SPEC_WEBHOOKS" ] ||
      fail "the $app app has ${HANDLERS[$app]} handlers for the $SPEC_WEBHOOKS webhooks of $SPEC"
  done
fi

# ---------------------------------------------------------------------------------------------------------- profile
# Not measured: one clean build of each app that must succeed, with the generated files written out (their size) and
# the compiler's report of the time of each analyzer and generator. It also warms the disk cache for the runs.
declare -A GENERATED_FILES GENERATED_KB GENERATOR_S ANALYZERS_S GENERATORS_S CSC_S
log "profiling build of each app (not measured): generated files, analyzer and generator times"
for app in "${APPS[@]}"; do
  clean "$app"
  log_file="$WORK/profile-$app.log"
  if ! (cd "$APPS_DIR/${BUILD_DIR[$app]}" && dotnet build "${BUILD_ARGS[@]}" -p:EmitCompilerGeneratedFiles=true \
    "-p:CompilerGeneratedFilesOutputPath=$WORK/generated/$app" -p:ReportAnalyzer=true \
    "-flp:LogFile=$log_file;Verbosity=detailed;PerformanceSummary") >"$WORK/profile-$app.console.log" 2>&1; then
    grep -E 'error' "$WORK/profile-$app.console.log" | sort -u | head -n 20 >&2 || true
    fail "the profiling build of the $app app failed (errors above)"
  fi
  generated="$WORK/generated/$app/WebhookGen.Generator"
  if [ -d "$generated" ]; then
    GENERATED_FILES[$app]="$(find "$generated" -type f -name '*.cs' | wc -l)"
    GENERATED_KB[$app]="$(find "$generated" -type f -name '*.cs' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')"
  else
    GENERATED_FILES[$app]=0
    GENERATED_KB[$app]=0
  fi
  # "Total generator execution time: 7.356 seconds." and the generator's own line "   5.674   77   WebhookGen.Generator, ...";
  # the first of each is the only compiler run that has WebhookGen (the library's, for a receiver library). The Csc
  # task's line of the performance summary is the time of all its runs (the library's and the app's).
  GENERATORS_S[$app]="$(sed -n 's/.*Total generator execution time: \([0-9.]*\) seconds.*/\1/p' "$log_file" | head -n 1)"
  ANALYZERS_S[$app]="$(sed -n 's/.*Total analyzer execution time: \([0-9.]*\) seconds.*/\1/p' "$log_file" | head -n 1)"
  # (WebhookGen.Generator is listed under the analyzers too, for its WHG026 analyzer: the generator's line comes after.)
  GENERATOR_S[$app]="$(awk '/Total generator execution time/ { generators = 1 } generators && $3 == "WebhookGen.Generator," { print $1; exit }' "$log_file")"
  CSC_S[$app]="$(awk '$2 == "ms" && $3 == "Csc" { printf "%.1f", $1 / 1000; exit }' "$log_file")"
  printf '  %-11s %5s generated files, %7s KB; Csc task %s s: generators %s s (WebhookGen %s s), analyzers %s s\n' "$app" \
    "${GENERATED_FILES[$app]}" "${GENERATED_KB[$app]}" "${CSC_S[$app]:-?}" "${GENERATORS_S[$app]:-?}" "${GENERATOR_S[$app]:-0}" "${ANALYZERS_S[$app]:-?}"
done

# ---------------------------------------------------------------------------------------------------------- floors
# The empty app plus the model files the profiling build generated for all / handful, as plain source.
log "laying out the floors: the empty app plus the generated model types only"
for floor in "${FLOOR_APPS[@]}"; do
  source_app="${floor%-models}"
  dir="$APPS_DIR/$floor"
  cp -r "$TEMPLATES/empty" "$dir"
  mkdir -p "$dir/Models"
  find "$WORK/generated/$source_app" -type f -name '*.Models.*.g.cs' -exec cp {} "$dir/Models/" \;
  GENERATED_FILES[$floor]="$(find "$dir/Models" -type f | wc -l)"
  [ "${GENERATED_FILES[$floor]}" -gt 0 ] || fail "the profiling build of the $source_app app wrote no model file for the $floor floor"
  GENERATED_KB[$floor]="$(find "$dir/Models" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')"
  if ! (cd "$dir" && dotnet restore -nologo -tl:off -v:minimal) >"$WORK/restore-$floor.log" 2>&1; then
    cat "$WORK/restore-$floor.log" >&2
    fail "dotnet restore of the $floor app failed"
  fi
  echo "  $floor: ${GENERATED_FILES[$floor]} model files, ${GENERATED_KB[$floor]} KB"
done
MEASURED=("${APPS[@]}" "${FLOOR_APPS[@]}")

# ---------------------------------------------------------------------------------------------------------- measure
# One measured build: appends "seconds peak-KB" to $WORK/<kind>-<app>.txt. The build must succeed and (re)write the
# app's assembly, so an edit that compiled nothing, or a build that failed, is never a figure.
measure() { # kind(clean|edit) app round
  local kind="$1" app="$2" round="$3" dir="$APPS_DIR/${BUILD_DIR[$2]}" out="$WORK/$1-$2-$3.log"
  local dll="$dir/obj/Debug/net10.0/${PROJECT_NAME[$app]}.dll"
  touch "$WORK/before-build"
  sleep 0.01
  if ! (cd "$dir" && "$TIME" -f 'TIME %e %M' -o "$WORK/time.txt" dotnet build "${BUILD_ARGS[@]}") >"$out" 2>&1; then
    cat "$out" >&2
    fail "the $kind build of the $app app (round $round) failed"
  fi
  [ "$dll" -nt "$WORK/before-build" ] || fail "the $kind build of the $app app (round $round) did not compile ${dll#"$dir"/}"
  local seconds kb
  read -r seconds kb < <(awk '$1 == "TIME" { print $2, $3 }' "$WORK/time.txt")
  [ -n "$kb" ] || { cat "$WORK/time.txt" >&2; fail "GNU time printed no figures"; }
  echo "$seconds $kb" >>"$WORK/$kind-$app.txt"
  printf '  round %s  %-5s %-11s %7s s  %6s MB\n' "$round" "$kind" "$app" "$seconds" "$((kb / 1024))"
}

edit() { # app round: changes the one line that says "edit N" (a string literal)
  local file="$APPS_DIR/${BUILD_DIR[$1]}/${EDITED_FILE[$1]}"
  [ "$(grep -c 'edit [0-9]*"' "$file")" = 1 ] || fail "${EDITED_FILE[$1]} of the $1 app has not exactly one line to edit"
  sed -i "s/edit [0-9]*\"/edit $2\"/" "$file"
}

log "measuring: $RUNS rounds of (clean build, then edit + build) of ${MEASURED[*]}, interleaved"
for round in $(seq 1 "$RUNS"); do
  for app in "${MEASURED[@]}"; do
    clean "$app"
    measure clean "$app" "$round"
  done
  for app in "${MEASURED[@]}"; do
    edit "$app" "$round"
    measure edit "$app" "$round"
  done
done

# ---------------------------------------------------------------------------------------------------------- report
median() { # column file
  awk -v c="$1" '{ print $c }' "$2" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
runs() { awk '{ printf "%s%.1f", (NR > 1 ? ", " : ""), $1 }' "$1"; }
peak_mb() {
  if [ "$SERVER" = 1 ]; then echo "n/a"; return; fi
  cat "$WORK/clean-$1.txt" "$WORK/edit-$1.txt" | awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { # value limit
  awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l ? "**met**" : "**not met**") }'
}

declare -A CLEAN EDIT CLEAN_RATIO EDIT_RATIO PEAK
for app in "${MEASURED[@]}"; do
  CLEAN[$app]="$(median 1 "$WORK/clean-$app.txt")"
  EDIT[$app]="$(median 1 "$WORK/edit-$app.txt")"
  PEAK[$app]="$(peak_mb "$app")"
done
for app in "${MEASURED[@]}"; do
  CLEAN_RATIO[$app]="$(ratio "${CLEAN[$app]}" "${CLEAN[empty]}")"
  EDIT_RATIO[$app]="$(ratio "${EDIT[$app]}" "${EDIT[empty]}")"
done

describe() { # app
  case "$1" in
    empty) echo "empty web app (\`dotnet new web\`)" ;;
    all) echo "every event${SPEC_WEBHOOKS:+ ($SPEC_WEBHOOKS webhooks)}, ${HANDLERS[all]} handlers" ;;
    handful) echo "\`push\`, \`issues\`, \`pull_request.opened\`, \`ping\`: ${HANDLERS[handful]} handlers" ;;
    all-lib) echo "every event as a receiver library: generated code in a class library, ${HANDLERS[all-lib]} handlers in the app" ;;
    handful-lib) echo "the handful as a receiver library: ${HANDLERS[handful-lib]} handlers in the app" ;;
    *-models) echo "floor: the empty app plus only the model types of \`${1%-models}\` (records and enums as plain source; no generator, no JSON code, no receiver)" ;;
  esac
}
generated() { # app
  if [ "${GENERATED_FILES[$1]}" -eq 0 ]; then echo "none"; return; fi
  awk -v f="${GENERATED_FILES[$1]}" -v k="${GENERATED_KB[$1]}" 'BEGIN { if (k >= 1024) printf "%.1f MB in %d files", k / 1024, f; else printf "%d KB in %d files", k, f }'
}

machine_facts
MAX_PEAK="$(printf '%s\n' "${PEAK[@]}" | sort -n | tail -n 1)"

mkdir -p "$(dirname "$RESULT")"
{
  echo "# Build cost of a consumer of GitHub's spec"
  echo
  echo "\`benchmarks/build/run-build.sh\`, $(date -u +%Y-%m-%d); explained in docs/performance.md. A package user's web"
  echo "app with a receiver of \`$SPEC\` (WebhookGen $VERSION from a local feed), against an empty web app,"
  echo "\`dotnet build --no-restore\` (Debug), $RUNS interleaved rounds$([ "$SERVER" = 1 ] && echo ", with the compiler server warm, as a user builds (\`BUILD_COMPILER_SERVER=1\`)")."
  echo
  echo "| App | Generated by WebhookGen | Clean build, s | median | × empty | Edit + build, s | median | × empty | Peak RSS |"
  echo "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |"
  for app in "${MEASURED[@]}"; do
    echo "| $app: $(describe "$app") | $(generated "$app") | $(runs "$WORK/clean-$app.txt") | ${CLEAN[$app]} | **${CLEAN_RATIO[$app]}** | $(runs "$WORK/edit-$app.txt") | ${EDIT[$app]} | **${EDIT_RATIO[$app]}** | ${PEAK[$app]}$([ "$SERVER" = 0 ] && echo " MB") |"
  done
  echo
  echo "| Target | Result | |"
  echo "| --- | --- | --- |"
  echo "| Clean build, every event ≤ 4× the empty app | ${CLEAN_RATIO[all]}× | $(verdict "${CLEAN_RATIO[all]}" 4) |"
  echo "| Clean build, a handful of events ≤ 1.5× the empty app | ${CLEAN_RATIO[handful]}× | $(verdict "${CLEAN_RATIO[handful]}" 1.5) |"
  echo "| Edit a handler + build ≤ 2× the empty app's edit + build | ${EDIT_RATIO[all]}× (every event), ${EDIT_RATIO[handful]}× (handful) | $(verdict "${EDIT_RATIO[all]}" 2) (every event), $(verdict "${EDIT_RATIO[handful]}" 2) (handful) |"
  echo "| Floor: the model types alone, every event / handful | ${CLEAN_RATIO[all-models]}× / ${CLEAN_RATIO[handful-models]}× | what no typed receiver goes below |"
  echo "| The same, as a receiver library | ${EDIT_RATIO[all-lib]}× (every event), ${EDIT_RATIO[handful-lib]}× (handful) | $(verdict "${EDIT_RATIO[all-lib]}" 2) (every event), $(verdict "${EDIT_RATIO[handful-lib]}" 2) (handful) |"
  if [ "$SERVER" = 0 ]; then
    echo "| Peak memory of the build well under 1 GB (≤ $MEMORY_TARGET_MB MB) | $MAX_PEAK MB (biggest process, any build) | $(verdict "$MAX_PEAK" "$MEMORY_TARGET_MB") |"
  fi
  echo
  echo "Where the time goes, from one more clean build of each app (not measured, and slower: the compiler times each"
  echo "analyzer and generator, \`-p:ReportAnalyzer=true\`):"
  echo
  echo "| App | Csc task | all generators | of which WebhookGen | all analyzers |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for app in "${APPS[@]}"; do
    echo "| $app | ${CSC_S[$app]:-?} s | ${GENERATORS_S[$app]:-?} s | ${GENERATOR_S[$app]:-0} s | ${ANALYZERS_S[$app]:-?} s |"
  done
  echo
  echo "**How.** The package is packed from \`src/\` into a local folder feed and restored into a NuGet folder of the"
  echo "run's own; restore is outside the timing. *Clean build*: \`bin/\` and \`obj/\` removed (restore's files kept;"
  echo "of the library too), then \`dotnet build --no-restore\` of the web app. *Edit + build*: right after, one line of"
  echo "the handler file changed (of \`Program.cs\` for the empty app), then the same build. A *receiver library*"
  echo "(docs/receiver-library.md) is a class library holding the spec and an \`abstract\` receiver, and a web app that"
  echo "references it and overrides the handlers: an edit of a handler leaves the library up to date."
  if [ "$SERVER" = 1 ]; then
    echo "Every build runs as a user's does, with the compiler server and MSBuild's nodes kept warm by the builds before"
    echo "it (the unmeasured ones warm them); wall time comes from GNU \`time\`; the compiler's memory is in the server,"
    echo "not measured here. The rounds alternate the apps (in the order of the table),"
  else
    echo "Every build runs with"
    echo "\`-p:UseSharedCompilation=false -nodeReuse:false\`, so the compiler is a child process of the build and nothing"
    echo "is kept warm between builds; wall time and peak RSS come from GNU \`time\` (\`%e\`, \`%M\`: the maximum resident"
    echo "set of the biggest process of the build, csc here). The rounds alternate the apps (in the order of the table),"
  fi
  echo "so drift affects them all; ratios are ratios of medians. The handler files are written from the CS8795/CS0534 errors"
  echo "of a first build; the generated size is that of a separate, unmeasured build with"
  echo "\`-p:EmitCompilerGeneratedFiles=true\`."
  echo
  echo "**Machine.** $CPU_MODEL, $CPUS logical CPUs; .NET SDK $DOTNET_VERSION. Load average (1/5/15 min) before the"
  echo "run: $LOAD_BEFORE; after: $LOAD_AFTER (anything else running on the machine shows up as noise)."
} >"$RESULT"

show_result

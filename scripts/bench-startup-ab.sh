#!/usr/bin/env bash
# Start-up A/B: wall time and peak RSS of the start-up benchmark's application (StartupApp: one
# JSON-RPC call with the JDK's HttpClient, then exit; or HelloApp: one println) under another
# build's agent jar (BEFORE) and this build's, without profiling (PROFILING=on: with the default
# profiling, JFR and async-profiler, on both sides), interleaved with runs without an agent.
# Prints a markdown table of medians.
# Needs /usr/bin/time. Usage: scripts/bench-startup-ab.sh BEFORE_AGENT_JAR [REPEATS] [StartupApp|HelloApp]
set -euo pipefail
before=$(realpath "$1")
repeats="${2:-7}"
main="${3:-StartupApp}"
cd "$(dirname "$0")/.."
work=$(mktemp -d)
after="$work/after.jar"
cp agent/target/perfweave-agent.jar "$after"
app=(-cp benchmarks/target/benchmarks.jar "com.example.bench.$main")
printf 'output: %s/out\n' "$work" > "$work/perfweave.yaml"
no_profiling="-Dperfweave.profiling.jfr.enabled=false -Dperfweave.profiling.asyncProfiler.enabled=false"
[ "${PROFILING:-off}" = on ] && no_profiling=""

for _ in $(seq "$repeats"); do
  for side in no-agent before after; do
    case "$side" in
      no-agent) options="" ;;
      before) options="-javaagent:$before=config=$work/perfweave.yaml $no_profiling" ;;
      after) options="-javaagent:$after=config=$work/perfweave.yaml $no_profiling" ;;
    esac
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$work/time" java $options "${app[@]}" > "$work/stdout" 2> "$work/stderr" \
      || { echo "$side failed: $(tail -3 "$work/stderr")" >&2; exit 1; }
    grep -q '"result"' "$work/stdout" || { echo "$side: no answer" >&2; exit 1; }
    # a run perfweave did not weave starts faster for the wrong reason
    if [ "$main" = StartupApp ] && [ "$side" != no-agent ]; then
      grep -q '^  http:127.0.0.1:' "$work/stderr" \
        || { echo "$side: the call was not timed: $(grep -m1 perfweave: "$work/stderr")" >&2; exit 1; }
    fi
    read -r secs kb < "$work/time"
    echo "$side $secs $kb" >> "$work/rows"
  done
done

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
echo "| agent | wall s (median of $repeats) | peak RSS MB (median) |"
echo "|---|---:|---:|"
for side in no-agent before after; do
  s=$(grep "^$side " "$work/rows" | awk '{print $2}' | median)
  kb=$(grep "^$side " "$work/rows" | awk '{print $3}' | median)
  echo "| $side | $s | $((kb / 1024)) |"
done
rm -rf "$work"

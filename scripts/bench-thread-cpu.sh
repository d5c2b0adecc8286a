#!/usr/bin/env bash
# Where the sample application's CPU goes at a fixed 100 operations/s, thread by thread: the
# CPU time each thread (grouped by name, numbers stripped) used in a window of 25 s from 22 s
# after the start by default (past the warm-up rounds, which run at full speed), read from
# /proc/PID/task/*/stat. One run per mode, in the order given. Modes: no-agent, timing,
# profiling (the default: JFR and async-profiler), jfr (timing + JFR alone), async (timing +
# async-profiler alone, its default events), async-cpu, async-cpu-alloc, async-lock (one
# event set each). Linux only. A longer run, past most of the JIT's work: SETTLE=100 WINDOW=60
# ROUNDS=360 (seconds before the window, the window, measured rounds of ~0.4 s each).
# Usage: scripts/bench-thread-cpu.sh MODE...
set -euo pipefail
cd "$(dirname "$0")/.."
agent=agent/target/perfweave-agent.jar
app=(-jar sample-app/target/perfweave-sample-app.jar --scenario near,neo,pod --failure-rate 0 --port 0
  --warmup-rounds 150 --rounds "${ROUNDS:-100}" --rate 100)
settle="${SETTLE:-22}"
window="${WINDOW:-25}"

options() { # mode, config file
  local perfweave="-javaagent:$agent=config=$2"
  case "$1" in
    no-agent) ;;
    timing) echo "$perfweave -Dperfweave.profiling.jfr.enabled=false -Dperfweave.profiling.asyncProfiler.enabled=false" ;;
    profiling) echo "$perfweave" ;;
    jfr) echo "$perfweave -Dperfweave.profiling.asyncProfiler.enabled=false" ;;
    async) echo "$perfweave -Dperfweave.profiling.jfr.enabled=false" ;;
    async-cpu) printf 'profiling:\n  asyncProfiler: { events: [cpu] }\n' >> "$2"; echo "$perfweave -Dperfweave.profiling.jfr.enabled=false" ;;
    async-cpu-alloc) printf 'profiling:\n  asyncProfiler: { events: [cpu, alloc] }\n' >> "$2"; echo "$perfweave -Dperfweave.profiling.jfr.enabled=false" ;;
    async-lock) printf 'profiling:\n  asyncProfiler: { events: [lock] }\n' >> "$2"; echo "$perfweave -Dperfweave.profiling.jfr.enabled=false" ;;
    *) echo "unknown mode $1" >&2; exit 2 ;;
  esac
}

# thread id, name (spaces as _), user + system clock ticks
snapshot() {
  for task in /proc/"$1"/task/*; do
    echo "$(basename "$task") $(tr ' ' '_' < "$task/comm") $(cut -d')' -f2 "$task/stat" | awk '{print $12 + $13}')"
  done
}

ticks=$(getconf CLK_TCK)
for mode in "$@"; do
  work=$(mktemp -d)
  printf 'output: %s/out\n' "$work" > "$work/perfweave.yaml"
  opts=$(options "$mode" "$work/perfweave.yaml")
  # shellcheck disable=SC2086
  java $opts "${app[@]}" > "$work/out.txt" 2>&1 &
  sleep 3
  pid=$(pgrep -f -o "java .*-jar sample-app/target/perfweave-sample-app.jar")
  sleep $((settle - 3))
  snapshot "$pid" > "$work/a"
  sleep "$window"
  snapshot "$pid" > "$work/b"
  wait
  echo "### $mode: ms of CPU in the $window s window"
  join <(sort "$work/a") <(sort "$work/b") \
    | awk -v hz="$ticks" '{d = ($5 - $3) * 1000 / hz; gsub(/[-_#0-9]+$/, "", $2); c[$2] += d; t += d}
        END {for (k in c) if (c[k] > 0) printf "%7d %s\n", c[k], k; printf "%7d TOTAL\n", t}' | sort -rn
  grep -E "process CPU|JIT compilation" "$work/out.txt"
  rm -rf "$work"
done

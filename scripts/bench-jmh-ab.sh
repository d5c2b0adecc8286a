#!/usr/bin/env bash
# A/B of the woven advice's per-call cost: AdviceBenchmark with another build's agent jar (BEFORE,
# e.g. from a clone of an earlier commit built with `mvn -B package -DskipTests`) and with this
# build's, interleaved round by round in one run, one fork each. Prints a markdown table.
# Usage: scripts/bench-jmh-ab.sh BEFORE_AGENT_JAR [ROUNDS] [BENCHMARK_REGEX]
set -euo pipefail
before=$(realpath "$1")
rounds=${2:-2}
pattern=${3:-AdviceBenchmark}
cd "$(dirname "$0")/../benchmarks"
after=$(realpath ../agent/target/perfweave-agent.jar)
work=$(mktemp -d)
for round in $(seq 1 "$rounds"); do
  for side in before after; do
    jar=$([ "$side" = before ] && echo "$before" || echo "$after")
    java -jar target/benchmarks.jar "$pattern" -f 1 \
      -jvmArgsAppend "-javaagent:$jar=config=bench-perfweave.yaml" \
      -rf csv -rff "$work/$side-$round.csv" > "$work/$side-$round.log" 2>&1 \
      || { tail -30 "$work/$side-$round.log" >&2; exit 1; }
  done
done
echo "| benchmark | round | before (ns/op) | after (ns/op) | after ÷ before |"
echo "|---|---:|---:|---:|---:|"
for round in $(seq 1 "$rounds"); do
  join -t $'\t' \
    <(awk -F, 'NR > 1 { gsub(/"/, ""); n = split($1, p, "."); printf "%s\t%.1f ± %.1f\t%s\n", p[n], $5, $6, $5 }' "$work/before-$round.csv" | sort) \
    <(awk -F, 'NR > 1 { gsub(/"/, ""); n = split($1, p, "."); printf "%s\t%.1f ± %.1f\t%s\n", p[n], $5, $6, $5 }' "$work/after-$round.csv" | sort) \
    | awk -F'\t' -v r="$round" '{ printf "| `%s` | %s | %s | %s | %.2f |\n", $1, r, $2, $4, ($3 > 0 ? $5 / $3 : 0) }'
done
rm -rf "$work"

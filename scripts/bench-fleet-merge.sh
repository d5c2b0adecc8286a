#!/usr/bin/env bash
# A fleet's analysis, measured: one JVM's recordings summarized (analyze --summary-only), then that
# summary merged as the summaries of N JVMs (analyze --merge), for each N given; prints the
# summary's size and, per N, the merge's wall time and peak RSS (GNU time). Every copy calls every
# key, so the union of the JVMs' seconds is the largest it can be. The recordings are the sample
# application's under the agent (recorded here, ROUNDS rounds), or RECORDINGS=DIR.
# Usage: scripts/bench-fleet-merge.sh [N...]   (default: 10 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-10 100 1000}")
read -r -a counts <<< "${counts[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
analyzer=analyzer/target/perfweave-analyzer.jar
recordings="${RECORDINGS:-}"
if [ -z "$recordings" ]; then
  recordings="$work/recordings"
  java -Dperfweave.output="$recordings" -javaagent:agent/target/perfweave-agent.jar=config=sample-app/perfweave.yaml \
    -jar sample-app/target/perfweave-sample-app.jar --rounds "${ROUNDS:-40}" > /dev/null
fi
java -jar "$analyzer" analyze --summary-only "$recordings" -o "$work/one" -q
bytes=$(stat -c %s "$work/one/model.json")
echo "recordings: $(du -sb "$recordings" | cut -f1) bytes; summary: $bytes bytes"
for n in "${counts[@]}"; do
  mkdir -p "$work/n$n"
  for i in $(seq 1 "$n"); do cp "$work/one/model.json" "$work/n$n/$i.json"; done
  /usr/bin/time -f "%e %M" -o "$work/time" java -jar "$analyzer" analyze --merge "$work/n$n"/*.json -o "$work/m$n" -q
  read -r seconds kb < "$work/time"
  echo "merge of $n summaries ($((n * bytes)) bytes): ${seconds} s wall, $((kb / 1024)) MB peak RSS; merged summary $(stat -c %s "$work/m$n/model.json") bytes"
done

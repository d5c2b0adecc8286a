#!/usr/bin/env bash
# The main job, the whole perfweave loop on the sample application:
#   build → record the app under the agent → analyze → run again with the suggested config →
#   compare, then print the before/after table and where report.html and compare.html are.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-40}"
out=perfweave-out
agent=agent/target/perfweave-agent.jar
app=sample-app/target/perfweave-sample-app.jar
analyzer=analyzer/target/perfweave-analyzer.jar

mvn -B -q package -DskipTests
rm -rf "$out"
mkdir -p "$out"

echo "== 1. the sample application under the agent (sample-app/perfweave.yaml: timing only)"
java -Dperfweave.output="$out/before" -javaagent:"$agent"=config=sample-app/perfweave.yaml \
  -jar "$app" --rounds "$rounds" | tee "$out/before.txt"

echo
echo "== 2. analyze"
java -jar "$analyzer" analyze "$out/before" --out "$out/report" | tee "$out/analyze.txt"

echo
echo "== 3. the same application, no code change, with $out/report/suggested-config.yaml"
java -Dperfweave.output="$out/after" -javaagent:"$agent"=config="$out/report/suggested-config.yaml" \
  -jar "$app" --rounds "$rounds" | tee "$out/after.txt"

echo
echo "== 4. compare"
java -jar "$analyzer" compare "$out/before" "$out/after" --out "$out/compare" > "$out/compare.txt"
head -n 12 "$out/compare.txt"

echo
echo "== before → after (the application's own measures and the node's counters)"
scripts/demo-table.sh "$out/before.txt" "$out/after.txt" | tee "$out/table.md"

echo
sed -n '/^Top recommendations/,/^Report:/p' "$out/analyze.txt" | sed '$d'
echo
echo "Report:     $(pwd)/$out/report/report.html"
echo "Comparison: $(pwd)/$out/compare/compare.html"

#!/usr/bin/env bash
# Puts two sample-app summaries (before, after) side by side as a markdown table: what the node
# received, what failed, the p95 of each read operation, throughput, and the writes.
set -euo pipefail
before="$1"
after="$2"

summary() {
  # one "key<TAB>value" line per figure of a sample-app summary
  awk '
    /^sample-app: scenario/ { seconds = $(NF); sub(/s$/, "", seconds) }
    /^  [a-z].* (read|write|cpu) +[0-9]+ +[0-9]+ / {
      n = split($0, f, " +"); kind = f[n-6]; count = f[n-5]; failed = f[n-4]; p95 = f[n-2]
      name = f[2]; for (i = 3; i < n - 6; i++) name = name " " f[i]
      ops += count
      if (kind == "read") { readFailed += failed; reads += count; print "p95 " name "\t" p95 }
      else if (kind == "write") { print "sent " name "\t" count }
    }
    /^node: calls received/ { node = 1; next }
    node && /^  / { total += $NF; method = $0; sub(/^ +/, "", method); sub(/ +[0-9]+$/, "", method); print "node " method "\t" $NF }
    node && !/^  / { node = 0 }
    END {
      print "total\t" total; print "readFailed\t" readFailed; print "reads\t" reads
      printf "throughput\t%.1f/s\n", ops / seconds; printf "seconds\t%.1f s\n", seconds
    }' "$1"
}

join -t $'\t' <(summary "$before" | sort) <(summary "$after" | sort) > /tmp/perfweave-demo-table.$$
value() { awk -F'\t' -v k="$1" -v c="$2" '$1 == k { print $c }' /tmp/perfweave-demo-table.$$; }

echo "| | before | after |"
echo "|---|---:|---:|"
echo "| calls the node received (all methods) | $(value total 2) | $(value total 3) |"
echo "| read failures the app saw | $(value readFailed 2) of $(value reads 2) | $(value readFailed 3) of $(value reads 3) |"
echo "| run time | $(value seconds 2) | $(value seconds 3) |"
echo "| throughput (operations per second) | $(value throughput 2) | $(value throughput 3) |"
grep '^p95 ' /tmp/perfweave-demo-table.$$ | while IFS=$'\t' read -r key b a; do
  echo "| p95 of \`${key#p95 }\` | $b | $a |"
done
grep '^sent ' /tmp/perfweave-demo-table.$$ | while IFS=$'\t' read -r key b a; do
  echo "| \`${key#sent }\` sent by the app (write) | $b | $a |"
done
for write in broadcast_tx_commit sendrawtransaction sendTransaction; do
  echo "| \`$write\` calls the node received | $(value "node $write" 2) | $(value "node $write" 3) |"
done
rm -f /tmp/perfweave-demo-table.$$

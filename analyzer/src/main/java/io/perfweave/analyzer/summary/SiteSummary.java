package io.perfweave.analyzer.summary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One site in a summary: its counts, latency histogram, planned TTL and busiest keys. */
public final class SiteSummary {

  public String target = "";
  public String jsonRpcMethod = "";
  public boolean idempotent;
  public boolean canApplyPolicies;
  public long calls;
  public long rpcsSent;
  public long errors;
  public Map<String, Long> outcomes = new TreeMap<>();
  /** Bucket i: calls that took [2^i, 2^(i+1)) ns. */
  public long[] latencyLog2Ns = new long[0];
  /** The TTL this JVM's own analysis planned for the site's cache; 0 for none. */
  public long plannedTtlNanos;
  /**
   * The longest TTL the site's values allow (the planner's stale bound, or the repeats' timing
   * without result hashes); 0 where none; merged, the shortest any JVM allows.
   */
  public long longestAllowedTtlNanos;
  /** More keys were called than a summary keeps: the busiest {@link ModelSummary#MAX_KEYS}. */
  public boolean keysCapped;
  /** The key's hash (hex) → its activity. */
  public Map<String, KeyActivity> keys = new LinkedHashMap<>();

  /** Adds another summary's site, its JVMs numbered from {@code jvmOffset}. */
  void merge(SiteSummary other, int jvmOffset) {
    boolean first = calls == 0 && keys.isEmpty();
    longestAllowedTtlNanos =
        first ? other.longestAllowedTtlNanos : Math.min(longestAllowedTtlNanos, other.longestAllowedTtlNanos);
    target = target.isEmpty() ? other.target : target;
    jsonRpcMethod = jsonRpcMethod.isEmpty() ? other.jsonRpcMethod : jsonRpcMethod;
    idempotent |= other.idempotent;
    canApplyPolicies |= other.canApplyPolicies;
    calls += other.calls;
    rpcsSent += other.rpcsSent;
    errors += other.errors;
    other.outcomes.forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
    long[] sum = new long[Math.max(latencyLog2Ns.length, other.latencyLog2Ns.length)];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = (i < latencyLog2Ns.length ? latencyLog2Ns[i] : 0) + (i < other.latencyLog2Ns.length ? other.latencyLog2Ns[i] : 0);
    }
    latencyLog2Ns = sum;
    plannedTtlNanos = Math.max(plannedTtlNanos, other.plannedTtlNanos);
    keysCapped |= other.keysCapped;
    other.keys.forEach((key, activity) -> keys.computeIfAbsent(key, k -> new KeyActivity()).merge(activity, jvmOffset));
    if (keys.size() > ModelSummary.MAX_KEYS) {
      keysCapped = true;
      Map<String, KeyActivity> busiest = new LinkedHashMap<>();
      keys.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue().calls, a.getValue().calls))
          .limit(ModelSummary.MAX_KEYS)
          .forEach(e -> busiest.put(e.getKey(), e.getValue()));
      keys = busiest;
    }
  }
}

package io.perfweave.analyzer.rules.latency;

import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Events;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A site whose slowest calls are far slower than its typical ones (p99 ≫ p50). */
public final class TailLatencyRule implements Rule {

  static final String MIN_TAIL_RATIO = "latency.minTailRatio";
  static final String MIN_P99_MS = "latency.minP99Ms";

  @Override
  public String id() {
    return "tail-latency";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    for (SiteModel site : model.sites().values()) {
      Latencies sent = site.sentLatencies();
      long p50 = Math.max(1, sent.percentile(50));
      long p99 = sent.percentile(99);
      double ratio = (double) p99 / p50;
      if (sent.count() < 100
          || ratio < thresholds.get(MIN_TAIL_RATIO, 5)
          || p99 < thresholds.get(MIN_P99_MS, 20) * 1e6) {
        continue;
      }
      long slowCalls = Math.max(1, sent.count() / 100);
      long saving = slowCalls * (p99 - p50);
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("calls", sent.count());
      evidence.put("p50Ms", p50 / 1e6);
      evidence.put("p95Ms", sent.percentile(95) / 1e6);
      evidence.put("p99Ms", p99 / 1e6);
      evidence.put("maxMs", sent.max() / 1e6);
      evidence.put("p99OverP50", Math.round(ratio * 10) / 10.0);
      findings.add(
          new Finding(
              id(),
              Scores.exp100(ratio, 5, 20),
              site.name(),
              "Tail latency on " + site.name() + ": p99 " + Scores.millis(p99) + " is "
                  + Math.round(ratio) + "× the median " + Scores.millis(p50),
              evidence,
              "1% of the calls of " + site.mainTarget() + " took more than " + Scores.millis(p99)
                  + " (max " + Scores.millis(sent.max()) + ").",
              saving,
              (double) saving / Math.max(1, model.rpcNanos()),
              "the slowest 1% of calls × (p99 − p50)",
              "Bound the tail: a client timeout near p95 with a retry (for an idempotent site:"
                  + " retry with maxDuration), a faster endpoint, or a cache for reads.",
              "",
              List.of()));
    }
    return findings;
  }
}

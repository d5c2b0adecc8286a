package io.perfweave.analyzer.rules.latency;

import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A site whose slowest calls are far slower than its typical ones (p99 ≫ p50). */
public final class TailLatencyRule extends SiteRule {

  static final Threshold MIN_TAIL_RATIO =
      new Threshold(
          "latency.minTailRatio",
          5,
          "p99 over p50 of a site, before tail-latency reports it");
  static final Threshold MIN_P99_MS =
      new Threshold(
          "latency.minP99Ms",
          20,
          "p99 of a site in ms, before tail-latency reports it");

  @Override
  public String id() {
    return "tail-latency";
  }


  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_TAIL_RATIO, MIN_P99_MS);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    Latencies sent = site.sentLatencies();
    long p50 = Math.max(1, sent.percentile(50));
    long p99 = sent.percentile(99);
    double ratio = (double) p99 / p50;
    if (sent.count() < 100
        || ratio < thresholds.get(MIN_TAIL_RATIO)
        || p99 < thresholds.get(MIN_P99_MS) * 1e6) {
      return List.of();
    }
    long slowCalls = Math.max(1, sent.count() / 100);
    long saving = slowCalls * (p99 - p50);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", sent.count());
    evidence.put("p50Ms", Numbers.millis(p50));
    evidence.put("p95Ms", Numbers.millis(sent.percentile(95)));
    evidence.put("p99Ms", Numbers.millis(p99));
    evidence.put("maxMs", Numbers.millis(sent.max()));
    evidence.put("p99OverP50", Numbers.ratio(ratio));
    return List.of(
        Finding.of(id(), site.name())
            .score(Scores.exp100(ratio, 5, 20))
            .title("Tail latency on " + site.name() + ": p99 " + Numbers.millisText(p99) + " is "
                + Math.round(ratio) + "× the median " + Numbers.millisText(p50))
            .evidence(evidence)
            .explanation("1% of the calls of " + site.mainTarget() + " took more than " + Numbers.millisText(p99)
                + " (max " + Numbers.millisText(sent.max()) + ").")
            .saving(saving, (double) saving / Math.max(1, model.rpcNanos()), "the slowest 1% of calls × (p99 − p50)")
            .fix("Bound the tail: a client timeout near p95 with a retry (for an idempotent site:"
                + " retry with maxDuration), a faster endpoint, or a cache for reads.")
            .build());
  }

}

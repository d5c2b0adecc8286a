package io.perfweave.analyzer.rules.cache;

import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Events;
import io.perfweave.contract.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An idempotent site called again and again with the same arguments: a cache would answer the
 * repeats. The TTL is proposed from the measured time between repeats: twice its 75th
 * percentile, rounded up to 1, 2 or 5 × 10ⁿ ms, so that run-to-run jitter still hits; shadow-mode
 * hits, where recorded, are the evidence instead of the estimate.
 */
public final class RepeatedReadsRule implements Rule {

  static final String MIN_REPEAT_SHARE = "cache.minRepeatShare";
  static final String MIN_CALLS = "cache.minCalls";
  static final long MIN_TTL_NANOS = 100_000_000L;
  static final long MAX_TTL_NANOS = 300_000_000_000L;

  @Override
  public String id() {
    return "repeated-reads";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    long rpcNanos = Math.max(1, model.rpcNanos());
    for (SiteModel site : model.sites().values()) {
      long hits = site.outcomes().get(Outcome.CACHE_HIT);
      double share = site.keys().repeatShare();
      if (!site.idempotent()
          || !site.canApplyPolicies()
          || hits > 0
          || site.calls() < thresholds.get(MIN_CALLS, 20)
          || share < thresholds.get(MIN_REPEAT_SHARE, 0.3)) {
        continue;
      }
      findings.add(finding(site, rpcNanos));
    }
    return findings;
  }

  private Finding finding(SiteModel site, long rpcNanos) {
    Latencies intervals = site.keys().intervals();
    long ttl = Math.max(MIN_TTL_NANOS, Math.min(MAX_TTL_NANOS, Scores.niceNanos(2 * intervals.percentile(75))));
    long shadowHits = site.outcomes().get(Outcome.SHADOW_HIT);
    long wouldHit = shadowHits > 0 ? shadowHits : repeatsWithin(intervals, ttl) + site.keys().concurrentDuplicates();
    long saving = wouldHit * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("distinctKeys", site.keys().distinctKeys());
    evidence.put("repeatedKeyShare", round(site.keys().repeatShare()));
    evidence.put("repeatIntervalP50Ms", intervals.percentile(50) / 1e6);
    evidence.put("repeatIntervalP75Ms", intervals.percentile(75) / 1e6);
    evidence.put("meanLatencyMs", site.sentLatencies().mean() / 1e6);
    evidence.put("proposedTtlMs", ttl / 1e6);
    evidence.put("callsACacheWouldAnswer", wouldHit);
    evidence.put("shadowHits", shadowHits);
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("ttl", Scores.configDuration(ttl));
    SiteSuggestion suggestion = SiteSuggestion.forSite(site, cache, Map.of());
    double savingShare = (double) saving / rpcNanos;
    return new Finding(
        id(),
        Scores.exp100(savingShare, 0.05, 0.25),
        site.name(),
        "Cache " + site.name() + ": " + Scores.percent(site.keys().repeatShare())
            + " of its calls repeat an earlier call's arguments",
        evidence,
        site.calls() + " calls of " + site.mainTarget() + " used " + site.keys().distinctKeys()
            + " distinct argument sets; the same arguments came back after a median "
            + Scores.millis(intervals.percentile(50)) + " (75% within "
            + Scores.millis(intervals.percentile(75)) + ")."
            + (shadowHits > 0 ? " In shadow mode a cache answered " + shadowHits + " of them." : ""),
        saving,
        savingShare,
        shadowHits > 0
            ? "shadow hits recorded by the agent × mean latency of calls sent"
            : "repeats within the proposed TTL × mean latency of calls sent ("
                + Scores.millis(site.sentLatencies().mean()) + ")",
        "Cache the site for " + Scores.configDuration(ttl) + " if the data may be that old;"
            + " concurrent calls with the same arguments then share one call (single-flight)."
            + " Try it first with mode: shadow to measure the hits without changing anything.",
        SuggestionYaml.sites(List.of(suggestion)),
        List.of(suggestion));
  }

  private static long repeatsWithin(Latencies intervals, long ttl) {
    long[] buckets = intervals.log2Buckets();
    long within = 0;
    for (int i = 0; i < buckets.length; i++) {
      if ((1L << i) <= ttl) {
        within += buckets[i];
      }
    }
    return within;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}

package io.perfweave.analyzer.rules.cache;

import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An idempotent site called again and again with the same arguments: a cache would answer the
 * repeats. The rule's own estimate (repeats within twice the 75th percentile of the time between
 * them; shadow-mode hits where recorded) scores it; the planner chooses the TTL, and the what-if
 * replay prices it.
 */
public final class RepeatedReadsRule extends SiteRule {

  static final Threshold MIN_REPEAT_SHARE =
      new Threshold(
          "cache.minRepeatShare",
          0.3,
          "share of a site's calls that repeat an earlier call's arguments, before "
              + "repeated-reads reports it");
  static final Threshold MIN_CALLS =
      new Threshold(
          "cache.minCalls",
          20,
          "calls a site needs before repeated-reads looks at it");
  static final long MIN_TTL_NANOS = 100_000_000L;
  static final long MAX_TTL_NANOS = 300_000_000_000L;

  @Override
  public String id() {
    return "repeated-reads";
  }


  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_REPEAT_SHARE, MIN_CALLS);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    long rpcNanos = Math.max(1, model.rpcNanos());
    long hits = site.outcomes().get(Outcome.CACHE_HIT);
    double share = site.keys().repeatShare();
    if (!site.idempotent()
        || !site.canApplyPolicies()
        || site.errorCount() >= site.calls()
        || hits > 0
        || site.calls() < thresholds.get(MIN_CALLS)
        || share < thresholds.get(MIN_REPEAT_SHARE)) {
      return List.of();
    }
    return List.of(finding(site, rpcNanos));
  }


  private Finding finding(SiteModel site, long rpcNanos) {
    Latencies intervals = site.keys().intervals();
    long ttl = Math.max(MIN_TTL_NANOS, Math.min(MAX_TTL_NANOS, Numbers.niceNanos(2 * intervals.percentile(75))));
    long shadowHits = site.outcomes().get(Outcome.SHADOW_HIT);
    long wouldHit = shadowHits > 0 ? shadowHits : repeatsWithin(intervals, ttl) + site.keys().concurrentDuplicates();
    long saving = wouldHit * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("distinctKeys", site.keys().distinctKeys());
    evidence.put("repeatedKeyShare", Numbers.share(site.keys().repeatShare()));
    evidence.put("repeatIntervalP50Ms", Numbers.millis(intervals.percentile(50)));
    evidence.put("repeatIntervalP75Ms", Numbers.millis(intervals.percentile(75)));
    evidence.put("meanLatencyMs", Numbers.millis(site.sentLatencies().mean()));
    evidence.put("shadowHits", shadowHits);
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("ttl", Numbers.configDuration(ttl));
    SiteSuggestion suggestion = SiteSuggestion.forSite(site, cache, Map.of());
    double savingShare = (double) saving / rpcNanos;
    return Finding.of(id(), site.name())
        .score(Scores.exp100(savingShare, 0.05, 0.25))
        .title("Cache " + site.name() + ": " + Numbers.percentText(site.keys().repeatShare())
            + " of its calls repeat an earlier call's arguments")
        .evidence(evidence)
        .explanation(site.calls() + " calls of " + site.mainTarget() + " used " + site.keys().distinctKeys()
            + " distinct argument sets; the same arguments came back after a median "
            + Numbers.millisText(intervals.percentile(50)) + " (75% within "
            + Numbers.millisText(intervals.percentile(75)) + ")."
            + (shadowHits > 0 ? " In shadow mode a cache answered " + shadowHits + " of them." : ""))
        .saving(saving, savingShare, shadowHits > 0
            ? "shadow hits recorded by the agent × mean latency of calls sent"
            : "repeats within the proposed TTL × mean latency of calls sent ("
                + Numbers.millisText(site.sentLatencies().mean()) + ")")
        .fix("Cache the site if its data may be as old as the TTL below;"
            + " concurrent calls with the same arguments then share one call (single-flight)."
            + " Try it first with mode: shadow to measure the hits without changing anything.")
        .config(SuggestionYaml.sites(List.of(suggestion)), List.of(suggestion))
        .build();
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

}

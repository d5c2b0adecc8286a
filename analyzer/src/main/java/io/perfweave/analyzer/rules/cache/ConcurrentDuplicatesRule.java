package io.perfweave.analyzer.rules.cache;

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
 * Calls with the same arguments in flight at the same time: single-flight would let one call
 * serve them all. perfweave's single-flight comes with its cache, so the fix is a cache with a
 * short TTL, which only removes the overlap if the data must be fresh.
 */
public final class ConcurrentDuplicatesRule extends SiteRule {

  static final Threshold MIN_DUPLICATES =
      new Threshold(
          "singleFlight.minDuplicates",
          5,
          "calls that started while the same call was in flight, before concurrent-"
              + "duplicates reports a site");

  @Override
  public String id() {
    return "concurrent-duplicates";
  }


  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_DUPLICATES);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    long rpcNanos = Math.max(1, model.rpcNanos());
    long duplicates = site.keys().concurrentDuplicates();
    if (!site.idempotent()
        || !site.canApplyPolicies()
        || site.errorCount() >= site.calls()
        || site.outcomes().get(Outcome.COALESCED) > 0
        || duplicates < thresholds.get(MIN_DUPLICATES)) {
      return List.of();
    }
    long saving = duplicates * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("concurrentDuplicates", duplicates);
    evidence.put("maxConcurrency", site.maxConcurrency());
    evidence.put("meanLatencyMs", Numbers.millis(site.sentLatencies().mean()));
    long ttl = Math.max(100_000_000L, Numbers.niceNanos(site.sentLatencies().percentile(99)));
    SiteSuggestion suggestion =
        SiteSuggestion.forSite(site, Map.of("ttl", Numbers.configDuration(ttl)), Map.of());
    double share = (double) saving / rpcNanos;
    return List.of(
        Finding.of(id(), site.name())
            .score(Scores.exp100(share, 0.03, 0.2))
            .title("Coalesce " + site.name() + ": " + duplicates
                + " calls started while the same call was already in flight")
            .evidence(evidence)
            .explanation(duplicates + " of " + site.calls() + " calls of " + site.mainTarget()
                + " began while a call with the same arguments had not returned (up to "
                + site.maxConcurrency() + " calls of the site in flight at once).")
            .saving(saving, share, "overlapping duplicate calls × mean latency of calls sent")
            .fix("Let concurrent callers share one call (single-flight): a cache on the site, even"
                + " with a TTL about as long as the call itself, coalesces concurrent duplicates.")
            .config(SuggestionYaml.sites(List.of(suggestion)), List.of(suggestion))
            .build());
  }

}

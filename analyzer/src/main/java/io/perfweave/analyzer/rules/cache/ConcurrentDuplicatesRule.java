package io.perfweave.analyzer.rules.cache;

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
 * Calls with the same arguments in flight at the same time: single-flight would let one call
 * serve them all. perfweave's single-flight comes with its cache, so the fix is a cache with a
 * short TTL, which only removes the overlap if the data must be fresh.
 */
public final class ConcurrentDuplicatesRule implements Rule {

  static final String MIN_DUPLICATES = "singleFlight.minDuplicates";

  @Override
  public String id() {
    return "concurrent-duplicates";
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
      long duplicates = site.keys().concurrentDuplicates();
      if (!site.idempotent()
          || !site.canApplyPolicies()
          || site.outcomes().get(Outcome.COALESCED) > 0
          || duplicates < thresholds.get(MIN_DUPLICATES, 5)) {
        continue;
      }
      long saving = duplicates * site.sentLatencies().mean();
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("calls", site.calls());
      evidence.put("concurrentDuplicates", duplicates);
      evidence.put("maxConcurrency", site.maxConcurrency());
      evidence.put("meanLatencyMs", site.sentLatencies().mean() / 1e6);
      long ttl = Math.max(100_000_000L, Scores.niceNanos(site.sentLatencies().percentile(99)));
      SiteSuggestion suggestion =
          SiteSuggestion.forSite(site, Map.of("ttl", Scores.configDuration(ttl)), Map.of());
      double share = (double) saving / rpcNanos;
      findings.add(
          new Finding(
              id(),
              Scores.exp100(share, 0.03, 0.2),
              site.name(),
              "Coalesce " + site.name() + ": " + duplicates
                  + " calls started while the same call was already in flight",
              evidence,
              duplicates + " of " + site.calls() + " calls of " + site.mainTarget()
                  + " began while a call with the same arguments had not returned (up to "
                  + site.maxConcurrency() + " calls of the site in flight at once).",
              saving,
              share,
              "overlapping duplicate calls × mean latency of calls sent",
              "Let concurrent callers share one call (single-flight): a cache on the site with a TTL"
                  + " about as long as the call itself (" + Scores.configDuration(ttl) + ") coalesces"
                  + " concurrent duplicates and hardly serves stale data.",
              SuggestionYaml.sites(List.of(suggestion)),
              List.of(suggestion)));
    }
    return findings;
  }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cache that rarely answers although its keys do repeat: the repeats come later than the TTL
 * (the oldest entry served shows about where the TTL is).
 */
public final class LowHitRateRule implements Rule {

  static final String MAX_HIT_RATE = "cache.lowHitRate";

  @Override
  public String id() {
    return "low-cache-hit-rate";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    return model.sites().values().stream()
        .filter(s -> s.outcomes().get(Outcome.CACHE_HIT) > 0)
        .filter(s -> hitRate(s) < thresholds.get(MAX_HIT_RATE, 0.2))
        .filter(s -> s.keys().intervals().percentile(50) > s.hitAges().max())
        .map(s -> finding(s, model))
        .collect(Collectors.toList());
  }

  private Finding finding(SiteModel site, Model model) {
    long interval = site.keys().intervals().percentile(75);
    long ttl = Scores.niceNanos(interval);
    long missesThatRepeat = site.keys().intervals().count();
    long saving = missesThatRepeat * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("hitRate", Math.round(hitRate(site) * 1000) / 1000.0);
    evidence.put("oldestEntryServedMs", site.hitAges().max() / 1e6);
    evidence.put("repeatIntervalP50Ms", site.keys().intervals().percentile(50) / 1e6);
    SiteSuggestion suggestion =
        SiteSuggestion.forSite(site, Map.of("ttl", Scores.configDuration(ttl)), Map.of());
    double share = (double) saving / Math.max(1, model.rpcNanos());
    return new Finding(
        id(),
        Scores.exp100(share, 0.05, 0.25),
        site.name(),
        "Cache of " + site.name() + " answers only " + Scores.percent(hitRate(site))
            + " of calls: its TTL is shorter than the time between repeats",
        evidence,
        "No entry older than " + Scores.millis(site.hitAges().max()) + " was served, but the same"
            + " arguments come back after a median " + Scores.millis(site.keys().intervals().percentile(50)) + ".",
        saving,
        share,
        "repeats that missed × mean latency of calls sent",
        "Raise the TTL to " + Scores.configDuration(ttl) + " if the data may be that old.",
        SuggestionYaml.sites(List.of(suggestion)),
        List.of(suggestion));
  }

  private static double hitRate(SiteModel site) {
    return site.calls() == 0 ? 0 : (double) site.outcomes().get(Outcome.CACHE_HIT) / site.calls();
  }
}

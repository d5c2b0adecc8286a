package io.perfweave.analyzer.rules.cache;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import io.perfweave.analyzer.rules.Threshold;
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

  static final Threshold MAX_HIT_RATE =
      new Threshold(
          "cache.lowHitRate",
          0.2,
          "hit rate below which a cached site is reported by low-cache-hit-rate");

  @Override
  public String id() {
    return "low-cache-hit-rate";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MAX_HIT_RATE);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    return model.sites().values().stream()
        .filter(s -> s.outcomes().get(Outcome.CACHE_HIT) > 0)
        .filter(s -> hitRate(s) < thresholds.get(MAX_HIT_RATE))
        .filter(s -> s.keys().intervals().percentile(50) > s.hitAges().max())
        .map(s -> finding(s, model))
        .collect(Collectors.toList());
  }

  private Finding finding(SiteModel site, Model model) {
    long interval = site.keys().intervals().percentile(75);
    long ttl = Numbers.niceNanos(interval);
    long missesThatRepeat = site.keys().intervals().count();
    long saving = missesThatRepeat * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("hitRate", Numbers.share(hitRate(site)));
    evidence.put("oldestEntryServedMs", Numbers.millis(site.hitAges().max()));
    evidence.put("repeatIntervalP50Ms", Numbers.millis(site.keys().intervals().percentile(50)));
    SiteSuggestion suggestion =
        SiteSuggestion.forSite(site, Map.of("ttl", Numbers.configDuration(ttl)), Map.of());
    double share = (double) saving / Math.max(1, model.rpcNanos());
    return Finding.of(id(), site.name())
        .score(Scores.exp100(share, 0.05, 0.25))
        .title("Cache of " + site.name() + " answers only " + Numbers.percentText(hitRate(site))
            + " of calls: its TTL is shorter than the time between repeats")
        .evidence(evidence)
        .explanation("No entry older than " + Numbers.millisText(site.hitAges().max()) + " was served, but the same"
            + " arguments come back after a median " + Numbers.millisText(site.keys().intervals().percentile(50)) + ".")
        .saving(saving, share, "repeats that missed × mean latency of calls sent")
        .fix("Raise the TTL if the data may be that old.")
        .config(SuggestionYaml.sites(List.of(suggestion)), List.of(suggestion))
        .build();
  }

  private static double hitRate(SiteModel site) {
    return site.calls() == 0 ? 0 : (double) site.outcomes().get(Outcome.CACHE_HIT) / site.calls();
  }
}

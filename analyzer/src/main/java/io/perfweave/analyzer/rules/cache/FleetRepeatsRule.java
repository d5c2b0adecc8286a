package io.perfweave.analyzer.rules.cache;

import io.perfweave.analyzer.model.CallLog;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recordings of several JVMs (a fleet) whose calls of one idempotent site repeat each
 * other's keys: each JVM's own cache cannot answer another JVM's call, a cache they share through
 * Redis ({@code l2}) can. The planner decides the shared level and its TTL, and the what-if replay
 * of the merged call streams prices it.
 */
public final class FleetRepeatsRule extends SiteRule {

  static final Threshold MIN_SHARED_KEY_CALLS =
      new Threshold(
          "cache.minFleetRepeatShare",
          0.3,
          "share of a site's keyed calls whose key other JVMs of the fleet call too, before "
              + "fleet-repeats reports it");

  @Override
  public String id() {
    return "fleet-repeats";
  }

  @Override
  public List<Threshold> thresholds() {
    // cache.minCalls is repeated-reads' own, applied here too
    return List.of(MIN_SHARED_KEY_CALLS);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    CallLog log = site.callLog();
    if (!site.idempotent() || !site.canApplyPolicies() || site.calls() < thresholds.get(RepeatedReadsRule.MIN_CALLS)) {
      return List.of();
    }
    int jvms = log.jvmCount();
    if (jvms < 2) {
      return List.of();
    }
    Map<Long, long[]> byKey = keys(log); // key -> {first jvm, jvms bitmask (first 63), calls}
    long keyed = 0;
    long onSharedKeys = 0;
    long sharedKeys = 0;
    for (long[] key : byKey.values()) {
      keyed += key[2];
      if (Long.bitCount(key[1]) > 1) {
        sharedKeys++;
        onSharedKeys += key[2];
      }
    }
    double share = keyed == 0 ? 0 : (double) onSharedKeys / keyed;
    if (share < thresholds.get(MIN_SHARED_KEY_CALLS)) {
      return List.of();
    }
    return List.of(finding(site, model, jvms, byKey.size(), sharedKeys, share));
  }

  private static Map<Long, long[]> keys(CallLog log) {
    Map<Long, long[]> byKey = new HashMap<>();
    for (int call = 0; call < log.size(); call++) {
      long key = log.key(call);
      if (key != 0) {
        long[] counts = byKey.computeIfAbsent(key, k -> new long[3]);
        counts[1] |= 1L << Math.min(62, log.jvm(call));
        counts[2]++;
      }
    }
    return byKey;
  }

  private Finding finding(
      SiteModel site, Model model, int jvms, long distinctKeys, long sharedKeys, double share) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("jvms", jvms);
    evidence.put("calls", site.calls());
    evidence.put("distinctKeys", distinctKeys);
    evidence.put("keysCalledByMoreThanOneJvm", sharedKeys);
    evidence.put("callsOnThoseKeysShare", Numbers.share(share));
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("ttl", Numbers.configDuration(RepeatedReadsRule.MIN_TTL_NANOS));
    SiteSuggestion suggestion = SiteSuggestion.forSite(site, cache, Map.of());
    long saving = (long) (share * site.rpcsSent() * site.sentLatencies().mean() / jvms);
    double savingShare = (double) saving / Math.max(1, model.rpcNanos());
    return Finding.of(id(), site.name())
        .score(Scores.exp100(savingShare, 0.05, 0.25))
        .title("Share " + site.name() + "'s cache across the fleet: " + jvms + " JVMs call "
            + Numbers.percentText(share) + " of its keys the others call too")
        .evidence(evidence)
        .explanation(site.calls() + " calls of " + site.mainTarget() + " in " + jvms + " JVMs used "
            + distinctKeys + " distinct keys; " + sharedKeys + " of them were called by more than one"
            + " JVM. Each JVM's own cache answers only its own repeats; a cache the JVMs share"
            + " answers one JVM's call with what another fetched.")
        .saving(saving, savingShare, "calls on keys other JVMs call too × mean latency of calls sent"
            + " ÷ JVMs (an estimate; the what-if replay prices the planned cache)")
        .fix("Cache the site in each JVM and share it through Redis: l2 below, and a redis: section"
            + " with your Redis's url. Lookups wait at most redis.timeout (5 ms); a Redis that is"
            + " down or slow is skipped, never the application's fault.")
        .config(SuggestionYaml.sites(List.of(suggestion)), List.of(suggestion))
        .build();
  }
}

package io.perfweave.analyzer.summary;

import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * From a merged summary, per site: how many calls a cache the fleet's JVMs share would answer
 * beyond each JVM's own cache. With a TTL of T whole seconds, each JVM's own cache sends a key in
 * the first second it calls it, then in the first second T or more after that send, and so on;
 * a shared cache does the same over the seconds in which any JVM calls it. Calls are known to the
 * second, so the estimate is for TTLs of a second or more, and for the fleet's shape; the what-if
 * replay of recordings analyzed together prices a plan call by call. T is the longest TTL the site's values allow in every JVM (the
 * shortest {@code longestAllowedTtlNanos}), in whole seconds; a site whose values allow less than
 * a second is estimated at one second but not proposed: the recordings analyzed together decide
 * that one.
 */
public final class FleetEstimate {

  /** The share of a site's calls the shared level must answer before it is proposed. */
  static final double MIN_SHARE = 0.1;

  private FleetEstimate() {}

  /** One site's estimate, and the config that applies it where it is worth proposing. */
  public record Site(
      String name, long calls, long rpcsSent, long errors, int jvmsCalling, int keys, boolean keysCapped,
      String ttl, long ttlNanos, long sendsWithOwnCaches, long sendsWithSharedCache, double answeredByShared, String config) {}

  public static List<Site> of(ModelSummary summary) {
    return summary.sites.entrySet().stream().map(e -> site(e.getKey(), e.getValue())).toList();
  }

  private static Site site(String name, SiteSummary site) {
    long allowedSeconds = site.longestAllowedTtlNanos / 1_000_000_000L;
    long windowSeconds = Math.max(1, allowedSeconds);
    long own = 0;
    long shared = 0;
    Set<Integer> jvms = new HashSet<>();
    for (KeyActivity key : site.keys.values()) {
      TreeSet<Long> anyJvm = new TreeSet<>();
      for (Map.Entry<Integer, TreeSet<Long>> jvm : key.decoded().entrySet()) {
        jvms.add(jvm.getKey());
        own += sends(jvm.getValue(), windowSeconds);
        anyJvm.addAll(jvm.getValue());
      }
      shared += sends(anyJvm, windowSeconds);
    }
    double share = site.calls == 0 ? 0 : (double) (own - shared) / site.calls;
    String ttl = Numbers.configDuration(windowSeconds * 1_000_000_000L);
    boolean fresh = allowedSeconds >= 1;
    boolean propose = site.idempotent && site.canApplyPolicies && fresh && jvms.size() > 1 && share >= MIN_SHARE;
    return new Site(name, site.calls, site.rpcsSent, site.errors, jvms.size(), site.keys.size(), site.keysCapped,
        ttl, windowSeconds * 1_000_000_000L, own, shared, Numbers.share(share), propose ? config(name, site, ttl) : "");
  }

  /** The sends of a cache of TTL {@code ttlSeconds} whose key is called in {@code seconds}. */
  private static long sends(TreeSet<Long> seconds, long ttlSeconds) {
    long sends = 0;
    long expires = Long.MIN_VALUE;
    for (long second : seconds) {
      if (second >= expires) {
        sends++;
        expires = second + ttlSeconds;
      }
    }
    return sends;
  }

  private static String config(String name, SiteSummary site, String ttl) {
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("ttl", ttl);
    cache.put("l2", Map.of("ttl", ttl));
    SiteSuggestion suggestion =
        site.jsonRpcMethod.isEmpty()
            ? new SiteSuggestion(name, SiteSuggestion.split(site.target)[0], SiteSuggestion.split(site.target)[1], true, cache, Map.of())
            : new SiteSuggestion(name, "", site.jsonRpcMethod, true, cache, Map.of(), true, false);
    return SuggestionYaml.sites(List.of(suggestion));
  }
}

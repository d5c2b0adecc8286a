package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.Numbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy planned for one site, decided jointly from every finding about it: exactly the cache
 * and retry suggested-config.yaml gives the agent, and what the what-if replay runs.
 *
 * @param cache the cache, or null for none
 * @param retry the retry, or null for none
 */
public record SitePlan(Cache cache, Retry retry) {

  /** No policy: the site as it was recorded. */
  public static final SitePlan NONE = new SitePlan(null, null);

  /**
   * A cache with single-flight.
   *
   * @param ttlNanos how long an answer is served, counted from when its call was sent
   * @param cacheBlockTags whether reads at a moving block tag are cached too
   * @param l2TtlNanos how long the shared level (Redis) keeps an answer for the fleet's other
   *     JVMs, counted from when it was stored; 0 for no shared level
   */
  public record Cache(long ttlNanos, boolean cacheBlockTags, long l2TtlNanos) {

    public Cache(long ttlNanos, boolean cacheBlockTags) {
      this(ttlNanos, cacheBlockTags, 0);
    }

    public Cache withL2(long ttl) {
      return new Cache(ttlNanos, cacheBlockTags, ttl);
    }

    Map<String, Object> yaml() {
      Map<String, Object> yaml = new LinkedHashMap<>();
      yaml.put("ttl", Numbers.configDuration(ttlNanos));
      if (l2TtlNanos > 0) {
        yaml.put("l2", Map.of("ttl", Numbers.configDuration(l2TtlNanos)));
      }
      return yaml;
    }
  }

  /**
   * Retry with exponential backoff and full jitter, within a budget.
   *
   * @param errors the recorded errors it retries, as the recording names them
   * @param on the exception types that cover {@code errors}, for the config
   * @param onStatus the HTTP statuses it retries
   */
  public record Retry(
      int maxAttempts,
      long backoffNanos,
      long maxBackoffNanos,
      double budget,
      Set<String> errors,
      List<String> on,
      List<Integer> onStatus) {

    /** The mean wait after attempt {@code attempt} (1-based): full jitter halves the cap. */
    long meanBackoffNanos(int attempt) {
      double grown = backoffNanos * Math.pow(2, attempt - 1);
      return (long) Math.min(grown, maxBackoffNanos) / 2;
    }

    Map<String, Object> yaml() {
      Map<String, Object> yaml = new LinkedHashMap<>();
      yaml.put("maxAttempts", maxAttempts);
      yaml.put("backoff", Numbers.configDuration(backoffNanos));
      yaml.put("maxBackoff", Numbers.configDuration(maxBackoffNanos));
      yaml.put("jitter", "full");
      if (!on.isEmpty()) {
        yaml.put("on", on);
      }
      if (!onStatus.isEmpty()) {
        yaml.put("onStatus", onStatus);
      }
      yaml.put("budget", budget);
      return yaml;
    }
  }

  public SitePlan withCache(Cache planned) {
    return new SitePlan(planned, retry);
  }

  public SitePlan withRetry(Retry planned) {
    return new SitePlan(cache, planned);
  }

  public boolean isEmpty() {
    return cache == null && retry == null;
  }

  /** The {@code cache:} keys, empty for none. */
  public Map<String, Object> cacheYaml() {
    return cache == null ? Map.of() : cache.yaml();
  }

  /** The {@code retry:} keys, empty for none. */
  public Map<String, Object> retryYaml() {
    return retry == null ? Map.of() : retry.yaml();
  }
}

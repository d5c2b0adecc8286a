package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.util.List;
import java.util.Optional;

/**
 * What perfweave may do with calls of the JSON-RPC methods one pattern names.
 *
 * @param pattern a method name or glob ({@code eth_get*})
 * @param idempotent whether calling twice is as safe as calling once; required for cache and retry
 * @param cache the methods' cache, keyed by method and canonical params (never the request id)
 * @param retry the methods' retry policy: on the listed exceptions and on {@code retryStatuses}
 * @param retryStatuses HTTP statuses that count as transient failures; default 429, 502, 503, 504
 * @param cacheBlockTags whether a call whose params name a moving block ({@code latest},
 *     {@code pending}, {@code safe}, {@code finalized}) may be cached; default false
 */
public record JsonRpcMethodConfig(
    String pattern,
    boolean idempotent,
    Optional<CacheConfig> cache,
    Optional<RetryConfig> retry,
    List<Integer> retryStatuses,
    boolean cacheBlockTags) {

  /** The statuses retried when a method's retry names none. */
  public static final List<Integer> TRANSIENT_STATUSES = List.of(429, 502, 503, 504);

  public JsonRpcMethodConfig {
    requireArgument(!pattern.isBlank(), "pattern must not be blank");
    retryStatuses = List.copyOf(retryStatuses);
    for (int status : retryStatuses) {
      requireArgument(status >= 100 && status <= 599, "onStatus must list HTTP statuses, was %s", status);
    }
  }
}

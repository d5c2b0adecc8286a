package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A site's cache.
 *
 * @param ttl how long an entry lives, counted from when its call was sent (required)
 * @param maxSize the most entries kept; default 10000
 * @param keyArgs argument indices that form the key; empty = all arguments (default {@code args})
 * @param keyReceiver whether the receiver's identity is part of the key ({@code this})
 * @param mode {@code on} serves hits; {@code shadow} only records them
 * @param cacheNull whether a {@code null} result is cached; default false
 * @param copy whether each caller gets its own copy of a cached value (by serialization) instead
 *     of the one object all callers share; default false
 * @param l2Ttl how long an answer lives in the shared second level (Redis, the {@code redis:}
 *     section), counted from when it was stored there; empty = no second level
 */
public record CacheConfig(
    Duration ttl,
    long maxSize,
    List<Integer> keyArgs,
    boolean keyReceiver,
    Mode mode,
    boolean cacheNull,
    boolean copy,
    Optional<Duration> l2Ttl) {

  public CacheConfig {
    requireArgument(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive, was %s", ttl);
    requireArgument(maxSize >= 1, "maxSize must be at least 1, was %s", maxSize);
    keyArgs = List.copyOf(keyArgs);
    l2Ttl.ifPresent(l2 -> requireArgument(
        l2.toMillis() >= 1, "l2.ttl must be at least 1ms, was %s", l2));
    for (int index : keyArgs) {
      requireArgument(index >= 0, "key indices must not be negative, was %s", index);
    }
  }
}

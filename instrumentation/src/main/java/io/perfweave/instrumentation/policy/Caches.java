package io.perfweave.instrumentation.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.perfweave.instrumentation.config.CacheConfig;

/**
 * The Caffeine caches behind every perfweave cache: expiry after write on the agent's clock, read
 * as {@link PolicyThread#now} has it.
 */
final class Caches {

  private Caches() {}

  /**
   * A cache as {@code config} says, ticking on {@code clock}, run on the calling thread (no
   * executor hand-off); with its statistics in {@code registry} as {@code name} where meters are
   * exported ({@code registry} not null), without the cost of keeping them otherwise.
   */
  static <K, V> Cache<K, V> build(
      CacheConfig config, Clock clock, MeterRegistry registry, String name) {
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder()
            .expireAfterWrite(config.ttl())
            .maximumSize(config.maxSize())
            .ticker(() -> PolicyThread.now(clock))
            .executor(Runnable::run);
    if (registry == null) {
      return builder.build();
    }
    return CaffeineCacheMetrics.monitor(registry, builder.recordStats().<K, V>build(), name);
  }
}

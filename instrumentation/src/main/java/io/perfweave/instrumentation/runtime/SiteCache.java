package io.perfweave.instrumentation.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.Mode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One site's cache: Caffeine entries that expire after write, the calls in flight per key (for
 * single-flight), and the site's own decision to stop caching when its keys cannot be compared by
 * value.
 */
final class SiteCache {

  /** A cached value and when it was written. In shadow mode the value is not kept. */
  record Entry(Object value, long writtenNanos) {}

  private final String site;
  private final CacheConfig config;
  private final Clock clock;
  private final KeyShape shape;
  private final Cache<CacheKey, Entry> entries;
  private final ConcurrentHashMap<CacheKey, CompletableFuture<Object>> inFlight =
      new ConcurrentHashMap<>();
  private final AtomicBoolean off = new AtomicBoolean();

  SiteCache(String site, CacheConfig config, Clock clock, MeterRegistry registry) {
    this.site = site;
    this.config = config;
    this.clock = clock;
    this.shape = new KeyShape(config.keyArgs(), config.keyReceiver());
    this.entries = Caches.build(config, clock, registry, "perfweave." + site);
  }

  boolean shadow() {
    return config.mode() == Mode.SHADOW;
  }

  /** The key of this call, or null when the site does not cache (turned off, or cannot). */
  CacheKey key(Object receiver, Object[] arguments) {
    return off.get() ? null : shape.build(receiver, arguments, this::turnOff);
  }


  Entry get(CacheKey key) {
    return entries.getIfPresent(key);
  }

  /** What a hit hands the caller: the cached value, or its own copy of it. */
  Object serve(Entry entry) {
    return config.copy() ? ValueCopies.copy(entry.value()) : entry.value();
  }

  /** The in-flight call this one should wait for, or null when this one leads. */
  CompletableFuture<Object> joinOrLead(CacheKey key, CompletableFuture<Object> mine) {
    return inFlight.putIfAbsent(key, mine);
  }

  /** The leader's call ended: cache a success, then release the waiters and the key. */
  void complete(CacheKey key, CompletableFuture<Object> flight, Object value, Throwable failure) {
    if (failure == null) {
      store(key, value);
      flight.complete(value);
    } else {
      flight.completeExceptionally(failure);
    }
    inFlight.remove(key, flight);
  }

  /** Shadow mode: note that a real cache would now hold this key. */
  void storeShadow(CacheKey key) {
    entries.put(key, new Entry(null, clock.nanos()));
  }

  long size() {
    return entries.estimatedSize();
  }

  private void store(CacheKey key, Object value) {
    if (value == null && !config.cacheNull()) {
      return;
    }
    if (config.copy() && !ValueCopies.copyable(value)) {
      turnOff("copy: true but a " + value.getClass().getName() + " is not Serializable");
      return;
    }
    // with copy, the caller that made the call also keeps its own object, apart from the cache's
    entries.put(key, new Entry(config.copy() ? ValueCopies.copy(value) : value, clock.nanos()));
  }

  private void turnOff(String why) {
    if (off.compareAndSet(false, true)) {
      entries.invalidateAll();
      System.err.println(
          "perfweave: warning: site " + site + " stops caching: " + why
              + "; it only times calls from now on");
    }
  }
}

package io.perfweave.instrumentation.policy;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.Mode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

/**
 * A cache with single-flight, on one Caffeine {@link Cache} of futures: a key maps to the future
 * of the call that fetches it. While that call is in flight, later callers wait on the same
 * future; once it completes, a kept answer stays until it expires, anything else (a failure, an
 * answer that may not be stored) is removed as soon as the waiters have it. An entry expires
 * {@code ttl} after its call was sent, so no answer is served older than that measured from the
 * request; a call still in flight after its {@code ttl} is no longer joined. (Caffeine's
 * AsyncCache would count from the answer instead, at a second cache write per miss: 190 ns here.)
 */
public final class PolicyCache<K, A> {

  private final CacheConfig config;
  private final Clock clock;
  private final Cache<K, CompletableFuture<Stored<A>>> cache;
  private final ConcurrentMap<K, CompletableFuture<Stored<A>>> entries;

  public PolicyCache(CacheConfig config, Clock clock, MeterRegistry registry, String name) {
    this.config = config;
    this.clock = clock;
    this.cache = Caches.build(config, clock, registry, name);
    this.entries = cache.asMap();
  }

  boolean shadow() {
    return config.mode() == Mode.SHADOW;
  }

  public CacheConfig config() {
    return config;
  }

  /** A kept answer for {@code key}, or null. Never waits. */
  Stored<A> kept(K key) {
    CompletableFuture<Stored<A>> entry = cache.getIfPresent(key);
    Stored<A> stored = entry == null ? null : entry.getNow(null);
    return stored != null && stored.kept() ? stored : null;
  }

  /**
   * Makes {@code mine} the flight of {@code key} and returns null, or returns the flight this call
   * should wait for (it may have ended already with a kept answer: a hit that raced this call).
   */
  CompletableFuture<Stored<A>> leadOrJoin(K key, CompletableFuture<Stored<A>> mine) {
    while (true) {
      CompletableFuture<Stored<A>> current = entries.putIfAbsent(key, mine);
      if (current == null) {
        return null;
      }
      Stored<A> ended = current.getNow(null);
      if (ended == null || ended.kept()) {
        return current;
      }
      // a flight that ended with nothing to keep, not yet removed: take its place
      if (entries.replace(key, current, mine)) {
        return null;
      }
    }
  }

  /** The flight of {@code key} ended: its waiters get {@code stored}; only a kept one stays. */
  void land(K key, CompletableFuture<Stored<A>> flight, Stored<A> stored) {
    flight.complete(stored);
    if (!stored.kept()) {
      entries.remove(key, flight);
    }
  }

  /** Shadow mode: notes that a real cache would now hold {@code key}, without its value. */
  void storeShadow(K key) {
    cache.put(key, CompletableFuture.completedFuture(new Stored<>(null, null, clock.nanos(), true)));
  }

  /** Drops every entry (a site that stops caching). */
  public void clear() {
    cache.invalidateAll();
  }

  public long size() {
    return cache.estimatedSize();
  }
}

package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.runtime.Caches;
import io.perfweave.instrumentation.runtime.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The responses cached for the JSON-RPC methods of one {@code http.jsonRpc.methods} entry, by
 * method and canonical params, with the calls in flight per key (single-flight).
 */
final class HttpCache {

  /**
   * One cached response: the library's own response object to copy status and headers from, the
   * body, and the ids of the call that fetched it.
   */
  record Entry(Object prototype, byte[] body, List<JsonNode> ids, long writtenNanos) {}

  private final CacheConfig config;
  private final Clock clock;
  private final Cache<String, Entry> entries;
  private final ConcurrentHashMap<String, CompletableFuture<Entry>> inFlight =
      new ConcurrentHashMap<>();

  HttpCache(String pattern, CacheConfig config, Clock clock, MeterRegistry registry) {
    this.config = config;
    this.clock = clock;
    this.entries = Caches.build(config, clock, registry, "perfweave.jsonrpc." + pattern);
  }

  boolean shadow() {
    return config.mode() == Mode.SHADOW;
  }

  long ttlNanos() {
    return config.ttl().toNanos();
  }

  Entry get(String key) {
    return entries.getIfPresent(key);
  }

  void put(String key, Entry entry) {
    entries.put(key, entry);
  }

  /** The call in flight for {@code key} that this one should wait for, or null: this one leads. */
  CompletableFuture<Entry> joinOrLead(String key, CompletableFuture<Entry> mine) {
    return inFlight.putIfAbsent(key, mine);
  }

  /** The leader is done: its waiters get the entry, or null (they then send their own call). */
  void release(String key, CompletableFuture<Entry> flight, Entry entry) {
    flight.complete(entry);
    inFlight.remove(key, flight);
  }

  long size() {
    return entries.estimatedSize();
  }

  long now() {
    return clock.nanos();
  }
}

package io.perfweave.instrumentation.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.config.JsonRpcMethodConfig;
import io.perfweave.instrumentation.runtime.Clock;
import io.perfweave.instrumentation.runtime.RetryPolicy;
import io.perfweave.instrumentation.weaving.Globs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code http.jsonRpc.methods} entries, and the policy of a call made of their methods: a
 * batch is cached only if every element may be, and retried only if every element may be.
 */
final class MethodPolicies {

  /** One entry: its pattern, config, and the cache and retry it owns. */
  private record Entry(Pattern pattern, JsonRpcMethodConfig config, HttpCache cache, RetryPolicy retry) {}

  private static final int MAX_REMEMBERED = 10_000;
  private static final Entry UNLISTED = new Entry(null, null, null, null);

  private final List<Entry> entries = new ArrayList<>();
  private final ConcurrentHashMap<String, Entry> byMethod = new ConcurrentHashMap<>();

  MethodPolicies(List<JsonRpcMethodConfig> configs, Clock clock, MeterRegistry registry) {
    for (JsonRpcMethodConfig config : configs) {
      HttpCache cache =
          config.cache().map(c -> new HttpCache(config.pattern(), c, clock, registry)).orElse(null);
      RetryPolicy retry = config.retry().map(r -> new RetryPolicy(r, clock)).orElse(null);
      entries.add(new Entry(Globs.toRegex(config.pattern()), config, cache, retry));
    }
  }

  MethodPolicy of(JsonRpcCall call) {
    if (call == null || entries.isEmpty()) {
      return MethodPolicy.NONE;
    }
    boolean retryAll = true;
    boolean cacheable = call.expectsResponses();
    HttpCache cache = null;
    RetryPolicy retry = null;
    List<Integer> statuses = List.of();
    for (JsonRpcCall.Element element : call.elements()) {
      Entry entry = entryFor(element.method());
      if (entry == UNLISTED || !entry.config().idempotent()) {
        return MethodPolicy.NONE;
      }
      boolean elementCacheable =
          entry.cache() != null && (entry.config().cacheBlockTags() || !element.namesMovingTarget());
      cacheable &= elementCacheable;
      if (elementCacheable && (cache == null || entry.cache().ttlNanos() < cache.ttlNanos())) {
        cache = entry.cache();
      }
      if (retry == null) {
        retry = entry.retry();
        statuses = entry.config().retryStatuses();
      } else if (entry.retry() == null) {
        retryAll = false;
      }
    }
    return new MethodPolicy(
        true, cacheable ? cache : null, retryAll ? retry : null, MethodPolicy.statuses(statuses));
  }

  long cacheEntries() {
    return entries.stream().filter(e -> e.cache() != null).mapToLong(e -> e.cache().size()).sum();
  }

  private Entry entryFor(String method) {
    Entry known = byMethod.get(method);
    if (known != null) {
      return known;
    }
    Entry entry =
        entries.stream().filter(e -> e.pattern().matcher(method).matches()).findFirst().orElse(UNLISTED);
    if (byMethod.size() < MAX_REMEMBERED) {
      byMethod.put(method, entry);
    }
    return entry;
  }
}

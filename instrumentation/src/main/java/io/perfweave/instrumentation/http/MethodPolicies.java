package io.perfweave.instrumentation.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.contract.CallSafety;
import io.perfweave.contract.JsonRpcDialects;
import io.perfweave.instrumentation.config.JsonRpcMethodConfig;
import io.perfweave.instrumentation.policy.Clock;
import io.perfweave.instrumentation.policy.OnceNotes;
import io.perfweave.instrumentation.policy.Policy;
import io.perfweave.instrumentation.policy.PolicyCache;
import io.perfweave.instrumentation.policy.RetryPolicy;
import io.perfweave.instrumentation.policy.SharedCache;
import io.perfweave.instrumentation.policy.SharedLevel;
import io.perfweave.instrumentation.weaving.Globs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code http.jsonRpc.methods} entries, and the policy of a call made of their methods: a
 * batch is cached only if every element may be, and retried only if every element may be. Which
 * element may be is {@link CallSafety}'s to say: a known write matched by a pattern is never
 * idempotent, whatever the entry declares.
 */
final class MethodPolicies {

  /** One entry: its pattern, config, and the cache and retry it owns. */
  private record Entry(
      Pattern pattern, JsonRpcMethodConfig config, PolicyCache<String, HttpAnswer> cache,
      SharedCache<String> shared, RetryPolicy retry) {}

  private static final int MAX_REMEMBERED = 10_000;
  /**
   * A JSON-RPC answer's shared key: its endpoint, methods and canonical params say all of what it
   * means, whatever the config; the namespace changes only with the format of what is stored.
   * Made where a shared level is configured only: its SHA-256 initialises the JDK's security
   * providers, ~20 ms of start-up.
   */
  private static final class SharedNamespace {
    static final String VALUE = "jsonrpc:" + SharedCache.fingerprint("http-answer/" + SharedHttpAnswers.FORMAT) + ":";
  }

  private static final Entry UNLISTED = new Entry(null, null, null, null, null);

  private final List<Entry> entries = new ArrayList<>();
  private final ConcurrentHashMap<String, Entry> byMethod = new ConcurrentHashMap<>();
  private final Clock clock;
  private final OnceNotes notes;

  /** @param level the shared level of the caches that have {@code l2}, or null where none is configured */
  MethodPolicies(
      List<JsonRpcMethodConfig> configs, Clock clock, MeterRegistry registry, SharedLevel level,
      OnceNotes notes) {
    this.clock = clock;
    this.notes = notes;
    for (JsonRpcMethodConfig config : configs) {
      PolicyCache<String, HttpAnswer> cache =
          config.cache()
              .map(c -> new PolicyCache<String, HttpAnswer>(
                  c, clock, registry, "perfweave.jsonrpc." + config.pattern()))
              .orElse(null);
      SharedCache<String> shared =
          config.cache()
              .flatMap(c -> c.l2Ttl())
              .filter(ttl -> level != null)
              .map(ttl -> new SharedCache<String>(level, SharedNamespace.VALUE, ttl, key -> key))
              .orElse(null);
      RetryPolicy retry = config.retry().map(r -> new RetryPolicy(r, clock)).orElse(null);
      Pattern pattern = Globs.toRegex(config.pattern());
      entries.add(new Entry(pattern, config, cache, shared, retry));
      if (config.idempotent()) {
        sayWhatWritesItCovers(config.pattern(), pattern);
      }
    }
  }

  /**
   * A known write named exactly is the user's deliberate choice, warned about; one a pattern
   * matches stays not idempotent, noted so the config's author knows.
   */
  private static void sayWhatWritesItCovers(String name, Pattern pattern) {
    if (JsonRpcDialects.isKnownWrite(name)) {
      System.err.println(
          "perfweave: warning: http.jsonRpc.methods." + name + " declares a known write idempotent:"
              + " it will be cached or retried as configured; make sure the node deduplicates it");
      return;
    }
    List<String> writes =
        JsonRpcDialects.knownWrites().stream().filter(w -> pattern.matcher(w).matches()).toList();
    if (!writes.isEmpty()) {
      System.err.println(
          "perfweave: note: http.jsonRpc.methods." + name + " is idempotent, but the known writes it"
              + " matches (" + String.join(", ", writes.subList(0, Math.min(5, writes.size())))
              + (writes.size() > 5 ? ", ..." : "") + ") are never cached or retried");
    }
  }

  MethodPolicy of(JsonRpcCall call) {
    if (call == null || entries.isEmpty()) {
      return MethodPolicy.NONE;
    }
    boolean retryAll = true;
    boolean cacheable = true;
    PolicyCache<String, HttpAnswer> cache = null;
    SharedCache<String> shared = null;
    RetryPolicy retry = null;
    List<Integer> statuses = List.of();
    for (JsonRpcCall.Element element : call.elements()) {
      Entry entry = entryFor(element.method());
      CallSafety.Refusal idempotence =
          entry == UNLISTED
              ? CallSafety.Refusal.NOT_IDEMPOTENT
              : CallSafety.idempotence(
                  element.method(), entry.config().idempotent(),
                  entry.config().pattern().equals(element.method()));
      if (idempotence != null) {
        return MethodPolicy.NONE;
      }
      boolean elementCacheable =
          entry.cache() != null
              && CallSafety.beforeCall(
                      null, element.notification(), element.namesMovingTarget(),
                      entry.config().cacheBlockTags())
                  == null;
      cacheable &= elementCacheable;
      if (elementCacheable && (cache == null || ttl(entry.cache()) < ttl(cache))) {
        cache = entry.cache();
        shared = entry.shared();
      }
      if (retry == null) {
        retry = entry.retry();
        statuses = entry.config().retryStatuses();
      } else if (entry.retry() == null) {
        retryAll = false;
      }
    }
    return new MethodPolicy(
        true,
        new Policy<>(
            cacheable ? cache : null, cacheable ? shared : null, retryAll ? retry : null,
            Set.copyOf(statuses), clock, notes));
  }

  long cacheEntries() {
    return entries.stream().filter(e -> e.cache() != null).mapToLong(e -> e.cache().size()).sum();
  }

  private static long ttl(PolicyCache<String, HttpAnswer> cache) {
    return cache.config().ttl().toNanos();
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

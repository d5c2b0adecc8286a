package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.perfweave.instrumentation.events.RpcCall;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A site's Micrometer meters: one timer, success and error counters, and counters of what its
 * policies did (cache hits, coalesced calls, shadow hits, retries).
 */
final class SiteMeters {

  // Percentiles cover the whole run: one histogram that never rotates (the exit summary reads it).
  private static final Duration WHOLE_RUN = Duration.ofDays(3650);

  private final Timer timer;
  private final Counter successes;
  private final Counter errors;
  private final Counter cacheHits;
  private final Counter coalesced;
  private final Counter shadowHits;
  private final Counter retries;

  SiteMeters(MeterRegistry registry, String site) {
    this.timer =
        Timer.builder("perfweave.calls")
            .description("Calls of an instrumented site")
            .tag("site", site)
            .publishPercentiles(0.5, 0.95, 0.99)
            .percentilePrecision(2)
            .distributionStatisticExpiry(WHOLE_RUN)
            .distributionStatisticBufferLength(1)
            .register(registry);
    this.successes = counter(registry, "perfweave.calls.success", site);
    this.errors = counter(registry, "perfweave.calls.error", site);
    this.cacheHits = counter(registry, "perfweave.cache.hits", site);
    this.coalesced = counter(registry, "perfweave.cache.coalesced", site);
    this.shadowHits = counter(registry, "perfweave.cache.shadow.hits", site);
    this.retries = counter(registry, "perfweave.retry.retries", site);
  }

  void record(long nanos, boolean failed, String outcome) {
    timer.record(nanos, TimeUnit.NANOSECONDS);
    (failed ? errors : successes).increment();
    switch (outcome) {
      case RpcCall.CACHE_HIT:
        cacheHits.increment();
        break;
      case RpcCall.COALESCED:
        coalesced.increment();
        break;
      case RpcCall.SHADOW_HIT:
        shadowHits.increment();
        break;
      default:
        break;
    }
  }

  void retried() {
    retries.increment();
  }

  Timer timer() {
    return timer;
  }

  long errorCount() {
    return (long) errors.count();
  }

  long cacheHitCount() {
    return (long) (cacheHits.count() + shadowHits.count());
  }

  long coalescedCount() {
    return (long) coalesced.count();
  }

  long retryCount() {
    return (long) retries.count();
  }

  private static Counter counter(MeterRegistry registry, String name, String site) {
    return Counter.builder(name).tag("site", site).register(registry);
  }
}

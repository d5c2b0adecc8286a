package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.metrics.ExportedSite;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;

/**
 * A site's meters. The hot path records into lock-free counters and one HdrHistogram (one atomic
 * increment per call, a few nanoseconds); Micrometer reads them on demand as a FunctionTimer
 * ({@code perfweave.calls}: count and total), gauges for max and p50/p95/p99 (whole run), and
 * function counters of successes, errors, cache hits, coalesced calls, shadow hits and retries.
 * A Micrometer Timer with client-side percentiles costs 100+ ns per call; this costs ~10.
 */
public final class SiteMeters {

  private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
  private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

  private final AtomicHistogram latencies = new AtomicHistogram(HIGHEST_NANOS, 2);
  private final LongAdder totalNanos = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder shadowHits = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final ExportedSite exported;

  /** {@code exported} is null where no export is configured: the hot path then stays as it was. */
  SiteMeters(MeterRegistry registry, ExportedSite exported, String site) {
    this.exported = exported;
    FunctionTimer.builder(
            "perfweave.calls", this, SiteMeters::count, SiteMeters::totalNanos, TimeUnit.NANOSECONDS)
        .description("Calls of an instrumented site")
        .tag("site", site)
        .register(registry);
    Gauge.builder("perfweave.calls.max", this, m -> m.latencies.getMaxValue())
        .baseUnit("nanoseconds")
        .tag("site", site)
        .register(registry);
    for (double p : PERCENTILES) {
      Gauge.builder("perfweave.calls.percentile", this, m -> m.percentileNanos(p))
          .baseUnit("nanoseconds")
          .tags("site", site, "phi", Double.toString(p))
          .register(registry);
    }
    counter(registry, "perfweave.calls.success", site, m -> m.count() - m.errors.sum());
    counter(registry, "perfweave.calls.error", site, m -> m.errors.sum());
    counter(registry, "perfweave.cache.hits", site, m -> m.cacheHits.sum());
    counter(registry, "perfweave.cache.coalesced", site, m -> m.coalesced.sum());
    counter(registry, "perfweave.cache.shadow.hits", site, m -> m.shadowHits.sum());
    counter(registry, "perfweave.retry.retries", site, m -> m.retries.sum());
  }

  void record(long nanos, String outcome, String error, String rpcMethod, int status) {
    latencies.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
    totalNanos.add(nanos);
    if (exported != null) {
      exported.record(nanos, outcome, error, rpcMethod, status);
    }
    if (error != null) {
      errors.increment();
    }
    switch (outcome) {
      case Outcome.CACHE_HIT:
        cacheHits.increment();
        break;
      case Outcome.COALESCED:
        coalesced.increment();
        break;
      case Outcome.SHADOW_HIT:
        shadowHits.increment();
        break;
      default:
        break;
    }
  }

  public void retried() {
    retries.increment();
    if (exported != null) {
      exported.retried();
    }
  }

  long count() {
    return latencies.getTotalCount();
  }

  double totalNanos() {
    return totalNanos.sum();
  }

  long percentileNanos(double percentile) {
    return latencies.getValueAtPercentile(percentile * 100);
  }

  long errorCount() {
    return errors.sum();
  }

  /** Hits served, or in shadow mode hits a cache would have served. */
  long cacheHitCount() {
    return cacheHits.sum() + shadowHits.sum();
  }

  long coalescedCount() {
    return coalesced.sum();
  }

  long retryCount() {
    return retries.sum();
  }

  private void counter(
      MeterRegistry registry,
      String name,
      String site,
      java.util.function.ToDoubleFunction<SiteMeters> value) {
    FunctionCounter.builder(name, this, value).tag("site", site).register(registry);
  }
}

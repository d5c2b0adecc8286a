package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.metrics.ExportedSite;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;

/**
 * A site's meters. The hot path records into lock-free counters and one HdrHistogram (one atomic
 * increment per call, a few nanoseconds), which the exit summary reads; where {@code metrics:}
 * configures an export, each call also goes to the exported Micrometer timer ({@link
 * ExportedSite}). Micrometer is not loaded otherwise.
 */
public final class SiteMeters {

  private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

  private final AtomicHistogram latencies = new AtomicHistogram(HIGHEST_NANOS, 2);
  private final LongAdder errors = new LongAdder();
  /** Hits served, or in shadow mode hits a cache would have served. */
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final ExportedSite exported;

  /** {@code exported} is null where no export is configured. */
  SiteMeters(ExportedSite exported) {
    this.exported = exported;
  }

  void record(long nanos, String outcome, String error, String rpcMethod, int status) {
    latencies.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
    if (exported != null) {
      exported.record(nanos, outcome, error, rpcMethod, status);
    }
    if (error != null) {
      errors.increment();
    }
    switch (outcome) {
      case Outcome.CACHE_HIT:
      case Outcome.SHADOW_HIT:
        cacheHits.increment();
        break;
      case Outcome.COALESCED:
        coalesced.increment();
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

  long percentileNanos(double percentile) {
    return latencies.getValueAtPercentile(percentile * 100);
  }

  long errorCount() {
    return errors.sum();
  }

  /** Hits served, or in shadow mode hits a cache would have served. */
  long cacheHitCount() {
    return cacheHits.sum();
  }

  long coalescedCount() {
    return coalesced.sum();
  }

  long retryCount() {
    return retries.sum();
  }
}

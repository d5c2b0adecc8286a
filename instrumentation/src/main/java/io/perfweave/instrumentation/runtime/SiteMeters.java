package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.metrics.ExportedSite;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * A site's meters: the calls that have an event of their own, or every call where no recording
 * takes perfweave's events (the others are counted by the site's {@link CallEvents}, so that each
 * call is counted once), in lock-free counters and one {@link LatencyCounts}, which the exit summary adds
 * up with the counted ones; and where {@code metrics:} configures an export, every call in the
 * exported Micrometer timer ({@link ExportedSite}). Micrometer is not loaded otherwise.
 */
public final class SiteMeters {

  private final LatencyCounts latencies = new LatencyCounts();
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

  /** A call: exported, and counted here unless {@code countedElsewhere} (its site's CallEvents did). */
  void record(long nanos, String outcome, String error, String rpcMethod, int status, boolean countedElsewhere) {
    if (exported != null) {
      exported.record(nanos, outcome, error, rpcMethod, status);
    }
    if (countedElsewhere) {
      return;
    }
    if (LatencyCounts.instantHit(nanos, outcome)) {
      latencies.recordInstantHit();
      return;
    }
    latencies.record(nanos);
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

  /** The latencies counted here, a copy. */
  Histogram latencies() {
    return latencies.copy();
  }

  long errorCount() {
    return errors.sum();
  }

  /** Hits served, or in shadow mode hits a cache would have served. */
  long cacheHitCount() {
    return cacheHits.sum() + latencies.instantHits();
  }

  long coalescedCount() {
    return coalesced.sum();
  }

  long retryCount() {
    return retries.sum();
  }
}

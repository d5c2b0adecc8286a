package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.events.SiteStatsEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Which of a site's calls get a {@code perfweave.RpcCall} of their own, as JFR throttles its own
 * high-rate events: every failure (a waiter that got the call's failure too), every retried call
 * and every call slower than {@link #SLOW_NANOS}; of the others, the first {@code perSecond} each
 * second. The rest are counted here, by outcome and in a latency histogram, for the whole run;
 * once a second {@link #drain} hands out what was counted since as a {@code perfweave.SiteStats}
 * event, so that the analyzer's totals stay exact while its per-call analyses (repeats, fan-out,
 * the replay) read a sample of at least {@code perSecond} calls a second. A counted call costs a
 * volatile read and one atomic increment (the latency's bucket); an event, ~140 ns
 * and its stack trace.
 */
final class CallEvents {

  /** JFR's own default threshold for socket and file I/O events. */
  static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
  /**
   * The draining thread's copy of a histogram and the difference, shared by every budget's drain,
   * so that a drain allocates only its event and encoded histogram, and a budget keeps two
   * histograms (its counts, what was drained), not four.
   */
  private static final ThreadLocal<Histogram[]> SCRATCH =
      ThreadLocal.withInitial(() -> new Histogram[] {new Histogram(HIGHEST_NANOS, 2), new Histogram(HIGHEST_NANOS, 2)});

  private final long perSecond;
  private volatile long second = Long.MIN_VALUE;
  private final AtomicLong usedThisSecond = new AtomicLong();
  /** The counted calls of the whole run, recorded before their outcome's counter. */
  private final LatencyCounts counted = new LatencyCounts();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder l2Hits = new LongAdder();
  private final LongAdder shadowHits = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  /** What the last drain handed out up to; only the draining thread touches it. */
  private final Histogram drained = new Histogram(HIGHEST_NANOS, 2);
  private final long[] drainedOutcomes = new long[4];

  /** @param perSecond the calls a second that get their own event beyond those that always do; 0 for every call */
  CallEvents(long perSecond) {
    this.perSecond = perSecond;
  }

  /** Whether this call gets its own event; if not, it is counted here. */
  boolean own(long endNanos, long nanos, String outcome, boolean failed, int attempts) {
    // an ERROR outcome always has its error: failed covers it
    if (perSecond == 0 || failed || attempts > 1 || nanos >= SLOW_NANOS || withinBudget(endNanos)) {
      return true;
    }
    count(nanos, outcome);
    return false;
  }

  private boolean withinBudget(long nowNanos) {
    long now = nowNanos / 1_000_000_000L;
    if (now != second) {
      // a race here lets a few more calls through in the second's first microseconds
      second = now;
      usedThisSecond.set(0);
    }
    return usedThisSecond.get() < perSecond && usedThisSecond.incrementAndGet() <= perSecond;
  }

  private void count(long nanos, String outcome) {
    if (LatencyCounts.instantHit(nanos, outcome)) {
      counted.recordInstantHit();
      return;
    }
    counted.record(nanos);
    switch (outcome) {
      case Outcome.CACHE_HIT:
        cacheHits.increment();
        break;
      case Outcome.L2_HIT:
        l2Hits.increment();
        break;
      case Outcome.SHADOW_HIT:
        shadowHits.increment();
        break;
      case Outcome.COALESCED:
        coalesced.increment();
        break;
      default:
        break;
    }
  }

  /** The counted calls of the whole run, a copy. */
  Histogram countedLatencies() {
    return counted.copy();
  }

  /** Counted calls served from a cache, or in shadow mode that a cache would have served. */
  long countedHits() {
    return cacheHits.sum() + counted.instantHits() + shadowHits.sum();
  }

  long countedCoalesced() {
    return coalesced.sum();
  }

  /**
   * The calls counted since the last call of this method, as a SiteStats event for {@code site}
   * and {@code rpcMethod} (not yet committed), or null where there were none. Called by one
   * thread at a time.
   */
  SiteStatsEvent drain(String site, String rpcMethod) {
    // the counters first: every call they count is in the histogram copied after them
    long[] outcomes = {cacheHits.sum() + counted.instantHits(), l2Hits.sum(), shadowHits.sum(), coalesced.sum()};
    Histogram[] scratch = SCRATCH.get();
    Histogram now = scratch[0];
    Histogram interval = scratch[1];
    counted.copyInto(now);
    if (now.getTotalCount() == drained.getTotalCount()) {
      return null;
    }
    now.copyInto(interval);
    interval.subtract(drained);
    now.copyInto(drained);
    SiteStatsEvent event = new SiteStatsEvent();
    event.site = site;
    event.rpcMethod = rpcMethod;
    event.unrecorded = interval.getTotalCount();
    event.cacheHits = outcomes[0] - drainedOutcomes[0];
    event.l2Hits = outcomes[1] - drainedOutcomes[1];
    event.shadowHits = outcomes[2] - drainedOutcomes[2];
    event.coalesced = outcomes[3] - drainedOutcomes[3];
    // a call whose counter lagged its histogram by a drain is a success here and its outcome next
    event.success = Math.max(0, event.unrecorded - event.cacheHits - event.l2Hits - event.shadowHits - event.coalesced);
    System.arraycopy(outcomes, 0, drainedOutcomes, 0, outcomes.length);
    ByteBuffer buffer = ByteBuffer.allocate(interval.getNeededByteBufferCapacity());
    int length = interval.encodeIntoCompressedByteBuffer(buffer);
    event.latencies = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    return event;
  }
}

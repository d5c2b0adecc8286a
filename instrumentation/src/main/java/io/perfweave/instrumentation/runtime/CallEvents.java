package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.events.SiteStatsEvent;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Which of a site's calls get a {@code perfweave.RpcCall} of their own, as JFR throttles its own
 * high-rate events: every failure (a waiter that got the call's failure too), every retried call
 * and every call slower than {@link
 * #SLOW_NANOS}; of the others, the first {@code perSecond} each second. The rest are counted,
 * by outcome and in a latency histogram, and handed out once a second as a {@code
 * perfweave.SiteStats} event, so that the analyzer's totals stay exact while its per-call
 * analyses (repeats, fan-out, the replay) read a sample of at least {@code perSecond} calls a
 * second. A call over the budget costs a volatile read and its counting; an event, ~140 ns and
 * its stack trace.
 */
final class CallEvents {

  /** JFR's own default threshold for socket and file I/O events. */
  static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

  private final long perSecond;
  private volatile long second = Long.MIN_VALUE;
  private final AtomicLong usedThisSecond = new AtomicLong();
  private final Recorder latencies = new Recorder(HIGHEST_NANOS, 2);
  private final LongAdder success = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder l2Hits = new LongAdder();
  private final LongAdder shadowHits = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private Histogram recycled;

  /** @param perSecond the calls a second that get their own event beyond those that always do; 0 for every call */
  CallEvents(long perSecond) {
    this.perSecond = perSecond;
  }

  /** Whether this call gets its own event; if not, it is counted for the next SiteStats. */
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
    latencies.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
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
        success.increment();
        break;
    }
  }

  /**
   * The calls counted since the last call of this method, as a SiteStats event for {@code site}
   * and {@code rpcMethod} (not yet committed), or null where there were none. Called by one
   * thread.
   */
  SiteStatsEvent drain(String site, String rpcMethod) {
    Histogram interval = latencies.getIntervalHistogram(recycled);
    recycled = interval;
    if (interval.getTotalCount() == 0) {
      return null;
    }
    SiteStatsEvent event = new SiteStatsEvent();
    event.site = site;
    event.rpcMethod = rpcMethod;
    event.unrecorded = interval.getTotalCount();
    event.success = success.sumThenReset();
    event.cacheHits = cacheHits.sumThenReset();
    event.l2Hits = l2Hits.sumThenReset();
    event.shadowHits = shadowHits.sumThenReset();
    event.coalesced = coalesced.sumThenReset();
    ByteBuffer buffer = ByteBuffer.allocate(interval.getNeededByteBufferCapacity());
    int length = interval.encodeIntoCompressedByteBuffer(buffer);
    event.latencies = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    return event;
  }
}

package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * A site's call latencies, counted on the call's thread with one atomic increment, in the buckets
 * of an HdrHistogram {@code Histogram(HIGHEST_NANOS, 2)} (two significant digits); read as such a
 * histogram, bucket for bucket, by whoever reports them. HdrHistogram's {@code AtomicHistogram}
 * does a second atomic increment per value (its total count) and a minimum and maximum check: a
 * few nanoseconds of a timed call's ~50, for figures that readers, once a second, can add up.
 */
final class LatencyCounts {

  /** Two significant digits: 256 sub-buckets of which each bucket after the first uses the upper half. */
  private static final int HALF_MAGNITUDE = 7;
  private static final int HALF_COUNT = 1 << HALF_MAGNITUDE;
  private static final long SUB_BUCKET_MASK = (2L << HALF_MAGNITUDE) - 1;
  private static final int LEADING_ZERO_BASE = 64 - HALF_MAGNITUDE - 1;
  private static final int LENGTH = index(CallEvents.HIGHEST_NANOS) + 1;

  private final AtomicLongArray counts = new AtomicLongArray(LENGTH);
  private final LongAdder instantHits = new LongAdder();

  /** Counts one latency, bounded to [0, {@link CallEvents#HIGHEST_NANOS}]. */
  void record(long nanos) {
    counts.getAndIncrement(index(Math.min(Math.max(nanos, 0), CallEvents.HIGHEST_NANOS)));
  }

  /**
   * Counts a cache hit that took no time (a kept answer handed over, not timed): its latency of 0
   * and its outcome in one increment, where a call counted by latency and outcome takes two.
   */
  void recordInstantHit() {
    instantHits.increment();
  }

  /** The hits {@link #recordInstantHit} counted. */
  long instantHits() {
    return instantHits.sum();
  }

  /**
   * What is counted so far, the instant hits at 0, written over {@code target} (a {@code
   * Histogram(HIGHEST_NANOS, 2)}).
   */
  void copyInto(Histogram target) {
    target.reset();
    for (int i = 0; i < LENGTH; i++) {
      long count = counts.get(i);
      if (count != 0) {
        target.recordValueWithCount(lowestValueAt(i), count);
      }
    }
    long instant = instantHits.sum();
    if (instant != 0) {
      target.recordValueWithCount(0, instant);
    }
  }

  /** Whether a call is an instant hit: a {@link Outcome#CACHE_HIT} that took no time. */
  static boolean instantHit(long nanos, String outcome) {
    return nanos == 0 && Outcome.CACHE_HIT.equals(outcome);
  }

  /** What is counted so far, as a new histogram. */
  Histogram copy() {
    Histogram copy = new Histogram(CallEvents.HIGHEST_NANOS, 2);
    copyInto(copy);
    return copy;
  }

  /** HdrHistogram's counts index of {@code value}, for a unit of 1 and two significant digits. */
  static int index(long value) {
    int bucket = LEADING_ZERO_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
    int subBucket = (int) (value >>> bucket);
    return ((bucket + 1) << HALF_MAGNITUDE) + (subBucket - HALF_COUNT);
  }

  /** The lowest value counted at {@code index}: HdrHistogram files it under the same index. */
  static long lowestValueAt(int index) {
    int bucket = (index >> HALF_MAGNITUDE) - 1;
    int subBucket = (index & (HALF_COUNT - 1)) + HALF_COUNT;
    if (bucket < 0) {
      subBucket -= HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }
}

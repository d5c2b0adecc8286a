package io.perfweave.analyzer.model;

import org.HdrHistogram.Histogram;

/** A latency distribution in nanoseconds (1 ns to 1 h, 2 significant digits), mergeable. */
public final class Latencies {

  private static final long HIGHEST = 3_600_000_000_000L;

  // auto-resizing: its counts cover the values recorded, not 1 ns to 1 h from the start (~36 KB
  // per distribution, made for every site of every chunk); the buckets are the same
  private final Histogram histogram = new Histogram(2);
  private long totalNanos;

  public void record(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    totalNanos += nanos;
  }

  /** Adds a distribution recorded elsewhere (the agent's count of calls without events). */
  public void add(Histogram other) {
    histogram.add(other);
    totalNanos += (long) (other.getMean() * other.getTotalCount());
  }

  public void merge(Latencies other) {
    histogram.add(other.histogram);
    totalNanos += other.totalNanos;
  }

  public long count() {
    return histogram.getTotalCount();
  }

  public long totalNanos() {
    return totalNanos;
  }

  public long percentile(double p) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(p);
  }

  public long max() {
    return count() == 0 ? 0 : histogram.getMaxValue();
  }

  public long mean() {
    return count() == 0 ? 0 : totalNanos / count();
  }

  /** Counts in log2 buckets of nanoseconds: bucket i holds values in [2^i, 2^(i+1)). */
  public long[] log2Buckets() {
    long[] buckets = new long[43];
    for (var value : histogram.recordedValues()) {
      long v = Math.max(1, value.getValueIteratedTo());
      buckets[Math.min(42, 63 - Long.numberOfLeadingZeros(v))] += value.getCountAtValueIteratedTo();
    }
    return buckets;
  }
}

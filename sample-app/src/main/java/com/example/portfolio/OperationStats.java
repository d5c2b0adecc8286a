package com.example.portfolio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What the application measures of one of its own operations: count, failures, latencies. */
final class OperationStats {

  private final String name;
  private final List<Long> nanos = new ArrayList<>();
  private int failures;

  OperationStats(String name) {
    this.name = name;
  }

  synchronized void record(long elapsedNanos, boolean failed) {
    nanos.add(elapsedNanos);
    if (failed) {
      failures++;
    }
  }

  synchronized String line(double seconds) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "  %-16s %7d %8d %9.2fms %9.2fms %9.2fms %9.1f/s",
        name,
        sorted.size(),
        failures,
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        sorted.size() / seconds);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}

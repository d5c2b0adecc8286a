package com.example.portfolio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What the application measures of one of its own operations: count, failures, latencies. */
final class OperationStats {

  private final String name;
  private final String kind;
  private final List<Long> nanos = new ArrayList<>();
  private int failures;

  /** @param kind read, write or cpu */
  OperationStats(String name, String kind) {
    this.name = name;
    this.kind = kind;
  }

  synchronized void record(long elapsedNanos, boolean failed) {
    nanos.add(elapsedNanos);
    if (failed) {
      failures++;
    }
  }

  synchronized int count() {
    return nanos.size();
  }

  synchronized String line(double seconds) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "  %-30s %5s %7d %7d %8.2fms %8.2fms %8.2fms %8.1f/s",
        name,
        kind,
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

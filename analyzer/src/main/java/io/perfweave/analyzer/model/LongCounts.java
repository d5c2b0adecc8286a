package io.perfweave.analyzer.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts (or sums) by key, mergeable, with a top-N view. */
public final class LongCounts {

  private final Map<String, long[]> counts = new HashMap<>();
  // the last key added and its count: a site's calls mostly repeat the same target or outcome
  private String lastKey;
  private long[] lastCount;

  public void add(String key, long value) {
    if (key != lastKey) {
      lastCount = counts.computeIfAbsent(key, k -> new long[1]);
      lastKey = key;
    }
    lastCount[0] += value;
  }

  public long get(String key) {
    long[] value = counts.get(key);
    return value == null ? 0 : value[0];
  }

  public long total() {
    long total = 0;
    for (long[] value : counts.values()) {
      total += value[0];
    }
    return total;
  }

  public int size() {
    return counts.size();
  }

  public void merge(LongCounts other) {
    other.counts.forEach((key, value) -> add(key, value[0]));
  }

  /** The {@code n} largest, largest first (ties by key, so the order is stable). */
  public Map<String, Long> top(int n) {
    List<Map.Entry<String, long[]>> sorted =
        counts.entrySet().stream()
            .sorted(
                (a, b) ->
                    a.getValue()[0] != b.getValue()[0]
                        ? Long.compare(b.getValue()[0], a.getValue()[0])
                        : a.getKey().compareTo(b.getKey()))
            .limit(n)
            .collect(Collectors.toList());
    Map<String, Long> top = new LinkedHashMap<>();
    sorted.forEach(e -> top.put(e.getKey(), e.getValue()[0]));
    return top;
  }
}

package io.perfweave.analyzer.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two counts per epoch second ({calls, errors}, {calls, retries}, ...), in time order. Calls
 * come mostly in time order, so the second last asked for is kept at hand: most calls find their
 * counts without a boxed key or a map look-up.
 */
public final class SecondCounts {

  private final TreeMap<Long, long[]> bySecond = new TreeMap<>();
  private long lastSecond;
  private long[] last;

  /** The counts of {@code epochSecond}, made (zero) where it has none yet. */
  public long[] at(long epochSecond) {
    if (last == null || epochSecond != lastSecond) {
      last = bySecond.computeIfAbsent(epochSecond, s -> new long[2]);
      lastSecond = epochSecond;
    }
    return last;
  }

  /** The counts of {@code epochSecond}, or null where it has none. */
  public long[] get(long epochSecond) {
    return bySecond.get(epochSecond);
  }

  /** Adds another's counts, second by second. */
  public void add(SecondCounts other) {
    other.bySecond.forEach((second, counts) -> {
      long[] mine = at(second);
      mine[0] += counts[0];
      mine[1] += counts[1];
    });
  }

  /** Every second's counts, in time order. */
  public Map<Long, long[]> bySecond() {
    return Collections.unmodifiableMap(bySecond);
  }
}

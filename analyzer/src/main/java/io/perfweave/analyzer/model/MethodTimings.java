package io.perfweave.analyzer.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * JDK 25's {@code jdk.MethodTiming} (JEP 520, {@code method-timing=Type::method}): per method, a
 * count of invocations and their minimum, average and maximum time. The JVM emits the counters
 * cumulatively, at each period and chunk end, since the recording began: within one recording the
 * latest emission is the total (summing emissions would count each call again and again); the
 * totals of different JVMs add up.
 */
public final class MethodTimings {

  /** A method's counters as of {@code atNanos}. */
  public record Timing(long atNanos, long invocations, long minNanos, long averageNanos, long maxNanos) {

    /** Two JVMs' totals together: counts add, the average is weighted, the extremes kept. */
    Timing plus(Timing other) {
      long calls = invocations + other.invocations;
      long average = calls == 0 ? 0
          : Math.round(((double) averageNanos * invocations + (double) other.averageNanos * other.invocations) / calls);
      return new Timing(Math.max(atNanos, other.atNanos), calls, Math.min(minNanos, other.minNanos), average,
          Math.max(maxNanos, other.maxNanos));
    }
  }

  private final Map<String, Timing> byMethod = new TreeMap<>();
  private final Map<String, Integer> emissions = new TreeMap<>();

  /** One emission of one recording's counters for {@code method} ({@code Type#name descriptor}). */
  public void record(String method, Timing timing) {
    later(method, timing);
    emissions.merge(method, 1, Integer::sum);
  }

  /** Adds a later chunk, or another file, of the same JVM's recording: the latest emission stands. */
  public void mergeSameRecording(MethodTimings other) {
    other.byMethod.forEach(this::later);
    other.emissions.forEach((method, count) -> emissions.merge(method, count, Integer::sum));
  }

  /** Adds another JVM's totals. */
  public void mergeJvm(MethodTimings other) {
    other.byMethod.forEach((method, timing) -> byMethod.merge(method, timing, Timing::plus));
    other.emissions.forEach((method, count) -> emissions.merge(method, count, Integer::sum));
  }

  public Map<String, Timing> byMethod() {
    return Collections.unmodifiableMap(byMethod);
  }

  /** How many emissions a method's total was read from (each one cumulative). */
  public int emissions(String method) {
    return emissions.getOrDefault(method, 0);
  }

  private void later(String method, Timing timing) {
    byMethod.merge(method, timing, (a, b) -> b.atNanos >= a.atNanos && b.invocations >= a.invocations ? b : a);
  }
}

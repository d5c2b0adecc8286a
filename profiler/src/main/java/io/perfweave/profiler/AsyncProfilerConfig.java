package io.perfweave.profiler;

import java.time.Duration;
import java.util.List;

/**
 * The async-profiler session the agent runs beside JFR, writing its own JFR file.
 *
 * @param enabled whether to run it; default true
 * @param events what to sample: cpu, wall, alloc, lock; default cpu, alloc, lock
 * @param interval the CPU (and wall clock) sampling interval; default 10ms
 */
public record AsyncProfilerConfig(boolean enabled, List<String> events, Duration interval) {

  private static final List<String> KNOWN = List.of("cpu", "wall", "alloc", "lock");

  public AsyncProfilerConfig {
    events = List.copyOf(events);
    for (String event : events) {
      if (!KNOWN.contains(event)) {
        throw new IllegalArgumentException("events must be among " + KNOWN + ", was " + event);
      }
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must name at least one of " + KNOWN);
    }
    if (interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("interval must be at least 1ms, was " + interval);
    }
  }
}

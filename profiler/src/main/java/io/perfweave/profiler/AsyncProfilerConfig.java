package io.perfweave.profiler;

import java.time.Duration;
import java.util.List;

/**
 * The async-profiler session the agent will run beside JFR. Not wired yet: the agent warns once
 * when it is enabled.
 *
 * @param enabled whether to run it; default false
 * @param events the events to profile: cpu, wall, alloc, lock; default cpu, alloc, lock
 * @param interval the CPU sampling interval; default 10ms
 */
public record AsyncProfilerConfig(boolean enabled, List<String> events, Duration interval) {

  private static final List<String> KNOWN = List.of("cpu", "wall", "alloc", "lock");

  public AsyncProfilerConfig {
    events = List.copyOf(events);
    for (String event : events) {
      if (!KNOWN.contains(event)) {
        throw new IllegalArgumentException(
            "events must be among " + KNOWN + ", was " + event);
      }
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
  }
}

package io.perfweave.profiler;

import java.time.Duration;

/**
 * The JDK Flight Recorder recording the agent runs.
 *
 * @param enabled whether the agent records at all; default true
 * @param maxSizeBytes the most the recording keeps on disk, in bytes; default 256MB
 * @param maxAge the oldest data the recording keeps; default 30m
 */
public record JfrConfig(boolean enabled, long maxSizeBytes, Duration maxAge) {

  public JfrConfig {
    if (maxSizeBytes < 1024 * 1024) {
      throw new IllegalArgumentException("maxSize must be at least 1MB, was " + maxSizeBytes + "B");
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
    }
  }
}

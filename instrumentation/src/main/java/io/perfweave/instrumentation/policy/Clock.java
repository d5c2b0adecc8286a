package io.perfweave.instrumentation.policy;

import io.perfweave.bridge.Bridge;

/**
 * The time source of cache expiry and retry windows: System.nanoTime() plus an offset that tests
 * move with the bridge's test clock. {@link #at} converts a nanoTime already read, so the hot path
 * reads the clock once per call.
 */
public interface Clock {

  long offsetNanos();

  default long nanos() {
    return at(System.nanoTime());
  }

  default long at(long systemNanos) {
    return systemNanos + offsetNanos();
  }

  /** The agent's clock: the test clock where a test asked for it. */
  static Clock forThisJvm() {
    if (Boolean.getBoolean("perfweave.internal.testClock")) {
      return Bridge::testClockOffsetNanos;
    }
    return () -> 0;
  }
}

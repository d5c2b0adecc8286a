package com.example.testbed;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Moves perfweave's test clock when the agent is attached (and started with
 * -Dperfweave.internal.testClock=true); does nothing without the agent.
 */
final class TestClock {

  private TestClock() {}

  static void advance(Duration duration) throws Exception {
    Class<?> bridge;
    try {
      bridge = Class.forName("io.perfweave.bridge.Bridge", true, null);
    } catch (ClassNotFoundException noAgent) {
      return;
    }
    Method advance = bridge.getMethod("advanceTestClock", long.class);
    advance.invoke(null, duration.toNanos());
  }
}

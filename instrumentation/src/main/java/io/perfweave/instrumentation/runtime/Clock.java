package io.perfweave.instrumentation.runtime;

import io.perfweave.instrumentation.bridge.Bridge;

/** The time source of cache expiry and retry windows; tests move it with the bridge's test clock. */
interface Clock {

  long nanos();

  static Clock forThisJvm() {
    if (Boolean.getBoolean("perfweave.internal.testClock")) {
      return () -> System.nanoTime() + Bridge.testClockOffsetNanos();
    }
    return System::nanoTime;
  }
}

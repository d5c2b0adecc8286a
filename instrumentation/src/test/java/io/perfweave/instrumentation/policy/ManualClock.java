package io.perfweave.instrumentation.policy;

import java.time.Duration;

/** A clock the test moves by hand. */
final class ManualClock implements Clock {

  private long nanos = 1_000_000_000_000L;

  @Override
  public long offsetNanos() {
    return nanos - System.nanoTime();
  }

  @Override
  public long nanos() {
    return nanos;
  }

  @Override
  public long at(long systemNanos) {
    return nanos;
  }

  void advance(Duration duration) {
    nanos += duration.toNanos();
  }
}

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

  /** A reading taken a while ago is that long before the time set by hand. */
  @Override
  public long at(long systemNanos) {
    return nanos - (System.nanoTime() - systemNanos);
  }

  void advance(Duration duration) {
    nanos += duration.toNanos();
  }
}

package io.perfweave.instrumentation.policy;

/**
 * Caps retries at a share of calls over a sliding window, so that an outage does not turn into a
 * retry storm: a retry is allowed while retries in the last {@value #WINDOW_SECONDS} seconds stay
 * below {@code ratio} × calls in that window plus a floor of {@value #MIN_RETRIES} (so that a
 * quiet client can still retry its first failures).
 */
final class RetryBudget {

  static final int WINDOW_SECONDS = 10;
  static final int MIN_RETRIES = 10;

  private final double ratio;
  private final Clock clock;
  private final long[] calls = new long[WINDOW_SECONDS];
  private final long[] retries = new long[WINDOW_SECONDS];
  private final long[] bucketSecond = new long[WINDOW_SECONDS];

  RetryBudget(double ratio, Clock clock) {
    this.ratio = ratio;
    this.clock = clock;
  }

  synchronized void recordCall() {
    calls[bucket()]++;
  }

  /** Takes one retry from the budget; false when it is spent. */
  synchronized boolean tryRetry() {
    int now = bucket();
    long windowCalls = 0;
    long windowRetries = 0;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      windowCalls += calls[i];
      windowRetries += retries[i];
    }
    if (windowRetries >= ratio * windowCalls + MIN_RETRIES) {
      return false;
    }
    retries[now]++;
    return true;
  }

  private int bucket() {
    long second = clock.nanos() / 1_000_000_000L;
    int index = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
    if (bucketSecond[index] != second) {
      bucketSecond[index] = second;
      calls[index] = 0;
      retries[index] = 0;
    }
    expireStale(second);
    return index;
  }

  private void expireStale(long second) {
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      if (second - bucketSecond[i] >= WINDOW_SECONDS) {
        calls[i] = 0;
        retries[i] = 0;
      }
    }
  }
}

package com.example.portfolio.node;

/** At most {@code perSecond} requests in each whole second, as exchanges' REST APIs allow. */
final class RateLimit {

  private final int perSecond;
  private long second;
  private int used;

  RateLimit(int perSecond) {
    this.perSecond = perSecond;
  }

  synchronized boolean tryAcquire() {
    long now = System.nanoTime() / 1_000_000_000L;
    if (now != second) {
      second = now;
      used = 0;
    }
    return ++used <= perSecond;
  }
}

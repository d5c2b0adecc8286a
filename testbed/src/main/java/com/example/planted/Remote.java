package com.example.planted;

/** Stands in for network latency. */
final class Remote {

  private Remote() {}

  static void roundTrip(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package com.example.planted;

import java.util.concurrent.atomic.AtomicInteger;

/** A slow read that many threads ask for at the same moment. */
public class SettingsService {

  static final AtomicInteger RUNS = new AtomicInteger();

  public String settings(String scope) {
    RUNS.incrementAndGet();
    Remote.roundTrip(40);
    return "settings for " + scope;
  }
}

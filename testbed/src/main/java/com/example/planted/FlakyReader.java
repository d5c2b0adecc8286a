package com.example.planted;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A read that fails transiently: every tenth call ends in an IOException. */
public class FlakyReader {

  private final AtomicInteger calls = new AtomicInteger();
  private final boolean failing;

  public FlakyReader(boolean failing) {
    this.failing = failing;
  }

  public String read(String key) throws IOException {
    Remote.roundTrip(2);
    if (calls.incrementAndGet() % 10 == 0 && failing) {
      throw new IOException("connection reset reading " + key);
    }
    return "value of " + key;
  }
}

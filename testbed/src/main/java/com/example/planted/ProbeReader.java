package com.example.planted;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A read of a new key each time that fails transiently one call in three. */
public class ProbeReader {

  private final AtomicInteger calls = new AtomicInteger();

  public String read(String key) throws IOException {
    Remote.roundTrip(2);
    if (calls.incrementAndGet() % 3 == 0) {
      throw new IOException("connection reset reading " + key);
    }
    return "value of " + key;
  }
}

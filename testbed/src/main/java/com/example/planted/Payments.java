package com.example.planted;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A write that is not idempotent and fails now and then. */
public class Payments {

  static final AtomicInteger SENT = new AtomicInteger();

  private final boolean failing;

  public Payments(boolean failing) {
    this.failing = failing;
  }

  public String send(String transfer) throws IOException {
    SENT.incrementAndGet();
    Remote.roundTrip(3);
    if (SENT.get() % 5 == 0 && failing) {
      throw new IOException("gateway timeout for " + transfer);
    }
    return "receipt " + transfer;
  }
}

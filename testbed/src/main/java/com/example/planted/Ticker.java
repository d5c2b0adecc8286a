package com.example.planted;

import java.util.concurrent.atomic.AtomicInteger;

/** A price read again and again, every few milliseconds, whose value does not change. */
public class Ticker {

  static final AtomicInteger RUNS = new AtomicInteger();

  public String price(String symbol) {
    RUNS.incrementAndGet();
    Remote.roundTrip(2);
    return symbol + " 42000.00";
  }
}

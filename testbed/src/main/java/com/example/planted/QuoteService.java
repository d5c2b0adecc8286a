package com.example.planted;

import java.util.concurrent.atomic.AtomicInteger;

/** A read whose arguments repeat: the same few symbols over and over. */
public class QuoteService {

  static final AtomicInteger RUNS = new AtomicInteger();

  public long quote(String symbol) {
    RUNS.incrementAndGet();
    Remote.roundTrip(3);
    return symbol.hashCode() & 0xffff;
  }
}

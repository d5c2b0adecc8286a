package com.example.testbed;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance reading quotes through its own client methods (woven by a site with a
 * cache): {@code quote} returns a record, {@code quoteText} a string for the same symbol — two
 * methods of one site with the same argument. Every PERIOD_MS for SECONDS it reads three symbols
 * both ways and checks each answer; prints how many times the methods' bodies ran (the remote
 * calls) and how many answers were wrong: {@code QuoteBoard SECONDS PERIOD_MS}.
 */
public final class QuoteBoard {

  private static final List<String> SYMBOLS = List.of("NEO", "GAS", "ETH");

  /** A quote; Serializable, so a shared cache can hold it. */
  public record Quote(String symbol, BigDecimal price) implements Serializable {}

  /** The client whose methods a site matches: each body is one remote call. */
  public static final class QuoteSource {
    final AtomicInteger calls = new AtomicInteger();

    public Quote quote(String symbol) throws InterruptedException {
      calls.incrementAndGet();
      Thread.sleep(2);
      return new Quote(symbol, price(symbol));
    }

    public String quoteText(String symbol) throws InterruptedException {
      calls.incrementAndGet();
      Thread.sleep(2);
      return symbol + "=" + price(symbol);
    }
  }

  private QuoteBoard() {}

  public static void main(String[] args) throws Exception {
    QuoteSource source = new QuoteSource();
    long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
    long period = Long.parseLong(args[1]);
    int reads = 0;
    int wrong = 0;
    while (System.nanoTime() < end) {
      for (String symbol : SYMBOLS) {
        Quote quote = source.quote(symbol);
        String text = source.quoteText(symbol);
        reads += 2;
        if (quote == null || !quote.price().equals(price(symbol)) || !(symbol + "=" + price(symbol)).equals(text)) {
          wrong++;
        }
      }
      Thread.sleep(period);
    }
    System.out.println("reads=" + reads + " calls=" + source.calls.get() + " wrong=" + wrong);
    System.exit(0);
  }

  private static BigDecimal price(String symbol) {
    return BigDecimal.valueOf(symbol.hashCode() & 0xFFFF, 2);
  }
}

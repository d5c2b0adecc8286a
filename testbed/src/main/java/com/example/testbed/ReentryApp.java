package com.example.testbed;

/**
 * Quotes whose value type's {@code hashCode} is itself a woven site: perfweave hashes each quote
 * for the event's resultHash, and must not time (or recurse into) that hashCode as the
 * application's own call. The application calls hashCode itself five times.
 */
public final class ReentryApp {

  /** A quote's price. */
  public static final class Price {
    private final long cents;

    Price(long cents) {
      this.cents = cents;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Price && ((Price) other).cents == cents;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(cents);
    }
  }

  /** The woven read. */
  public static final class Quotes {
    public Price quote(String symbol) {
      return new Price(symbol.length() * 100L);
    }
  }

  private ReentryApp() {}

  public static void main(String[] args) {
    Quotes quotes = new Quotes();
    long total = 0;
    for (int i = 0; i < 50; i++) {
      total += quotes.quote("SYM" + (i % 3)).cents;
    }
    int hashes = 0;
    for (int i = 0; i < 5; i++) {
      hashes += new Price(i).hashCode();
    }
    System.out.println("quotes 50 total " + total + ", hashes 5 sum " + hashes);
  }
}

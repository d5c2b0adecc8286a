package com.example.testbed;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A read service whose every method counts how often it really ran, per key. */
public class PriceService {

  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  public long price(String symbol) {
    count("price:" + symbol);
    return symbol.hashCode() & 0xfff;
  }

  public long slowPrice(String symbol) throws InterruptedException {
    count("slowPrice:" + symbol);
    Thread.sleep(300);
    return symbol.hashCode() & 0xfff;
  }

  public long slowFailure(String symbol) throws IOException, InterruptedException {
    count("slowFailure:" + symbol);
    Thread.sleep(300);
    throw new IOException("node down for " + symbol);
  }

  /** Fails the first time per symbol, succeeds after. */
  public long flaky(String symbol) throws IOException {
    if (count("flaky:" + symbol) == 1) {
      throw new IOException("first call fails");
    }
    return 7;
  }

  public String maybe(String symbol) {
    count("maybe:" + symbol);
    return null;
  }

  public long lookup(Query query) {
    count("lookup");
    return query.symbol().length();
  }

  public int[] history(String symbol) {
    count("history:" + symbol);
    return new int[] {1, 2, 3};
  }

  public int runs(String key) {
    AtomicInteger n = runs.get(key);
    return n == null ? 0 : n.get();
  }

  private int count(String key) {
    return runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  /** A parameter type without equals/hashCode: compared by identity only. */
  public static final class Query {
    private final String symbol;

    public Query(String symbol) {
      this.symbol = symbol;
    }

    String symbol() {
      return symbol;
    }
  }
}

package com.example.testbed;

import java.io.IOException;

/**
 * Calls one method as fast as it can, far beyond any per-second event budget: {@code BurstApp N}
 * makes N calls over a hundred keys, about one in a hundred failing (half the reads of two keys,
 * at random: twice the analyzer's least rate of transient failures), and prints how many calls
 * and failures it made.
 */
public final class BurstApp {

  /** The method a site times: a read, failing now and then. */
  public static final class Source {
    public int read(int key) throws IOException {
      if (key >= 98 && (System.nanoTime() & 1) == 0) {
        throw new IOException("flaky");
      }
      return key * 31;
    }
  }

  private BurstApp() {}

  public static void main(String[] args) {
    int calls = Integer.parseInt(args[0]);
    Source source = new Source();
    long failures = 0;
    long sum = 0;
    for (int i = 0; i < calls; i++) {
      try {
        sum += source.read(i % 100);
      } catch (IOException e) {
        failures++;
      }
    }
    System.out.println("calls=" + calls + " failures=" + failures + " sum=" + sum);
  }
}

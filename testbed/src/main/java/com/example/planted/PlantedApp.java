package com.example.planted;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * A client application with known problems, one per analyzer rule, or ({@code clean}) the same
 * calls without them: {@code PlantedApp planted|clean}.
 */
public final class PlantedApp {

  private PlantedApp() {}

  public static void main(String[] args) throws Exception {
    boolean planted = args.length == 0 || args[0].equals("planted");
    QuoteService quotes = new QuoteService();
    AccountService accounts = new AccountService();
    SettingsService settings = new SettingsService();
    FlakyReader reader = new FlakyReader(planted);
    Payments payments = new Payments(planted);
    int failures = 0;
    for (int round = 0; round < 30; round++) {
      quotes.quote(planted ? "SYM-" + (round % 3) : "SYM-" + round);
      for (int a = 0; a < (planted ? 8 : 1); a++) {
        accounts.account("acct-" + round + "-" + a);
      }
      try {
        reader.read("key-" + round);
      } catch (IOException e) {
        failures++;
      }
      if (planted || round % 10 == 0) {
        try {
          payments.send("transfer-" + round);
        } catch (IOException e) {
          failures++;
        }
      }
    }
    int probeFailures = planted ? probe(new Ticker(), new ProbeReader(), 400) : 0;
    if (planted) {
      concurrentSettings(settings, 8, 4);
      Analytics.crunch(1500);
      Analytics.churn(800);
      Analytics.contend(4, 8);
      Analytics.parseAll(30_000);
      Analytics.connectEach(20_000);
    } else {
      settings.settings("global");
    }
    System.out.println(
        "quotes run " + QuoteService.RUNS.get() + ", settings run " + SettingsService.RUNS.get()
            + ", payments sent " + Payments.SENT.get() + ", failures seen " + failures
            + ", ticker run " + Ticker.RUNS.get() + ", probe failures " + probeFailures);
  }

  /**
   * A loop that reads a price every ~7 ms and a key that fails one call in three: a cache and a
   * retry each apply, and each changes when the other's calls come. Returns the failures seen.
   */
  private static int probe(Ticker ticker, ProbeReader reader, int rounds) throws InterruptedException {
    int failures = 0;
    for (int round = 0; round < rounds; round++) {
      ticker.price("BTC");
      try {
        reader.read("nonce-" + round);
      } catch (IOException e) {
        failures++;
      }
      Thread.sleep(3);
    }
    return failures;
  }

  private static void concurrentSettings(SettingsService settings, int threads, int rounds)
      throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  for (int r = 0; r < rounds; r++) {
                    start.await();
                    settings.settings("global");
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }
}

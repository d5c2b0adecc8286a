package com.example.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads that queue for one monitor, each wait short (a few milliseconds: below JFR's default
 * thresholds, and below async-profiler's lock sampling interval): {@code LockApp THREADS ROUNDS
 * HOLD_MS} has each thread take {@link Ledger}'s monitor ROUNDS times, hold it HOLD_MS and step
 * out for a millisecond, and prints the time the threads waited to enter, as they measured it.
 */
public final class LockApp {

  /** The contended monitor, named so that a report's lock table shows it. */
  public static final class Ledger {
    private long entries;

    void write(long holdMillis) throws InterruptedException {
      entries++;
      Thread.sleep(holdMillis);
    }
  }

  private LockApp() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    long holdMillis = Long.parseLong(args[2]);
    Ledger ledger = new Ledger();
    AtomicLong waitedNanos = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> contend(ledger, rounds, holdMillis, waitedNanos), "ledger-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    System.out.println("waitedNanos=" + waitedNanos.get() + " entries=" + ledger.entries);
  }

  private static void contend(Ledger ledger, int rounds, long holdMillis, AtomicLong waitedNanos) {
    try {
      for (int r = 0; r < rounds; r++) {
        long asked = System.nanoTime();
        synchronized (ledger) {
          waitedNanos.addAndGet(System.nanoTime() - asked);
          ledger.write(holdMillis);
        }
        // out of the monitor a moment, so that the others get it and every wait stays short
        Thread.sleep(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package com.example.testbed;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/** Scenarios for the cache, single-flight and retry tests: {@code PolicyApp SCENARIO [PORT]}. */
public final class PolicyApp {

  private PolicyApp() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "repeats":
        repeats();
        break;
      case "ttl":
        ttl();
        break;
      case "single-flight":
        singleFlight();
        break;
      case "exceptions":
        exceptions();
        break;
      case "identity":
        identity();
        break;
      case "mutable":
        mutable();
        break;
      case "nested":
        nested();
        break;
      case "fetch":
        fetch(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        break;
      case "send":
        send(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        break;
      case "interrupt":
        interrupt(Integer.parseInt(args[1]));
        break;
      default:
        throw new IllegalArgumentException(args[0]);
    }
  }

  private static void repeats() {
    PriceService prices = new PriceService();
    for (int i = 0; i < 5; i++) {
      System.out.println("A " + prices.price("A"));
    }
    for (int i = 0; i < 3; i++) {
      System.out.println("B " + prices.price("B"));
    }
    System.out.println("maybe " + prices.maybe("C") + " " + prices.maybe("C"));
    System.out.println("runs A=" + prices.runs("price:A") + " B=" + prices.runs("price:B")
        + " maybe=" + prices.runs("maybe:C"));
  }

  private static void ttl() throws Exception {
    PriceService prices = new PriceService();
    prices.price("A");
    prices.price("A");
    TestClock.advance(Duration.ofSeconds(59));
    prices.price("A");
    System.out.println("runs before expiry " + prices.runs("price:A"));
    TestClock.advance(Duration.ofSeconds(2));
    prices.price("A");
    prices.price("A");
    System.out.println("runs after expiry " + prices.runs("price:A"));
  }

  private static void singleFlight() throws Exception {
    PriceService prices = new PriceService();
    List<Long> values = concurrently(16, () -> prices.slowPrice("X"));
    System.out.println("values " + values.stream().distinct().count() + " distinct of " + values.size());
    AtomicInteger failures = new AtomicInteger();
    concurrently(8, () -> {
      try {
        return prices.slowFailure("Y");
      } catch (IOException e) {
        failures.incrementAndGet();
        return -1L;
      }
    });
    System.out.println("failures seen " + failures.get());
    try {
      prices.slowFailure("Y");
    } catch (IOException e) {
      System.out.println("later call failed again");
    }
    System.out.println("runs X=" + prices.runs("slowPrice:X") + " Y=" + prices.runs("slowFailure:Y"));
  }

  private static void exceptions() {
    PriceService prices = new PriceService();
    for (int i = 0; i < 3; i++) {
      try {
        System.out.println("flaky " + prices.flaky("F"));
      } catch (IOException e) {
        System.out.println("flaky failed: " + e.getMessage());
      }
    }
    System.out.println("runs flaky=" + prices.runs("flaky:F"));
  }

  private static void identity() {
    PriceService prices = new PriceService();
    for (int i = 0; i < 4; i++) {
      prices.lookup(new PriceService.Query("AB"));
    }
    System.out.println("runs lookup=" + prices.runs("lookup"));
  }

  private static void mutable() {
    PriceService prices = new PriceService();
    int[] first = prices.history("H");
    first[0] = 99;
    int[] second = prices.history("H");
    System.out.println("second[0]=" + second[0] + " runs=" + prices.runs("history:H"));
  }

  private static void nested() {
    PriceService prices = new PriceService();
    Portfolio portfolio = new Portfolio(prices);
    for (int i = 0; i < 3; i++) {
      portfolio.value("A");
    }
    System.out.println("runs price=" + prices.runs("price:A"));
  }

  private static void fetch(int port, int calls) {
    RemoteClient client = new RemoteClient(port);
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < calls; i++) {
      try {
        client.fetch("/item/" + i);
        ok++;
      } catch (IOException e) {
        failed++;
      }
    }
    System.out.println("fetch ok=" + ok + " failed=" + failed);
  }

  private static void send(int port, int calls) {
    RemoteClient client = new RemoteClient(port);
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < calls; i++) {
      try {
        client.send("/tx/" + i);
        ok++;
      } catch (IOException e) {
        failed++;
      }
    }
    System.out.println("send ok=" + ok + " failed=" + failed);
  }

  private static void interrupt(int port) throws Exception {
    RemoteClient client = new RemoteClient(port);
    CountDownLatch done = new CountDownLatch(1);
    String[] result = new String[1];
    Thread worker =
        new Thread(
            () -> {
              try {
                client.fetch("/slow-outage");
                result[0] = "succeeded";
              } catch (IOException e) {
                result[0] = "failed with " + e.getClass().getSimpleName()
                    + ", interrupted=" + Thread.currentThread().isInterrupted();
              }
              done.countDown();
            });
    worker.start();
    // the server answers the first request at once; the retry's backoff is what gets interrupted
    Thread.sleep(500);
    worker.interrupt();
    done.await();
    System.out.println("worker " + result[0]);
  }

  private interface Call {
    long run() throws Exception;
  }

  private static List<Long> concurrently(int threads, Call call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Long> values = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  long value = call.run();
                  synchronized (values) {
                    values.add(value);
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
    return values;
  }
}

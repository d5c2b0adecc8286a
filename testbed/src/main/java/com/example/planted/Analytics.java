package com.example.planted;

import java.util.ArrayList;
import java.util.List;

/** A CPU hot spot, an allocation hot spot, lock contention and exceptions as control flow. */
public final class Analytics {

  private static final Object LEDGER = new Object();
  private static long ledger;

  private Analytics() {}

  /** Burns CPU in one method. */
  public static long crunch(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long hash = 17;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        hash = hash * 31 + (hash >>> 7) + i;
      }
    }
    return hash;
  }

  /** Allocates many short-lived buffers. */
  public static long churn(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long total = 0;
    while (System.nanoTime() < end) {
      List<byte[]> buffers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        buffers.add(new byte[16 * 1024]);
      }
      total += buffers.size();
    }
    return total;
  }

  /** Threads queue for one monitor held while "writing". */
  public static void contend(int threads, int rounds) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                for (int r = 0; r < rounds; r++) {
                  synchronized (LEDGER) {
                    ledger++;
                    Remote.roundTrip(15);
                  }
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  /** Opens a new TCP connection for every request, the way a client without a pool does. */
  public static int connectEach(int connections) throws java.io.IOException, InterruptedException {
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 128, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                for (int i = 0; i < connections; i++) {
                  try (java.net.Socket accepted = server.accept()) {
                    accepted.getOutputStream().write(1);
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      acceptor.start();
      int read = 0;
      for (int i = 0; i < connections; i++) {
        try (java.net.Socket socket = new java.net.Socket(server.getInetAddress(), server.getLocalPort())) {
          read += socket.getInputStream().read();
        }
      }
      acceptor.join();
      return read;
    }
  }

  /** Parses with exceptions as the "not a number" answer. */
  public static int parseAll(int count) {
    int parsed = 0;
    for (int i = 0; i < count; i++) {
      parsed += parseOrZero(i % 3 == 0 ? Integer.toString(i) : "n/a-" + i);
    }
    return parsed;
  }

  static int parseOrZero(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

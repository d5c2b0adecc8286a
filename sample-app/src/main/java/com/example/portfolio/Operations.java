package com.example.portfolio;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The application's own measure of each of its operations: count, failures, latencies. */
public final class Operations {

  /** One operation of the client; its failures are what the application sees. */
  public interface Call {
    Object run() throws Exception;
  }

  private final Map<String, OperationStats> stats = new ConcurrentHashMap<>();

  /** Runs one read: a call that changes nothing at the node. */
  public void read(String name, Call call) throws InterruptedException {
    timed(name, "read", call);
  }

  /** Runs one write: a call that changes state at the node. */
  public void write(String name, Call call) throws InterruptedException {
    timed(name, "write", call);
  }

  /** Runs a computation of the application's own, no call to the node. */
  public void compute(String name, Call call) throws InterruptedException {
    timed(name, "cpu", call);
  }

  private void timed(String name, String kind, Call call) throws InterruptedException {
    long begin = System.nanoTime();
    boolean failed = false;
    try {
      call.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      failed = true;
    }
    stats.computeIfAbsent(name, n -> new OperationStats(n, kind)).record(System.nanoTime() - begin, failed);
  }

  /** Operations run so far. */
  long count() {
    return stats.values().stream().mapToLong(OperationStats::count).sum();
  }

  void print(double seconds, PrintStream out) {
    out.printf("  %-30s %5s %7s %7s %10s %10s %10s %10s%n", "operation", "kind", "count", "failed", "p50", "p95", "p99", "throughput");
    new TreeMap<>(stats).values().forEach(s -> out.println(s.line(seconds)));
  }
}

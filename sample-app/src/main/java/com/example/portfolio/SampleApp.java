package com.example.portfolio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portfolio tracker that polls a node the way naive clients do: the block height every round,
 * every account's balance one by one (N+1), and now and then a transaction. Prints what it saw.
 *
 * <p>Usage: {@code java -jar perfweave-sample-app.jar [--rounds N] [--failure-rate R] [--seed S]}.
 * The node it talks to runs in a JVM of its own, started and stopped by the app.
 */
public final class SampleApp {

  private static final int ACCOUNTS = 10;

  private SampleApp() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(option(args, "--rounds", "60"));
    double failureRate = Double.parseDouble(option(args, "--failure-rate", "0.1"));
    long seed = Long.parseLong(option(args, "--seed", "42"));
    if (List.of(args).contains("--node")) {
      NodeProcess.serve(seed, failureRate);
      return;
    }
    Map<String, OperationStats> stats = new LinkedHashMap<>();
    for (String operation : new String[] {"getBlockCount", "getBalance", "sendTransaction"}) {
      stats.put(operation, new OperationStats(operation));
    }
    try (NodeProcess node = NodeProcess.start(seed, failureRate)) {
      long start = System.nanoTime();
      NodeClient client = new NodeClient(node.rpcUrl());
      for (int round = 0; round < rounds; round++) {
        timed(stats.get("getBlockCount"), client::getBlockCount);
        for (int account = 0; account < ACCOUNTS; account++) {
          String name = "account-" + account;
          timed(stats.get("getBalance"), () -> client.getBalance(name));
        }
        if (round % 10 == 9) {
          String tx = "tx-" + round;
          timed(stats.get("sendTransaction"), () -> client.sendTransaction(tx));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      printSummary(stats, seconds, node.received());
    }
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static void timed(OperationStats stats, Call call) throws InterruptedException {
    long begin = System.nanoTime();
    boolean failed = false;
    try {
      call.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      failed = true;
    }
    stats.record(System.nanoTime() - begin, failed);
  }

  private static void printSummary(
      Map<String, OperationStats> stats, double seconds, Map<String, Long> received) {
    System.out.printf("sample-app: %.1fs%n", seconds);
    System.out.printf(
        "  %-16s %7s %8s %11s %11s %11s %11s%n",
        "operation", "count", "failed", "p50", "p95", "p99", "throughput");
    stats.values().forEach(s -> System.out.println(s.line(seconds)));
    System.out.println("node: requests received per method");
    received.forEach((method, count) -> System.out.printf("  %-16s %7d%n", method, count));
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}

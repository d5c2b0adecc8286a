package com.example.portfolio;

import com.example.portfolio.market.MarketScenario;
import com.example.portfolio.near.NearScenario;
import com.example.portfolio.neo.NeoScenario;
import com.example.portfolio.node.NodeOptions;
import com.example.portfolio.node.NodeProcess;
import com.example.portfolio.pod.PodScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client application written the way the seed systems' naive clients are: it polls a node,
 * re-reads what it just read, looks things up one by one, and never caches or retries. The node
 * runs in a JVM of its own, started and stopped by the app.
 *
 * <p>Usage: {@code java -jar perfweave-sample-app.jar [--scenario near|neo|market|pod|all]
 * [--rounds N] [--failure-rate R] [--seed S] [--block-time MS] [--rate-limit PER_SECOND]
 * [--port P] [--rate OPERATIONS_PER_SECOND] [--warmup-rounds N]}. Without a rate, rounds run
 * back to back; warm-up rounds run first and are left out of the summary and the CPU figure.
 */
public final class SampleApp {

  private static final String USAGE =
      "usage: java -jar perfweave-sample-app.jar [--scenario near|neo|market|pod|all] [--rounds N]"
          + " [--failure-rate R] [--seed S] [--block-time MS] [--rate-limit PER_SECOND] [--port P]"
          + " [--rate OPERATIONS_PER_SECOND] [--warmup-rounds N]";
  private static final Set<String> OPTIONS =
      Set.of("--scenario", "--rounds", "--failure-rate", "--seed", "--block-time", "--rate-limit",
          "--port", "--rate", "--warmup-rounds");

  private SampleApp() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    String unknown = unknownOption(args);
    if (unknown != null) {
      System.err.println("sample-app: unknown option " + unknown + "\n" + USAGE);
      System.exit(2);
    }
    NodeOptions node =
        new NodeOptions(
            Long.parseLong(option(args, "--seed", "42")),
            Double.parseDouble(option(args, "--failure-rate", "0.1")),
            Long.parseLong(option(args, "--block-time", "500")),
            Integer.parseInt(option(args, "--rate-limit", "20")),
            Integer.parseInt(option(args, "--port", "18545")));
    if (List.of(args).contains("--node")) {
      NodeProcess.serve(node);
      return;
    }
    int rounds = Integer.parseInt(option(args, "--rounds", "40"));
    int warmup = Integer.parseInt(option(args, "--warmup-rounds", "0"));
    double rate = Double.parseDouble(option(args, "--rate", "0"));
    String scenarios = option(args, "--scenario", "all");
    Operations operations = new Operations();
    try (NodeProcess process = NodeProcess.start(node)) {
      List<Scenario> chosen = scenarios(scenarios, process.baseUrl());
      for (int round = 0; round < warmup; round++) {
        for (Scenario scenario : chosen) {
          scenario.round(round, new Operations());
        }
      }
      long start = System.nanoTime();
      long cpuStart = ProcessCpu.nanos();
      long jitStart = ProcessCpu.jitMillis();
      for (int round = 0; round < rounds; round++) {
        pace(start, operations.count(), rate);
        for (Scenario scenario : chosen) {
          scenario.round(round, operations);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpuNanos = ProcessCpu.nanos() - cpuStart;
      long jitMillis = ProcessCpu.jitMillis() - jitStart;
      close(chosen);
      printSummary(scenarios, rounds, operations, seconds, process.received());
      System.out.printf(
          "sample-app: process CPU %.0f ms for %d operations (%.1f µs/operation)%n",
          cpuNanos / 1e6, operations.count(), cpuNanos / 1e3 / Math.max(1, operations.count()));
      // what the JIT still compiles in the measured rounds is part of their CPU: a one-time cost
      System.out.printf(
          "sample-app: JIT compilation %d ms in the measured rounds (%.1f µs/operation)%n",
          jitMillis, jitMillis * 1e3 / Math.max(1, operations.count()));
    }
  }

  /** With a rate (operations per second), waits until the operations done so far are due. */
  private static void pace(long start, long done, double rate) throws InterruptedException {
    if (rate > 0) {
      long due = start + (long) (done / rate * 1e9);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }

  private static List<Scenario> scenarios(String names, String baseUrl) {
    List<Scenario> scenarios = new ArrayList<>();
    for (String name : names.equals("all") ? List.of("near", "neo", "market", "pod") : List.of(names.split(","))) {
      switch (name) {
        case "near":
          scenarios.add(new NearScenario(baseUrl));
          break;
        case "neo":
          scenarios.add(new NeoScenario(baseUrl));
          break;
        case "market":
          scenarios.add(new MarketScenario(baseUrl));
          break;
        case "pod":
          scenarios.add(new PodScenario(baseUrl));
          break;
        default:
          throw new IllegalArgumentException("unknown scenario '" + name + "' (near, neo, market, pod, all)");
      }
    }
    return scenarios;
  }

  private static void close(List<Scenario> scenarios) throws Exception {
    for (Scenario scenario : scenarios) {
      if (scenario instanceof AutoCloseable) {
        ((AutoCloseable) scenario).close();
      }
    }
  }

  private static void printSummary(String scenarios, int rounds, Operations operations, double seconds, Map<String, Long> received) {
    System.out.printf("sample-app: scenario %s, %d rounds in %.1fs%n", scenarios, rounds, seconds);
    operations.print(seconds, System.out);
    System.out.println("node: calls received per method");
    received.forEach((method, count) -> System.out.printf("  %-30s %7d%n", method, count));
  }

  /** The first argument that is neither a known option nor its value; {@code --node} is internal. */
  private static String unknownOption(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (OPTIONS.contains(args[i])) {
        i++;
      } else if (!args[i].equals("--node")) {
        return args[i];
      }
    }
    return null;
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

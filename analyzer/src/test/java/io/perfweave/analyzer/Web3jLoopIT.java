package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on code nobody here wrote: web3j (OkHttp inside) in a wallet dashboard, against
 * a jsonrpc4j node behind a front that fails 15% of requests with 503. Record with no config,
 * analyze, run again with suggested-config.yaml against a node on another port, compare.
 */
final class Web3jLoopIT {

  private static final int SECONDS = 16;
  private static final double FAULT_RATE = 0.15;
  private static final Pattern P95 = Pattern.compile("p95 (\\S+) ([0-9.]+)");

  @TempDir Path work;

  @Test
  void suggestedConfig_deliversWhatTheReplayPredicts_writesExact_finalReadsCurrent() throws Exception {
    Run before = run("output: before\n", "before");
    AnalyzerRun analyze = AnalyzerRun.of("analyze", work.resolve("before").toString(), "--out", work.resolve("report").toString());
    assertEquals(0, analyze.exitCode(), analyze.stderr());
    JsonNode report = AnalyzerRun.report(work.resolve("report"));
    assertTrue(recommends(report, "hot-cpu-method", "com.example.web3.DashboardApp.fingerprint"),
        "the application's own costly method is named: " + report.path("recommendations"));
    String suggested = Files.readString(work.resolve("report/suggested-config.yaml"));
    assertTrue(suggested.contains("eth_getBlockByNumber") && suggested.contains("eth_getTransactionByHash"), suggested);
    assertTrue(!suggested.contains("eth_sendRawTransaction:") || !suggested.matches("(?s).*eth_sendRawTransaction:\\s*\\n\\s*idempotent: true.*"), suggested);

    Run after = run("output: after\n" + suggested, "after");
    AnalyzerRun compare = AnalyzerRun.of("compare", work.resolve("before").toString(), work.resolve("after").toString(),
        "--out", work.resolve("compare").toString());
    assertEquals(0, compare.exitCode(), compare.stderr());
    JsonNode comparison = new ObjectMapper().readTree(work.resolve("compare/compare.json").toFile());

    String table = table(before, after, report, comparison);
    System.out.println(table + "\n" + before.output() + "\n" + after.output());
    Files.writeString(work.resolve("table.md"), table);
    assertEquals(0, comparison.path("pairing").path("onlyBefore").size(), "every site pairs across ports: " + comparison.path("pairing"));
    JsonNode sent = headline(comparison, "RPCs sent");
    double predicted = sent.path("predicted").asDouble();
    double measured = sent.path("after").asDouble();
    assertTrue(measured < sent.path("before").asDouble() / 2, table);
    assertTrue(Math.abs(measured - predicted) <= 0.25 * predicted, "RPCs sent within 25% of the prediction:\n" + table);
    assertTrue(after.readFailures() < before.readFailures() / 5, table);
    // 10 %, and a millisecond: a p95 of about a hundred calls moves by that from one call's
    // jitter; and 15 % of the reads, which failed before (a fast 503 from the front), now succeed
    // after up to two retries (each a 503 round trip and its backoff, 1 then 2 ms, before the call
    // again) and join the reads that returned a value: at that share they are the p95, a few ms
    // above a first-attempt call (CI saw +3.9, +4.8 and +8.2 ms on eth_blockNumber, whose short
    // TTL leaves the most calls to the node)
    long retried = 10;
    before.p95().forEach((method, p95) ->
        assertTrue(after.p95().get(method) <= p95 * 1.1 + 1 + retried,
            method + " p95 rose by more than 10% and a retry's cost:\n" + table));
    assertEquals(after.writesSent() - after.writesFailed(), after.writesReceived(), "every write reached the node once: " + after.output());
    assertTrue(after.finalReadsCurrent(), after.output());
    assertTrue(before.finalReadsCurrent(), before.output());
  }

  private static boolean recommends(JsonNode report, String rule, String subject) {
    for (JsonNode finding : report.path("recommendations")) {
      if (finding.path("rule").asText().equals(rule) && finding.path("subject").asText().equals(subject)) {
        return true;
      }
    }
    return false;
  }

  private Run run(String config, String name) throws Exception {
    try (EthNode node = new EthNode(FAULT_RATE, 15, 1000)) {
      Path file = Files.writeString(work.resolve(name + ".yaml"), config);
      ForkedJvm.Result result =
          new ForkedJvm(Jdks.current()).withAgent("config=" + file).libraries("web3j")
              .main("com.example.web3.DashboardApp").args(node.port(), SECONDS, 4, 400).run(work);
      assertEquals(0, result.exitCode(), result.stderr());
      return new Run(result.stdout(), node.received("eth_sendRawTransaction"), node.receivedReads(),
          finalReadsCurrent(result.stdout(), node));
    }
  }

  private static boolean finalReadsCurrent(String output, EthNode node) {
    Matcher balance = Pattern.compile("final balance (\\S+) (\\d+)").matcher(output);
    int found = 0;
    while (balance.find()) {
      found++;
      if (!new BigInteger(balance.group(2)).equals(node.balance(balance.group(1)))) {
        return false;
      }
    }
    Matcher nonce = Pattern.compile("final nonce (\\d+)").matcher(output);
    return found == 4 && nonce.find() && new BigInteger(nonce.group(1)).equals(node.nonce());
  }

  private static JsonNode headline(JsonNode comparison, String metric) {
    for (JsonNode row : comparison.path("headline")) {
      if (row.path("metric").asText().equals(metric)) {
        return row;
      }
    }
    throw new AssertionError("no headline row " + metric + ": " + comparison.path("headline"));
  }

  /** The before/after/predicted table BENCHMARKS.md shows. */
  private static String table(Run before, Run after, JsonNode report, JsonNode comparison) {
    StringBuilder md = new StringBuilder("| | before | after | predicted |\n|---|---:|---:|---:|\n");
    JsonNode sent = headline(comparison, "RPCs sent");
    JsonNode errors = headline(comparison, "errors the application saw");
    md.append(String.format("| RPCs sent (agent) | %.0f | %.0f | %.0f |%n", sent.path("before").asDouble(), sent.path("after").asDouble(), sent.path("predicted").asDouble()));
    md.append(String.format("| reads that reached the node | %d | %d | |%n", before.readsReceived(), after.readsReceived()));
    md.append(String.format("| errors the application's calls saw (agent) | %.0f | %.0f | %.0f |%n", errors.path("before").asDouble(), errors.path("after").asDouble(), errors.path("predicted").asDouble()));
    md.append(String.format("| read failures the dashboard counted | %d | %d | |%n", before.readFailures(), after.readFailures()));
    md.append(String.format("| writes sent / reached the node | %d / %d | %d / %d | |%n",
        before.writesSent() - before.writesFailed(), before.writesReceived(), after.writesSent() - after.writesFailed(), after.writesReceived()));
    before.p95().forEach((method, p95) ->
        md.append(String.format("| p95 ms %s (the dashboard's) | %.2f | %.2f | |%n", method, p95, after.p95().get(method))));
    md.append("\nplans: ");
    for (JsonNode site : report.path("sites")) {
      if (!site.path("plan").isNull()) {
        md.append(site.path("name").asText().replaceAll("^http:[^ ]+ ", "")).append(" (").append(site.path("plan").path("words").asText()).append("); ");
      }
    }
    return md.toString();
  }

  /** What one run printed and what its node counted. */
  private record Run(String output, long writesReceived, long readsReceived, boolean finalReadsCurrent) {

    long readFailures() {
      Matcher m = Pattern.compile("readFailures \\{([^}]*)}").matcher(output);
      if (!m.find() || m.group(1).isBlank()) {
        return 0;
      }
      long sum = 0;
      for (String entry : m.group(1).split(", ")) {
        sum += Long.parseLong(entry.substring(entry.indexOf('=') + 1));
      }
      return sum;
    }

    long writesSent() {
      return number("writesSent");
    }

    long writesFailed() {
      return number("writesFailed");
    }

    Map<String, Double> p95() {
      Map<String, Double> p95 = new LinkedHashMap<>();
      Matcher m = P95.matcher(output);
      while (m.find()) {
        p95.put(m.group(1), Double.parseDouble(m.group(2)));
      }
      return p95;
    }

    private long number(String label) {
      Matcher m = Pattern.compile(label + " (\\d+)").matcher(output);
      if (!m.find()) {
        throw new AssertionError("no " + label + " in: " + output);
      }
      return Long.parseLong(m.group(1));
    }
  }
}

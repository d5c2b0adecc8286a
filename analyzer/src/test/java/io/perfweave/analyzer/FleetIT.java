package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet: three instances of a web3j service (OkHttp inside) polling a jsonrpc4j node for the
 * same data, recorded at once into one directory. The analyzer tells the JVMs apart, finds that
 * they repeat each other's calls, and plans a cache they share through Redis; applied (a real
 * {@code redis-server}), it cuts the node's calls as the replay of the merged streams predicted.
 */
class FleetIT {

  private static final int JVMS = 3;
  private static final int SECONDS = 24;
  private static final int PERIOD_MS = 300;
  private static final int STAGGER_MS = 700;

  @TempDir Path work;

  @Test
  void threeJvms_mergedReport_sharedCacheSuggested_andItsPredictionHolds() throws Exception {
    Path recorded = work.resolve("recorded");
    long callsBefore;
    try (EthNode node = new EthNode(0, 2, 2000)) {
      fleet(node, Files.writeString(work.resolve("plain.yaml"), "output: " + recorded + "\n"
          + "profiling: { asyncProfiler: { enabled: false } }\n"), null);
      callsBefore = reads(node);
    }
    AnalyzerRun analysis = AnalyzerRun.of("analyze", recorded.toString(), "--out", work.resolve("report").toString());
    assertEquals(0, analysis.exitCode(), analysis.stderr());
    JsonNode report = AnalyzerRun.report(work.resolve("report"));

    assertEquals(JVMS, report.path("jvms").size(), report.path("jvms").toString());
    List<Long> pids = new ArrayList<>();
    report.path("jvms").forEach(jvm -> pids.add(jvm.path("pid").asLong()));
    assertEquals(JVMS, pids.stream().distinct().filter(pid -> pid > 0).count(), pids.toString());
    // the head moves on every second: no JVM's own cache may keep it long enough to answer its
    // own next read, the fleet's reads come close enough for a shared one
    JsonNode finding = finding(report, "fleet-repeats", "eth_blockNumber");
    System.out.println("fleet: planned for the head: " + finding.path("fix").asText().replaceAll(".*Planned for the site: ", ""));
    assertTrue(finding.path("config").asText().contains("l2:"), finding.toString());
    String suggested = Files.readString(work.resolve("report/suggested-config.yaml"));
    assertTrue(suggested.contains("redis:") && suggested.contains("l2:"), suggested);
    summariesOfEachJvm_mergeIntoTheFleetsCounts(recorded, report);
    long predictedSent = report.path("prediction").path("rpcsSentAfter").asLong();
    long recordedSent = report.path("prediction").path("rpcsSentBefore").asLong();
    assertEquals(callsBefore, recordedSent, "the recordings hold every read the node received");

    try (RedisServer redis = RedisServer.start(work); EthNode node = new EthNode(0, 2, 2000)) {
      Path applied = Files.writeString(work.resolve("applied.yaml"),
          suggested.replace("output: ", "output_was: ").replaceFirst("(?m)^", "output: " + work.resolve("applied") + "\n"));
      List<ForkedJvm.Result> runs = fleet(node, applied, redis.url());
      long sentAfter = reads(node);
      long callsAfter = runs.stream().mapToLong(FleetIT::readsMade).sum();
      long callsRecorded = report.path("summary").path("calls").asLong();
      double predicted = (double) predictedSent / callsRecorded * callsAfter;
      System.out.println("fleet: node reads " + callsBefore + " recorded → " + sentAfter + " with the shared cache;"
          + " predicted " + Math.round(predicted) + " (replay: " + recordedSent + " → " + predictedSent
          + " for " + callsRecorded + " calls; " + callsAfter + " calls after)");
      assertTrue(Math.abs(sentAfter - predicted) <= 0.25 * predicted,
          "node reads " + sentAfter + ", predicted " + predicted + "\n" + suggested);
      for (ForkedJvm.Result run : runs) {
        assertTrue(run.stderr().contains(" hits, "), run.stderr());
      }
    }
  }

  /**
   * Each JVM's recording summarized where it lies (analyze --summary-only), the summaries merged
   * (analyze --merge): the fleet's JVMs and calls, as the analysis of all recordings together has
   * them, from files a fraction of the recordings' size.
   */
  private void summariesOfEachJvm_mergeIntoTheFleetsCounts(Path recorded, JsonNode report) throws Exception {
    List<String> merge = new ArrayList<>(List.of("analyze", "--merge", "--out", work.resolve("fleet").toString()));
    long recordingBytes = 0;
    long summaryBytes = 0;
    try (var files = Files.list(recorded)) {
      for (Path recording : files.sorted().toList()) {
        Path summary = work.resolve("summary-" + recording.getFileName());
        AnalyzerRun run = AnalyzerRun.of("analyze", "--summary-only", recording.toString(), "--out", summary.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        merge.add(summary.resolve("model.json").toString());
        recordingBytes += Files.size(recording);
        summaryBytes += Files.size(summary.resolve("model.json"));
      }
    }
    AnalyzerRun merged = AnalyzerRun.of(merge.toArray(String[]::new));
    assertEquals(0, merged.exitCode(), merged.stderr());
    JsonNode fleet = new com.fasterxml.jackson.databind.ObjectMapper().readTree(work.resolve("fleet/fleet.json").toFile());
    assertEquals(JVMS, fleet.path("jvms").size(), fleet.toString());
    long calls = 0;
    for (JsonNode site : fleet.path("sites")) {
      calls += site.path("calls").asLong();
      assertEquals(JVMS, site.path("jvmsCalling").asInt(), site.toString());
    }
    assertEquals(report.path("summary").path("calls").asLong(), calls, fleet.toString());
    System.out.println("fleet summaries: " + summaryBytes + " bytes for " + recordingBytes + " bytes of recordings; "
        + merged.stdout().lines().findFirst().orElse(""));
    assertTrue(summaryBytes * 10 < recordingBytes, summaryBytes + " bytes of summaries");
  }

  /** Starts the fleet, one JVM a second after the other, and waits for all of it. */
  private List<ForkedJvm.Result> fleet(EthNode node, Path config, String redisUrl) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      ForkedJvm jvm = new ForkedJvm(Jdks.current()).withAgent("config=" + config).libraries("web3j")
          .main("com.example.web3.ChainReader").args(node.port(), SECONDS, PERIOD_MS, i * STAGGER_MS);
      if (redisUrl != null) {
        jvm.env("PERFWEAVE_REDIS_URL", redisUrl);
      }
      processes.add(jvm.start(Files.createDirectories(work.resolve("jvm" + i + "-" + System.nanoTime()))));
    }
    List<ForkedJvm.Result> results = new ArrayList<>();
    for (Process process : processes) {
      ForkedJvm.Result result = ForkedJvm.Result.of(process);
      assertEquals(0, result.exitCode(), result.stderr());
      assertTrue(result.stdout().contains("wrong=0 failed=0"), result.stdout());
      results.add(result);
    }
    return results;
  }

  private static long reads(EthNode node) {
    return node.received("eth_chainId") + node.received("eth_getBalance") + node.received("eth_blockNumber");
  }

  private static long readsMade(ForkedJvm.Result run) {
    java.util.regex.Matcher reads = java.util.regex.Pattern.compile("reads=(\\d+)").matcher(run.stdout());
    assertTrue(reads.find(), run.stdout());
    return Long.parseLong(reads.group(1));
  }

  private static JsonNode finding(JsonNode report, String rule, String subjectPart) {
    for (JsonNode finding : report.path("recommendations")) {
      if (finding.path("rule").asText().equals(rule) && finding.path("subject").asText().contains(subjectPart)) {
        return finding;
      }
    }
    throw new AssertionError("no " + rule + " on " + subjectPart + ": " + report.path("recommendations"));
  }
}

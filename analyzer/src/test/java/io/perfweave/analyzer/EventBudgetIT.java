package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site called far beyond its per-second event budget: most calls get no event of their own,
 * and the analyzer's totals are still exact — calls, failures, outcomes — from the SiteStats the
 * agent writes for the rest; every failure keeps its own event; and the analyzer finds the site's
 * problems (its repeated reads, its transient failures) as it does when every call is recorded,
 * where the events' own allocation is perfweave's, not the woven method's.
 */
class EventBudgetIT {

  private static final int CALLS = 300_000;
  /** What the analyzer finds at the site: a hundred keys read over and over, about one call in a hundred failing. */
  private static final Set<String> BURST_FINDINGS = Set.of("repeated-reads", "transient-errors");

  @TempDir Path work;

  @Test
  void overTheBudget_totalsExact_failuresEachRecorded() throws Exception {
    JsonNode site = burst("profiling: { asyncProfiler: { enabled: false } }\n");

    assertEquals(CALLS, site.path("calls").asLong(), site.toString());
    assertEquals(failures, site.path("errors").asLong(), site.toString());
    assertTrue(failures > 0, "the application's own count of failures");
    assertTrue(site.path("unrecordedCalls").asLong() > CALLS / 2, site.toString());
    assertTrue(recordedEvents < CALLS / 10, recordedEvents + " events for " + CALLS + " calls");
    assertTrue(quality.contains("Calls beyond the event budget were counted"), quality);
    assertEquals(BURST_FINDINGS, findings);
  }

  @Test
  void budgetZero_everyCallItsOwnEvent() throws Exception {
    JsonNode site = burst("profiling: { asyncProfiler: { enabled: false }, jfr: { callEventsPerSecond: 0 } }\n");

    assertEquals(CALLS, site.path("calls").asLong(), site.toString());
    assertEquals(0, site.path("unrecordedCalls").asLong(), site.toString());
    assertEquals(CALLS, recordedEvents);
    assertEquals(BURST_FINDINGS, findings);
    // 300,000 events allocated inside the woven method are perfweave's cost, not the method's
    assertTrue(perfweaveBytes > 0, "perfweave's own allocation");
    assertFalse(allocationHotSpots.contains("com.example.testbed.BurstApp$Source.read"), allocationHotSpots.toString());
  }

  private long failures;
  private long recordedEvents;
  private String quality = "";
  private Set<String> findings = Set.of();
  private Set<String> allocationHotSpots = Set.of();
  private long perfweaveBytes;

  private JsonNode burst(String profiling) throws Exception {
    Path config = Files.writeString(work.resolve("burst.yaml"), "output: out\n" + profiling
        + "sites:\n  - name: burst\n    match: { type: \"com.example.testbed.BurstApp$Source\", method: read }\n"
        + "    stackTrace: false\n    idempotent: true\n");
    ForkedJvm.Result run = new ForkedJvm(Jdks.current()).withAgent("config=" + config)
        .main("com.example.testbed.BurstApp").args(CALLS).run(work);
    assertEquals(0, run.exitCode(), run.stderr());
    Matcher made = Pattern.compile("calls=(\\d+) failures=(\\d+)").matcher(run.stdout());
    assertTrue(made.find(), run.stdout());
    failures = Long.parseLong(made.group(2));
    AnalyzerRun analysis = AnalyzerRun.of("analyze", work.resolve("out").toString(), "--out", work.resolve("report").toString());
    assertEquals(0, analysis.exitCode(), analysis.stderr());
    JsonNode report = AnalyzerRun.report(work.resolve("report"));
    quality = report.path("quality").path("notes").toString();
    findings = new TreeSet<>();
    allocationHotSpots = new TreeSet<>();
    for (JsonNode recommendation : report.path("recommendations")) {
      if (recommendation.path("subject").asText().equals("burst")) {
        findings.add(recommendation.path("rule").asText());
      }
      if (recommendation.path("rule").asText().equals("allocation-hot-spot")) {
        allocationHotSpots.add(recommendation.path("subject").asText());
      }
    }
    perfweaveBytes = report.path("allocation").path("perfweaveBytes").asLong();
    recordedEvents = 0;
    try (var files = Files.list(work.resolve("out"))) {
      for (Path file : files.toList()) {
        recordedEvents += jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals("perfweave.RpcCall")).count();
      }
    }
    for (JsonNode site : report.path("sites")) {
      if (site.path("name").asText().equals("burst")) {
        return site;
      }
    }
    throw new AssertionError("no site burst: " + report.path("sites"));
  }
}

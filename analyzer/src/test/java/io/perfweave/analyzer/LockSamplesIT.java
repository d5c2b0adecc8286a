package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * async-profiler's lock samples read for what they stand for. It samples one wait each time the
 * waits add up past its interval (10 ms here), so a sample of a 3 ms wait stands for 10 ms of
 * waiting; read as its own 3 ms, the report showed a fraction of the contention. Three threads
 * queue for one monitor with waits of a few milliseconds, measure their waits themselves, and the
 * report's blocked time for that monitor must come to about what they measured. Where
 * async-profiler samples locks JFR's own lock events are off, so nothing is counted twice.
 */
class LockSamplesIT {

  private static final String LEDGER = "com.example.testbed.LockApp$Ledger";

  @TempDir Path work;

  @Test
  void shortWaits_sampledByAsyncProfiler_reportedAtTheTimeTheThreadsWaited() throws Exception {
    Path config = Files.writeString(work.resolve("locks.yaml"),
        "output: out\nprofiling: { asyncProfiler: { events: [cpu, lock] } }\n");
    ForkedJvm.Result run = new ForkedJvm(Jdks.current()).withAgent("config=" + config)
        .main("com.example.testbed.LockApp").args(3, 300, 2).run(work);
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stderr().contains("async-profiler recording:"), run.stderr());
    Matcher measured = Pattern.compile("waitedNanos=(\\d+)").matcher(run.stdout());
    assertTrue(measured.find(), run.stdout());
    double waitedMs = Long.parseLong(measured.group(1)) / 1e6;

    AnalyzerRun analysis =
        AnalyzerRun.of("analyze", work.resolve("out").toString(), "--out", work.resolve("report").toString());
    assertEquals(0, analysis.exitCode(), analysis.stderr());
    JsonNode locks = AnalyzerRun.report(work.resolve("report")).path("locks");
    JsonNode byMonitor = locks.path("byMonitor");
    double blockedMs = ledger(byMonitor).path("blockedMs").asDouble();

    // ~300 samples of 10 ms: their own sampling error is a few percent; the waits' own
    // measurement adds the time between reading the clock and entering
    assertTrue(waitedMs > 1000, "the threads waited only " + waitedMs + " ms: too little contention to compare");
    assertTrue(blockedMs > 0.7 * waitedMs && blockedMs < 1.3 * waitedMs,
        "report " + blockedMs + " ms blocked, the threads measured " + waitedMs + " ms: " + byMonitor);
    assertEquals(0, Recordings.events(Recordings.only(work.resolve("out")), "jdk.JavaMonitorEnter").size(),
        "JFR recorded monitor waits beside async-profiler's samples");
    assertEquals("[\"async-profiler jdk.JavaMonitorEnter\"]", locks.path("sources").toString());
  }

  private static JsonNode ledger(JsonNode byMonitor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = byMonitor.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> monitor = it.next();
      if (monitor.getKey().replace('/', '.').equals(LEDGER)) {
        return monitor.getValue();
      }
    }
    throw new AssertionError("no " + LEDGER + " among the monitors: " + byMonitor);
  }
}
